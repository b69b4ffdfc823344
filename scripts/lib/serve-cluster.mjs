// How `npm start` serves the built app: one `next start` worker per core, on
// one port (decision 019). Node's cluster module hands the port's connections
// to the workers in turn; SQLite in WAL mode lets the processes share the
// database file (the race test runs two servers on one file). One Node
// process serves one request at a time for the CPU part of its work, so a
// second worker on a 2-core machine is most of the throughput there is.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { root, say } from "./steps.mjs";
import { ExportLimits } from "./export-limits.mjs";
import { WriteLockQueue } from "./write-lock-queue.mjs";

/** A worker that stops this soon after it started failed to start (say, the port is taken): stop everything rather than restart it in a loop. */
const START_GRACE_MS = 20_000;

/** HINDSIGHT_WORKERS (checked by the settings check before), else one per core, at most 4. */
export function workerCount(env = process.env) {
  if (env.HINDSIGHT_WORKERS) return Number(env.HINDSIGHT_WORKERS);
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}

/**
 * Forks `workers` workers (serve-worker.mjs: Next behind the answer cache) on `port` [and `host`]. A worker
 * that dies later is replaced; SIGINT and SIGTERM stop them all, and this
 * process exits when the last one has (1 when they failed to start).
 */
export function serveCluster({ port, host, workers }) {
  cluster.setupPrimary({ exec: path.join(root, "scripts", "lib", "serve-worker.mjs") });
  // HINDSIGHT_WRITE_LOCK tells lib/server/write-lock.ts to ask this process for each write's turn,
  // HINDSIGHT_EXPORT_SLOTS tells lib/server/export/export-slots.ts to ask it before each zip export.
  // HOST is always set for the workers: the address npm start was given (HOST), or every interface.
  const workerEnv = { NODE_ENV: "production", PORT: String(port), HOST: host ?? "", HINDSIGHT_WRITE_LOCK: "cluster", HINDSIGHT_EXPORT_SLOTS: "cluster" };
  handOutWriteTurns();
  handOutExportSlots();
  const startedAt = new Map();
  let stopping = false;
  let exitCode = 0;

  const fork = () => startedAt.set(cluster.fork(workerEnv).id, Date.now());
  const stopAll = (signal) => {
    if (!stopping) for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    stopping = true;
    if (startedAt.size === 0) process.exit(exitCode);
  };

  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    // Ctrl-C and `kill` reach the workers too, and one may be gone before our own handler runs.
    const stoppedOnPurpose = code === 0 || signal === "SIGINT" || signal === "SIGTERM";
    if (stopping || stoppedOnPurpose) {
      stopAll("SIGTERM");
    } else if (lived < START_GRACE_MS) {
      process.stderr.write(`\nA server worker stopped while starting (${signal ?? `exit ${code}`}); stopping Hindsight.\n`);
      exitCode = code || 1;
      stopAll("SIGTERM");
    } else {
      say(`A server worker stopped (${signal ?? `exit ${code}`}); starting another.`);
      fork();
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(signal));

  for (let i = 0; i < workers; i++) fork();
}

/**
 * Hands out write turns (write-lock-queue.mjs) over the workers' IPC
 * channels: "granted" when a write may start, "queued" when it waits (its
 * timeout starts then). A worker whose channel is gone gives up its turns.
 */
function handOutWriteTurns() {
  const turns = new WriteLockQueue();
  const grant = (holder) => {
    while (holder) {
      const worker = cluster.workers?.[holder.worker];
      if (worker?.isConnected()) {
        const { worker: workerId, id } = holder;
        worker.send({ hindsightWriteLock: "granted", id }, (error) => {
          if (error) grant(turns.releaseWorker(workerId));
        });
        return;
      }
      holder = turns.releaseWorker(holder.worker);
    }
  };
  cluster.on("message", (worker, message) => {
    const { hindsightWriteLock: op, id } = message ?? {};
    if (op === "acquire") {
      const granted = turns.request({ worker: worker.id, id });
      if (granted) grant(granted);
      else if (worker.isConnected()) worker.send({ hindsightWriteLock: "queued", id }, () => {});
    }
    if (op === "release") grant(turns.release({ worker: worker.id, id }));
  });
  for (const event of ["disconnect", "exit"]) cluster.on(event, (worker) => grant(turns.releaseWorker(worker.id)));
}

/**
 * Decides for every worker whether a zip export may start (export-limits.mjs):
 * a worker asks with the client and its settings, and says when the export
 * has ended; a worker that stops gives its exports up.
 */
function handOutExportSlots() {
  const limits = new ExportLimits();
  cluster.on("message", (worker, message) => {
    const { hindsightExportSlot: op, id, client, settings } = message ?? {};
    if (op === "take" && typeof client === "string" && [settings?.atOnce, settings?.perMinute, settings?.running].every(Number.isFinite)) {
      const decision = limits.take({ owner: worker.id, id, client, limits: settings, now: Date.now() });
      if (worker.isConnected()) worker.send({ hindsightExportSlot: "answer", id, decision }, () => {});
      else limits.releaseOwner(worker.id);
    }
    if (op === "release") limits.release({ owner: worker.id, id });
  });
  for (const event of ["disconnect", "exit"]) cluster.on(event, (worker) => limits.releaseOwner(worker.id));
}
