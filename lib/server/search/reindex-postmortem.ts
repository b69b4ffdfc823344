import "server-only";
import { completionWordsOf, searchDocumentOf } from "@/lib/domain/search/search-document";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import type { Prisma } from "../generated/prisma/client";
import { INSERT_WORDS_SQL, documentRow, upsertDocumentsSql } from "./sql";

type Executor = Pick<Prisma.TransactionClient, "$executeRawUnsafe">;

/**
 * Brings the search index up to date with a postmortem as just saved. Call it
 * inside the transaction that saved it, so that the index never disagrees with
 * the data: two statements (the document row, whose triggers update the FTS
 * index only when the text changed, and its words for completion).
 */
export async function reindexPostmortem(tx: Executor, postmortemId: number, document: PostmortemDocument): Promise<void> {
  const doc = searchDocumentOf(document);
  await tx.$executeRawUnsafe(upsertDocumentsSql(1), ...documentRow(postmortemId, null, doc));
  await tx.$executeRawUnsafe(INSERT_WORDS_SQL, JSON.stringify(completionWordsOf(doc)));
}
