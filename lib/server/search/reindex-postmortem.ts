import "server-only";
import { completionWordsOf, searchDocumentOf } from "@/lib/domain/search/search-document";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import type { Prisma } from "../generated/prisma/client";
import { INSERT_WORDS_SQL, documentRow, upsertDocumentsSql } from "./sql";

type Executor = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/**
 * Words this process has already written to the word list. Most saves use no
 * new word, so most saves skip that statement. (A word from a save that
 * then rolls back may be missing from the list until it is saved again: it
 * is only a completion hint.)
 */
const knownWords = new Set<string>();
const MAX_KNOWN_WORDS = 200_000;

/**
 * Brings the search index up to date with a postmortem as just saved. Call it
 * inside the transaction that saved it, so that the index never disagrees with
 * the data: one statement for the document row (its triggers update the FTS
 * index, only when the text changed), and one for new completion words.
 */
export async function reindexPostmortem(tx: Executor, postmortemId: number, document: PostmortemDocument): Promise<void> {
  const doc = searchDocumentOf(document);
  await tx.$executeRawUnsafe(upsertDocumentsSql(1), ...documentRow(postmortemId, null, doc));
  const newWords = completionWordsOf(doc).filter((word) => !knownWords.has(word));
  if (newWords.length === 0) return;
  await tx.$executeRawUnsafe(INSERT_WORDS_SQL, JSON.stringify(newWords));
  if (knownWords.size + newWords.length > MAX_KNOWN_WORDS) knownWords.clear();
  for (const word of newWords) knownWords.add(word);
}
