/** Precision and recall of the language check on a labelled corpus (tests and `npm run bench:language`). */
import { checkText, type Match } from "./check-text";
import type { LabelledSentence } from "./corpus";

export type Misclassified = LabelledSentence & { matches: Match[] };

export type CorpusScore = {
  size: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
  /** Of the sentences flagged, the share that were labelled blaming (1 when none were flagged). */
  precision: number;
  /** Of the sentences labelled blaming, the share that were flagged (1 when none were labelled). */
  recall: number;
  misclassified: Misclassified[];
};

/** Scores the check sentence by sentence: a sentence counts as flagged when it has at least one finding. */
export function scoreCorpus(corpus: readonly LabelledSentence[]): CorpusScore {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const misclassified: Misclassified[] = [];
  for (const sentence of corpus) {
    const matches = checkText(sentence.text);
    const isFlagged = matches.length > 0;
    if (isFlagged && sentence.isBlaming) truePositives++;
    else if (isFlagged) falsePositives++;
    else if (sentence.isBlaming) falseNegatives++;
    if (isFlagged !== sentence.isBlaming) misclassified.push({ ...sentence, matches });
  }
  const flagged = truePositives + falsePositives;
  const blaming = truePositives + falseNegatives;
  return {
    size: corpus.length,
    truePositives,
    falsePositives,
    falseNegatives,
    trueNegatives: corpus.length - flagged - falseNegatives,
    precision: flagged === 0 ? 1 : truePositives / flagged,
    recall: blaming === 0 ? 1 : truePositives / blaming,
    misclassified,
  };
}
