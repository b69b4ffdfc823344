import "server-only";
import { requireRole } from "../auth/require-access";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/domain/errors";
import { openRawConnection, type RawConnection } from "../raw-db";
import { INSERT_WORDS_SQL } from "../search/sql";
import { buildSyntheticBatch, type SyntheticBatch } from "./seed-synthetic-batch";

/**
 * Adds `count` synthetic postmortems (lib/domain/synthetic) to the library,
 * fast enough for 50,000 in a few minutes. Each gets exactly the rows, first
 * revision and search document that createPostmortem would write (built by
 * the same mapping functions; a data-access test compares them), but a batch
 * of postmortems is one statement per table and one transaction, and the
 * next batch is built on a worker thread while this one is written.
 */
export async function seedSyntheticPostmortems(options: {
  count: number;
  /** Postmortems per transaction. */
  batchSize?: number;
  /** Build batches on a worker thread (default: when there is more than one batch). */
  useWorker?: boolean;
  onProgress?: (done: number, total: number) => void;
}): Promise<{ created: number; firstId: number | null }> {
  await requireRole("admin");
  const batchSize = options.batchSize ?? 500;
  const connection = openRawConnection();
  const builder = (options.useWorker ?? options.count > batchSize) ? workerBuilder() : inThreadBuilder();
  try {
    const { id, seq } = connection
      .prepare(`SELECT (SELECT coalesce(max("id"), 0) FROM "Postmortem") AS id, (SELECT coalesce(max("seq"), 0) FROM "SearchDocument") AS seq`)
      .get() as { id: number; seq: number };
    const plan = (done: number) => ({ firstId: id + 1 + done, firstSeq: seq + 1 + done, size: Math.min(batchSize, options.count - done) });
    let done = 0;
    let next = options.count > 0 ? builder.build(plan(0)) : null;
    while (next) {
      const batch = await next;
      done += batch.size;
      // Start building the next batch before writing this one: the two overlap.
      next = done < options.count ? builder.build(plan(done)) : null;
      connection.transaction(() => writeBatch(connection, batch)).immediate();
      options.onProgress?.(done, options.count);
    }
    return { created: done, firstId: options.count > 0 ? id + 1 : null };
  } finally {
    connection.close();
    await builder.close();
  }
}

type Builder = {
  build: (request: { firstId: number; firstSeq: number; size: number }) => Promise<SyntheticBatch>;
  close: () => Promise<unknown>;
};

function inThreadBuilder(): Builder {
  return {
    build: async ({ firstId, firstSeq, size }) => buildSyntheticBatch(firstId, firstSeq, size),
    close: async () => undefined,
  };
}

function workerBuilder(): Builder {
  // A worker thread does not inherit the TypeScript loader the CLI runs under (tsx): load the module through it.
  const entry = new URL("./seed-synthetic-worker.ts", import.meta.url).href;
  const worker = new Worker(
    `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(entry)}, ${JSON.stringify(entry)}));`,
    { eval: true },
  );
  return {
    build: (request) =>
      new Promise((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        worker.once("error", onError);
        worker.once("message", (batch: SyntheticBatch) => {
          worker.off("error", onError);
          resolve(batch);
        });
        worker.postMessage(request);
      }),
    close: () => worker.terminate(),
  };
}

function writeBatch(connection: RawConnection, batch: SyntheticBatch): void {
  // Ids were planned before the batch was built; a postmortem created meanwhile would collide.
  const { last } = connection.prepare(`SELECT coalesce(max("id"), 0) AS last FROM "Postmortem"`).get() as { last: number };
  if (last >= batch.firstId) {
    throw new AppError("CONFLICT", "Postmortems were created while seeding; run the seed again when the library is quiet.");
  }
  for (const { table, columns, rows } of batch.tables) {
    if (columns.length === 0) continue;
    const select = columns.map((_, i) => `value ->> ${i}`).join(", ");
    connection.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${select} FROM json_each(?)`).run(rows);
  }
  connection.prepare(INSERT_WORDS_SQL).run(batch.words);
}
