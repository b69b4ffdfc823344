/**
 * The blameless-language rules, as data: what each flags, why it matters,
 * and how to reframe it. checkText (check-text.ts) runs them all; when one
 * finding lies inside another the wider is kept, and for the same words the
 * earlier rule's.
 *
 * Decisions (docs/decisions/010-blameless-language-check.md):
 * - A person is flagged as the subject of a failure, a system is not: "the
 *   request failed to connect" and "Datadog missed the spike" are fine,
 *   "the on-call engineer failed to respond" is not.
 * - Collective "we" owning an action is fine ("we deployed", "we missed one
 *   thing"); "we failed to", "we forgot", "we ignored the alert" are flagged,
 *   because the verb, not the subject, carries the judgement.
 * - Naming a person is flagged only with a failure ("Dave deployed the
 *   broken config", "Sarah forgot to…"), not for neutral or remedial actions
 *   ("Dave deployed the fix", "Sarah rolled back"). Names are capitalised
 *   words that are not sentence openers, product or tool names (vocabulary.ts).
 *   Title-case headings ("The Day I Broke…") are only caught for "I".
 * - "should have" is flagged only when hindsight: followed by a past
 *   participle ("should have caught", "should have been"), whatever the
 *   subject. "We should have a runbook" and "every service should have
 *   alerts" are recommendations and pass. "could have" and "would have" pass:
 *   "a canary would have caught it" is the reframing we suggest.
 * - Negated uses pass: "without blame", "not human error", "not obvious".
 * - "lazy loading" and other technical uses of lazy, "fault tolerance",
 *   "error budget" and "git blame" pass.
 */
import { anyOf, casedWords, words } from "./pattern";
import {
  ACTION_VERBS,
  COMMON_CAPITALISED,
  FAILURE_VERBS,
  FLAWED_OBJECTS,
  MANNER_QUALIFIERS,
  NOUN_ENDINGS,
  OMITTED_VERBS,
  PERSON_PRONOUNS,
  PRODUCTION_WORDS,
  REMOVAL_VERBS,
  RESTART_VERBS,
  ROLE_DETERMINERS,
  ROLE_NOUNS,
  SLIP_ADVERBS,
  TOOL_NAMES,
  UNNAMED_PEOPLE,
} from "./vocabulary";

export type LanguageRule = {
  /** Stable id, used by the UI, the CLI's --json and the tests. */
  id: string;
  /** A short label for lists ("Hindsight: should have"). */
  name: string;
  pattern: RegExp;
  /** Why the phrasing hurts a blameless review, in one or two sentences. */
  why: string;
  /** A reframing to offer the author. */
  suggestion: string;
};

// What a person does that makes them the cause, in the verb phrase after the subject.
const ADVERB = String.raw`(?:\w+ly\s+|also\s+|then\s+|still\s+|again\s+|just\s+)?`;
// "must have changed", "had pushed": an auxiliary may come before the verb.
const AUXILIARY = String.raw`(?:(?:must|might|may|probably|apparently)\s+(?:have\s+)?|had\s+|has\s+|have\s+)?`;
const UP_TO = (count: number) => String.raw`(?:[\w'’-]+\s+){0,${count}}?`;
const FAILURE = `${ADVERB}${anyOf(FAILURE_VERBS)}\\b`;
const OMISSION = String.raw`(?:didn['’]t|did\s+not|never)\s+(?:even\s+)?` + `${anyOf(OMITTED_VERBS)}\\b`;
const SLIP = `${anyOf(SLIP_ADVERBS)}\\s+[\\w-]+`;
// A flaw sits in the object ("a broken config"); a manner ("by accident") may close a longer clause.
const FLAWED_ACTION = `${ADVERB}${anyOf(ACTION_VERBS)}\\s+(?:${UP_TO(4)}${anyOf(FLAWED_OBJECTS)}|${UP_TO(6)}${anyOf(MANNER_QUALIFIERS)})\\b`;
const DESTRUCTIVE_ACTION = `${ADVERB}${anyOf([...REMOVAL_VERBS, ...RESTART_VERBS])}\\s+(?:${UP_TO(4)}${anyOf([...PRODUCTION_WORDS, "wrong"])}|${UP_TO(6)}${anyOf(MANNER_QUALIFIERS)})(?!\\w)`;
const BLAMED_ACTION = `${AUXILIARY}(?:${SLIP}|${OMISSION}|${FAILURE}|${FLAWED_ACTION}|${DESTRUCTIVE_ACTION})`;
const ANY_ACTION = `${AUXILIARY}(?:${SLIP}|${OMISSION}|${FAILURE}|${ADVERB}${anyOf([...ACTION_VERBS, ...REMOVAL_VERBS])}\\b)`;

// "the on-call engineer", "an intern", "the author of the change", "I", "she".
const ROLE = `\\b${anyOf(ROLE_DETERMINERS)}\\s+(?:[\\w-]+\\s+)?${anyOf(ROLE_NOUNS)}(?:\\s+(?:of|from|on|in|at)\\s+(?:the\\s+)?[\\w-]+(?:\\s+team)?)?`;
const PRONOUN = `\\b${anyOf(PERSON_PRONOUNS)}`;
const UNNAMED = `\\b${anyOf(UNNAMED_PEOPLE)}(?:\\s+(?:on|from|in|at)\\s+(?:the\\s+)?[\\w-]+(?:\\s+team)?)?`;

// A capitalised first name (optionally a surname) that is not a sentence opener or a tool.
const NOT_A_NAME = `(?!${anyOf([...COMMON_CAPITALISED, ...TOOL_NAMES])}(?![\\p{L}\\p{N}_]))`;
const NOT_A_NOUN = `(?!\\p{Lu}\\p{Ll}*${anyOf(NOUN_ENDINGS)}(?![\\p{L}\\p{N}_]))`;
const NAME_WORD = `${NOT_A_NAME}${NOT_A_NOUN}\\p{Lu}\\p{Ll}+`;
const NAME = `(?<![\\p{L}\\p{N}_])${NAME_WORD}(?:\\s+\\p{Lu}\\p{Ll}+)?`;
// "If Carlos had…" / "Had Maya…": the prefix is checked looking back from after the name, so the name is written once.
const NAME_SHAPE = String.raw`\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?`;

// Negations that turn a judgement word into a blameless statement: "without blame", "not obvious".
const NEGATIONS = String.raw`(?:no|not|without|never|nothing|don['’]t|do\s+not|didn['’]t|did\s+not|won['’]t|isn['’]t|wasn['’]t|aren['’]t|weren['’]t|hardly|rather\s+than|instead\s+of|than|free\s+of|avoid|avoided|avoiding|beyond|zero)`;
/** Not preceded by a negation, allowing up to two `gap` words in between ("not to assign blame"). */
const notNegated = (gap: string) => `(?<!\\b${NEGATIONS}\\s+(?:${gap}\\s+){0,2})`;

const HINDSIGHT_PARTICIPLE = String.raw`(?:been|had|known|seen|caught|done|run|written|taken|made|gone|built|thought|found|put|set|told|sent|left|kept|read|held|brought|understood|got|gotten|given|spoken|chosen|shown|begun|hit|shut|split|spun|stuck|undone|rewritten|overridden|(?!(?:seed|need|speed|feed|red|bed|shed|breed|embed)\b)(?:\w+-)?\w+ed)\b`;
// Participles that are also adjectives in recommendations ("should have automated tests").
const ATTRIBUTIVE = String.raw`(?!(?:automated|dedicated|detailed|integrated|isolated|limited|centralized|centralised|structured|versioned|scheduled|enhanced|advanced|named|labelled|labeled|signed|encrypted|distributed|balanced|required|protected)\b(?!\s+(?:the|a|an|it|this|that|these|those|them|our|their|his|her|away|back|up|out|for)\b))`;

const FAULT_NOUN = String.raw`(?:fault(?!\s+(?:tolerance|tolerant|domains?|injection|lines?|isolation|zones?|handlers?|handling|detection|codes?))|mistakes?|screw-?ups?|blunders?|fuck-?ups?)\b`;
const PERSONAL_SLIP = String.raw`(?:errors?|oversights?|typos?|slips?|fumbles?)\b(?!\s+(?:budgets?|rates?|handling|messages?|codes?|logs?|pages?|responses?|paths?|counts?|states?|class|types?|cases?|spikes?|tracking|reporting))`;

export const LANGUAGE_RULES: readonly LanguageRule[] = [
  {
    id: "named-person",
    name: "A named person as the cause",
    pattern: casedWords(
      // One name, then what makes it the cause. Written once: the stop list is long.
      `${NAME}(?:`,
      `\\s+${BLAMED_ACTION}`,
      `|['’]s\\s+(?:[\\w-]+\\s+)?(?:change|commit|PR|pull\\s+request|deploy|deployment|script|query|migration|patch|code|config|push|merge)\\s+${ADVERB}(?:broke|caused|took\\s+down|brought\\s+down|knocked\\s+over|introduced|triggered|wiped|deleted|dropped)\\b`,
      `|['’]s\\s+(?:own\\s+)?(?:${FAULT_NOUN}|${PERSONAL_SLIP})`,
      `|['’]s\\s+${anyOf(FLAWED_OBJECTS)}\\s+[\\w-]+`,
      `|(?<=\\b[Ii]f\\s+(?:only\\s+)?${NAME_SHAPE})\\s+had\\s+(?:just\\s+|only\\s+|simply\\s+|actually\\s+)?${HINDSIGHT_PARTICIPLE}`,
      `|(?<=\\bHad\\s+${NAME_SHAPE})\\s+(?:just\\s+|only\\s+|simply\\s+|actually\\s+)?${HINDSIGHT_PARTICIPLE}`,
      ")",
    ),
    why: "Naming a person as the cause turns the review into a verdict on them; people stop sharing what they saw, and the conditions that made the slip easy stay in place.",
    suggestion: "Make the change, the step or the system the subject: “the config deployed at 10:47 referenced a variable that production lacked”, and say what made it easy to miss.",
  },
  {
    id: "failed-to",
    name: "“Failed to” about people",
    pattern: words(
      `(?:\\b(?:we|i|he|she)|${UNNAMED}|${ROLE})\\s+(?:\\w+ly\\s+|also\\s+|then\\s+|still\\s+|again\\s+|all\\s+)?fail(?:ed|s)\\s+to\\b`,
      `|\\b(?:his|her|my|our|someone['’]s|somebody['’]s|the\\s+(?:[\\w-]+\\s+)?${anyOf(ROLE_NOUNS)}['’]s)\\s+failures?\\s+to\\b`,
    ),
    why: "“Failed to” measures people against an outcome only known afterwards; nobody set out to fail, and the phrase hides why the step did not happen.",
    suggestion: "Say what happened and what made it hard: “the alert went to a channel nobody watched at night” rather than “we failed to respond”.",
  },
  {
    id: "person-as-cause",
    name: "A person as the cause",
    pattern: words(`(?:${ROLE}|${PRONOUN})\\s+${BLAMED_ACTION}`),
    why: "Making a person the subject of the failure points at who instead of how; the same step would have tripped the next person too.",
    suggestion: "Make the change or the system the subject and describe what allowed it: “the migration ran against the primary because both hosts share a name prefix”.",
  },
  {
    id: "someone-did",
    name: "“Someone” as the cause",
    pattern: words(
      `${UNNAMED}\\s+${ANY_ACTION}`,
      `|\\bwhoever\\s+${ANY_ACTION}`,
      `|\\bwho\\s+(?:broke|caused|took\\s+down|brought\\s+down|screwed\\s+up|messed\\s+up)\\b`,
    ),
    why: "“Someone broke it” points at an individual without helping anyone learn; readers start guessing who instead of asking how.",
    suggestion: "Make the change the subject: “a change to the token parser was merged”, “the deploy at 10:47 introduced…”, then describe what let it through.",
  },
  {
    id: "possessive-fault",
    name: "Someone's mistake or fault",
    pattern: words(
      `(?<!\\bnot\\s+)\\b(?!(?:nobody|no\\s*one|anybody|anyone|everybody|everyone|it|that|there|what|here|let|who|he|she)['’]s)[\\w-]+['’]s\\s+(?:own\\s+)?${FAULT_NOUN}`,
      `|(?<!\\bnot\\s+)\\b(?:his|her|my|your|their|our)\\s+(?:own\\s+)?(?:${FAULT_NOUN}|${PERSONAL_SLIP})`,
      `|\\b(?:someone|somebody|${anyOf(ROLE_NOUNS)})['’]s\\s+(?:own\\s+)?${PERSONAL_SLIP}`,
    ),
    why: "Assigning a mistake to someone ends the analysis at a person; the interesting question is what made the mistake possible and why nothing caught it.",
    suggestion: "Describe the action and the missing safeguard: “the command accepted a production target without confirmation”.",
  },
  {
    id: "at-fault",
    name: "Finding who is at fault",
    pattern: words(
      String.raw`\bat\s+fault\b|\bwhose\s+fault\b|\bfault\s+(?:lies|lay|lay|was|is|rests|rested)\s+(?:\w+ly\s+)?with\b|\bto\s+be\s+faulted\b|\bfaulted\s+(?:for|him|her|them)\b`,
    ),
    why: "Deciding who is at fault is a different exercise from understanding an incident, and it makes the next review less honest.",
    suggestion: "Ask what conditions produced the outcome: “three things lined up: no config validation, environment drift, and an untested fallback”.",
  },
  {
    id: "consequences",
    name: "Looking for a culprit or punishment",
    pattern: words(
      `\\b(?:the|an?)\\s+(?:[\\w-]+\\s+)?${anyOf(ROLE_NOUNS)}\\s+responsible(?:\\s+for\\s+(?:the\\s+|this\\s+|that\\s+)?(?:outage|incident|failure|mistake|breakage|error|bug|regression|problem|mess)\\b|(?!\\s+for\\b))`,
      String.raw`|\b(?:has|have|had)\s+been\s+(?:disciplined|reprimanded|spoken\s+to|held\s+accountable|demoted|given\s+a\s+(?:formal\s+)?warning)\b`,
      String.raw`|\b(?:was|were|will\s+be|should\s+be|must\s+be|to\s+be)\s+(?:disciplined|reprimanded|spoken\s+to|held\s+accountable|demoted)\b`,
    ),
    why: "Looking for the person responsible, or for a consequence, teaches everyone to hide what they know; the next incident gets harder to understand.",
    suggestion: "Keep people out of the causal chain and put the follow-up on the system: “add a required reviewer for auth middleware” rather than a consequence for a person.",
  },
  {
    id: "human-error",
    name: "“Human error”",
    pattern: words(
      String.raw`(?<!\b(?:no|not|never|isn['’]t|wasn['’]t|beyond|than|blaming|blame)\s+(?:(?:just|simply|merely|a|an|only)\s+)?)\b(?:human|operator|engineer|pilot|user)[\s-]+(?:errors?|mistakes?|failures?)\b(?!\s+(?:rates?|budgets?|messages?|codes?|pages?|responses?|handling|states?|count)\b)`,
      String.raw`|\bpebkac\b|\blayer[\s-]?8\s+(?:issue|problem|error)s?\b`,
    ),
    why: "“Human error” ends the analysis where it should begin: people's actions made sense given the tools, signals and pressure at the time. It names a symptom, not a cause.",
    suggestion: "Describe what made the action easy to get wrong and hard to notice, e.g. “the CLI accepted the production flag without a confirmation step”.",
  },
  {
    id: "mistake-made",
    name: "“Made a mistake”",
    pattern: words(
      String.raw`\bmade\s+(?:a|an|the|this|that|one|some|several|multiple|two|a\s+few)\s+(?:(?:big|small|simple|costly|silly|stupid|honest|critical|serious|rookie|classic|careless|human|huge|fatal)\s+)?(?:mistakes?|blunders?|errors?\s+(?:of|in)\s+judge?ment|(?:bad|wrong|poor)\s+(?:call|decision|choice)s?)\b`,
      String.raw`|\b(?:a\s+)?mistakes?\s+(?:was|were|had\s+been)\s+made\b`,
    ),
    why: "“Made a mistake” stops the story at the person; the useful part is what made the mistake possible and why nothing caught it.",
    suggestion: "Describe the action and the missing safeguard: “the migration ran against the primary because both hosts shared a name prefix”.",
  },
  {
    id: "forgot",
    name: "“Forgot”",
    pattern: words(String.raw`\bforgot\b|\b(?:forgotten|forgetting|neglected|neglecting)\s+to\b`),
    why: "“Forgot” locates the cause in someone's memory; the reliable fix is a system that does not depend on remembering.",
    suggestion: "Describe what would have done the remembering: “the certificate renewal was a manual calendar task with no alert before expiry”.",
  },
  {
    id: "didnt-bother",
    name: "“Didn't bother”",
    pattern: words(
      String.raw`\b(?:didn['’]t|did\s+not|never|couldn['’]t|could\s+not|wouldn['’]t|would\s+not)\s+(?:even\s+)?bother(?:ed)?(?=\s+(?:to|with|\w+ing)\b|\s*[.,;:!?)]|\s*$)`,
      String.raw`|\b(?:couldn['’]t|could\s+not)\s+be\s+bothered\b|\bno\s*(?:one|body)\s+(?:even\s+)?bothered\b`,
    ),
    why: "“Didn't bother” attributes an omission to indifference; omissions usually come from competing demands, missing reminders or steps nobody wrote down.",
    suggestion: "Describe what would have prompted the step: “nothing in the deploy checklist asked for a staging check”.",
  },
  {
    id: "ignored-alert",
    name: "“Ignored the alert”",
    pattern: words(
      String.raw`\bignor(?:ed|ing|es|e)\s+(?:(?:the|an?|all|every|several|multiple|repeated|those|these|our|his|her|their|its|two|three|many|numerous)\s+)?(?:[\w-]+\s+){0,2}?(?:alerts?|alarms?|pages?|warnings?|notifications?|pings?)\b`,
      String.raw`|\b(?:alerts?|alarms?|pages?|warnings?|notifications?)\s+(?:was|were|had\s+been|got|went|kept\s+being)\s+(?:\w+ly\s+)?ignored\b`,
    ),
    why: "“Ignored the alert” implies a choice; alerts go unanswered because of noise, fatigue, routing or unclear ownership, and those are what you can fix.",
    suggestion: "Describe how the alert reached people and why it did not stand out: “the alert fired in a channel that had 300 other alerts that day”.",
  },
  {
    id: "should-have",
    name: "Hindsight: “should have”",
    pattern: words(
      `\\b(?:should|ought\\s+to)(?:n['’]t|\\s+not|\\s+never)?(?:\\s+have|['’]ve)\\s+(?:(?:\\w+ly|never|not|just|also|already|even|at\\s+least)\\s+)?${ATTRIBUTIVE}${HINDSIGHT_PARTICIPLE}(?!\\s+(?:\\w+ed\\s+)?automatically\\b)`,
    ),
    why: "“Should have” judges past decisions with knowledge only available afterwards (hindsight bias); it says what was missing without saying why it made sense at the time.",
    suggestion: "Say what would have helped, e.g. “a check at deploy time would have caught the missing variable”, and why it was not there.",
  },
  {
    id: "just-had-to",
    name: "“Just had to”",
    pattern: words(
      String.raw`\b(?:just|simply|merely)\s+(?:had|needed|has|needs|have|need)\s+to\b(?!\s+wait\b)`,
      String.raw`|\ball\s+(?:he|she|they|you|we|i|someone|somebody|the\s+[\w-]+)\s+(?:had|needed|has|needs)\s+to\s+do\b`,
      String.raw`|\bcould\s+(?:have\s+(?:just|simply|easily)|(?:just|simply|easily)\s+have)\b`,
    ),
    why: "“Just” makes the right action sound trivial, which is only true in hindsight; it hides the knowledge, timing and tooling the action really needed.",
    suggestion: "Drop “just” and describe what the step required: “restoring service needed a manual failover that was documented only in a wiki page”.",
  },
  {
    id: "obviously",
    name: "Hindsight: “obviously”",
    pattern: words(`${notNegated("\\w+ly")}(?<!\\bnon[-‐]?)\\bobvious(?:ly)?\\b`),
    why: "“Obvious” is hindsight talking: it was not obvious to the people in the moment, or they would have acted on it.",
    suggestion: "Describe which signals were available and why they did not stand out at the time: “the error was in the logs but not on the dashboard we watched”.",
  },
  {
    id: "blame",
    name: "“Blame”",
    pattern: words(`${notNegated("[\\w-]+")}(?<!\\bgit\\s+)(?<!\\b(?:no\\s+one|nobody|noone)\\s+(?:is|was|were)\\s+to\\s+)\\bblam(?:e|ed|es|ing)\\b(?![-‐](?:less|free|aware))`),
    why: "Blame answers “who” and stops there; a postmortem is useful when it explains “how”, so the system can change.",
    suggestion: "Replace the search for a culprit with the conditions: what people saw, what the tools allowed, and what pressure they were under.",
  },
  {
    id: "counterfactual-person",
    name: "Hindsight: “if only they had…”",
    pattern: words(
      `\\bif\\s+(?:only\\s+)?(?:${PRONOUN}|${UNNAMED}|${ROLE}|people|everyone|anyone)\\s+had\\s+(?:just\\s+|only\\s+|simply\\s+|actually\\s+|bothered\\s+to\\s+\\w+\\s+)?${HINDSIGHT_PARTICIPLE}`,
      `|\\bhad\\s+(?:${PRONOUN}|${UNNAMED}|${ROLE})\\s+(?:just\\s+|only\\s+|simply\\s+|actually\\s+)?${HINDSIGHT_PARTICIPLE}`,
      `|\\bif\\s+only\\s+(?:we|he|she|i|they|someone|somebody)\\b`,
    ),
    why: "A counterfactual about what a person “had done” is hindsight: it measures them against knowledge they did not have, and the next person in the same spot would act the same.",
    suggestion: "Describe the safeguard that would have made the outcome independent of memory or luck: “the runbook step was not linked from the alert”.",
  },
  {
    id: "blame-idiom",
    name: "Blaming idiom",
    pattern: words(
      String.raw`\bdrop(?:ped|s)?\s+the\s+ball\b|\basleep\s+at\s+the\s+(?:wheel|switch)\b|\basleep\s+on\s+(?:the\s+)?(?:job|watch)\b`,
      String.raw`|\bthrew\s+(?:it|this|that|the\s+[\w-]+)\s+over\s+the\s+wall\b|\bno\s+excuses?\s+for\b|\b(?:rookie|amateur|newbie|noob)\s+(?:mistakes?|errors?|moves?|hour)\b|\bamateur\s+hour\b`,
      String.raw`|\b(?:wasn['’]t|was\s+not|weren['’]t|were\s+not|not)\s+paying\s+attention\b|\b(?:should|ought\s+to)\s+(?:know|have\s+known)\s+better\b|\bknew\s+better\b|\bcowboy\b`,
      String.raw`|\bcut(?:ting|s)?\s+corners\b|\b(?:not|n['’]t|never)\s+(?:doing|do|did|done)\s+(?:their|his|her|your|my)\s+(?:own\s+)?jobs?\b|\b(?:inexcusable|unforgivable)\b`,
    ),
    why: "Idioms like “dropped the ball” or “asleep at the wheel” are blame in casual clothes: they judge attention or effort instead of explaining the situation.",
    suggestion: "Say what happened and what made it likely: “the handover note did not mention the pending migration”.",
  },
  {
    id: "careless",
    name: "“Careless”",
    pattern: words(String.raw`\b(?:careless(?:ly|ness)?|sloppy|sloppily|sloppiness|reckless(?:ly|ness)?|thoughtless(?:ly|ness)?|inattentive)\b|\b(?:wasn['’]t|was\s+not|weren['’]t|were\s+not|not|insufficiently|less\s+than)\s+careful\b`),
    why: "Judging care describes a person's character, not the conditions of the work; it tells readers to try harder, which fixes nothing.",
    suggestion: "Describe the action and what the system allowed: “the change merged without a second review because the repository did not require one”.",
  },
  {
    id: "negligent",
    name: "“Negligent”",
    pattern: words(String.raw`\b(?:negligent(?:ly)?|negligence|dereliction|derelict)\b`),
    why: "“Negligent” is a legal and moral verdict; it invites defensiveness and makes the next person less likely to report what they saw.",
    suggestion: "State what happened and which safeguard was missing: “the backup job had no alert, so its failures went unseen for weeks”.",
  },
  {
    id: "lazy",
    name: "“Lazy”",
    pattern: words(
      String.raw`\blaz(?:y|iness)\b(?![\s-]+(?:load|loading|loaded|loads|loader|evaluation|evaluated|init|initiali[sz]ation|initiali[sz]ed|import|imports|imported|iterators?|iteration|sequences?|val|static|singletons?|instantiation|fetch|fetching|fetched|hydration|compilation|mode|propert(?:y|ies)|routes?|components?|quantifiers?|match|matching|deletion|expansion|lists?|streams?|connections?|queues?|bindings?|patterns?|modules?|chunks?)\b)`,
    ),
    why: "Calling someone lazy explains nothing about why the shortcut was the easy path; people take the path the system makes cheapest.",
    suggestion: "Describe the shortcut and what made it attractive: “the full test suite took 40 minutes, so hotfixes usually skipped it”.",
  },
  {
    id: "incompetent",
    name: "“Incompetent”",
    pattern: words(
      String.raw`\b(?:incompetent(?:ly)?|incompetence|inept(?:itude)?|stupid(?:ly|ity)?|idiot(?:s|ic)?|clueless|moron(?:s|ic)?)\b`,
      // "Any competent engineer would have…": the same verdict, by comparison.
      `|\\bany\\s+(?:competent|reasonable|decent|good|experienced|sensible|half-decent|careful|serious)\\s+(?:[\\w-]+\\s+)?${anyOf(ROLE_NOUNS)}\\b`,
    ),
    why: "Judging competence makes the review about a person's worth; it silences the people whose knowledge you need to understand the incident.",
    suggestion: "Describe the knowledge the situation required and where it lived: “the failover steps were known to two people and not written down”.",
  },
];
