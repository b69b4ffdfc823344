/**
 * Word lists the language rules are built from (rules.ts). Lists, not
 * grammar: extend them when the corpus shows a miss or a false alarm.
 */

/** Verbs that describe a failure whenever a person is their subject ("Sarah forgot…"). */
export const FAILURE_VERBS = [
  "broke", "forgot", "missed", "neglected", "overlooked", "ignored", "skipped", "bypassed",
  "misconfigured", "mistyped", "fat-fingered", "fat fingered", "botched", "messed up", "screwed up",
  "caused", "took down", "brought down", "knocked over", "failed to", "misread", "misunderstood",
  "misjudged", "nuked", "blew away", "didn't bother", "did not bother", "rubber-stamped", "rubber stamped",
  "chose to skip", "chose to ignore", "chose to bypass", "decided to skip", "decided to ignore", "decided to bypass",
  "opted to skip", "opted to ignore", "broken", "forgotten", "taken down",
] as const;

/** "didn't / did not / never" + one of these is a failure framed as a person's omission. */
export const OMITTED_VERBS = [
  "check", "test", "verify", "review", "read", "follow", "update", "notice", "respond", "reply",
  "escalate", "acknowledge", "ack", "look", "tell", "document", "communicate", "consider", "ask",
  "validate", "confirm", "catch", "realize", "realise", "think", "run", "double-check", "wait",
] as const;

/** Neutral changes ("Dave deployed the fix") that become a blamed cause when qualified ("…the broken config"). */
export const ACTION_VERBS = [
  "deployed", "pushed", "merged", "shipped", "committed", "ran", "executed", "applied", "changed",
  "modified", "edited", "approved", "introduced", "typed", "rolled out", "released", "updated",
  "upgraded", "migrated", "configured", "set", "wrote", "added", "enabled", "force-pushed", "force pushed", "signed off",
  "gave", "sent", "used", "picked", "chose", "selected", "entered", "copied", "pasted", "provided", "specified",
  "targeted", "pointed", "run", "written", "overwritten",
] as const;

/** What makes a change a blamed cause: "pushed a broken config". */
export const FLAWED_OBJECTS = [
  "broken", "bad", "wrong", "faulty", "buggy", "untested", "incorrect", "invalid", "malformed", "typo", "typos",
] as const;

/** How a change or removal was done, framed as a lapse: "merged without review", "deleted by mistake". */
export const MANNER_QUALIFIERS = [
  "by mistake", "by accident", "without testing", "without review", "without a review", "without reviewing",
  "without checking", "without approval", "without telling", "without asking", "without tests",
  "without looking", "without reading", "without thinking", "without a backup", "without permission",
  "without a second pair of eyes", "before the tests", "before tests", "before review", "before the review",
  "before checking", "before testing", "before ci", "against advice", "against everyone's advice",
  "against the advice", "against our advice", "against policy",
] as const;

/**
 * Removals blame their subject only when aimed at production or the wrong
 * thing ("dropped the production table"): "removed the bad flag" is a fix.
 */
export const REMOVAL_VERBS = [
  "deleted", "dropped", "truncated", "wiped", "removed", "overwrote", "disabled", "turned off", "replaced",
] as const;

/** Remedies: "someone restarted the service" is not blame, "restarted the wrong host" is. */
export const RESTART_VERBS = ["restarted", "rebooted", "killed", "failed over"] as const;
export const PRODUCTION_WORDS = ["production", "prod", "live", "primary", "customer", "customers'", "users'"] as const;

/** Adverbs that turn any following verb into a blamed slip: "Dave accidentally ran…". */
export const SLIP_ADVERBS = [
  "accidentally", "mistakenly", "inadvertently", "carelessly", "unknowingly", "wrongly", "incorrectly",
  "recklessly", "blindly",
] as const;

/**
 * People named by role. Collective "we" is deliberately absent: "we deployed"
 * owns an action as a team, which blameless writing encourages.
 */
export const ROLE_NOUNS = [
  "engineer", "engineers", "developer", "developers", "dev", "devs", "on-call", "oncall", "on-caller",
  "on-callers", "sre", "sres", "operator", "operators", "admin", "admins", "administrator", "sysadmin",
  "dba", "intern", "interns", "reviewer", "reviewers", "author", "contractor", "contractors",
  "employee", "teammate", "colleague", "coworker", "co-worker", "lead", "manager", "new hire",
  "person", "team", "guy", "guys", "deployer", "committer", "approver", "maintainer", "tester", "qa",
  "folks", "people", "analyst", "analysts", "architect", "consultant", "programmer", "coder", "designer",
] as const;

/** Words that introduce a person named by role: "the on-call engineer", "an intern". */
export const ROLE_DETERMINERS = ["the", "a", "an", "our", "one", "that", "this", "another", "some", "his", "her", "my"] as const;

/** Single people as pronouns. "They" is left out: in postmortems it mostly means systems or tokens. */
export const PERSON_PRONOUNS = ["i", "he", "she"] as const;
export const UNNAMED_PEOPLE = ["someone", "somebody", "some guy", "a person"] as const;

/**
 * Endings of common nouns, never of first names: a capitalised "Replication"
 * or "Caching" opening a sentence is a thing, not a person.
 */
export const NOUN_ENDINGS = [
  "tion", "tions", "sion", "sions", "ment", "ments", "ing", "ings", "ness", "ity", "ency",
  "ure", "age", "ics", "ism", "ship", "ogy", "sis", "ware", "base", "check", "checks", "job", "jobs",
] as const;

/**
 * Capitalised words that start sentences or name things, not people. The
 * named-person rule skips them ("Production broke", "Datadog missed…").
 */
export const COMMON_CAPITALISED = [
  // Function words and sentence openers.
  "A", "An", "And", "But", "Or", "So", "Then", "Now", "Later", "Next", "First", "Second", "Third",
  "Finally", "After", "Afterwards", "Before", "When", "Whenever", "While", "Once", "Because", "Since", "If",
  "Although", "Though", "Unfortunately", "Fortunately", "Luckily", "Eventually", "Meanwhile", "Also",
  "However", "Initially", "Still", "Yet", "Here", "There", "Thus", "Hence", "Instead", "Otherwise",
  "Today", "Yesterday", "Tomorrow", "Tonight", "Overnight", "Shortly", "Soon", "Again", "Only", "Just",
  "Even", "Simply", "Clearly", "Apparently", "Accidentally", "Suddenly", "Immediately", "Quickly",
  "Nobody", "Someone", "Somebody", "Everyone", "Everybody", "Nothing", "Something", "Everything",
  "Each", "Every", "Both", "All", "Some", "Any", "No", "None", "Another", "Other", "One", "Two", "Three",
  "Who", "What", "Which", "Why", "How", "Where", "We", "The", "Our", "Ours", "Their", "Its", "It", "This",
  "That", "These", "Those", "They", "He", "She", "You", "Your", "My", "His", "Her", "Us", "Them",
  "Whoever", "Nearly", "Almost", "About", "Around", "At", "By", "In", "On", "Of", "To", "For", "From",
  "With", "Without", "During", "Until", "Within", "Per", "Via", "Yes", "Not", "Never", "Always",
  // Things that appear as subjects in postmortems.
  "Production", "Prod", "Staging", "Stage", "Dev", "Deploy", "Deploys", "Deployment", "Deployments",
  "Release", "Releases", "Rollout", "Build", "Builds", "Pipeline", "Pipelines", "Monitoring", "Alerting",
  "Alert", "Alerts", "Traffic", "Service", "Services", "Server", "Servers", "Database", "Databases",
  "Cache", "Config", "Configuration", "Migration", "Migrations", "Job", "Jobs", "Cron", "Script",
  "Scripts", "Change", "Changes", "Update", "Updates", "Upgrade", "Patch", "Request", "Requests", "Query",
  "Queries", "Load", "Node", "Nodes", "Cluster", "Clusters", "Pod", "Pods", "Disk", "Disks", "Network",
  "Certificate", "Certificates", "Backup", "Backups", "System", "Systems", "Code", "Test", "Tests",
  "Testing", "Health", "Worker", "Workers", "Queue", "Queues", "Scheduler", "Replica", "Replicas",
  "Primary", "Leader", "Failover", "Team", "Teams", "Engineering", "Support", "Ops", "Security",
  "Platform", "Infrastructure", "Infra", "Customer", "Customers", "User", "Users", "Client", "Clients",
  "Login", "Auth", "Authentication", "Payments", "Checkout", "Search", "Storage", "Memory", "Latency",
  "Error", "Errors", "Logs", "Logging", "Review", "Reviews", "Approval", "Management", "Leadership",
  "Legal", "Finance", "Sales", "Marketing", "Product", "Design", "Manual", "Mitigation", "Rollback",
  "Hotfix", "Fix", "Feature", "Flag", "Flags", "Toggle", "Timeout", "Timeouts", "Retry", "Retries",
  "Autoscaling", "Autoscaler", "Scaling", "Version", "Versions", "Container", "Containers", "Image",
  "Images", "Proxy", "Gateway", "Balancer", "Firewall", "Router", "Frontend", "Backend", "Middleware",
  "Parser", "Validator", "Validation", "Library", "Dependency", "Dependencies", "Vendor", "Provider",
  "Region", "Zone", "Datacenter", "Compute", "Capacity", "Bot", "Automation", "Cleanup", "Refactor",
  "Schema", "Index", "Table", "Tables", "Data", "File", "Files", "Branch", "Commit", "Commits", "Merge",
  "Main", "Master", "Trunk", "Canary", "Everyone", "Nobody", "Somewhere", "Internet", "Web", "App",
  "Mobile", "Desktop", "Browser", "Endpoint", "Endpoints", "Token", "Tokens", "Session", "Sessions",
  "Cookie", "Cookies", "Webhook", "Webhooks", "Consumer", "Consumers", "Producer", "Producers",
  "Maintenance", "Performance", "Instance", "Instances", "Compliance", "Reference", "Persistence",
  "Replication", "Sharding", "Caching", "Throttling", "Backfill", "Cutover", "Sync", "Retrying",
  // Days and months.
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
  "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
  "Week", "Weekend", "Morning", "Evening", "Night",
] as const;

/** Tools and products written as one capitalised word ("Datadog reports…"). Mixed-case names (PagerDuty, GitHub) never look like a first name. */
export const TOOL_NAMES = [
  "Datadog", "Grafana", "Prometheus", "Kubernetes", "Terraform", "Ansible", "Jenkins", "Argo", "Spinnaker",
  "Helm", "Docker", "Nginx", "Envoy", "Istio", "Consul", "Vault", "Nomad", "Redis", "Memcached",
  "Postgres", "Postgresql", "Mysql", "Mongo", "Mongodb", "Kafka", "Zookeeper", "Elasticsearch",
  "Opensearch", "Cassandra", "Cloudflare", "Fastly", "Akamai", "Sentry", "Splunk", "Opsgenie", "Slack",
  "Jira", "Statuspage", "Vercel", "Netlify", "Heroku", "Lambda", "Cloudwatch", "Dependabot", "Renovate",
  "Chef", "Puppet", "Salt", "Linux", "Windows", "Chrome", "Safari", "Firefox", "Android", "Stripe",
  "Twilio", "Okta", "Python", "Java", "Ruby", "Rails", "Django", "Flask", "Spring", "Celery", "Sidekiq",
  "Airflow", "Snowflake", "Bigquery", "Kinesis", "Dynamo", "Crowdstrike", "Linkerd", "Traefik", "Caddy",
  "Apache", "Tomcat", "Relic", "Honeycomb", "Lightstep", "Jaeger", "Loki", "Kibana", "Logstash",
  "Fluentd", "Vector", "Bitbucket", "Buildkite", "Travis", "Flux", "Karpenter", "Cilium", "Calico",
  "Rancher", "Openshift", "Ceph", "Minio", "Nagios", "Zabbix", "Icinga", "Pingdom", "Pagerduty",
  "Zendesk", "Intercom", "Segment", "Firebase", "Supabase", "Sqlite", "Deno", "Bun", "Webpack", "Vite",
  "Babel", "Npm", "Yarn", "Pip", "Maven", "Gradle", "Bazel", "Cargo", "Go", "Rust", "Git", "Github",
  "Gitlab", "Copilot", "Outlook", "Gmail", "Zoom", "Confluence", "Notion", "Linear", "Asana", "Trello",
  "Figma", "Fly", "Render", "Railway", "Azure", "Oracle", "Cisco", "Juniper", "Zscaler", "Tailscale",
  "Wireguard", "Haproxy", "Varnish", "Squid", "Certbot", "Systemd", "Bash", "Ubuntu", "Debian", "Centos",
  "Alpine", "Kubelet", "Etcd", "Coredns", "Vitess", "Cockroach", "Spanner", "Aurora", "Pulsar", "Nats",
  "Rabbit", "Rabbitmq", "Hadoop", "Spark", "Flink", "Presto", "Trino", "Looker", "Tableau", "Metabase",
] as const;
