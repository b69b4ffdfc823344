// `npm run bench:language [EXAMPLES_DIR]`: measures the blameless-language
// check. Prints precision and recall on the labelled corpus (overall and per
// set) with every misclassified sentence, the findings on each example
// postmortem (../shared/examples by default), and the time per checkText call
// on a 2,000-word text. Figures are copied into docs/language-check.md.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkText } from "@/lib/domain/language";
import { LANGUAGE_CORPUS, type LabelledSentence } from "@/lib/domain/language/corpus";
import { clearMaskCache } from "@/lib/domain/language/prose-mask";
import { LANGUAGE_RULES } from "@/lib/domain/language/rules";
import { scoreCorpus } from "@/lib/domain/language/score";

const root = path.resolve(__dirname, "..");
const examplesDir = path.resolve(process.argv[2] ?? path.join(root, "..", "shared", "examples"));
const say = (line = "") => process.stdout.write(`${line}\n`);
const figure = (value: number) => value.toFixed(3);

say(`Blameless language check: ${LANGUAGE_RULES.length} rules`);
reportCorpus();
reportExamples();
reportTiming();

function reportCorpus(): void {
  const sets = [...new Set(LANGUAGE_CORPUS.map((sentence) => sentence.set))];
  say("\n## Labelled corpus (a sentence counts as flagged when it has any finding)\n");
  say("set            sentences  blaming  precision  recall");
  const row = (name: string, sentences: readonly LabelledSentence[]) => {
    const score = scoreCorpus(sentences);
    const blaming = sentences.filter((sentence) => sentence.isBlaming).length;
    say(`${name.padEnd(15)}${String(score.size).padStart(9)}${String(blaming).padStart(9)}${figure(score.precision).padStart(11)}${figure(score.recall).padStart(8)}`);
  };
  for (const set of sets) row(set, LANGUAGE_CORPUS.filter((sentence) => sentence.set === set));
  row("all", LANGUAGE_CORPUS);

  const { misclassified, truePositives, falsePositives, falseNegatives, trueNegatives } = scoreCorpus(LANGUAGE_CORPUS);
  say(`\nTP ${truePositives}  FP ${falsePositives}  FN ${falseNegatives}  TN ${trueNegatives}`);
  say(`\nMisclassified (${misclassified.length}):`);
  for (const { text, isBlaming, set, matches } of misclassified) {
    const found = matches.map((match) => `${match.ruleId} “${match.excerpt}”`).join(", ");
    say(`- [${isBlaming ? "missed" : "false alarm"}, ${set}] ${text}${found ? `  → ${found}` : ""}`);
  }
}

function reportExamples(): void {
  say(`\n## Findings on the examples (${examplesDir})\n`);
  if (!existsSync(examplesDir) || !statSync(examplesDir).isDirectory()) {
    say("Skipped: the examples folder is absent. Pass another folder as the first argument.");
    return;
  }
  const files = readdirSync(examplesDir).filter((name) => statSync(path.join(examplesDir, name)).isFile()).sort();
  if (files.length === 0) say("Skipped: the examples folder is empty.");
  for (const name of files) {
    const text = readFileSync(path.join(examplesDir, name), "utf8");
    const matches = checkText(text);
    say(`${name}: ${matches.length} finding${matches.length === 1 ? "" : "s"}`);
    for (const match of matches) {
      const before = text.slice(0, match.start);
      const line = before.split("\n").length;
      const column = match.start - before.lastIndexOf("\n");
      say(`  ${line}:${column}  ${match.ruleId}  “${match.excerpt}”`);
    }
  }
}

function reportTiming(): void {
  const plain = twoThousandWords(false);
  const markdown = twoThousandWords(true);
  const runs = 200;
  say(`\n## Time per checkText call on a 2,000-word text (median and 95th percentile of ${runs} runs after 20 warm-up runs)\n`);
  say(`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, load average ${os.loadavg().map((load) => load.toFixed(1)).join(" ")}`);
  say(`plain prose (${countWords(plain)} words, ${plain.length} characters) and Markdown (${countWords(markdown)} words, ${markdown.length} characters)\n`);
  time("plain prose, no Markdown syntax (no parse)", () => checkText(plain), runs);
  time("Markdown, cold (cache cleared: every block parsed)", () => {
    clearMaskCache();
    checkText(markdown);
  }, runs);
  let keystrokes = 0;
  const middle = markdown.indexOf("\n\n", markdown.length / 2);
  time("Markdown, typing (one paragraph changes per call)", () => {
    keystrokes++;
    checkText(`${markdown.slice(0, middle)} *typed*${"x".repeat(keystrokes)}${markdown.slice(middle)}`);
  }, runs);
}

function time(label: string, action: () => void, runs: number): void {
  for (let run = 0; run < 20; run++) action();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    action();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (share: number) => samples[Math.min(samples.length - 1, Math.floor(share * samples.length))].toFixed(2);
  say(`${label.padEnd(52)} median ${at(0.5).padStart(6)} ms   p95 ${at(0.95).padStart(6)} ms`);
}

// Corpus sentences in paragraphs of five; the Markdown variant adds the
// syntax postmortems use: headings, lists, emphasis, inline and fenced code, quotes.
function twoThousandWords(isMarkdown: boolean): string {
  const sentences = LANGUAGE_CORPUS.map((sentence) => sentence.text);
  const paragraphs: string[] = [];
  let words = 0;
  for (let index = 0; words < 2000; index += 5) {
    const paragraph = Array.from({ length: 5 }, (_, offset) => sentences[(index + offset) % sentences.length]).join(" ");
    words += countWords(paragraph);
    const number = paragraphs.length;
    if (!isMarkdown) paragraphs.push(paragraph);
    else if (number % 8 === 0) paragraphs.push(`## Part ${number / 8 + 1}\n\n- **${paragraph}**`);
    else if (number % 8 === 3) paragraphs.push(`${paragraph} Run \`kubectl rollout undo\` first.\n\n\`\`\`sh\nkubectl get pods -n auth\n\`\`\``);
    else if (number % 8 === 5) paragraphs.push(`> ${paragraph}`);
    else paragraphs.push(paragraph.replace(/\b(deploy|config)\b/, "*$1*"));
  }
  return paragraphs.join("\n\n");
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /\w/.test(word)).length;
}
