// Builds synthetic batches on a worker thread (see seed-synthetic.ts).
import { parentPort } from "node:worker_threads";
import { buildSyntheticBatch } from "./seed-synthetic-batch";

parentPort?.on("message", (request: { firstId: number; firstSeq: number; size: number }) => {
  parentPort?.postMessage(buildSyntheticBatch(request.firstId, request.firstSeq, request.size));
});
