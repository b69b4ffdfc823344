/** The query of `POST /api/import/files` (one file of an archive import), as the route and the many-files page read it. */
import "./zod-in-browser";
import * as z from "zod";
import { normaliseEntryPath } from "@/lib/domain/import-archive/entries";

/** A path as deep as a file system allows (Linux's PATH_MAX); the postmortem keeps its end when it is longer than a source name. */
const MAX_PATH = 4096;

const isYes = (value: string) => /^(1|true|yes|on)$/i.test(value.trim());

export const importFileQuerySchema = z.object({
  /** The file's path in the folder or zip it comes from: what a re-import recognises it by. */
  name: z
    .string("Give the file's name: ?name=posts/2023/outage.md")
    .transform((name) => name.replace(/[\u0000-\u001f\u007f]/g, "").trim())
    .pipe(z.string().min(1, "Give the file's name: ?name=posts/2023/outage.md").max(MAX_PATH, `Use at most ${MAX_PATH} characters`))
    .transform((name, context) => {
      const path = normaliseEntryPath(name);
      if (path) return path;
      context.addIssue({ code: "custom", message: "Must be a path inside the folder or zip: no leading / and no ../" });
      return z.NEVER;
    }),
  /** Read and report only: nothing is saved. */
  dryRun: z.string().optional().catch(undefined).transform((value) => (value === undefined ? false : isYes(value))),
});
export type ImportFileQuery = z.output<typeof importFileQuerySchema>;
