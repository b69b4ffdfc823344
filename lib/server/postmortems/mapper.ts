import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { PostmortemDocument, PostmortemDraft, PostmortemSource, PostmortemSummary } from "@/lib/schemas/postmortem";
import type {
  ActionPriority,
  ActionStatus,
  ActionType,
  EventKind,
  FactorCategory,
  Severity,
  Status,
} from "@/lib/domain/postmortem";
import { formatEventTime, parseEventTime } from "@/lib/domain/time";

const byPosition = { orderBy: { position: "asc" } } as const;

/** Everything needed to build a full document from one query. */
export const fullPostmortemInclude = {
  services: byPosition,
  tags: byPosition,
  authors: byPosition,
  timeline: byPosition,
  whys: byPosition,
  contributingFactors: byPosition,
  correctiveActions: byPosition,
  sections: byPosition,
  members: byPosition,
} satisfies Prisma.PostmortemInclude;

export const summaryInclude = { services: byPosition, tags: byPosition } satisfies Prisma.PostmortemInclude;

type FullRow = Prisma.PostmortemGetPayload<{ include: typeof fullPostmortemInclude }>;
type SummaryRow = Prisma.PostmortemGetPayload<{ include: typeof summaryInclude }>;

/** A stored postmortem as the exchange document. */
export function toDocument(row: FullRow): PostmortemDocument {
  const source = toSource(row);
  return {
    slug: row.slug,
    version: row.version,
    title: row.title,
    summary: row.summary,
    severity: row.severity as Severity | null,
    status: row.status as Status,
    timezone: row.timezone,
    incidentDate: row.incidentDate,
    services: row.services.map((s) => s.name),
    tags: row.tags.map((t) => t.name),
    authors: row.authors.map((a) => a.name),
    impact: row.impact,
    impactFigures: {
      usersAffected: row.usersAffected,
      errorRate: row.errorRate,
      durationMinutes: row.durationMinutes,
      requestsFailed: row.requestsFailed,
      revenueLost: row.revenueLost,
    },
    timeline: row.timeline.map((event) => ({
      at: formatEventTime(event, row.timezone),
      kind: event.kind as EventKind,
      text: event.text,
      link: event.link,
    })),
    rootCause: { trigger: row.trigger, narrative: row.rootCause, whys: row.whys.map((w) => w.text) },
    contributingFactors: row.contributingFactors.map((f) => ({
      category: f.category as FactorCategory,
      text: f.text,
    })),
    correctiveActions: row.correctiveActions.map((a) => ({
      title: a.title,
      description: a.description,
      type: a.type as ActionType | null,
      priority: a.priority as ActionPriority | null,
      owner: a.owner,
      dueDate: a.dueDate,
      status: a.status as ActionStatus,
      url: a.url,
    })),
    lessons: { wentWell: row.wentWell, wentWrong: row.wentWrong, lucky: row.lucky },
    sections: row.sections.map((s) => ({ title: s.title, body: s.body, internal: s.isInternal })),
    restricted: row.restricted,
    members: row.members.map((m) => m.email),
    // Only on a postmortem imported from a file: every other document stays as it always was.
    ...(source ? { source } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The source columns as the exchange document's `source`: null when the postmortem was not imported from a file. */
function toSource(row: Pick<FullRow, "sourceFileName" | "sourceHash" | "publishedAt" | "frontMatter">): PostmortemSource | null {
  const { sourceFileName, sourceHash, publishedAt, frontMatter } = row;
  if (sourceFileName === null && sourceHash === null && publishedAt === null && frontMatter === null) return null;
  return { fileName: sourceFileName, contentHash: sourceHash, publishedAt, frontMatter };
}

/** The source columns for a draft's `source`; none when the draft leaves it out (the stored ones are kept). */
function toSourceColumns(source: PostmortemSource | null | undefined) {
  if (source === undefined) return {};
  return {
    sourceFileName: source?.fileName ?? null,
    sourceHash: source?.contentHash ?? null,
    publishedAt: source?.publishedAt ?? null,
    frontMatter: source?.frontMatter ?? null,
  };
}

/** A list row. */
export function toSummary(row: SummaryRow): PostmortemSummary {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    severity: row.severity as Severity | null,
    status: row.status as Status,
    services: row.services.map((s) => s.name),
    tags: row.tags.map((t) => t.name),
    incidentDate: row.incidentDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The postmortem table's own columns for a validated draft (its `source`
 * only when the draft has one). `restricted` is
 * not among them: who may see a postmortem is settled by its writers
 * (create, save) with their own rules.
 */
export function toScalarColumns(draft: PostmortemDraft) {
  return {
    title: draft.title,
    summary: draft.summary,
    severity: draft.severity,
    timezone: draft.timezone,
    incidentDate: draft.incidentDate,
    impact: draft.impact,
    ...draft.impactFigures,
    trigger: draft.rootCause.trigger,
    rootCause: draft.rootCause.narrative,
    wentWell: draft.lessons.wentWell,
    wentWrong: draft.lessons.wentWrong,
    lucky: draft.lessons.lucky,
    ...toSourceColumns(draft.source),
  } satisfies Prisma.PostmortemUncheckedUpdateInput;
}

/** Child rows for a validated draft, each list numbered in the order given. */
export function toChildRows(draft: PostmortemDraft, postmortemId: number) {
  const numbered = <T, R>(items: T[], map: (item: T) => R) =>
    items.map((item, position) => ({ postmortemId, position, ...map(item) }));
  return {
    services: numbered(draft.services, (name) => ({ name })),
    tags: numbered(draft.tags, (name) => ({ name })),
    authors: numbered(draft.authors, (name) => ({ name })),
    timeline: numbered(draft.timeline, (event) => ({
      ...parseEventTime(event.at, draft.timezone),
      kind: event.kind,
      text: event.text,
      link: event.link,
    })),
    whys: numbered(draft.rootCause.whys, (text) => ({ text })),
    contributingFactors: numbered(draft.contributingFactors, (f) => ({ category: f.category, text: f.text })),
    correctiveActions: numbered(draft.correctiveActions, (a) => ({ ...a })),
    sections: numbered(draft.sections, (s) => ({ title: s.title, body: s.body, isInternal: s.internal })),
    /** Null when the draft leaves the members out: the stored ones are kept. */
    members: draft.members ? numbered(draft.members, (email) => ({ email: email.toLowerCase() })) : null,
  };
}
