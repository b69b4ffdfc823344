/**
 * Word lists for synthetic postmortems. The mix is chosen so that a library
 * of any size has what search must cope with: words in most documents
 * ("latency", "deploy"), words in a few percent (technologies, symptoms), and
 * codenames each found in well under one percent.
 */

export const SERVICES = [
  "auth-api", "checkout", "payments-gateway", "search-indexer", "notification-service", "user-profile",
  "inventory", "order-router", "billing", "cdn-edge", "api-gateway", "session-store", "feature-flags",
  "recommendations", "media-transcoder", "email-sender", "webhook-dispatcher", "ledger", "fraud-scoring",
  "identity-provider", "shipping-quotes", "catalog", "cart", "pricing", "reporting-etl", "data-warehouse",
  "mobile-bff", "graphql-gateway", "rate-limiter", "dns-resolver", "kafka-cluster", "redis-cache",
  "postgres-primary", "object-storage", "load-balancer", "ci-runners", "deploy-pipeline", "metrics-pipeline",
  "log-shipper", "config-service", "image-resizer", "geo-lookup", "tax-engine", "invoice-renderer",
  "chat-backend", "push-gateway", "audit-log", "scheduler", "secrets-vault", "status-page",
] as const;

export const TAGS = [
  "database", "dns", "cache", "deploy", "feature-flag", "certificate", "tls", "kubernetes", "network",
  "capacity", "memory-leak", "race-condition", "config-drift", "third-party", "rollback", "migration",
  "queue-backlog", "thundering-herd", "rate-limiting", "timeout", "retry-storm", "disk-full", "clock-skew",
  "token-parser", "authentication", "observability", "alerting", "on-call", "data-loss", "data-corruption",
  "latency", "cost", "security", "dependency-upgrade", "schema-change", "cron", "batch-job", "autoscaling",
  "cdn", "mobile", "load-balancing", "replication", "backups", "permissions", "quota", "connection-pool",
] as const;

export const TIMEZONES = [
  "UTC", "Europe/Berlin", "Europe/London", "America/New_York", "America/Los_Angeles", "Asia/Tokyo",
  "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo", "Europe/Paris",
] as const;

export const TEAMS = [
  "platform", "payments", "identity", "search", "mobile", "data", "growth", "infrastructure", "storage",
  "networking", "checkout", "support engineering", "developer experience", "security", "billing", "messaging",
] as const;

export const ROLES = [
  "the on-call engineer", "the incident commander", "the secondary on-call", "a database engineer",
  "the release manager", "a support lead", "the platform on-call", "a site reliability engineer",
  "the team lead", "a network engineer", "the communications lead", "an engineer from the owning team",
] as const;

/** First names for authors and action owners (never named as a cause: the text is blameless). */
export const PEOPLE = [
  "Amara Okafor", "Jonas Weber", "Priya Raman", "Mateo Garcia", "Yuki Tanaka", "Fatima Zahra", "Liam O'Brien",
  "Chen Wei", "Sofia Rossi", "Noah Kim", "Aisha Bello", "Lukas Novak", "Elena Petrova", "Diego Alvarez",
  "Hannah Schmidt", "Omar Haddad", "Grace Lee", "Ivan Horvat", "Zoe Martin", "Kwame Mensah", "Ingrid Larsen",
  "Ravi Patel", "Chloé Dubois", "Tomás Ruiz", "Nadia Rahman", "Björn Lindqvist", "Mei Lin", "Samuel Adeyemi",
] as const;

export const TOOLS = [
  "Datadog", "PagerDuty", "Grafana", "Prometheus", "Sentry", "Kibana", "Honeycomb", "Opsgenie", "New Relic",
  "CloudWatch", "Splunk", "Jaeger", "Statuspage", "Slack", "the runbook", "the feature flag console", "Terraform",
  "Argo CD", "Jenkins", "GitHub Actions", "Vault", "Consul", "pgbouncer", "HAProxy", "Envoy", "Nginx",
] as const;

export const REGIONS = [
  "eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-southeast-1", "ap-northeast-1", "sa-east-1",
] as const;

/** Technical nouns that appear in many postmortems. */
export const COMPONENTS = [
  "connection pool", "read replica", "primary database", "message queue", "consumer group", "load balancer",
  "health check", "circuit breaker", "retry policy", "rate limiter", "cache layer", "session cache",
  "service mesh", "sidecar proxy", "ingress controller", "DNS record", "TLS certificate", "API gateway",
  "worker pool", "cron job", "batch job", "background worker", "feature flag", "config map", "deployment manifest",
  "autoscaling group", "node pool", "container image", "build pipeline", "schema migration", "index build",
  "write-ahead log", "replication slot", "object store", "CDN cache", "edge node", "token parser", "auth middleware",
  "session token", "OAuth client", "webhook queue", "dead letter queue", "search index", "job scheduler",
  "disk volume", "file descriptor limit", "thread pool", "garbage collector", "heap", "JVM", "kernel",
  "network policy", "firewall rule", "security group", "NAT gateway", "VPN tunnel", "payment provider",
  "fraud model", "pricing table", "inventory snapshot", "event stream", "Kafka topic", "Redis cluster",
  "Postgres cluster", "MySQL replica", "Elasticsearch cluster", "Kubernetes control plane", "etcd",
] as const;

/** Less common technical terms: each in a few percent of postmortems. */
export const TECH_TERMS = [
  "inode", "keepalive", "HPACK", "cgroup", "OOM killer", "SIGTERM", "conntrack", "ephemeral ports",
  "split brain", "leader election", "quorum", "vacuum", "autovacuum", "bloat", "deadlock", "lock contention",
  "hot partition", "skewed shard", "tombstones", "compaction", "checksum mismatch", "certificate chain",
  "OCSP stapling", "SNI", "MTU", "packet loss", "BGP", "anycast", "TTL", "negative caching", "jitter",
  "exponential backoff", "idempotency key", "exactly-once", "at-least-once", "poison message", "backpressure",
  "head-of-line blocking", "slow loris", "thundering herd", "cache stampede", "cold start", "warm-up",
  "canary", "blue-green", "dark launch", "kill switch", "shadow traffic", "leap second", "daylight saving",
  "clock drift", "NTP", "UTF-8", "byte order mark", "integer overflow", "off-by-one", "null pointer",
  "unhandled exception", "stack overflow", "regex backtracking", "N+1 queries", "full table scan",
  "missing index", "query planner", "prepared statement", "connection storm", "SYN flood", "rate limit",
  "quota exhaustion", "API deprecation", "breaking change", "semver", "lockfile", "transitive dependency",
  "base image", "CVE", "secret rotation", "expired credential", "IAM policy", "RBAC", "service account",
  "webhook signature", "replay attack", "CORS", "CSP header", "cookie size", "header limit", "gzip bomb",
  "memory fragmentation", "swap", "page cache", "file handle leak", "goroutine leak", "event loop lag",
  "GC pause", "stop-the-world", "heap dump", "flame graph", "core dump", "feature toggle", "dual write",
  "backfill", "reindex", "resharding", "failover", "failback", "runbook", "game day", "chaos experiment",
] as const;

export const SYMPTOMS = [
  "elevated 5xx errors", "a latency spike", "timeouts on checkout", "failed logins", "duplicate charges",
  "missing emails", "stale search results", "a growing queue backlog", "dropped webhooks", "slow page loads",
  "failed deploys", "empty dashboards", "500 errors for logged-in users", "intermittent connection resets",
  "out-of-memory crashes", "a full disk", "rejected payments", "delayed notifications", "broken images",
  "stuck background jobs", "certificate errors in browsers", "DNS resolution failures", "a spike in retries",
] as const;

/** What went wrong: [as a title says it, as a sentence says it]. */
export const CAUSES = [
  ["a timeout removed from config", "a configuration change that removed a timeout"],
  ["an expired TLS certificate", "an expired TLS certificate"],
  ["a migration locked a hot table", "a schema migration that locked a hot table"],
  ["a breaking dependency upgrade", "a dependency upgrade with a breaking change"],
  ["a feature flag rollout", "a feature flag turned on for everyone at once"],
  ["a retry storm", "a retry loop without backoff"],
  ["synchronized cache expiry", "a cache TTL set to the same value everywhere"],
  ["connection pool exhaustion", "a connection pool sized for last year's traffic"],
  ["an unbounded query", "an unbounded query added in a routine change"],
  ["a stale DNS record", "a DNS record pointing at a decommissioned host"],
  ["a stricter token parser", "a token parser that rejected tokens from an older release"],
  ["a cron job ran twice", "a cron job that ran twice after a clock change"],
  ["debug logs filled the disk", "a disk that filled with debug logs"],
  ["a client library memory leak", "a memory leak in a new client library"],
  ["a misconfigured health check", "a load balancer health check on the wrong port"],
  ["third-party rate limiting", "a third-party API that started rate limiting"],
  ["autoscaling on the wrong metric", "an autoscaler that scaled on the wrong metric"],
  ["a race between two writers", "a race condition between two writers"],
  ["a firewall rule change", "a firewall rule that blocked the replication port"],
  ["environment drift", "a config drift between staging and production"],
] as const;

export const FIXES = [
  "rolled back the release", "restarted the affected pods", "failed over to the replica", "raised the connection limit",
  "disabled the feature flag", "purged the CDN cache", "rotated the certificate", "added an index", "paused the batch job",
  "drained the node pool", "reverted the configuration", "scaled the worker pool out", "blocked the abusive client",
  "replayed the dead letter queue", "pinned the previous library version", "moved traffic to another region",
] as const;

export const METRICS = [
  "p99 latency", "error rate", "queue depth", "CPU usage", "memory usage", "disk usage", "request rate",
  "cache hit ratio", "replication lag", "connection count", "GC pause time", "consumer lag", "saturation",
] as const;

export const SECTION_TITLES = [
  "Appendix", "Cultural shifts", "Customer communication", "Follow-up questions", "Glossary",
  "Detection details", "Related incidents", "Open questions", "Graphs and dashboards", "Support notes",
] as const;

const ONSETS = ["b", "br", "d", "dr", "f", "g", "gr", "k", "kr", "l", "m", "n", "p", "pr", "r", "s", "st", "t", "tr", "v", "z", "th", "sh", "qu"];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ei"];
const CODAS = ["n", "r", "l", "x", "th", "nd", "rk", "lt", "m", "sk", "v", "z"];

/**
 * Internal codenames ("Project Vantrel", the "kosmir job"): made-up words,
 * about 2,300 of them, so that each one is rare in the library.
 */
export const CODENAMES: readonly string[] = (() => {
  const endings = ["el", "ix", "ar", "o"];
  const names: string[] = [];
  for (const onset of ONSETS) {
    for (const vowel of VOWELS) {
      for (const coda of CODAS) names.push(`${onset}${vowel}${coda}${endings[names.length % endings.length]}`);
    }
  }
  return names;
})();
