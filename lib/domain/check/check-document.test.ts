import { describe, expect, it } from "vitest";
import fixture from "@/e2e/fixtures/full-postmortem.json";
import { CHECKLIST_IDS } from "@/lib/domain/editor/steps";
import { checkLanguage } from "@/lib/domain/language";
import { parseMarkdown } from "@/lib/domain/markdown/import";
import { postmortemInputSchema, type PostmortemDraft } from "@/lib/schemas/postmortem";
import { checkCompleteness, checkDocument, MAX_FINDINGS_PER_RULE, placeLanguageFindings } from ".";

const read = (source: string, fileName?: string) => postmortemInputSchema.parse(parseMarkdown(source, { fileName, now: new Date("2024-03-01T00:00:00Z") }).document);
const lineText = (source: string, line: number | null) => (line === null ? null : source.split(/\r\n?|\n/)[line - 1]);

const POST = `---
title: "Checkout errors after a config push"
---

## Summary

Checkout failed for 40 minutes.

## Timeline (UTC)

- 2024-02-10 14:02 Dave deployed the broken config to production
- 14:05 Alerts fired for checkout errors
- 14:42 The change was rolled back

## Lessons learned

**Sarah** *forgot* to renew the certificate, which made it worse.
`;

describe("placeLanguageFindings", () => {
  it("puts each finding on the line of the file where its words are, through list markers, times and emphasis", () => {
    const document = read(POST);
    const findings = placeLanguageFindings({ source: POST, document, findings: checkLanguage(document) });
    expect(findings.map((finding) => [finding.rule, finding.line])).toEqual([
      ["named-person", 11],
      ["named-person", 17],
    ]);
    expect(lineText(POST, findings[0].line)).toContain("Dave deployed the broken config");
    expect(lineText(POST, findings[1].line)).toContain("**Sarah** *forgot*");
    expect(findings[0]).toMatchObject({ kind: "language", excerpt: expect.stringContaining("Dave deployed"), message: expect.any(String), suggestion: expect.any(String) });
  });

  it("counts lines as editors do with Windows and old Mac line ends", () => {
    for (const newline of ["\r\n", "\r"]) {
      const source = POST.replace(/\n/g, newline);
      const document = read(source);
      const lines = placeLanguageFindings({ source, document, findings: checkLanguage(document) }).map((finding) => finding.line);
      expect(lines, JSON.stringify(newline)).toEqual([11, 17]);
    }
  });

  it("gives a sentence written twice two different lines", () => {
    const source = "# Two slips\n\n## What went wrong\n\nWe forgot the renewal.\n\n## Contributing factors\n\n- We forgot the renewal.\n";
    const document = read(source);
    const findings = placeLanguageFindings({ source, document, findings: checkLanguage(document) });
    expect(findings.map((finding) => finding.line).sort()).toEqual([5, 9]);
  });

  it("prefers the occurrence whose neighbouring words match the field", () => {
    const source = "# Notes\n\n## Timeline\n\n- 10:00 someone broke the cache warmer\n\n## Root cause\n\nAfter the deploy someone broke the login flow.\n";
    const document = read(source);
    const findings = placeLanguageFindings({
      source,
      document,
      // Only the root cause's finding: the first occurrence of the words must not win.
      findings: checkLanguage(document).filter((finding) => finding.field.startsWith("rootCause")),
    });
    expect(findings.map((finding) => finding.line)).toEqual([9]);
  });

  it("says null when the words are not in the file (a title read from the file name)", () => {
    const document: PostmortemDraft = { ...read("Nothing to see.\n"), title: "Dave deployed the broken config" };
    const [finding] = placeLanguageFindings({ source: "Nothing to see.\n", document, findings: checkLanguage(document) });
    expect(finding).toMatchObject({ rule: "named-person", line: null });
  });

  it("finds nothing in a blameless post", () => {
    const source = "# Cache stampede\n\nThe cache expired everywhere at once because every key had the same lifetime.\n";
    const document = read(source);
    expect(placeLanguageFindings({ source, document, findings: checkLanguage(document) })).toEqual([]);
  });
});

describe("placeLanguageFindings on a sentence pasted many times", () => {
  const times = MAX_FINDINGS_PER_RULE + 70;
  const source = `# Outage\n\n## What went wrong\n\n${"Dave forgot to renew the certificate, and Sarah should have checked it.\n".repeat(times)}`;
  const document = read(source);
  const findings = placeLanguageFindings({ source, document, findings: checkLanguage(document) });

  it(`lists the first ${MAX_FINDINGS_PER_RULE} findings of each rule, each on its own line, in order`, () => {
    for (const rule of ["named-person", "should-have"]) {
      const lines = findings.filter((finding) => finding.rule === rule && finding.line !== null).map((finding) => finding.line);
      expect(lines, rule).toEqual(Array.from({ length: MAX_FINDINGS_PER_RULE }, (_, i) => i + 5));
    }
  });

  it("ends with one entry per rule that says how many more were left out", () => {
    const summaries = findings.filter((finding) => finding.omitted !== undefined);
    expect(summaries).toEqual([
      expect.objectContaining({ kind: "language", rule: "named-person", omitted: 70, line: null, excerpt: null, message: expect.stringContaining("70 more findings") }),
      expect.objectContaining({ kind: "language", rule: "should-have", omitted: 70, line: null, excerpt: null, message: expect.stringContaining("70 more findings") }),
    ]);
    expect(findings.slice(-2)).toEqual(summaries);
    expect(findings).toHaveLength(2 * MAX_FINDINGS_PER_RULE + 2);
  });
});

describe("checkCompleteness", () => {
  it("reports nothing for a complete postmortem", () => {
    // The fixture leaves one action without an owner and a date on purpose (the editor's tests need it).
    const actions = fixture.correctiveActions.map((action) => ({ ...action, owner: action.owner ?? "SRE", dueDate: action.dueDate ?? "2024-06-01" }));
    expect(checkCompleteness(postmortemInputSchema.parse({ ...fixture, correctiveActions: actions }))).toEqual([]);
  });

  it("reports every checklist item of an empty one, with a gap, the advice and no line", () => {
    const findings = checkCompleteness(read("Just a title\n"));
    const rules = findings.map((finding) => finding.rule);
    for (const item of ["impact-quantified", "impact-start", "detection", "resolution", "root-cause", "contributing-factor", "corrective-action", "went-well", "went-wrong", "lucky"]) {
      expect(rules).toContain(item);
    }
    for (const finding of findings) {
      expect(CHECKLIST_IDS).toContain(finding.rule);
      expect(finding).toMatchObject({ kind: "completeness", excerpt: null, line: null });
      expect(finding.message.length).toBeGreaterThan(10);
      expect(finding.suggestion.length).toBeGreaterThan(10);
    }
  });

  it("asks for owners and due dates once actions exist without them", () => {
    const draft = postmortemInputSchema.parse({ ...fixture, correctiveActions: [{ title: "Add a canary", owner: null, dueDate: null }] });
    expect(checkCompleteness(draft).map((finding) => [finding.rule, finding.suggestion])).toEqual([
      ["action-owners", "Give 1 action an owner"],
      ["action-due-dates", "Give 1 action a due date"],
    ]);
  });
});

describe("checkDocument", () => {
  it("lists language findings before completeness gaps", () => {
    const kinds = checkDocument({ source: POST, document: read(POST) }).map((finding) => finding.kind);
    expect(kinds.slice(0, 2)).toEqual(["language", "language"]);
    expect(kinds.slice(2).every((kind) => kind === "completeness")).toBe(true);
    expect(kinds.length).toBeGreaterThan(2);
  });
});
