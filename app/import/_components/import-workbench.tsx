"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { buttonClass, inputClass, primaryButtonClass } from "@/components/ui/fields";
import { findNotTextReason } from "@/lib/domain/markdown/import/source";
import dynamic from "next/dynamic";

const MAX_BYTES = 5 * 1024 * 1024;

// The preview (and zod, Luxon and the Markdown renderer it brings) loads with the first document read (issue 15).
const ParsedPreview = dynamic(() => import("./parsed-preview").then((m) => m.ParsedPreview), {
  loading: () => <p className="text-sm text-zinc-500">Reading…</p>,
});

/** The import API's answer: the document as the exchange format has it (ParsedPreview reads it). */
type Parsed = { document: unknown; warnings: string[] };
type State = { kind: "idle" } | { kind: "reading" } | { kind: "parsed"; parsed: Parsed } | { kind: "error"; message: string };

async function errorMessage(response: Response): Promise<string> {
  const body = await response.json().catch(() => null);
  return body?.error?.message ?? `The server answered ${response.status}.`;
}

/** Paste or upload → the structure read, side by side with the source → create and open in the editor. */
export function ImportWorkbench() {
  const id = useId();
  const router = useRouter();
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });
  const [isCreating, setIsCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [isReadingFile, setIsReadingFile] = useState(false);
  // A Word document's bytes: it has no text to show or edit here; it is read on the server.
  const [binary, setBinary] = useState<Uint8Array<ArrayBuffer> | null>(null);

  const query = (create: boolean) => {
    const params = new URLSearchParams();
    if (fileName) params.set("fileName", fileName);
    if (create) params.set("create", "1");
    return params.toString();
  };

  useEffect(() => {
    if (!text.trim() || findNotTextReason(text)) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      setState({ kind: "reading" });
      try {
        const response = await fetch(`/api/import?${query(false)}`, {
          method: "POST",
          headers: { "content-type": "text/markdown; charset=utf-8" },
          body: text,
          signal: controller.signal,
        });
        if (!response.ok) return setState({ kind: "error", message: await errorMessage(response) });
        const body = (await response.json()) as Parsed;
        setState({ kind: "parsed", parsed: { document: body.document, warnings: body.warnings } });
      } catch (error) {
        if ((error as Error).name !== "AbortError") setState({ kind: "error", message: "The server could not be reached. Try again." });
      }
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `query` reads fileName, which is listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, fileName]);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // A file that cannot be read leaves what the user had (the text, the preview) as it was, with the reason beside it.
    setFileError(null);
    if (file.size > MAX_BYTES) return setFileError(`${file.name} is larger than 5 MB. Split it, or import the text that matters.`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.every((byte) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)) return setFileError(`${file.name} is empty: there is nothing to import.`);
    setIsReadingFile(true);
    try {
      // The server recognises the format by the bytes (Markdown, text, HTML, Word .docx) and reads it; nothing is saved yet.
      const params = new URLSearchParams({ fileName: file.name });
      const response = await fetch(`/api/import?${params}`, { method: "POST", headers: { "content-type": "application/octet-stream" }, body: bytes });
      if (!response.ok) return setFileError(await errorMessage(response));
      const body = (await response.json()) as Parsed & { format: string };
      setFileName(file.name);
      if (body.format === "docx") {
        setBinary(bytes);
        setText("");
      } else {
        setBinary(null);
        setText(new TextDecoder().decode(bytes));
      }
      setState({ kind: "parsed", parsed: { document: body.document, warnings: body.warnings } });
    } catch {
      setFileError("The server could not be reached. Try again.");
    } finally {
      setIsReadingFile(false);
    }
  };

  const create = async () => {
    setIsCreating(true);
    setCreateError(null);
    try {
      const response = await fetch(`/api/import?${query(true)}`, {
        method: "POST",
        headers: { "content-type": binary ? "application/octet-stream" : "text/markdown; charset=utf-8" },
        body: binary ?? text,
      });
      if (!response.ok) throw new Error(await errorMessage(response));
      const body = (await response.json()) as { document: { slug: string } };
      router.push(`/postmortems/${body.document.slug}/edit?step=review`);
    } catch (error) {
      setCreateError((error as Error).message);
      setIsCreating(false);
    }
  };

  return (
    <div className="mt-6">
      <div className="flex flex-wrap items-center gap-3">
        <label className={`${buttonClass} cursor-pointer focus-within:outline-2 focus-within:outline-accent-500`}>
          Upload a file (.md, .txt, .html, .docx)
          <input
            type="file"
            accept=".md,.markdown,.txt,.html,.htm,.docx,text/markdown,text/plain,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            className="sr-only"
            onChange={(e) => {
              void onFile(e.target.files?.[0]);
              // Choosing the same file again (after editing it on disk) reads it again.
              e.target.value = "";
            }}
          />
        </label>
        <span className="text-sm text-zinc-500">{isReadingFile ? "Reading the file…" : fileName ? `From ${fileName}` : "or paste below"}</span>
      </div>
      {fileError && (
        <p role="alert" className="mt-2 text-sm text-red-600 dark:text-red-400">
          {fileError}
        </p>
      )}
      <div className="mt-4 grid grid-cols-1 gap-6 lg:grid-cols-2">
        <div className="min-w-0">
          <label htmlFor={`${id}-source`} className="text-sm font-medium">
            Source
          </label>
          <textarea
            id={`${id}-source`}
            rows={24}
            value={binary ? "" : text}
            readOnly={binary !== null}
            onChange={(e) => {
              setText(e.target.value);
              if (!e.target.value.trim()) setState({ kind: "idle" });
            }}
            placeholder={binary ? `${fileName}: a Word document, read on the server. Its text can be edited once it is created.` : "# Login outage after a config change\n\n## Timeline\n- 10:47 Config deployed\n- 10:52 PagerDuty alerts the on-call engineer\n…"}
            className={`${inputClass} mt-1.5 font-mono text-xs leading-relaxed`}
          />
        </div>
        <section aria-labelledby={`${id}-result`} className="min-w-0">
          <h2 id={`${id}-result`} className="text-sm font-medium">
            What Hindsight read
          </h2>
          <div aria-live="polite" className="mt-1.5 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
            {state.kind === "idle" && <p className="text-sm text-zinc-500">Paste a postmortem or upload a file to see its structure here.</p>}
            {state.kind === "reading" && <p className="text-sm text-zinc-500">Reading…</p>}
            {state.kind === "error" && (
              <p role="alert" className="text-sm text-red-600 dark:text-red-400">
                {state.message}
              </p>
            )}
            {state.kind === "parsed" && <ParsedPreview parsed={state.parsed} />}
          </div>
          {state.kind === "parsed" && (
            <div className="mt-4 flex flex-wrap items-center gap-3">
              <button type="button" className={primaryButtonClass} onClick={create} disabled={isCreating}>
                {isCreating ? "Creating…" : "Create postmortem"}
              </button>
              <span className="text-xs text-zinc-500">It opens in the editor, where you can fix anything.</span>
              {createError && (
                <p role="alert" className="w-full text-sm text-red-600 dark:text-red-400">
                  {createError}
                </p>
              )}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
