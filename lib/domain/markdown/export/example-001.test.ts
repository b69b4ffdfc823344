/**
 * Example 001 (../shared/examples/001_dcfdd56ea97a1954.txt), a Jekyll blog
 * post, written by hand as a Hindsight document: exported with Jekyll front
 * matter it must read like the original post.
 */
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { exportFileName, renderMarkdown } from "./index";
import { documentFrom } from "./test-document";

const setupYaml = "```yaml\nfeatures:\n  onboarding_revamp:\n    enabled: true\n    allowlist_env: USER_ONBOARDING_BETA\n```";
const pythonCheck = "```python\nif os.getenv('USER_ONBOARDING_BETA') == 'true':\n    use_new_flow()\nelse:\n    use_old_flow()\n```";
const at = (time: string) => `2025-05-25T${time}:00Z`;

const example001 = documentFrom({
  title: "Real-life Postmortem: Lessons from a Bad Deploy",
  status: "published",
  timezone: "UTC",
  incidentDate: "2025-05-25",
  tags: ["SRE", "IncidentResponse", "LessonsLearned", "30DaysOfDevOps"],
  summary: [
    "![Real Life Postmortem Header](/assets/images/postmortem_500.png)",
    "It’s easy to get lulled into complacency when a deployment pipeline runs smoothly for months. The changes feel routine. The muscle memory kicks in. But it only takes one seemingly minor oversight to remind you that software systems are fragile—and production is always one bad deploy away from a wake-up call.",
    "> *“It was just a small config change—how bad could it be?”*",
    "That was our thinking the morning we pushed what seemed like an innocuous update to production. What followed was a tense two-hour firefight, locked user accounts, support tickets piling up, and a scramble to identify the root cause before real damage was done.  \nThis is the story of a production incident that began with a one-line config change and escalated into a full-blown outage affecting thousands of users. We’re sharing this not just to document what happened, but to reflect on the deeper lessons and process improvements that came out of it.",
  ].join("\n\n"),
  impact: [
    "80% of login attempts failed during the incident window.",
    "At 10:47 AM, a configuration change was deployed to our production environment. The change was meant to enable a new feature flag for a subset of users. The change itself passed all unit tests and had been deployed to staging without issue.",
    "However, within 3 minutes of going live, we noticed a sharp spike in 500 errors. By 10:52 AM, our on-call engineer was alerted via PagerDuty: **\"Auth API failure rate > 5%\"**.\nUsers began reporting they couldn’t log in. Our support team was overwhelmed. It was clear: something was seriously broken.",
  ].join("\n\n"),
  impactFigures: { errorRate: 80 },
  timeline: [
    { at: at("10:47"), kind: "trigger", text: "The new config is deployed to production via CI/CD." },
    { at: at("10:50"), kind: "detected", text: "Datadog reports a sudden drop in successful login attempts. We also see a spike in 500 responses from the auth service." },
    { at: at("10:52"), kind: "alert", text: "PagerDuty alerts the on-call SRE. Internal Slack lights up with support agents reporting login failures from customers." },
    { at: at("10:55"), kind: "action", text: "We attempt a rollback of the config file. No immediate improvement." },
    { at: at("11:10"), kind: "action", text: "Deeper investigation begins. The app logs show errors around an `undefined variable reference` in the login flow." },
    { at: at("11:25"), kind: "note", text: "The engineering lead discovers that the logic introduced to enable the feature depends on an env variable that doesn’t exist in production." },
    { at: at("11:32"), kind: "action", text: "We patch the config to remove the feature flag override and redeploy." },
    { at: at("11:39"), kind: "mitigated", text: "Error rates begin to normalize. Users are able to log in again." },
    { at: at("12:12"), kind: "resolved", text: "All systems operational. Post-incident review begins." },
  ],
  rootCause: {
    trigger: `We were rolling out a new internal feature toggle for a revamped user onboarding flow. The flag was configured through a centralized YAML file that our application consumed at runtime. Here’s the commit that kicked it all off:\n\n${setupYaml}\n\nSimple, right? Except we missed one crucial thing: \`USER_ONBOARDING_BETA\` didn’t exist in the production environment.`,
    narrative: `Turns out, the new config referenced a **non-existent environment variable**. In staging, this variable was set manually for a separate test, so the issue never showed up there.\nThe login service was extended to check whether the new onboarding flow should be triggered. The check looked like this (simplified):\n\n${pythonCheck}\n\nThe \`getenv()\` call returned \`None\`, which caused the condition to bypass the new flow—but worse, the downstream fallback assumed a complete context object which wasn’t populated when the flag was disabled. That’s where the crash happened.`,
  },
  contributingFactors: [
    { category: "process", text: "**Lack of config validation.** We had no runtime or CI/CD validation for referencing undefined environment variables in configuration files." },
    { category: "environment_drift", text: "**Environment drift.** Staging had a manually set variable. Production did not. Our deployment process didn’t surface this discrepancy." },
    { category: "technical", text: "**No feature flag gating at runtime.** We used a raw env var to gate a feature instead of using our internal feature flag service, which provides safety checks and rollout strategies." },
    { category: "testing", text: "**Insufficient fallback testing.** The fallback code path had little test coverage and made assumptions about objects being initialized." },
    { category: "organizational", text: "**Overconfidence in \"safe\" changes.** This change bypassed peer review due to being categorized as a non-code change. That false sense of safety cost us dearly." },
  ],
  correctiveActions: [
    { title: "Schema validation for all config files", type: "prevent", status: "done", description: "We introduced JSON Schema definitions for all critical config files and integrated schema validation into the CI pipeline. Broken configs fail the build early." },
    { title: "Mandatory environment variable checks", type: "prevent", status: "done", description: "The app now refuses to start if required environment variables are missing. We also maintain a `.env.required` file per environment." },
    { title: "Feature flag gating via service, not env vars", type: "prevent", status: "done", description: "All feature toggles must now go through our internal feature management platform. It provides percentage-based rollouts, validation, and audit trails." },
    { title: "Test coverage for fallback paths", type: "detect", status: "done", description: "We wrote new tests to explicitly trigger fallback scenarios and validate that they behave gracefully under missing or corrupted state." },
    { title: "Deployment guardrails", type: "process", status: "done", description: "Every deployment, even for config-only changes, must go through the same code review and validation process. No more \"safe\" shortcuts." },
  ],
  lessons: {
    wentWell: "Our on-call engineer did an excellent job coordinating a rapid rollback, engaging relevant stakeholders, and escalating the issue.",
    wentWrong: "* Delays in root cause identification due to noisy logs\n* Lack of automated rollback of environment variables\n* Incomplete runbook for this particular service",
    lucky: "We were lucky this didn’t last longer or cause data loss. But we won’t rely on luck next time.",
  },
  sections: [
    {
      title: "Key Lessons Learned",
      body: "* **No change is too small to break production.**\n  Treat every deploy with the same discipline.\n\n* **Staging must match production.**\n  Environment drift is a silent killer.\n\n* **Validate everything.**\n  Failing fast in CI is better than failing live.\n\n* **Always test fallback paths.**\n  Just because something is rarely used doesn’t mean it’s not critical.",
    },
    {
      title: "Cultural Shifts and Team Reflection",
      body: "More than the technical lessons, this incident prompted us to reevaluate how we think about safety, trust, and process discipline.\n\n* We now treat configuration changes as **first-class citizens** in the change management process.\n* We recognized the dangers of **tribal knowledge**—engineers assuming certain variables exist because “they always have.”\n* We acknowledged that **peer review is not optional**, regardless of perceived risk.\n* And perhaps most importantly: **we normalized talking about failure** openly, without blame.",
    },
    {
      title: "Final Thoughts",
      body: "Incidents like this are painful—but they’re also valuable. They force us to confront weak spots, fix blind spots, and grow stronger as a team.\n\nNo change is too small to deserve scrutiny.",
    },
    {
      title: "Appendix: What You Can Do Today",
      body: "Here are some takeaways you can apply in your own team right now:\n\n* Add config schema validation to your CI/CD process.\n* Document all required environment variables per environment.\n* Use feature flag platforms instead of raw env vars.\n* Review fallback paths with the same rigor as primary logic.\n* Never skip peer review—even for “simple” changes.\n\n**#SRE #IncidentResponse #LessonsLearned #30DaysOfDevOps**",
    },
  ],
});

describe("example 001 exported for Jekyll", () => {
  const markdown = renderMarkdown(example001, { frontMatter: "jekyll" });

  it("starts with front matter like the original's", () => {
    expect(markdown.startsWith('---\nlayout: post\ntitle: "Real-life Postmortem: Lessons from a Bad Deploy"\ndate: 2025-05-25 10:47:00 +0000\n')).toBe(true);
    expect(parseYaml(markdown.split("---\n")[1])).toMatchObject({
      layout: "post",
      title: "Real-life Postmortem: Lessons from a Bad Deploy",
      date: "2025-05-25 10:47:00 +0000",
      comments: true,
      tags: ["SRE", "IncidentResponse", "LessonsLearned", "30DaysOfDevOps"],
    });
  });

  it("opens with the story, then the metrics line the original ends its timeline with", () => {
    const body = markdown.split("\n---\n\n")[1];
    expect(body.startsWith("![Real Life Postmortem Header](/assets/images/postmortem_500.png)\n\nIt’s easy to get lulled")).toBe(true);
    expect(markdown).toContain("**Total time to resolution:** 1 hour, 25 minutes\n**Time to detect:** 3 minutes\n");
  });

  it("has the timeline from 10:47 to 12:12 on 25 May 2025, in UTC", () => {
    expect(markdown).toContain("## Timeline\n\nAll times UTC.\n\n### Sun, 25 May 2025\n\n- **10:47** _(Trigger)_ The new config is deployed to production via CI/CD.\n");
    expect(markdown).toContain("- **11:10** _(Action)_ Deeper investigation begins. The app logs show errors around an \\`undefined variable reference\\` in the login flow.\n");
    expect(markdown).toContain("- **12:12** _(Resolved)_ All systems operational. Post-incident review begins.\n");
  });

  it("keeps the code blocks, quotes and emphasis as written", () => {
    expect(markdown).toContain(`\n${setupYaml}\n`);
    expect(markdown).toContain(`\n${pythonCheck}\n`);
    expect(markdown).toContain("> *“It was just a small config change—how bad could it be?”*");
    expect(markdown).toContain('**"Auth API failure rate > 5%"**');
  });

  it("lists the fixes as done, and the extra sections in the original's order at the end", () => {
    expect(markdown).toContain("- [x] **Schema validation for all config files** — We introduced JSON Schema definitions");
    const sectionOrder = ["## Contributing factors", "## Corrective actions", "## Lessons learned", "## Key Lessons Learned", "## Cultural Shifts and Team Reflection", "## Final Thoughts", "## Appendix: What You Can Do Today"];
    const positions = sectionOrder.map((heading) => markdown.indexOf(`\n${heading}\n`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(markdown.trimEnd().endsWith("**#SRE #IncidentResponse #LessonsLearned #30DaysOfDevOps**")).toBe(true);
  });

  it("holds every sentence the document was given", () => {
    const sentences = [
      "The muscle memory kicks in.",
      "Users began reporting they couldn’t log in.",
      "Simple, right?",
      "That’s where the crash happened.",
      "Staging had a manually set variable. Production did not.",
      "Broken configs fail the build early.",
      "Environment drift is a silent killer.",
      "But we won’t rely on luck next time.",
      "Incomplete runbook for this particular service",
    ];
    for (const sentence of sentences) expect(markdown).toContain(sentence);
  });

  it("is named after the incident day and the title", () => {
    expect(exportFileName(example001)).toBe("2025-05-25-real-life-postmortem-lessons-from-a-bad-deploy.md");
  });
});
