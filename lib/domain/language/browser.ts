/**
 * The language check for client components: the same checks as index.ts,
 * without the Markdown parser until loadMarkdownParser() fetches it (the
 * editor asks on first use). Until then blocks with Markdown syntax go
 * unchecked; components re-check when parserReadiness says it arrived.
 */
import { hasMarkdownParser, installMarkdownParser } from "./prose-mask";

export { checkLanguage, type Finding } from "./check-language";
export { checkText, type Match } from "./check-text";

let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/** Fetches and installs the parser once; resolves when it is in. */
export function loadMarkdownParser(): Promise<void> {
  loading ??= import("./markdown-parser").then(({ parseMarkdownTree }) => {
    installMarkdownParser(parseMarkdownTree);
    for (const listener of listeners) listener();
  });
  return loading;
}

/** For useSyncExternalStore: whether the parser is in, and a way to hear when it arrives. */
export const parserReadiness = {
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  isReady: hasMarkdownParser,
};
