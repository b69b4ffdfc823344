import { describe, expect, it } from "vitest";
import { checkText } from "./check-text";
import { LANGUAGE_RULES } from "./rules";
// The parser, as the server has it (index.ts installs it; the browser loads it later).
import "./index";

// For each rule: phrases it must flag on its own, and look-alikes that no rule may flag.
const CASES: Record<string, { flags: string[]; passes: string[] }> = {
  "named-person": {
    flags: [
      "Dave deployed the broken config.",
      "Sarah forgot to renew the certificate.",
      "At 10:47 Priya pushed a config with a typo.",
      "José accidentally ran the cleanup job.",
      "Dave Smith merged the change without review.",
      "Ben didn't check the staging logs.",
      "Tom must have changed the wrong DNS record.",
      "It was Mark's mistake.",
      "Kevin's change broke the login flow.",
      "Lena's bad merge wiped the table.",
      "If Carlos had read the runbook, we would have recovered sooner.",
      "Had Maya looked at the dashboard, she would have seen it.",
      "Dan rebooted the wrong host.",
      "Nadia bypassed the deploy freeze.",
    ],
    passes: [
      "Datadog reports errors.",
      "PagerDuty alerts the on-call SRE.",
      "Dave deployed the fix at 11:32.",
      "Sarah rolled back the config.",
      "Dave removed the bad feature flag.",
      "Terraform deleted the production bucket.",
      "Kubernetes killed the pod.",
      "Jenkins deployed the broken build because the gate was off.",
      "Production broke at 10:50.",
      "Replication broke when the disk filled up.",
      "The deploy missed one region.",
      "We missed one crucial thing.",
      "Monday broke all our assumptions.",
      "Maria noticed the spike and paged the team.",
      "Ben's pull request added a retry.",
    ],
  },
  "failed-to": {
    flags: [
      "We failed to notice the expiry.",
      "The on-call engineer failed to respond.",
      "I completely failed to see it.",
      "Someone on the platform team failed to update the docs.",
      "The team's failure to follow the process caused this.",
      "Our failure to test the restore hurt us.",
    ],
    passes: [
      "The request failed to connect.",
      "The deploy failed to complete because the disk was full.",
      "The health check failed to detect the degraded replica.",
      "Stripe failed to deliver webhooks.",
      "Monitoring failed to alert because the metric name changed.",
    ],
  },
  "person-as-cause": {
    flags: [
      "The intern accidentally deleted the production bucket.",
      "An engineer deployed a bad config.",
      "The reviewer missed the missing null check.",
      "The DBA dropped the production table.",
      "The author of the change skipped the tests.",
      "I broke production.",
      "She ran the migration against the wrong database.",
      "The platform team pushed an untested change.",
      "The QA engineer signed off without testing the edge cases.",
      "Our engineer chose to skip the canary stage.",
      "The Day I Broke the Internet",
    ],
    passes: [
      "The engineer restarted the service.",
      "The on-call engineer coordinated the rollback.",
      "The team deployed the change at 10:47.",
      "I confidently pushed the changes to production.",
      "The reviewer approved the change after the tests passed.",
      "The on-call SRE acknowledged the page.",
    ],
  },
  "someone-did": {
    flags: [
      "Someone broke the build.",
      "Someone pushed a change to the load balancer.",
      "Somebody deleted the branch.",
      "Someone from the data team dropped the users table.",
      "Someone must have changed the IAM policy.",
      "Whoever approved this clearly didn't read it.",
      "It was Emma who broke the build.",
    ],
    passes: ["Someone from support reported the errors.", "Someone noticed the spike.", "Someone restarted the service."],
  },
  "possessive-fault": {
    flags: [
      "It was the DBA's fault.",
      "That was my mistake.",
      "It was his own fault.",
      "Because of the engineer's oversight, backups were skipped.",
      "The intern's typo took down checkout.",
    ],
    passes: [
      "It was nobody's fault.",
      "The disk's fault tolerance held.",
      "Our error budget is spent.",
      "The parser's error handling swallowed the exception.",
      "Their fault domains were independent.",
      "It's fault tolerant by design.",
    ],
  },
  "at-fault": {
    flags: ["Hannah was at fault.", "Whose fault was it?", "The fault lies with the payments team."],
    passes: ["A fault in the power supply rebooted the rack.", "The worker crashed with a segmentation fault."],
  },
  consequences: {
    flags: [
      "The developer responsible has been spoken to.",
      "The engineer responsible for the outage was reprimanded.",
      "Whoever did this should be held accountable.",
    ],
    passes: ["The engineer responsible for the payments service paged us.", "Each alert has an owner responsible for tuning it."],
  },
  "human-error": {
    flags: ["The outage was caused by human error.", "Operator error took the API down.", "Root cause: engineer error.", "Another case of human **error**."],
    passes: ["This was not human error.", "It wasn't simply human error: the CLI accepted the flag.", "The user error rate stayed flat.", "Human factors and tooling"],
  },
  "mistake-made": {
    flags: ["Alex made a rookie mistake.", "He made a bad call by failing over.", "Mistakes were made."],
    passes: ["Mistakes in production can happen.", "The new logging made the error visible."],
  },
  forgot: {
    flags: ["We forgot to rotate the keys.", "The agent forgot about the escalation policy.", "Our SRE neglected to renew the certificate."],
    passes: ["Nothing reminded anyone to rotate the keys.", "The service was neglected after the reorg."],
  },
  "didnt-bother": {
    flags: ["Nobody bothered to read the notice.", "They didn't bother to check.", "He couldn't be bothered.", "We never bothered with a staging check.", "They didn't bother."],
    passes: ["The noise did not bother customers."],
  },
  "ignored-alert": {
    flags: ["We ignored the alert.", "The SRE on duty ignored three pages.", "The disk space alerts were ignored for days.", "They chose to ignore the replication lag warning."],
    passes: ["The load balancer ignored the health check timeout setting.", "The parser ignores unknown fields."],
  },
  "should-have": {
    flags: [
      "We should have caught this in review.",
      "The engineer should have known.",
      "This never should have reached production.",
      "It should've been tested.",
      "They shouldn't have deployed on a Friday.",
      "We should have double-checked the ranges.",
      "You ought to have asked.",
    ],
    passes: [
      "We should have a runbook for this by Q3.",
      "Every service should have alerts and an owner.",
      "Every service should have automated tests.",
      "A check at deploy time would have caught it.",
      "This could have been worse.",
      "The replica should have been promoted automatically, but the script timed out.",
    ],
  },
  "just-had-to": {
    flags: ["He just had to run the migrations in order.", "All she had to do was check the dashboard.", "The on-call simply had to restart the pool.", "They could have just rolled back."],
    passes: ["We just had to wait for the DNS TTL to expire.", "The job simply retried until the lock expired."],
  },
  obviously: {
    flags: ["Obviously, nobody tested the fallback.", "In hindsight it was obvious."],
    passes: ["The failure mode was not obvious.", "It was not immediately obvious.", "A non-obvious interaction between caches."],
  },
  blame: {
    flags: ["Management blamed the database team.", "The blame lies with the vendor.", "Blaming the vendor is easy."],
    passes: ["We talked about failure without blame.", "A blameless review.", "We ran git blame on the file.", "We chose not to assign blame.", "Nobody is to blame.", "A blame-free culture."],
  },
  "counterfactual-person": {
    flags: ["If the reviewer had done their job, it would not have shipped.", "If people had followed the runbook, this was avoidable.", "If only the on-call had looked at the second dashboard.", "Had the engineer checked staging, we would have known."],
    passes: ["If we had had a canary, the impact would have been 5%.", "If the cache had been warm, failover would have taken seconds."],
  },
  "blame-idiom": {
    flags: ["Ops dropped the ball.", "The on-call was asleep at the wheel.", "There is no excuse for shipping without tests.", "They cut corners on testing.", "He should have known better.", "A cowboy deploy.", "Someone not doing their job."],
    passes: ["The ball was in the vendor's court.", "We paid attention to the queue depth."],
  },
  careless: {
    flags: ["A careless mistake.", "The config was sloppy.", "That was reckless.", "The new engineer wasn't careful enough."],
    passes: ["We were careful to drain the node first.", "The change was reviewed with care."],
  },
  negligent: {
    flags: ["The developer was negligent.", "Kim's negligence left the bucket public."],
    passes: ["Negligible impact on latency."],
  },
  lazy: {
    flags: ["The rollout plan was lazy.", "Pure laziness."],
    passes: ["Lazy loading delayed the first request.", "The module is lazy-loaded.", "The pool is lazily initialised.", "Lazy evaluation of the config."],
  },
  incompetent: {
    flags: ["The contractor was incompetent.", "A stupid mistake.", "Any competent engineer would have spotted it.", "Any reasonable SRE would have rolled back."],
    passes: ["A competent review process catches this.", "Any good alert has an owner."],
  },
};

describe("language rules", () => {
  it("every rule has cases here, a unique id, and says why and how to reframe", () => {
    const ids = LANGUAGE_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(CASES).sort()).toEqual([...ids].sort());
    for (const rule of LANGUAGE_RULES) {
      expect(rule.why.length, rule.id).toBeGreaterThan(40);
      expect(rule.suggestion.length, rule.id).toBeGreaterThan(40);
      expect(rule.pattern.flags, rule.id).toContain("g");
    }
  });

  describe.each(LANGUAGE_RULES.map((rule) => [rule.id, rule] as const))("%s", (id, rule) => {
    it.each(CASES[id].flags)("flags %j", (text) => {
      expect(checkText(text, [rule]).map((match) => match.ruleId)).toContain(id);
    });
    it.each(CASES[id].passes)("leaves %j alone (all rules)", (text) => {
      expect(checkText(text)).toEqual([]);
    });
  });
});
