/**
 * Related incidents: the postmortems most like a given one, by what they
 * share — services, tags, contributing-factor categories — and by the rare
 * words both use, each with a one-line reason ("same service: auth-api; also
 * environment drift").
 */
import type { FactorCategory } from "../postmortem";
import { FACTOR_CATEGORIES, STATUSES } from "../postmortem";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import type { FacetRecord, LabelDictionary } from "./facets";
import { wordsOf } from "./words";

/** Words too common in any English text to say two incidents are alike. */
const STOP_WORDS = new Set(
  (
    "about above after again against all also although among another any are around because been before being below between both " +
    "but can cannot could did does doing done down during each either else enough even ever every few first for from further " +
    "had has have having her here hers him his how however into its itself just last later least less like made make many may " +
    "might more most much must near need needed never next none nor not now off often once one only onto other others our ours " +
    "out over own per quite rather same several she should since some still such than that the their theirs them then there " +
    "these they this those though through thus till too toward under until upon very was were what when where whether which " +
    "while who whom whose why will with within without would yet you your yours we us it is be as at by on or an of to in if " +
    "so no do go got get gets getting way also able across already always being came come comes day days took take time times " +
    "using used use uses want went work worked works yes new old see saw seen"
  ).split(/\s+/),
);

/** How a shared factor category reads in a reason. */
const FACTOR_REASONS: Record<FactorCategory, string> = {
  technical: "a technical factor",
  process: "a process gap",
  environment_drift: "environment drift",
  monitoring: "a monitoring gap",
  testing: "a testing gap",
  organizational: "an organizational factor",
  human_factors: "human factors / tooling",
  external_dependency: "an external dependency",
  other: "a similar factor",
};

/**
 * Up to `max` words that may characterize a postmortem, most telling first:
 * the title's, tags' and services', then the summary's, the trigger's and the
 * factors', then the rest by how often the postmortem uses them.
 */
export function characteristicWords(doc: PostmortemDocument, max = 40): string[] {
  const chosen: string[] = [];
  const seen = new Set<string>();
  const take = (text: string) => {
    for (const word of wordsOf(text)) {
      if (chosen.length >= max) return;
      if (seen.has(word) || word.length < 4 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
      seen.add(word);
      chosen.push(word);
    }
  };
  take(doc.title);
  take([...doc.tags, ...doc.services].join(" "));
  take(doc.summary);
  take(doc.rootCause.trigger);
  take(doc.contributingFactors.map((f) => f.text).join(" "));
  // The rest: most used first.
  const frequency = new Map<string, number>();
  const body = [doc.impact, doc.rootCause.narrative, ...doc.rootCause.whys, ...doc.timeline.map((e) => e.text), ...doc.sections.map((s) => s.body)];
  for (const word of wordsOf(body.join(" "))) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  take([...frequency].sort((a, b) => b[1] - a[1]).map(([word]) => word).join(" "));
  return chosen;
}

/** Postmortems that contain a word (all of them, or as many as were looked up). */
export type WordHits = { word: string; ids: number[] };

export type RelatedMatch = { id: number; score: number; reason: string };

const WEIGHTS = { service: 3, tag: 2, factor: 1 };
/** Below this, a postmortem shares too little to be worth showing. */
const MIN_SCORE = 3;

const bitsOf = (mask: number) => {
  const indexes: number[] = [];
  for (let i = 0; mask; i++, mask >>= 1) if (mask & 1) indexes.push(i);
  return indexes;
};

const list = (items: string[]) => items.join(", ");

/**
 * The `limit` records most like `source`, best first, each with a reason.
 * `words` are the source's characteristic words with the postmortems that use
 * them; a word counts by its rarity (log N/df), so a codename shared by three
 * incidents says more than "latency" shared by half the library.
 */
export function rankRelated(options: {
  source: FacetRecord;
  records: readonly (FacetRecord | undefined)[];
  labels: LabelDictionary;
  words: WordHits[];
  totalDocuments: number;
  limit: number;
}): RelatedMatch[] {
  const { source, records, labels, words, totalDocuments } = options;
  const archived = STATUSES.indexOf("archived");
  const shared = new Map<number, string[]>();
  let textScores = new Map<number, number>();
  // Rarest first, so that a reason names the most telling words.
  for (const { word, ids } of [...words].sort((a, b) => a.ids.length - b.ids.length)) {
    if (ids.length < 2) continue;
    const idf = Math.log(totalDocuments / ids.length);
    for (const id of ids) {
      if (id === source.id) continue;
      textScores.set(id, (textScores.get(id) ?? 0) + idf);
      const known = shared.get(id);
      if (known) known.push(word);
      else shared.set(id, [word]);
    }
  }
  // Rare shared words count as much as a shared service or two.
  const best = Math.max(0, ...textScores.values());
  textScores = new Map([...textScores].map(([id, score]) => [id, best > 0 ? (6 * score) / best : 0]));

  const sourceServices = new Set(source.services);
  const sourceTags = new Set(source.tags);
  const matches: (RelatedMatch & { date: number })[] = [];
  for (const record of records) {
    if (!record || record.id === source.id || record.status === archived) continue;
    const services = record.services.filter((id) => sourceServices.has(id));
    const tags = record.tags.filter((id) => sourceTags.has(id));
    const factors = bitsOf(record.factors & source.factors);
    const text = textScores.get(record.id) ?? 0;
    const score = WEIGHTS.service * services.length + WEIGHTS.tag * tags.length + WEIGHTS.factor * factors.length + text;
    if (score < MIN_SCORE) continue;
    const parts: string[] = [];
    if (services.length) parts.push(`same service${services.length > 1 ? "s" : ""}: ${list(services.map((id) => labels.names[id]))}`);
    if (tags.length) parts.push(`tag${tags.length > 1 ? "s" : ""}: ${list(tags.map((id) => labels.names[id]))}`);
    const words = shared.get(record.id);
    if (words && text >= 1) parts.push(`also mentions ${list(words.slice(0, 3))}`);
    if (factors.length) parts.push(`also ${list(factors.slice(0, 2).map((i) => FACTOR_REASONS[FACTOR_CATEGORIES[i]]))}`);
    matches.push({ id: record.id, score, reason: parts.join("; "), date: record.dayNumber });
  }
  return matches
    .sort((a, b) => b.score - a.score || b.date - a.date)
    .slice(0, options.limit)
    .map(({ id, score, reason }) => ({ id, score: Math.round(score * 100) / 100, reason }));
}
