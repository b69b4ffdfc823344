/**
 * What an imported file is, and its text for the Markdown importer.
 *
 * Every entry point (the import page, `/api/import`, the CLI's `parse` and
 * `import`, archive imports) reads a file through `readSourceFile`, so a
 * format is recognised the same way everywhere: by its bytes first, its
 * name second. Markdown and plain text pass through; HTML (a Confluence or
 * saved web page) and Word `.docx` are converted to Markdown here.
 */
import { detectFormat } from "./detect";
import { BadDocxError, docxToMarkdown } from "./docx";
import { looksLikeGoogleDocsMarkdown, unescapeGoogleDocs } from "./google-docs";
import { htmlToMarkdown } from "./html";

export type SourceFormat = "markdown" | "text" | "html" | "docx";

export interface SourceFile {
  /** The file's name as the user gave it (used as a hint, and for dates in it). */
  fileName?: string;
  bytes: Uint8Array;
}

export interface SourceText {
  format: SourceFormat;
  /** Markdown (or plain text) for `parseMarkdown`. */
  text: string;
  /** What the conversion could not carry over, for the import's warnings. */
  warnings: string[];
}

/** The file is none of the formats we read; its message names what is accepted. */
export class UnsupportedFormatError extends Error {
  constructor(what: string) {
    super(`${what} cannot be imported. Hindsight reads Markdown (.md), plain text (.txt), HTML (.html, a Confluence or saved web page) and Word (.docx) files.`);
    this.name = "UnsupportedFormatError";
  }
}

/** Reads one file's bytes as text for the importer: Markdown and text pass through, HTML and .docx become Markdown. */
export async function readSourceFile(file: SourceFile): Promise<SourceText> {
  const name = file.fileName ?? "This file";
  const detected = detectFormat(file.bytes, file.fileName);
  switch (detected.kind) {
    case "unsupported":
      throw new UnsupportedFormatError(`${name} is ${detected.what}: it`);
    case "docx":
      try {
        return { format: "docx", ...(await docxToMarkdown(file.bytes)) };
      } catch (error) {
        if (error instanceof BadDocxError) throw new UnsupportedFormatError(`${name} looks like a Word file, but ${error.message}: it`);
        throw error;
      }
    case "html":
      return { format: "html", ...htmlToMarkdown(detected.text) };
    case "markdown":
      return { format: "markdown", text: looksLikeGoogleDocsMarkdown(detected.text) ? unescapeGoogleDocs(detected.text) : detected.text, warnings: [] };
    default:
      return { format: detected.kind, text: detected.text, warnings: [] };
  }
}
