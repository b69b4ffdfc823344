import type { SourceFormat } from "@/lib/domain/markdown/import/formats";
import type { PostmortemDraft } from "@/lib/schemas/postmortem";

/** A file for the import thread: `id` pairs it with its answer. */
export type ReadImportJob = { id: number; fileName?: string; bytes: Uint8Array };

/** What the thread read, or why it could not (errors lose their class between threads: the kind says which it was). */
export type ReadImportReply =
  | { id: number; ok: true; format: SourceFormat; document: PostmortemDraft; warnings: string[] }
  | { id: number; ok: false; kind: "unsupported" | "app" | "unknown"; code?: string; message: string };
