/** The Markdown parser the prose mask uses (remark with GFM): ~35 KB gzipped, so the browser loads it on first use (browser.ts). */
import type { Root } from "mdast";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import { unified } from "unified";

const processor = unified().use(remarkParse).use(remarkGfm);

export function parseMarkdownTree(text: string): Root {
  return processor.parse(text) as Root;
}
