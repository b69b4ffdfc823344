/**
 * Word .docx (what Word and Google Docs download) → HTML with mammoth, then
 * Markdown as any HTML page (html.ts). Images are left out (a postmortem's
 * text is what is imported); the zip's declared sizes are checked first, so
 * that a small file that unpacks to gigabytes is refused before it is read.
 */
import { unzipSync } from "fflate";
import mammoth from "mammoth";
import { htmlToMarkdown, type HtmlReading } from "./html";

/** Largest unpacked size of a .docx's parts that is read (its text is at most a few MB; the rest is images and styles). */
const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;

// Word's and Google Docs' title style is a heading; the subtitle stays a paragraph.
const STYLE_MAP = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

/** Converts a .docx; throws `BadDocxError` when it is not a Word document after all (a broken or bomb-like zip). */
export async function docxToMarkdown(bytes: Uint8Array): Promise<HtmlReading> {
  checkUnpackedSize(bytes);
  let images = 0;
  let result: { value: string; messages: { type: string; message: string }[] };
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: "" };
        }),
      },
    );
  } catch (error) {
    throw new BadDocxError(`it could not be read as a Word document (${(error as Error).message.slice(0, 200)})`);
  }
  const reading = htmlToMarkdown(result.value);
  // html.ts counts the empty images again; one warning, from here.
  const warnings = reading.warnings.filter((warning) => !/image/.test(warning));
  if (images > 0) warnings.push(`${images} image${images === 1 ? " was" : "s were"} left out of the Word document`);
  return { text: reading.text, warnings };
}

/** The .docx is a zip, but not one we read. */
export class BadDocxError extends Error {}

function checkUnpackedSize(bytes: Uint8Array): void {
  let total = 0;
  try {
    // The filter sees each entry's declared size and unpacks nothing.
    unzipSync(bytes, {
      filter: (file) => {
        total += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw new BadDocxError(`it is a damaged zip (${(error as Error).message})`);
  }
  if (total > MAX_UNPACKED_BYTES) throw new BadDocxError(`it unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB`);
}
