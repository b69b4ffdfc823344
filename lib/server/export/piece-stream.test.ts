import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { appErrorOf } from "@/lib/server/testing/app-error-of";
import { openPieceStream } from "./piece-stream";
import type { ZipExportReply } from "./zip-export-protocol";

const piece = (text: string): ZipExportReply => ({ kind: "piece", bytes: new TextEncoder().encode(text) });

/** A thread stand-in that answers `replies` in turn, counting the questions. */
function scripted(replies: ZipExportReply[]) {
  const counts = { asked: 0, ended: 0 };
  return {
    counts,
    ask: async () => {
      counts.asked += 1;
      const reply = replies.shift();
      if (!reply) throw new Error("asked past the end");
      return reply;
    },
    onEnd: () => {
      counts.ended += 1;
    },
  };
}

describe("openPieceStream", () => {
  it("streams the pieces in order and ends once, asking for one piece per piece taken", async () => {
    const thread = scripted([piece("a"), piece("b"), piece("c"), { kind: "end", files: 3 }]);
    const stream = await openPieceStream(thread);
    expect(thread.counts.asked).toBe(1);
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("a");
    // One piece read ahead of the reader, no more.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(thread.counts.asked).toBeLessThanOrEqual(2);
    const rest: string[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read()) rest.push(new TextDecoder().decode(next.value));
    expect(rest).toEqual(["b", "c"]);
    expect(thread.counts).toEqual({ asked: 4, ended: 1 });
  });

  it("throws a failure before the first piece, so that the route answers it as JSON", async () => {
    const thread = scripted([{ kind: "error", code: "UNAVAILABLE", message: "The database is locked.", details: { reason: "locked" } }]);
    const error = await appErrorOf(openPieceStream(thread));
    expect(error).toMatchObject({ code: "UNAVAILABLE", message: "The database is locked.", details: { reason: "locked" } });
    expect(thread.counts.ended).toBe(1);
  });

  it("errors the stream on a failure after the first piece: the download breaks off, it never looks whole", async () => {
    const thread = scripted([piece("PK…"), piece("more"), { kind: "error", message: "Error: SQLITE_IOERR\n    at …" }]);
    const stream = await openPieceStream(thread);
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow("SQLITE_IOERR");
    expect(thread.counts.ended).toBe(1);
  });

  it("errors the stream when the thread stops instead of answering", async () => {
    let calls = 0;
    const ask = async (): Promise<ZipExportReply> => {
      calls += 1;
      if (calls === 1) return piece("PK");
      throw new Error("The export's worker thread stopped (exit 1).");
    };
    let ended = 0;
    const stream = await openPieceStream({ ask, onEnd: () => (ended += 1) });
    await expect(new Response(stream).arrayBuffer()).rejects.toThrow("stopped (exit 1)");
    expect(ended).toBe(1);
  });

  it("ends when the reader cancels, and when the client goes away", async () => {
    const cancelled = scripted([piece("a"), piece("b"), piece("c")]);
    await (await openPieceStream(cancelled)).cancel();
    expect(cancelled.counts.ended).toBe(1);

    const client = new AbortController();
    const gone = scripted([piece("a"), piece("b"), piece("c")]);
    const stream = await openPieceStream({ ...gone, signal: client.signal });
    client.abort();
    expect(gone.counts.ended).toBe(1);
    await stream.cancel();
    expect(gone.counts.ended).toBe(1);
  });

  it("does not start for a client already gone", async () => {
    const client = new AbortController();
    client.abort();
    const thread = scripted([piece("a")]);
    expect((await appErrorOf(openPieceStream({ ...thread, signal: client.signal }))).code).toBe("BAD_REQUEST");
    expect(thread.counts).toEqual({ asked: 0, ended: 1 });
  });

  it("gives a download up that is not read, and ends it", async () => {
    const thread = scripted([piece("a"), piece("b"), piece("c"), { kind: "end", files: 3 }]);
    const stream = await openPieceStream({ ...thread, idleTimeoutMs: 30 });
    const reader = stream.getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(thread.counts.ended).toBe(1);
    await expect(reader.read()).rejects.toThrow("not read for 0.03 s");
  });

  it("keeps the thread's error code for errors it reports", async () => {
    const thread = scripted([{ kind: "error", code: "FORBIDDEN", message: "No." }]);
    const error = await appErrorOf(openPieceStream(thread));
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("FORBIDDEN");
  });
});
