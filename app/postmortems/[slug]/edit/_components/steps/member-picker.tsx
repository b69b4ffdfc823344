"use client";

import { useId, useRef, useState } from "react";
import { buttonClass, FieldErrors, inputClass } from "@/components/ui/fields";
import { MAX_MEMBERS, memberEmailSchema } from "@/lib/schemas/postmortem";

export type Person = { name: string; email: string };

type Props = {
  /** The members' emails, in order. */
  value: string[];
  onChange: (members: string[]) => void;
  /** People to suggest (emails offered as they type). */
  people?: Person[];
  /** Errors of the members list and of its entries, from the document's validation. */
  errors?: string[];
  disabled?: boolean;
};

/** Emails typed or pasted into the box: split on commas, semicolons and spaces. */
const typedEmails = (text: string) => text.split(/[\s,;]+/).map((part) => part.trim()).filter(Boolean);

/**
 * The members of a restricted postmortem: an email box with suggestions
 * (a native <datalist>: keyboard and screen-reader support come with it),
 * and the members as chips with a remove button each. Enter or "Add" adds
 * what was typed (several emails may be pasted at once).
 */
export function MemberPicker({ value, onChange, people = [], errors, disabled = false }: Props) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const chipsRef = useRef<HTMLUListElement>(null);
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const nameOf = new Map(people.map((person) => [person.email.toLowerCase(), person.name]));
  const suggestions = people.filter((person) => !value.includes(person.email.toLowerCase()));
  const describedBy = [`${id}-hint`, problem ? `${id}-problem` : null, errors?.length ? `${id}-errors` : null].filter(Boolean).join(" ");

  function add() {
    const typed = typedEmails(text);
    if (typed.length === 0) return;
    const added: string[] = [];
    const refused: string[] = [];
    for (const raw of typed) {
      const parsed = memberEmailSchema.safeParse(raw);
      if (!parsed.success) refused.push(raw);
      else if (!value.includes(parsed.data) && !added.includes(parsed.data)) added.push(parsed.data);
    }
    if (value.length + added.length > MAX_MEMBERS) {
      setProblem(`At most ${MAX_MEMBERS} members.`);
      return;
    }
    if (added.length) onChange([...value, ...added]);
    setText(refused.join(", "));
    setProblem(refused.length ? `Not an email address: ${refused.join(", ")}` : null);
    setAnnouncement(added.length ? `Added ${added.join(", ")}` : refused.length ? "" : "Already a member");
  }

  function remove(index: number) {
    const email = value[index];
    onChange(value.filter((_, at) => at !== index));
    setAnnouncement(`Removed ${email}`);
    // Keep keyboard users in place: the next chip's button, the previous one's, or the box.
    const buttons = chipsRef.current?.querySelectorAll<HTMLButtonElement>("button[data-remove]");
    const neighbour = buttons?.[index + 1] ?? buttons?.[index - 1];
    (neighbour ?? inputRef.current)?.focus();
  }

  return (
    <div>
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Members
      </label>
      <p id={`${id}-hint`} className="mt-0.5 text-xs text-zinc-500">
        Add people by email; you stay a member. Admins can always see it.
      </p>
      <div className="mt-1.5 flex gap-2">
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          inputMode="email"
          spellCheck={false}
          autoCapitalize="none"
          list={`${id}-people`}
          value={text}
          disabled={disabled}
          autoComplete="off"
          placeholder="name@example.com"
          aria-invalid={Boolean(problem || errors?.length)}
          aria-describedby={describedBy}
          onChange={(event) => {
            setText(event.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={(event) => {
            if (event.key === "Enter") {
              event.preventDefault();
              add();
            }
          }}
          className={inputClass}
        />
        <button type="button" className={buttonClass} onClick={add} disabled={disabled || text.trim() === ""}>
          Add
        </button>
      </div>
      <datalist id={`${id}-people`}>
        {suggestions.map((person) => (
          <option key={person.email} value={person.email.toLowerCase()}>
            {person.name}
          </option>
        ))}
      </datalist>
      {problem && (
        <p id={`${id}-problem`} className="mt-1 text-xs text-red-600 dark:text-red-400">
          {problem}
        </p>
      )}
      <FieldErrors id={`${id}-errors`} errors={errors} />
      {value.length > 0 ? (
        <ul ref={chipsRef} aria-label="Members" className="mt-2 flex flex-wrap gap-1.5">
          {value.map((email, index) => {
            const name = nameOf.get(email);
            return (
              <li
                key={email}
                className="inline-flex max-w-full items-center gap-1 rounded-full bg-zinc-100 py-0.5 pl-2.5 pr-0.5 text-sm text-zinc-800 ring-1 ring-inset ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-200 dark:ring-zinc-700"
              >
                <span className="truncate">
                  {name ? (
                    <>
                      {name} <span className="text-zinc-600 dark:text-zinc-400">{email}</span>
                    </>
                  ) : (
                    email
                  )}
                </span>
                <button
                  type="button"
                  data-remove
                  disabled={disabled}
                  aria-label={`Remove ${name ? `${name} (${email})` : email}`}
                  onClick={() => remove(index)}
                  className="inline-flex size-6 shrink-0 items-center justify-center rounded-full text-zinc-600 hover:bg-zinc-200 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-accent-500 disabled:opacity-40 dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-100"
                >
                  <span aria-hidden>✕</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-2 text-xs text-zinc-500">No members yet: only its creator and the admins can see it.</p>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
