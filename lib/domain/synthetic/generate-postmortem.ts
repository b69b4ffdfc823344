/**
 * Realistic synthetic postmortems for load tests and benchmarks: varied
 * services, tags, severities and dates over years, timelines, factors and
 * actions, about 1,500 words each. Deterministic: postmortem `index` is the
 * same document on every machine.
 */
import { DateTime } from "luxon";
import type { ActionStatus, FactorCategory, Severity, Status } from "../postmortem";
import type { PostmortemDraft } from "@/lib/schemas/postmortem";
import { createRandom, type Random } from "./random";
import {
  CAUSES,
  CODENAMES,
  COMPONENTS,
  FIXES,
  METRICS,
  PEOPLE,
  REGIONS,
  ROLES,
  SECTION_TITLES,
  SERVICES,
  SYMPTOMS,
  TAGS,
  TEAMS,
  TECH_TERMS,
  TIMEZONES,
  TOOLS,
} from "./vocabulary";

type Context = {
  r: Random;
  service: string;
  services: string[];
  codenames: string[];
  component: string;
  cause: string;
  causeTitle: string;
  symptom: string;
  fix: string;
  terms: string[];
};

const FIRST_DAY = Date.UTC(2019, 0, 1);
const LAST_DAY = Date.UTC(2026, 9, 31);
const DAY_MS = 86_400_000;

/** Fills `{slot}`s in a template from the incident's context; `{Slot}` capitalizes the value. */
function fill(template: string, c: Context): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    const value = slotValue(slot.toLowerCase(), c);
    return slot[0] === slot[0].toUpperCase() ? capitalize(value) : value;
  });
}

function slotValue(slot: string, c: Context): string {
  {
    const { r } = c;
    switch (slot) {
      case "svc": return c.service;
      case "svc2": return r.pick(c.services);
      case "anysvc": return r.pick(SERVICES);
      case "comp": return c.component;
      case "comp2": return r.pick(COMPONENTS);
      case "term": return r.pick(c.terms);
      case "code": return r.pick(c.codenames);
      case "cause": return c.cause;
      case "symptom": return c.symptom;
      case "fix": return c.fix;
      case "tool": return r.pick(TOOLS);
      case "team": return r.pick(TEAMS);
      case "role": return r.pick(ROLES);
      case "metric": return r.pick(METRICS);
      case "region": return r.pick(REGIONS);
      case "n": return String(r.int(2, 40));
      case "big": return thousands(r.int(1_000, 250_000));
      case "pct": return `${r.int(1, 95)}%`;
      case "min": return String(r.int(3, 90));
      default: return slot;
    }
  }
}

/** Sentences from `templates` until about `words` words. */
function prose(c: Context, templates: readonly string[], words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const sentence = fill(c.r.pick(templates), c);
    sentences.push(sentence);
    count += sentence.split(" ").length;
  }
  // Paragraphs of three to five sentences read like people write.
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; ) {
    const size = c.r.int(3, 5);
    paragraphs.push(sentences.slice(i, i + size).join(" "));
    i += size;
  }
  return paragraphs.join("\n\n");
}

const GENERAL = [
  "The {comp} in front of {svc} had been stable for months, which is part of why nobody looked at it first.",
  "During the incident, {role} noticed {symptom} in {tool} and paged the {team} team.",
  "We later learned that {cause}.",
  "The {metric} on {svc} climbed to {pct} within {min} minutes.",
  "Customers in {region} saw the problem first, because traffic there peaks earlier in the day.",
  "The {code} service depends on {svc} for every request, so it failed as well.",
  "Nobody had changed the {comp2} recently, but its defaults no longer matched our traffic.",
  "The dashboards in {tool} showed the {metric} rising, yet no alert fired.",
  "A similar pattern appeared in a previous incident involving the {code} pipeline.",
  "The team agreed that the {term} behaviour was surprising and needs better documentation.",
  "We decided to keep the {comp} configuration in code and review it like any other change.",
  "Traffic from {anysvc} doubled after the marketing campaign, which made the latency worse.",
  "Retries from clients multiplied the load on the {comp} by about {n} times.",
  "The deploy pipeline reported success even though the new pods never became ready.",
  "We had assumed that the {comp2} would shed load gracefully; it did not.",
  "The runbook for {svc} was written before the migration to the new {comp2} and was out of date.",
  "Because the error rate stayed under the alert threshold, the first signal came from customer support.",
  "The {team} team owns the {code} job and joined the call after {min} minutes.",
  "Our staging environment does not exercise the {term} path, so the change looked safe there.",
  "After the rollback, latency returned to normal and the error rate dropped below {pct}.",
  "The investigation showed {big} requests failed while the {comp} was saturated.",
  "We found log lines mentioning {term} on every affected host.",
  "The {Code} migration had changed how {svc} talks to the {comp2}.",
  "Several engineers were looking at the same graphs without a shared picture of what was happening.",
  "It took a while to rule out the database, because its metrics looked healthy at first glance.",
  "Half of the on-call rotation was travelling, so the escalation path took longer than usual.",
  "A dashboard showed a sawtooth pattern in {metric} that nobody could explain at first.",
  "The {team} team paused all deploys until the cause was understood.",
  "Someone suggested a restart early on; it bought ten quiet minutes and then everything failed again.",
  "Two alerts fired within a minute of each other, and it was not obvious which one mattered.",
  "Our synthetic checks kept passing because they only exercise the happy path.",
  "The rollback script had not been run in months and needed a manual fix before it worked.",
  "We opened a bridge call and invited the vendor's support engineer.",
  "Log volume tripled, which slowed down the very queries we needed for the investigation.",
  "The {code} cluster in {region} recovered on its own, which made the pattern harder to see.",
  "Capacity planning had assumed a steady growth rate, not a sudden spike.",
  "Customer support tagged the tickets consistently, which later helped to size the impact.",
  "A config flag that looked unrelated turned out to control the same code path.",
  "We compared heap dumps from before and after the release and found the leak within an hour.",
  "The queue consumers were healthy but starved, because the producers held a lock.",
  "Feature work had crowded out the reliability backlog for two quarters.",
  "The incident review took place two days later, with everyone who had been on the call.",
  "An older runbook described a manual failover that nobody had practised.",
  "Traffic shifted back gradually over the next hour, and we watched each step.",
  "The status page was updated every fifteen minutes until the all-clear.",
  "We noticed that the error budget for the quarter was already half spent.",
  "Requests from the mobile app retried aggressively, while the web client backed off.",
  "A canary would have caught this within minutes, but the {svc} pipeline has none.",
  "The vendor confirmed a regression on their side the following morning.",
  "Disk latency on the storage nodes doubled without any change on our side.",
  "The change had been tested with a small dataset that hid the quadratic behaviour.",
  "We added temporary logging to narrow the problem down to one endpoint.",
  "The {term} setting was copied from an example configuration years ago.",
  "An engineer from {team} recognised the symptom from a previous job.",
  "Because the alert was routed by service, the owning team was paged directly.",
  "The timeout budget across three hops added up to more than the client would wait.",
  "We drained traffic from the affected zone while keeping the others serving.",
  "A scheduled certificate renewal had silently failed three weeks earlier.",
  "The database failover completed in seconds, but clients cached the old address.",
  "Several dashboards disagreed because they sampled at different intervals.",
  "The audit log showed the exact minute the configuration changed.",
  "We wrote a small script to replay the failed webhooks once the fix was live.",
  "Nobody owned the shared library, so its upgrade had been postponed repeatedly.",
  "Rate limiting protected the core service but turned a slowdown into errors for partners.",
  "The investigation channel grew to forty people, which made coordination harder.",
  "The incident commander asked for a single owner per workstream, which helped.",
  "Metrics from the load balancer were the first clear evidence of the problem.",
  "A similar near miss in staging had been logged but not followed up.",
  "Batch jobs that normally run at night overlapped with the morning peak.",
  "We found that the health endpoint returned success even when dependencies were down.",
  "The memory limit on the containers was lower than the heap size the runtime chose.",
  "Clock skew between two hosts made the logs appear out of order.",
  "A partner integration sent malformed payloads after their own release.",
  "Once the cause was known, the fix itself was a one-line change.",
]; // prettier-ignore

const SUMMARY = [
  "The {svc} service returned {symptom} for {min} minutes after {cause}.",
  "For {min} minutes, customers in {region} experienced {symptom} because {cause}.",
  "A deploy of {svc} led to {symptom}; the root cause was {cause}.",
];

const IMPACT = [
  "About {big} users saw {symptom} on {svc}.",
  "The error rate on {svc} peaked at {pct} and stayed above normal for {min} minutes.",
  "Roughly {big} requests failed, mostly from the mobile apps in {region}.",
  "Support received {n} tickets, and the status page showed degraded performance for {min} minutes.",
  "Orders placed during the incident were delayed but not lost; {big} were retried automatically.",
  "Internal tools that depend on {anysvc} were also slow, which delayed the response.",
  "No data was lost, but {n} customers had to repeat their purchase.",
  "The {metric} stayed above the service level objective for {min} minutes, consuming {pct} of the monthly error budget.",
];

const TIMELINE: Record<string, readonly string[]> = {
  trigger: ["Deploy of {svc} starts; the change touches the {comp}.", "The {code} batch job starts on schedule.", "A configuration change to the {comp2} is applied in {region}."],
  impact_start: ["Customers in {region} start to see {symptom}.", "The {metric} on {svc} starts to climb.", "First failed requests appear in the {svc} logs."],
  alert: ["{Tool} alert fires: {metric} above threshold on {svc}.", "Synthetic check for {svc} fails from {region}.", "Alert on {metric} pages the {team} on-call."],
  detected: ["The on-call engineer acknowledges the page and opens an incident channel.", "Support escalates reports of {symptom}.", "{Role} notices {symptom} on the {tool} dashboard."],
  escalation: ["The {team} team is paged to help with the {comp}.", "Incident commander declared; severity raised.", "Escalated to the {code} owners for context on the recent change."],
  action: ["We scale the worker pool out to relieve the {comp}.", "We disable the {code} feature flag.", "We try restarting the {svc} pods; no improvement.", "We check the {comp2} and rule it out.", "We compare the release diff and spot the change to the {comp}."],
  mitigated: ["We {fix}; error rate starts to drop.", "Traffic moved away from {region}; customers recover.", "Mitigation in place: {fix}."],
  resolved: ["{Metric} back to normal for {min} minutes; incident resolved.", "All queues drained; incident closed.", "Status page updated to resolved."],
  communication: ["Status page updated: investigating {symptom}.", "Customer support briefed with a holding statement.", "Update posted in the incident channel for stakeholders."],
  note: ["The {term} setting is still at its default on {svc}.", "Graphs in {tool} show the same pattern last month.", "Someone asks whether the {code} job is related; it is not."],
};

const TRIGGER = [
  "The incident was triggered by {cause}.",
  "A routine deploy of {svc} shipped {cause}.",
  "The trigger was a change to the {comp}: {cause}.",
];

const NARRATIVE = [
  ...GENERAL,
  "The {comp} holds a fixed number of slots, and under load every slot was taken by requests waiting on the {comp2}.",
  "Once the {comp} was saturated, health checks started failing, and the load balancer removed healthy instances as well.",
  "The change itself was small and reviewed, but it interacted with the {term} behaviour in a way nobody predicted.",
  "We reproduced the failure in a test environment by replaying production traffic against the {comp}.",
  "The code path that failed had no tests for the {term} case.",
  "The root cause was {cause}; the amplifier was the retry behaviour of our own clients.",
];

const WHYS = [
  "Why did {svc} fail? The {comp} was exhausted.",
  "Why was the {comp} exhausted? Requests waited on the {comp2}.",
  "Why did requests wait? {Cause}.",
  "Why did nobody notice earlier? There was no alert on the {metric}.",
  "Why was there no alert? The {metric} was never part of our service level objectives.",
  "Why did the change reach production? Staging does not exercise the {term} path.",
  "Why did the rollback take {min} minutes? The deploy pipeline has no one-click rollback for {svc}.",
];

const FACTORS: Record<FactorCategory, readonly string[]> = {
  technical: ["The {comp} has no back-pressure, so load spreads to every dependent service.", "The {term} default on {svc} is unsafe under high traffic."],
  process: ["Changes to the {comp} do not require a second reviewer from the owning team.", "The release checklist does not mention the {code} dependency."],
  environment_drift: ["Staging runs a different {comp2} version than production.", "Production has {n} times more data than staging, so the migration behaved differently."],
  monitoring: ["There is no alert on the {metric} of the {comp}.", "The {tool} dashboard for {svc} hides the {metric} behind a default filter."],
  testing: ["Load tests run with a warm cache only.", "Integration tests mock the {comp2}, so the failure could not appear."],
  organizational: ["Ownership of the {comp} moved between teams last quarter.", "The {team} team was in a planning offsite during the incident."],
  human_factors: ["The runbook for {svc} assumes knowledge that only two people have.", "The deploy tool shows success before the rollout finishes, which invites the wrong conclusion."],
  external_dependency: ["The payment provider changed its rate limits without notice.", "The DNS provider had a partial outage in {region} at the same time."],
  other: ["A public holiday meant fewer people were available.", "The incident overlapped with a planned maintenance window."],
};

const ACTION_TITLES = [
  "Add an alert on the {metric} of the {comp}", "Add jitter and backoff to {svc} retries", "Document the {term} behaviour in the runbook",
  "Load test {svc} with a cold cache", "Make the {comp} limits configurable per region", "Add a one-click rollback for {svc}",
  "Run the {code} job in staging with production-sized data", "Review ownership of the {comp}", "Add a canary stage to the {svc} deploy",
  "Add a kill switch for the {code} feature", "Alert on certificate expiry 30 days ahead", "Cap the queue depth of the {comp2}",
];

const ACTION_DESCRIPTIONS = [
  "So that the next occurrence is caught within minutes rather than by customers.",
  "Owned by the {team} team; track progress in the weekly reliability review.",
  "Includes a test that reproduces the incident with the {term} case.",
  "Apply to every service that uses the {comp}, starting with {svc}.",
];

const LESSONS = {
  wentWell: ["The rollback itself was fast once we decided on it.", "The incident channel had a clear commander and a scribe.", "Customer support had a holding statement out within {min} minutes.", "The {team} team joined quickly and knew the {comp} well."],
  wentWrong: ["It took {min} minutes to connect {symptom} with the deploy.", "The alert went to a channel nobody watches at night.", "We changed two things at once, which made it hard to tell what helped.", "The runbook pointed at a dashboard that no longer exists."],
  lucky: ["The incident happened outside peak hours in most regions.", "An engineer who had built the {comp} happened to be online.", "The {code} job that would have made things worse was paused for maintenance."],
};

const SEVERITIES: readonly (Severity | null)[] = ["SEV1", "SEV2", "SEV3", "SEV4", null];
const SEVERITY_WEIGHTS = [8, 22, 40, 25, 5];
const STATUSES: readonly Status[] = ["published", "in_review", "draft", "archived"];
const STATUS_WEIGHTS = [55, 10, 25, 10];
const ACTION_STATUSES: readonly ActionStatus[] = ["open", "in_progress", "done", "wont_do"];
const ACTION_STATUS_WEIGHTS = [30, 20, 40, 10];
const FACTOR_CATEGORY_LIST = Object.keys(FACTORS) as FactorCategory[];
const KIND_SEQUENCE = ["trigger", "impact_start", "alert", "detected", "escalation", "action", "communication", "action", "note", "action", "mitigated", "communication", "resolved"] as const;

/** 12345 → "12,345" (toLocaleString is slow in a loop that runs millions of times). */
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ",");
/**
 * An instant written as Hindsight writes it back (ISO 8601 in the
 * postmortem's zone, seconds, no milliseconds), so that a stored synthetic
 * postmortem reads back exactly as generated.
 */
function zonedIso(ms: number, zone: string): string {
  // Luxon is slow in a loop of millions; reuse the offset while it stays the same (it changes only at DST).
  const hour = Math.floor(ms / 3_600_000);
  let suffix = offsetCache.get(`${zone} ${hour}`);
  if (suffix === undefined) {
    const iso = DateTime.fromMillis(hour * 3_600_000, { zone }).toISO({ suppressMilliseconds: true }) ?? "Z";
    suffix = iso.slice(19);
    if (offsetCache.size > 10_000) offsetCache.clear();
    offsetCache.set(`${zone} ${hour}`, suffix);
  }
  const offsetMinutes = suffix === "Z" ? 0 : (suffix[0] === "-" ? -1 : 1) * (Number(suffix.slice(1, 3)) * 60 + Number(suffix.slice(4, 6)));
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 19) + suffix;
}

const offsetCache = new Map<string, string>();

const capitalize = (text: string) => text[0].toUpperCase() + text.slice(1);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Postmortem number `index` of the synthetic library, as a validated draft. */
export function generatePostmortem(index: number): PostmortemDraft {
  const r = createRandom(index * 7919 + 17);
  const services = r.sample(SERVICES, r.weighted([1, 2, 3], [50, 35, 15]));
  const c: Context = {
    r,
    service: services[0],
    services,
    codenames: r.sample(CODENAMES, 4),
    component: r.pick(COMPONENTS),
    cause: "",
    causeTitle: "",
    symptom: r.pick(SYMPTOMS),
    fix: r.pick(FIXES),
    terms: r.sample(TECH_TERMS, 3),
  };
  const say = (template: string) => fill(template, c);
  [c.causeTitle, c.cause] = r.pick(CAUSES);
  const day = FIRST_DAY + Math.floor(r.next() * ((LAST_DAY - FIRST_DAY) / DAY_MS)) * DAY_MS;
  const incidentDate = isoDay(day);
  const timezone = r.pick(TIMEZONES);
  const title = `${capitalize(c.symptom)} on ${c.service} after ${c.causeTitle}`;

  let at = day + r.int(0, 23) * 3_600_000 + r.int(0, 59) * 60_000;
  const eventCount = r.int(10, 18);
  const timeline = Array.from({ length: eventCount }, (_, i) => {
    const kind = i < KIND_SEQUENCE.length ? KIND_SEQUENCE[i] : r.pick(["action", "note", "communication"] as const);
    at += r.int(1, 25) * 60_000;
    return {
      at: r.chance(0.05) ? null : zonedIso(at, timezone),
      kind,
      text: say(r.pick(TIMELINE[kind])) + (r.chance(0.5) ? ` ${say(r.pick(GENERAL))}` : ""),
      link: r.chance(0.1) ? `https://tracker.example.com/INC-${index}-${i}` : null,
    };
  });
  timeline.sort((a, b) => (a.kind === "resolved" ? 1 : 0) - (b.kind === "resolved" ? 1 : 0));

  const factorCategories = r.sample(FACTOR_CATEGORY_LIST, r.int(2, 4));
  const actionCount = r.int(3, 6);
  const sectionCount = r.weighted([0, 1, 2], [30, 50, 20]);

  return {
    title: title.slice(0, 300),
    summary: say(r.pick(SUMMARY)),
    severity: r.weighted(SEVERITIES, SEVERITY_WEIGHTS),
    status: r.weighted(STATUSES, STATUS_WEIGHTS),
    timezone,
    incidentDate,
    services,
    tags: r.sample(TAGS, r.int(2, 4)),
    authors: r.sample(PEOPLE, r.int(1, 3)),
    impact: prose(c, IMPACT, 110),
    impactFigures: {
      usersAffected: r.int(10, 500_000),
      errorRate: r.int(1, 100),
      durationMinutes: r.int(5, 600),
      requestsFailed: r.chance(0.7) ? r.int(100, 5_000_000) : null,
      revenueLost: r.chance(0.3) ? r.int(100, 2_000_000) : null,
    },
    timeline,
    rootCause: {
      trigger: say(r.pick(TRIGGER)),
      narrative: prose(c, NARRATIVE, 380),
      whys: r.sample(WHYS, 5).map(say),
    },
    contributingFactors: factorCategories.map((category) => ({
      category,
      text: `${say(r.pick(FACTORS[category]))} ${prose(c, GENERAL, 40)}`,
    })),
    correctiveActions: Array.from({ length: actionCount }, () => {
      const status = r.weighted(ACTION_STATUSES, ACTION_STATUS_WEIGHTS);
      return {
        title: say(r.pick(ACTION_TITLES)),
        description: `${say(r.pick(ACTION_DESCRIPTIONS))} ${prose(c, GENERAL, 25)}`,
        type: r.pick(["prevent", "detect", "mitigate", "process"] as const),
        priority: r.pick(["high", "medium", "low"] as const),
        owner: r.chance(0.85) ? r.pick(PEOPLE) : null,
        dueDate: r.chance(0.8) ? isoDay(day + r.int(7, 90) * DAY_MS) : null,
        status,
        url: r.chance(0.5) ? `https://tracker.example.com/REL-${index}-${r.int(1, 999)}` : null,
      };
    }),
    lessons: {
      wentWell: `${say(r.pick(LESSONS.wentWell))} ${prose(c, GENERAL, 45)}`,
      wentWrong: `${say(r.pick(LESSONS.wentWrong))} ${prose(c, GENERAL, 60)}`,
      lucky: `${say(r.pick(LESSONS.lucky))} ${prose(c, GENERAL, 30)}`,
    },
    sections: Array.from({ length: sectionCount }, (_, i) => ({
      title: SECTION_TITLES[(index + i) % SECTION_TITLES.length],
      body: prose(c, GENERAL, 120),
      internal: r.chance(0.2),
    })),
  };
}
