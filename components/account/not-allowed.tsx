import Link from "next/link";

/**
 * What someone whose role falls short sees instead of a page's tools. Only
 * a courtesy: the data access refuses them anyway.
 */
export function NotAllowed({
  title,
  children,
  backHref = "/",
  backLabel = "Back to the incident library",
}: {
  title: string;
  children: React.ReactNode;
  backHref?: string;
  backLabel?: string;
}) {
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight text-balance">{title}</h1>
      <p className="mt-3 text-sm leading-relaxed text-zinc-600 dark:text-zinc-400">{children}</p>
      <Link href={backHref} className="mt-6 inline-block text-sm font-medium text-accent-600 hover:underline dark:text-accent-400">
        {backLabel}
      </Link>
    </div>
  );
}

/** The role a page names in its message ("viewer"). */
export function roleName(actor: { kind: "user"; role: string } | { kind: "operator" }): string {
  return actor.kind === "user" ? actor.role : "operator";
}
