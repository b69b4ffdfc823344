/**
 * What a file is, by its bytes first and its name second: a Word .docx (a zip
 * holding word/document.xml), HTML (a doctype, an <html> or a leading block
 * tag), UTF-8 (or UTF-16 with a byte-order mark) Markdown or plain text, or
 * something we do not read, named so that the message can say what it is.
 */
import { findNotTextReason } from "../source";

export type Detected =
  | { kind: "docx" }
  | { kind: "html"; text: string }
  | { kind: "markdown" | "text"; text: string }
  | { kind: "unsupported"; what: string };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const SIGNATURES: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], "a PDF"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x52, 0x49, 0x46, 0x46], "a RIFF file (an image, sound or video)"],
  [[0xd0, 0xcf, 0x11, 0xe0], "an old Word .doc (or other Office 97–2003) file"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "an RTF document"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x37, 0x7a, 0xbc, 0xaf], "a 7-Zip archive"],
];
const HTML_NAME = /\.(html?|xhtml)$/i;
const TEXT_NAME = /\.(txt|text)$/i;
// The start of a document that is HTML whatever its name: a doctype, <html>, <head> or <body> (after an XML prolog or comments).
const HTML_START = /^(?:\s*<\?xml[^>]{0,200}\?>)?(?:\s*<!--[\s\S]{0,2000}?-->)*\s*<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]/i;
// A fragment that opens with a block tag (a copied page body) and closes one: HTML unless it also has Markdown headings.
const BLOCK_START = /^\s*<(?:div|article|main|section|h[1-6]|p|table|ul|ol)[\s>]/i;

/** Recognises `bytes`; `fileName` only decides between equal readings (an .html name, a .txt name). */
export function detectFormat(bytes: Uint8Array, fileName: string | undefined): Detected {
  const name = fileName ?? "";
  if (startsWith(bytes, ZIP)) {
    return hasAscii(bytes, "word/document.xml") ? { kind: "docx" } : { kind: "unsupported", what: zipName(bytes) };
  }
  for (const [signature, what] of SIGNATURES) if (startsWith(bytes, signature)) return { kind: "unsupported", what };
  const text = decodeText(bytes);
  if (text === null) return { kind: "unsupported", what: "a file that is not UTF-8 text" };
  const notText = findNotTextReason(text);
  if (notText) return { kind: "unsupported", what: "a binary file" };
  const head = text.slice(0, 4000);
  if (HTML_START.test(head) || (HTML_NAME.test(name) && /<[a-z][\s\S]*>/i.test(head))) return { kind: "html", text };
  if (BLOCK_START.test(head) && /<\/[a-z]/i.test(head) && !/^#{1,6}\s/m.test(text)) return { kind: "html", text };
  return { kind: TEXT_NAME.test(name) ? "text" : "markdown", text };
}

/** UTF-8 (a byte-order mark allowed), or UTF-16 when it starts with one; null when neither. */
function decodeText(bytes: Uint8Array): string | null {
  try {
    if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function zipName(bytes: Uint8Array): string {
  if (hasAscii(bytes, "xl/workbook.xml")) return "an Excel workbook";
  if (hasAscii(bytes, "ppt/presentation.xml")) return "a PowerPoint presentation";
  if (hasAscii(bytes, "application/vnd.oasis.opendocument")) return "an OpenDocument file";
  return "a zip archive (import it as many files)";
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

/** Whether an ASCII string occurs in the bytes (a zip's entry names are stored as they are). */
function hasAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, "latin1");
}
