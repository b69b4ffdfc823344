import "server-only";
import { slugify } from "@/lib/domain/slug";
import { completionWordsOf, searchDocumentOf } from "@/lib/domain/search/search-document";
import { generatePostmortem } from "@/lib/domain/synthetic/generate-postmortem";
import type { PostmortemDocument, PostmortemDraft } from "@/lib/schemas/postmortem";
import { documentRow, DOCUMENT_COLUMNS } from "../search/sql";
import { toChildRows, toScalarColumns } from "./mapper";

/**
 * The rows of a batch of synthetic postmortems, ready to insert: per table,
 * its columns and a JSON array of rows (SQLite unpacks it with json_each, so
 * each table is one statement with one parameter). Pure computation, so it
 * can run on a worker thread while the main thread writes the previous batch.
 */
export type SyntheticBatch = {
  firstId: number;
  size: number;
  tables: { table: string; columns: string[]; rows: string }[];
  words: string;
};

const DAY_MS = 86_400_000;

/** One synthetic postmortem as stored: its rows, and the document getPostmortem will return for it. */
export function syntheticPostmortem(id: number) {
  const draft = generatePostmortem(id);
  // Written a few days after the incident, edited a little later.
  const createdAt = new Date(Date.parse(`${draft.incidentDate}T00:00:00Z`) + (1 + (id % 5)) * DAY_MS + (id % 86_400) * 1000);
  const updatedAt = new Date(createdAt.getTime() + (id % 7) * 3_600_000);
  const slug = `${slugify(draft.title, 60)}-${id}`;
  const scalars = { id, slug, version: 1, ...toScalarColumns(draft), status: draft.status, createdAt, updatedAt };
  // The generator writes every time as Hindsight writes it back, so the draft is the stored document.
  const { slug: _slug, version: _version, createdAt: _created, updatedAt: _updated, ...content } = draft;
  const document: PostmortemDocument = { slug, version: 1, ...content, restricted: false, members: [], createdAt: createdAt.toISOString(), updatedAt: updatedAt.toISOString() };
  const children = { ...toChildRows({ ...draft, timeline: [] }, id), timeline: timelineRows(draft, id) };
  return { scalars, children, document };
}

/**
 * The timeline rows toChildRows would build, without its general-purpose
 * (and, for 700,000 events, slow) time parsing: every synthetic time is ISO
 * 8601 with an offset. A data-access test checks that both agree.
 */
export function timelineRows(draft: PostmortemDraft, postmortemId: number) {
  return draft.timeline.map((event, position) => ({
    postmortemId,
    position,
    instant: event.at === null ? null : new Date(event.at),
    offsetMinutes: event.at === null ? null : offsetMinutesOf(event.at),
    localTime: null,
    kind: event.kind,
    text: event.text,
    link: event.link,
  }));
}

function offsetMinutesOf(iso: string): number {
  if (iso.endsWith("Z")) return 0;
  const offset = iso.slice(-6);
  return (offset[0] === "-" ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

type Row = Record<string, unknown>;

/** Prisma stores DateTime as ISO text with a +00:00 offset; raw inserts must write the same. */
const prismaDateTime = (date: Date) => date.toISOString().replace("Z", "+00:00");

function tableOf(table: string, rows: Row[]) {
  const columns = rows.length ? Object.keys(rows[0]) : [];
  const values = rows.map((row) =>
    columns.map((column) => {
      const value = row[column];
      return value instanceof Date ? prismaDateTime(value) : (value ?? null);
    }),
  );
  return { table, columns, rows: JSON.stringify(values) };
}

/** Postmortems firstId … firstId + size - 1, with search sequence numbers from firstSeq. */
export function buildSyntheticBatch(firstId: number, firstSeq: number, size: number): SyntheticBatch {
  const tables: Record<string, Row[]> = {
    Postmortem: [],
    PostmortemService: [],
    PostmortemTag: [],
    PostmortemAuthor: [],
    TimelineEvent: [],
    Why: [],
    ContributingFactor: [],
    CorrectiveAction: [],
    Section: [],
    Revision: [],
  };
  const search: unknown[][] = [];
  const words = new Set<string>();
  for (let i = 0; i < size; i++) {
    const { scalars, children, document } = syntheticPostmortem(firstId + i);
    tables.Postmortem.push(scalars);
    tables.PostmortemService.push(...children.services);
    tables.PostmortemTag.push(...children.tags);
    tables.PostmortemAuthor.push(...children.authors);
    tables.TimelineEvent.push(...children.timeline);
    tables.Why.push(...children.whys);
    tables.ContributingFactor.push(...children.contributingFactors);
    tables.CorrectiveAction.push(...children.correctiveActions);
    tables.Section.push(...children.sections);
    tables.Revision.push({
      postmortemId: scalars.id,
      version: 1,
      authorName: "Synthetic library",
      summary: "Created",
      snapshot: JSON.stringify(document),
      createdAt: scalars.createdAt,
    });
    const searchDocument = searchDocumentOf(document);
    search.push(documentRow(scalars.id, firstSeq + i, searchDocument));
    for (const word of completionWordsOf(searchDocument)) words.add(word);
  }
  return {
    firstId,
    size,
    tables: [
      ...Object.entries(tables).map(([table, rows]) => tableOf(table, rows)),
      // Last: its triggers index the text, after the postmortems it belongs to exist.
      { table: "SearchDocument", columns: [...DOCUMENT_COLUMNS], rows: JSON.stringify(search) },
    ],
    words: JSON.stringify([...words]),
  };
}
