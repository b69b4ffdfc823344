/**
 * Makes the document fit the exchange format's limits (lib/schemas) without
 * losing text: what is too long or too many moves into extra sections
 * ("Summary (continued)"), each at most the size of a prose field.
 */
import { httpUrlSchema, MAX_TEXT } from "@/lib/schemas/postmortem";
import { isIsoDate, isValidTimeZone } from "@/lib/domain/time";
import { addSection, warn, type Draft, type ImportState } from "./state";

const LIMITS = { title: 300, eventText: 20_000, events: 10_000, items: 500, actionTitle: 500, owner: 200, whys: 50, why: 5_000, label: 100, labels: 100, sections: 500, sectionTitle: 300 };

/** Splits text into pieces of at most `size` characters, at line ends when it can. */
export function splitText(text: string, size = MAX_TEXT): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const cut = rest.lastIndexOf("\n", size);
    const at = cut > size / 2 ? cut : size;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  pieces.push(rest);
  return pieces;
}

/** Moves overflowing text into "… (continued)" sections; returns what stays in the field. */
function keepWithin(state: ImportState, label: string, text: string, size = MAX_TEXT): string {
  if (text.length <= size) return text;
  const [kept, ...rest] = splitText(text, size);
  rest.forEach((piece, index) => addSection(state, `${label} (continued${rest.length > 1 ? `, part ${index + 1}` : ""})`, piece));
  warn(state, null, `${label} is longer than ${size.toLocaleString("en-US")} characters: the rest was kept in ${rest.length} extra section${rest.length === 1 ? "" : "s"}`);
  return kept;
}

/** Applies every limit of the exchange format to the draft. */
export function fitLimits(state: ImportState): void {
  const { draft } = state;
  fitTitle(state, draft);
  draft.summary = keepWithin(state, "Summary", draft.summary);
  draft.impact = keepWithin(state, "Impact", draft.impact);
  draft.rootCause.narrative = keepWithin(state, "Root cause", draft.rootCause.narrative);
  draft.rootCause.trigger = keepWithin(state, "Trigger", draft.rootCause.trigger);
  draft.lessons.wentWell = keepWithin(state, "What went well", draft.lessons.wentWell);
  draft.lessons.wentWrong = keepWithin(state, "What went wrong", draft.lessons.wentWrong);
  draft.lessons.lucky = keepWithin(state, "Where we got lucky", draft.lessons.lucky);

  for (const event of draft.timeline) {
    event.text = keepWithin(state, "A timeline event", event.text, LIMITS.eventText);
    if (event.link && !httpUrlSchema.safeParse(event.link).success) event.link = null;
  }
  overflow(state, "Timeline", draft.timeline, LIMITS.events, (event) => `- ${event.at ?? "—"} ${event.text}`);
  fitWhys(state, draft);
  overflow(state, "Contributing factors", draft.contributingFactors, LIMITS.items, (factor) => factor.text);
  for (const factor of draft.contributingFactors) factor.text = keepWithin(state, "A contributing factor", factor.text);
  overflow(state, "Corrective actions", draft.correctiveActions, LIMITS.items, (action) => `- ${action.title}\n${action.description}`);
  for (const action of draft.correctiveActions) {
    if (action.title.length > LIMITS.actionTitle) {
      action.description = [action.title, action.description].filter(Boolean).join("\n\n");
      action.title = `${action.title.slice(0, LIMITS.actionTitle - 1)}…`;
    }
    action.description = keepWithin(state, "An action's description", action.description);
    if (action.owner && action.owner.length > LIMITS.owner) {
      action.description = [action.description, `Owner: ${action.owner}`].filter(Boolean).join("\n\n");
      action.owner = null;
    }
    if (action.url && !httpUrlSchema.safeParse(action.url).success) action.url = null;
    if (action.dueDate && !isIsoDate(action.dueDate)) action.dueDate = null;
  }
  for (const key of ["services", "tags", "authors"] as const) fitLabels(state, draft, key);
  if (draft.timezone && !isValidTimeZone(draft.timezone)) draft.timezone = null;
  if (draft.incidentDate && !isIsoDate(draft.incidentDate)) draft.incidentDate = null;
  fitSections(state, draft);
}

function fitTitle(state: ImportState, draft: Draft): void {
  const title = draft.title.replace(/\s+/g, " ").trim();
  if (title.length <= LIMITS.title) {
    draft.title = title;
    return;
  }
  draft.title = `${title.slice(0, LIMITS.title - 1).replace(/\s+\S*$/, "")}…`;
  draft.summary = [title, draft.summary].filter(Boolean).join("\n\n");
  warn(state, null, `The title is longer than ${LIMITS.title} characters: it was shortened, and the whole of it starts the summary`);
}

function overflow<T>(state: ImportState, label: string, list: T[], max: number, asText: (item: T) => string): void {
  if (list.length <= max) return;
  const rest = list.splice(max);
  warn(state, null, `${label}: more than ${max} entries; the other ${rest.length} were kept as text in an extra section`);
  for (const piece of splitText(rest.map(asText).join("\n\n"))) addSection(state, `${label} (continued)`, piece);
}

function fitWhys(state: ImportState, draft: Draft): void {
  const { rootCause } = draft;
  const long = rootCause.whys.filter((why) => why.length > LIMITS.why);
  const rest = rootCause.whys.filter((why) => why.length <= LIMITS.why).slice(LIMITS.whys);
  rootCause.whys = rootCause.whys.filter((why) => why.length <= LIMITS.why).slice(0, LIMITS.whys);
  if (long.length + rest.length === 0) return;
  warn(state, null, `Five whys: ${long.length + rest.length} did not fit (at most ${LIMITS.whys}, ${LIMITS.why.toLocaleString("en-US")} characters each); kept in the root cause`);
  rootCause.narrative = keepWithin(state, "Root cause", [rootCause.narrative, ...long, ...rest].filter(Boolean).join("\n\n"));
}

function fitLabels(state: ImportState, draft: Draft, key: "services" | "tags" | "authors"): void {
  const unique = [...new Set(draft[key].map((label) => label.trim()).filter(Boolean))];
  const fitting = unique.filter((label) => label.length <= LIMITS.label).slice(0, LIMITS.labels);
  const left = unique.filter((label) => !fitting.includes(label));
  draft[key] = fitting;
  if (left.length) {
    warn(state, null, `${key}: ${left.length} did not fit (at most ${LIMITS.labels}, ${LIMITS.label} characters each); kept in an extra section`);
    addSection(state, key.charAt(0).toUpperCase() + key.slice(1), left.join("\n"));
  }
}

function fitSections(state: ImportState, draft: Draft): void {
  for (const section of draft.sections) {
    if (section.title.length > LIMITS.sectionTitle) {
      section.body = [section.title, section.body].filter(Boolean).join("\n\n");
      section.title = `${section.title.slice(0, LIMITS.sectionTitle - 1)}…`;
    }
  }
  const bodies: typeof draft.sections = [];
  for (const section of draft.sections) {
    const pieces = splitText(section.body);
    pieces.forEach((piece, index) => bodies.push({ ...section, title: index ? `${section.title} (continued)` : section.title, body: piece }));
  }
  draft.sections = bodies;
  if (bodies.length <= LIMITS.sections) return;
  // Past the limit, the last sections are merged (each keeps its heading), as few as the size allows:
  // keep as many as possible whole, so that the merged rest fits in the places left.
  const asMarkdown = bodies.map((section) => `## ${section.title}\n\n${section.body}`);
  let keep = LIMITS.sections - 1;
  let restLength = asMarkdown.slice(keep).reduce((sum, text) => sum + text.length + 2, 0);
  while (keep > 0 && keep + Math.ceil(restLength / (MAX_TEXT / 2)) > LIMITS.sections) {
    keep--;
    restLength += asMarkdown[keep].length + 2;
  }
  const pieces = splitText(asMarkdown.slice(keep).join("\n\n"));
  warn(state, null, `More than ${LIMITS.sections} extra sections: the last ${bodies.length - keep} were merged into ${pieces.length}`);
  draft.sections = [
    ...bodies.slice(0, keep),
    ...pieces.slice(0, LIMITS.sections - keep).map((body, index) => ({ title: `More sections (part ${index + 1})`, body, internal: false })),
  ];
}
