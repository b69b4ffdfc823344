"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { AddressEchoes } from "@/lib/domain/search/address-echoes";
import { defaultSort, parseSearchParams, toSearchParams, type SearchRequest } from "@/lib/domain/search/request";
import type { SearchResponse } from "@/lib/schemas/search";

/** Wait this long after the last keystroke before searching. */
const TYPING_DELAY_MS = 150;

export type LibrarySearch = {
  request: SearchRequest;
  response: SearchResponse;
  /** What is in the search box (ahead of `request.q` while typing). */
  text: string;
  /**
   * The search box. It is uncontrolled: the browser owns what is typed, and
   * the hook writes to it only when the URL changes from outside (back,
   * forward, a link) or the box is cleared. A controlled box lost keystrokes
   * on a busy machine: a re-render from the router's echo of our
   * replaceState could put a value one key old back into the box.
   */
  inputRef: RefObject<HTMLInputElement | null>;
  isLoading: boolean;
  error: string | null;
  /** Typing (read from the box): searches after a pause and replaces the history entry. */
  typed: () => void;
  /** Empties the box and searches for everything. */
  clear: () => void;
  /** A filter, sort or page change: searches at once and adds a history entry (the back button undoes it). */
  change: (next: Partial<SearchRequest>) => void;
  /** Searches for what is typed now, without waiting for the pause. */
  flush: () => void;
};

const queryOf = (request: SearchRequest) => toSearchParams(request).toString();

const urlOf = (request: SearchRequest) => {
  const query = queryOf(request);
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
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [isLoading, setIsLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const controller = useRef<AbortController | null>(null);
  const typingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The request as of the latest change, for the typing timer (state would be stale in its closure).
  const requestRef = useRef(initial.request);
  // Our own history writes, to tell their late echoes through the router from links (see the effect on urlKey).
  const echoes = useRef<AddressEchoes>(null);
  echoes.current ??= new AddressEchoes(queryOf(initial.request));
  const boxText = useCallback(() => inputRef.current?.value ?? requestRef.current.q, []);
  const cancelTyping = useCallback(() => {
    if (typingTimer.current) clearTimeout(typingTimer.current);
    typingTimer.current = null;
  }, []);
  /** Puts `q` into the box (when it is not already there: the caret stays put) and into `text`. */
  const showInBox = useCallback((q: string) => {
    if (inputRef.current && inputRef.current.value !== q) inputRef.current.value = q;
    setText(q);
  }, []);

  const load = useCallback(async (next: SearchRequest) => {
    const id = ++latest.current;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setIsLoading(true);
    try {
      const answer = await fetch(`/api/search?${queryOf(next)}`, { signal: abort.signal, headers: { accept: "application/json" } });
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
      const url = urlOf(next);
      // A push only when the search changed, so that Back never lands on the same results.
      if (mode === "replace" || url !== urlOf(requestRef.current)) {
        echoes.current?.wrote(queryOf(next));
        window.history[mode === "push" ? "pushState" : "replaceState"](null, "", url);
      }
      requestRef.current = next;
      setRequest(next);
      void load(next);
    },
    [load],
  );

  const searchFor = useCallback(
    (value: string) => {
      const current = requestRef.current;
      // Keep an order chosen by hand; otherwise follow the query (best match with words, last updated without).
      const sort = current.sort === defaultSort(current.q) ? defaultSort(value) : current.sort;
      go({ ...current, q: value, sort, page: 1 }, "replace");
    },
    [go],
  );

  const typed = useCallback(() => {
    setText(boxText());
    cancelTyping();
    typingTimer.current = setTimeout(() => {
      typingTimer.current = null;
      searchFor(boxText());
    }, TYPING_DELAY_MS);
  }, [boxText, cancelTyping, searchFor]);

  const clear = useCallback(() => {
    cancelTyping();
    showInBox("");
    searchFor("");
  }, [cancelTyping, showInBox, searchFor]);

  const flush = useCallback(() => {
    cancelTyping();
    const value = boxText();
    if (value !== requestRef.current.q) searchFor(value);
  }, [boxText, cancelTyping, searchFor]);

  const change = useCallback(
    (next: Partial<SearchRequest>) => {
      cancelTyping();
      const q = next.q ?? boxText();
      showInBox(q);
      go({ ...requestRef.current, q, ...next, page: next.page ?? 1 }, "push");
    },
    [go, boxText, cancelTyping, showInBox],
  );

  /** Shows the search in the address bar when it came from outside: back, forward, a link. */
  const followAddressBar = useCallback(
    (search: string) => {
      const next = parseSearchParams(new URLSearchParams(search));
      if (queryOf(next) === queryOf(requestRef.current)) return;
      cancelTyping();
      requestRef.current = next;
      setRequest(next);
      showInBox(next.q);
      void load(next);
    },
    [load, cancelTyping, showInBox],
  );

  // Back and forward: the address bar is right at popstate, whatever the router does next.
  useEffect(() => {
    const onPopState = () => followAddressBar(window.location.search);
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [followAddressBar]);

  // A link to another search (the header's Library link, say) reaches us only through the router,
  // which also echoes our own writes back, late and on a busy page out of order: those are skipped.
  const urlKey = useSearchParams().toString();
  useEffect(() => {
    if (!echoes.current?.isEcho(urlKey)) followAddressBar(urlKey);
  }, [urlKey, followAddressBar]);

  useEffect(
    () => () => {
      controller.current?.abort();
      cancelTyping();
    },
    [cancelTyping],
  );

  return { request, response, text, inputRef, isLoading, error, typed, clear, change, flush };
}
