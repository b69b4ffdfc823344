"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { withoutBlankItems } from "@/lib/domain/editor/prune";
import { fieldErrorsOf, postmortemUpdateSchema, type PostmortemDocument } from "@/lib/schemas/postmortem";

export type SaveState =
  | { kind: "saved"; at: number }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "invalid"; fieldErrors: Record<string, string[]> }
  | { kind: "conflict"; theirs: PostmortemDocument; base: PostmortemDocument | null };

/** `base`: the saved document the draft started from, so a conflict can tell whose change each field is (older drafts lack it). */
type StoredDraft = { baseVersion: number; doc: PostmortemDocument; changedAt: number; base?: PostmortemDocument };

const SAVE_DELAY_MS = 1000;
const MAX_RETRY_MS = 30_000;

const storageKey = (slug: string) => `hindsight:unsaved:${slug}`;
const contentOf = (doc: PostmortemDocument) => JSON.stringify({ ...doc, version: 0, createdAt: "", updatedAt: "" });

/** Drops the local copy; storage that is blocked (private mode, a policy) throws, and then there is nothing to drop. */
function forgetStored(slug: string): void {
  try {
    window.localStorage.removeItem(storageKey(slug));
  } catch {
    // Nothing was kept.
  }
}

function readStored(slug: string): StoredDraft | null {
  try {
    const raw = window.localStorage.getItem(storageKey(slug));
    return raw ? (JSON.parse(raw) as StoredDraft) : null;
  } catch {
    return null;
  }
}

/**
 * The editor's document and its saving: every change is kept in localStorage
 * at once, and sent about a second after typing stops with the version it was
 * based on. A stale version becomes a conflict for the user to resolve; a
 * failed request keeps retrying (and on the browser's "online" event) while
 * the draft stays on this device.
 */
export function useAutosave(initial: PostmortemDocument) {
  const slug = initial.slug;
  const [doc, setDoc] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: "saved", at: Date.parse(initial.updatedAt) });
  const docRef = useRef(initial);
  const versionRef = useRef(initial.version);
  // The last document the server confirmed: what a conflict is a three-way comparison against.
  const baseRef = useRef<PostmortemDocument>(initial);
  const stateRef = useRef<SaveState>(state);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  const again = useRef(false);
  const retryMs = useRef(2000);
  // Timers call the latest saveNow through this ref (it is declared below).
  const saveRef = useRef<() => Promise<void>>(async () => {});
  const saveLater = useCallback((ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), ms);
  }, []);

  const changeState = useCallback((next: SaveState) => {
    stateRef.current = next;
    setState(next);
  }, []);

  const keepLocally = useCallback(
    (next: PostmortemDocument) => {
      try {
        const stored: StoredDraft = { baseVersion: versionRef.current, doc: next, changedAt: Date.now(), base: baseRef.current };
        window.localStorage.setItem(storageKey(slug), JSON.stringify(stored));
      } catch {
        // Storage full or blocked: the server copy is all we can keep.
      }
    },
    [slug],
  );

  const saveNow = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    if (stateRef.current.kind === "conflict") return;
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const sent = docRef.current;
    if (contentOf(sent) === contentOf(baseRef.current)) {
      // Ctrl+S with nothing changed: no request, no empty revision in the history.
      forgetStored(slug);
      changeState({ kind: "saved", at: stateRef.current.kind === "saved" ? stateRef.current.at : Date.now() });
      return;
    }
    const body = { ...withoutBlankItems(sent), version: versionRef.current };
    const parsed = postmortemUpdateSchema.safeParse(body);
    if (!parsed.success) {
      changeState({ kind: "invalid", fieldErrors: fieldErrorsOf(parsed.error) });
      return;
    }
    inFlight.current = true;
    changeState({ kind: "saving" });
    try {
      const response = await fetch(`/api/postmortems/${encodeURIComponent(slug)}`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.status === 409) {
        const payload = (await response.json()) as { current: PostmortemDocument };
        changeState({ kind: "conflict", theirs: payload.current, base: baseRef.current });
        return;
      }
      if (response.status === 422) {
        const payload = (await response.json()) as { error: { fields: Record<string, string[]> } };
        changeState({ kind: "invalid", fieldErrors: payload.error.fields });
        return;
      }
      if (!response.ok) throw new Error(`Save failed with ${response.status}`);
      const saved = (await response.json()) as PostmortemDocument;
      versionRef.current = saved.version;
      baseRef.current = { ...sent, version: saved.version, updatedAt: saved.updatedAt };
      retryMs.current = 2000;
      if (docRef.current === sent) {
        // Keep the local objects (and so the inputs' focus); take only the new version.
        docRef.current = { ...sent, version: saved.version, updatedAt: saved.updatedAt };
        setDoc(docRef.current);
        forgetStored(slug);
        changeState({ kind: "saved", at: Date.now() });
      } else {
        // Typed while the request was on its way: keep going from the new version.
        keepLocally(docRef.current);
        changeState({ kind: "dirty" });
        again.current = true;
      }
    } catch {
      changeState({ kind: "offline" });
      saveLater(retryMs.current);
      retryMs.current = Math.min(retryMs.current * 2, MAX_RETRY_MS);
    } finally {
      inFlight.current = false;
      if (again.current) {
        again.current = false;
        saveLater(SAVE_DELAY_MS);
      }
    }
  }, [changeState, keepLocally, saveLater, slug]);

  useEffect(() => {
    saveRef.current = saveNow;
  }, [saveNow]);

  /** Applies a change to the document: kept locally at once, saved shortly after. */
  const update = useCallback(
    (change: (current: PostmortemDocument) => PostmortemDocument) => {
      const next = change(docRef.current);
      if (next === docRef.current) return;
      docRef.current = next;
      setDoc(next);
      keepLocally(next);
      if (stateRef.current.kind === "conflict") return;
      if (stateRef.current.kind !== "offline") changeState({ kind: "dirty" });
      saveLater(SAVE_DELAY_MS);
    },
    [changeState, keepLocally, saveLater],
  );

  /** Ends a conflict: `merged` is saved on top of their version. */
  const resolveConflict = useCallback(
    (merged: PostmortemDocument, theirs: PostmortemDocument) => {
      versionRef.current = theirs.version;
      baseRef.current = theirs;
      docRef.current = { ...merged, version: theirs.version };
      setDoc(docRef.current);
      keepLocally(docRef.current);
      changeState({ kind: "dirty" });
      void saveNow();
    },
    [changeState, keepLocally, saveNow],
  );

  /** Takes a document the server changed by other means (a status change) as the new base. */
  const replaceFromServer = useCallback(
    (saved: PostmortemDocument) => {
      clearTimeout(timer.current);
      versionRef.current = saved.version;
      baseRef.current = saved;
      docRef.current = saved;
      setDoc(saved);
      forgetStored(slug);
      changeState({ kind: "saved", at: Date.now() });
    },
    [changeState, slug],
  );

  // On open: unsaved work from an earlier visit (reload, closed tab, outage) comes back.
  useEffect(() => {
    const stored = readStored(slug);
    if (!stored || contentOf(stored.doc) === contentOf(initial)) {
      forgetStored(slug);
      return;
    }
    docRef.current = { ...stored.doc, version: initial.version };
    setDoc(docRef.current);
    if (stored.baseVersion === initial.version) {
      changeState({ kind: "dirty" });
      void saveNow();
    } else {
      changeState({ kind: "conflict", theirs: initial, base: stored.base ?? null });
    }
    // Only on first render: `initial` is the server copy this page was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const retry = () => {
      if (stateRef.current.kind === "offline" || stateRef.current.kind === "dirty") void saveNow();
    };
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [saveNow]);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { doc, state, update, saveNow, resolveConflict, replaceFromServer };
}
