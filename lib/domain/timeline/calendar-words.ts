/**
 * Month and weekday names as people write them in timelines, headings and
 * titles ("Sept", "Tues.", "Thursday"): regular-expression alternations
 * (no group; each reader wraps them as it needs), written once.
 */

/** "jan", "january", "sept", "september"…; a reader adds the optional dot after it. */
export const MONTH_NAMES = String.raw`jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`;

/** Only real weekday names, long and short: "Monitoring 14 Mar" is a sentence, not a date. */
export const WEEKDAY_NAMES = String.raw`monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun`;
