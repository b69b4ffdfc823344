/** The narrow, centred column of the sign-in, setup and invite pages. */
export function AuthPanel({ title, intro, children }: { title: string; intro?: React.ReactNode; children: React.ReactNode }) {
  return (
    <div className="mx-auto max-w-sm sm:pt-4">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      {intro && <div className="mt-2 text-sm leading-relaxed text-zinc-600 dark:text-zinc-400">{intro}</div>}
      <div className="mt-8">{children}</div>
    </div>
  );
}

/** A calm notice above a form (role="status"): a step that went well. */
export function Notice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-500/40 dark:bg-emerald-500/10 dark:text-emerald-200">
      {children}
    </p>
  );
}

/** A problem with the whole form (not one field), announced when it appears. */
export function FormError({ message }: { message: string | null | undefined }) {
  return (
    <div aria-live="assertive" aria-atomic>
      {message && (
        <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-500/40 dark:bg-red-500/10 dark:text-red-200">{message}</p>
      )}
    </div>
  );
}
