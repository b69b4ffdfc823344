"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { defaultSort, parseSearchParams, toSearchParams, type SearchRequest, type SearchResponse } from "@/lib/schemas/search";

/** Wait this long after the last keystroke before searching. */
const TYPING_DELAY_MS = 150;

export type LibrarySearch = {
  request: SearchRequest;
  response: SearchResponse;
  /** What is in the search box (ahead of `request.q` while typing). */
  text: string;
  isLoading: boolean;
  error: string | null;
  /** Typing: searches after a pause and replaces the history entry. */
  type: (text: string) => void;
  /** A filter, sort or page change: searches at once and adds a history entry (the back button undoes it). */
  change: (next: Partial<SearchRequest>) => void;
  /** Searches for what is typed now, without waiting for the pause. */
  flush: () => void;
};

const urlOf = (request: SearchRequest) => {
  const query = toSearchParams(request).toString();
  return query ? `/?${query}` : "/";
};

/**
 * The library's search state. The URL is the source of truth for what is
 * shown (shareable; back and forward work); each search asks GET /api/search,
 * and only the answer to the latest request is used — an earlier one that
 * arrives late is dropped (and aborted when possible).
 */
export function useLibrarySearch(initial: SearchResponse): LibrarySearch {
  const [request, setRequest] = useState(initial.request);
  const [response, setResponse] = useState(initial);
  const [text, setText] = useState(initial.request.q);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The request as of the latest change, for the typing timer (state would be stale in its closure).
  const requestRef = useRef(initial.request);

  const load = useCallback(async (next: SearchRequest) => {
    const id = ++latest.current;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setIsLoading(true);
    try {
      const answer = await fetch(`/api/search?${toSearchParams(next).toString()}`, { signal: abort.signal, headers: { accept: "application/json" } });
      if (!answer.ok) throw new Error(`HTTP ${answer.status}`);
      const body = (await answer.json()) as SearchResponse;
      if (id !== latest.current) return;
      setResponse(body);
      setError(null);
    } catch (caught) {
      if (id !== latest.current || (caught as Error).name === "AbortError") return;
      setError("Search is not answering right now. The results below may be out of date.");
    } finally {
      if (id === latest.current) setIsLoading(false);
    }
  }, []);

  const go = useCallback(
    (next: SearchRequest, mode: "push" | "replace") => {
      requestRef.current = next;
      setRequest(next);
      const url = urlOf(next);
      if (url !== `${window.location.pathname}${window.location.search}`) {
        window.history[mode === "push" ? "pushState" : "replaceState"](null, "", url);
      }
      void load(next);
    },
    [load],
  );

  const type = useCallback(
    (value: string) => {
      setText(value);
      if (typingTimer.current) clearTimeout(typingTimer.current);
      typingTimer.current = setTimeout(() => {
        const current = requestRef.current;
        // Keep an order chosen by hand; otherwise follow the query (best match with words, last updated without).
        const sort = current.sort === defaultSort(current.q) ? defaultSort(value) : current.sort;
        go({ ...current, q: value, sort, page: 1 }, "replace");
      }, TYPING_DELAY_MS);
    },
    [go],
  );

  const flush = useCallback(() => {
    if (!typingTimer.current) return;
    clearTimeout(typingTimer.current);
    typingTimer.current = null;
    const current = requestRef.current;
    if (text === current.q) return;
    const sort = current.sort === defaultSort(current.q) ? defaultSort(text) : current.sort;
    go({ ...current, q: text, sort, page: 1 }, "replace");
  }, [go, text]);

  const change = useCallback(
    (next: Partial<SearchRequest>) => {
      if (typingTimer.current) clearTimeout(typingTimer.current);
      const current = requestRef.current;
      go({ ...current, q: text, ...next, page: next.page ?? 1 }, "push");
    },
    [go, text],
  );

  // Back, forward, or a link to another search: follow the URL.
  const searchParams = useSearchParams();
  const urlKey = searchParams.toString();
  useEffect(() => {
    // Our own replaceState echoes back here a render late; by then the user may
    // have typed on. Only a URL that is still the address bar's is followed, so
    // a stale echo never puts old text back into the box.
    if (urlKey !== new URLSearchParams(window.location.search).toString()) return;
    if (urlKey === toSearchParams(requestRef.current).toString()) return;
    const next = parseSearchParams(new URLSearchParams(urlKey));
    requestRef.current = next;
    setRequest(next);
    setText(next.q);
    void load(next);
  }, [urlKey, load]);

  useEffect(
    () => () => {
      controller.current?.abort();
      if (typingTimer.current) clearTimeout(typingTimer.current);
    },
    [],
  );

  return { request, response, text, isLoading, error, type, change, flush };
}
