/** A titled part of the postmortem page; says so plainly when it is still empty. */
export function Section({
  id,
  title,
  badge,
  isEmpty,
  children,
}: {
  id: string;
  title: string;
  badge?: string;
  isEmpty: boolean;
  children: React.ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-title`} className="mt-12">
      <h2 id={`${id}-title`} className="flex items-center gap-2 border-b border-zinc-200 pb-2 text-xl font-semibold tracking-tight dark:border-zinc-800">
        {title}
        {badge && (
          <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400">
            {badge}
          </span>
        )}
      </h2>
      <div className="mt-4">{isEmpty ? <p className="text-sm italic text-zinc-500">Nothing written yet.</p> : children}</div>
    </section>
  );
}
