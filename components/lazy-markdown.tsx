"use client";

import dynamic from "next/dynamic";

/**
 * The Markdown renderer for client components, fetched the first time one
 * is shown: react-markdown and its parser are ~60 KB gzipped, which the
 * editor and the export page need only for a preview (issue 15's budgets).
 * Server components import components/markdown directly: it costs the
 * browser nothing there.
 */
export const LazyMarkdown = dynamic(() => import("./markdown").then((module) => module.Markdown), {
  loading: () => <p className="text-sm text-zinc-500">Loading the preview…</p>,
});
