/**
 * The example postmortems users bring (../shared/examples, read at test
 * time): each parses with its timeline, factors, actions and lessons
 * recognised, into a document the exchange schema accepts, without losing a
 * sentence.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { postmortemInputSchema, type PostmortemDraft } from "@/lib/schemas/postmortem";
import { parseMarkdown } from "./parse-markdown";
import { missingSentences } from "./test-support";

const examplesDir = path.resolve(__dirname, "../../../../../shared/examples");
const hasExamples = existsSync(examplesDir);
const now = new Date("2026-01-15T12:00:00Z");

function parseExample(prefix: string): { draft: PostmortemDraft; warnings: string[]; text: string } {
  const name = readdirSync(examplesDir).find((file) => file.startsWith(prefix))!;
  const text = readFileSync(path.join(examplesDir, name), "utf8");
  const { document, warnings } = parseMarkdown(text, { fileName: name, now });
  return { draft: postmortemInputSchema.parse(document), warnings, text };
}

describe.skipIf(!hasExamples)(`the shared examples (${examplesDir}${hasExamples ? "" : ": not found, so these tests are skipped"})`, () => {
  it.each(hasExamples ? readdirSync(examplesDir) : [])("%s parses into a valid document that keeps every sentence", (name) => {
    const text = readFileSync(path.join(examplesDir, name), "utf8");
    const { document } = parseMarkdown(text, { fileName: name, now });
    expect(postmortemInputSchema.safeParse(document).error).toBeUndefined();
    expect(missingSentences(text, document)).toEqual([]);
  });

  it("001: front matter title, nine timed events on the post's day, factors, done actions, lessons", () => {
    const { draft, warnings } = parseExample("001");
    expect(draft.title).toBe("Real-life Postmortem: Lessons from a Bad Deploy");
    expect(draft.incidentDate).toBe("2025-05-25");
    expect(draft.timeline.map((event) => event.at)).toEqual(
      ["10:47", "10:50", "10:52", "10:55", "11:10", "11:25", "11:32", "11:39", "12:12"].map((time) => `2025-05-25T${time}:00`),
    );
    expect(draft.timeline[0]).toMatchObject({ kind: "trigger", text: "The new config is deployed to production via CI/CD." });
    expect(draft.timeline[8]).toMatchObject({ kind: "resolved", text: "All systems operational. Post-incident review begins." });
    expect(draft.timeline[4].text).toContain("`undefined variable reference`");

    expect(draft.contributingFactors).toHaveLength(5);
    expect(draft.contributingFactors[0].text).toMatch(/^\*\*Lack of config validation\*\*\n\nWe had no runtime/);
    expect(draft.contributingFactors.map((factor) => factor.category)).toEqual(["environment_drift", "environment_drift", "technical", "testing", "organizational"]);

    expect(draft.correctiveActions.map((action) => action.title)).toEqual([
      "Schema validation for all config files",
      "Mandatory environment variable checks",
      "Feature flag gating via service, not env vars",
      "Test coverage for fallback paths",
      "Deployment guardrails",
    ]);
    // "What We've Fixed": these are done.
    expect(draft.correctiveActions.every((action) => action.status === "done")).toBe(true);

    expect(draft.lessons.wentWrong).toContain("**No change is too small to break production.**");
    expect(draft.rootCause.narrative).toContain("```python\nif os.getenv('USER_ONBOARDING_BETA') == 'true':\n    use_new_flow()");
    expect(draft.impact).toBe("80% of login attempts failed during the incident window.");
    expect(draft.summary).toMatch(/^!\[Real Life Postmortem Header\]\(\/assets\/images\/postmortem_500\.png\)/);
    expect(draft.sections.map((section) => section.title)).toEqual([
      "The Incident",
      "The Incident Timeline",
      "The Setup",
      "Contributing Factors",
      "Recovery and Response",
      "Cultural Shifts and Team Reflection",
      "Final Thoughts",
      "Appendix: What You Can Do Today",
    ]);
    expect(draft.sections[2].body).toContain("```yaml\nfeatures:\n  onboarding_revamp:\n    enabled: true\n    allowlist_env: USER_ONBOARDING_BETA\n```");
    expect(warnings).toContain('Line 64: heading "The Setup" matched no field; kept as an extra section');
    expect(warnings.some((warning) => /Line 30: text under "The Incident Timeline" that is not a timeline event/.test(warning))).toBe(true);
  });

  it("002: the title line, the untimed five-step timeline inside 'The Response', five lessons", () => {
    const { draft } = parseExample("002");
    expect(draft.title).toBe("The Day I Broke the Internet (Sort Of)");
    expect(draft.timeline.map((event) => [event.at, event.text])).toEqual([
      [null, "Update pushed to production."],
      [null, "Issues began surfacing."],
      [null, "Rollback initiated to the previous stable version."],
      [null, "Full service restoration; systems back online."],
      [null, "Root cause analysis conducted, and patches developed."],
    ]);
    expect(draft.timeline.map((event) => event.kind)).toEqual(["trigger", "impact_start", "action", "resolved", "action"]);
    for (const lesson of ["Testing at Scale", "Code Reviews", "Gradual Rollouts", "Monitoring and Alerts", "Rollback Strategies"]) {
      expect(draft.lessons.wentWrong).toContain(`. ${lesson}:`);
    }
    expect(draft.impact).toMatch(/^Within minutes of the update going live/);
    expect(draft.sections.map((section) => section.title)).toEqual([
      "The CrowdStrike Incident",
      "My Own Experience: When Things Go Wrong",
      "The Day It All Went South",
      "The Update",
      "The Response",
    ]);
    expect(draft.sections[4].body).toMatch(/Here’s a quick timeline of how we managed the crisis:$/);
  });

  it("000: plain-text headings become sections and fields; the numbered subsections become actions", () => {
    const { draft, warnings } = parseExample("000");
    expect(draft.summary).toMatch(/^It was a normal release\. Nothing fancy\./);
    expect(draft.rootCause.narrative).toMatch(/^The change looked harmless\./);
    expect(draft.rootCause.narrative).toContain("// Old behavior\ntry {\nuser = parseToken(token)\n} catch (e) {\nuser = null\n}");
    expect(draft.sections.map((section) => section.title)).toEqual(["The Chain Reaction", "How We Diagnosed It", "What We Changed Afterward"]);
    expect(draft.timeline.map((event) => event.text)).toEqual([
      "We checked dashboards: error rate spiked right after deploy",
      "We checked logs: lots of “invalid token” errors",
      "We compared release diff: the token parsing line stood out immediately",
      "We reproduced locally with a token from a failing user",
      "We rolled back to restore service (first priority: stop the bleeding)",
    ]);
    expect(draft.correctiveActions.map((action) => [action.title, action.status])).toEqual([
      ["Backward Compatibility Rules", "done"],
      ["Safer Middleware", "done"],
      ["Canary Releases", "done"],
    ]);
    expect(draft.correctiveActions[1].description).toContain("log.warn('Bad token', { reason: e.message })");
    expect(draft.lessons.wentWrong).toMatch(/^Production bugs rarely come from complicated code\./);
    // No title in the text, none in the file name (a number and a hash): the first sentence, said so.
    expect(draft.title).toBe("It was a normal release.");
    expect(warnings).toContain('No title found: used the first sentence ("It was a normal release.")');
  });
});
