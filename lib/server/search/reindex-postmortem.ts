import "server-only";
import { searchDocumentOf } from "@/lib/domain/search/search-document";
import { unknownWords } from "@/lib/domain/search/words";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import type { Prisma } from "../generated/prisma/client";
import { INSERT_WORDS_SQL, documentRow, upsertDocumentsSql } from "./sql";

type Executor = Pick<Prisma.TransactionClient, "$executeRawUnsafe" | "$queryRawUnsafe">;

/**
 * Words known to be in the word list: read once per process, then every word
 * this process writes. Most saves use no new word, so most saves skip that
 * statement. (A word from a save that then rolls back may be missing from the
 * list until it is saved again: it is only a completion hint.)
 */
const knownWords = new Set<string>();
let hasReadWords = false;
const MAX_KNOWN_WORDS = 200_000;

async function readKnownWords(tx: Executor): Promise<void> {
  hasReadWords = true;
  const [row] = await tx.$queryRawUnsafe<{ words: string | null }[]>(
    `SELECT json_group_array("word") AS "words" FROM (SELECT "word" FROM "SearchWord" LIMIT ${MAX_KNOWN_WORDS})`,
  );
  for (const word of JSON.parse(row?.words ?? "[]") as string[]) knownWords.add(word);
}

/**
 * Brings the search index up to date with a postmortem as just saved. Call it
 * inside the transaction that saved it, so that the index never disagrees with
 * the data: one statement for the document row (its triggers update the FTS
 * index, only when the text changed), and one for new completion words.
 */
export async function reindexPostmortem(tx: Executor, postmortemId: number, document: PostmortemDocument): Promise<void> {
  const doc = searchDocumentOf(document);
  await tx.$executeRawUnsafe(upsertDocumentsSql(1), ...documentRow(postmortemId, null, doc));
  if (!hasReadWords) await readKnownWords(tx);
  const newWords = unknownWords(Object.values(doc.text), knownWords);
  if (newWords.length === 0) return;
  await tx.$executeRawUnsafe(INSERT_WORDS_SQL, JSON.stringify(newWords));
  if (knownWords.size + newWords.length > MAX_KNOWN_WORDS) knownWords.clear();
  for (const word of newWords) knownWords.add(word);
}
