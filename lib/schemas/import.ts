/** Import options as the API (`POST /api/import?fileName=&create=1`) and the CLI read them. */
import "./zod-in-browser";
import * as z from "zod";

/** Largest Markdown or text file Hindsight imports. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

const isYes = (value: string) => /^(1|true|yes|on)$/i.test(value.trim());

/** Query parameters of `POST /api/import`; odd values fall back to the defaults rather than failing. */
export const importQuerySchema = z.object({
  fileName: z
    .string()
    .transform((name) => name.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 255))
    .optional()
    .catch(undefined)
    .transform((name) => name || undefined),
  create: z.string().optional().catch(undefined).transform((value) => (value === undefined ? false : isYes(value))),
});
export type ImportQuery = z.output<typeof importQuerySchema>;
