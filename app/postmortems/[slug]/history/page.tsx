import Link from "next/link";
import { Avatar } from "@/components/account/avatar";
import { notFound } from "next/navigation";
import { buttonClass, inputClass } from "@/components/ui/fields";
import { compareRevisions } from "@/lib/domain/revisions/compare";
import { formatInstant } from "@/lib/domain/time";
import { isReadOnly } from "@/lib/domain/workflow";
import { versionParamSchema } from "@/lib/schemas/revision";
import { findPostmortemForPage, getRevision, listRevisions } from "@/lib/server/postmortems";
import { FieldDiff } from "./_components/field-diff";
import { pagePath } from "@/components/account/request-info";
import { mayDo, requirePageActor } from "@/lib/server/auth";
import { RestoreButton } from "./_components/restore-button";
import { postmortemPageTitle } from "../page-title";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = postmortemPageTitle("History");

const pick = (value: string | string[] | undefined, fallback: number) => {
  const parsed = versionParamSchema.safeParse(Array.isArray(value) ? value[0] : value);
  return parsed.success ? parsed.data : fallback;
};

export default async function HistoryPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const actor = await requirePageActor({ path: pagePath(`/postmortems/${encodeURIComponent(slug)}/history`, query) });
  const postmortem = await findPostmortemForPage(slug);
  if (!postmortem) notFound();
  const revisions = await listRevisions({ slug });
  const latest = revisions[0]?.version ?? postmortem.version;
  const to = pick(query.to, latest);
  const from = pick(query.from, Math.max(1, to - 1));
  const [before, after] = await Promise.all([getRevision({ slug, version: from }), getRevision({ slug, version: to })]);
  const changes = before && after ? compareRevisions(before, after) : null;
  // A published postmortem is read-only, and viewers change nothing: restoring would be refused, so no button offers it.
  const mayEdit = mayDo(actor, "editor");
  const canRestore = mayEdit && !isReadOnly(postmortem.status);

  return (
    <div>
      <p className="text-sm">
        <Link href={`/postmortems/${slug}`} className="text-accent-600 hover:underline dark:text-accent-400">
          ← {postmortem.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">History</h1>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {mayEdit
          ? "Every save is kept. Compare any two versions, or restore an old one — restoring saves it as a new version, so nothing is lost."
          : "Every save is kept. Compare any two versions."}
      </p>
      {mayEdit && !canRestore && (
        <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
          This postmortem is published, so it is read-only:{" "}
          <Link href={`/postmortems/${slug}/edit`} className="text-accent-600 hover:underline dark:text-accent-400">
            reopen it in the editor
          </Link>{" "}
          to restore an older version.
        </p>
      )}

      <div className="mt-8 grid grid-cols-1 gap-8 lg:grid-cols-[20rem_minmax(0,1fr)]">
        <section aria-labelledby="versions-title">
          <h2 id="versions-title" className="text-sm font-semibold">
            Versions
          </h2>
          <ol className="mt-2 divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {revisions.map((revision) => (
              <li key={revision.version} className={`p-3 text-sm ${revision.version === to ? "bg-zinc-50 dark:bg-zinc-900" : ""}`}>
                <div className="flex items-baseline justify-between gap-2">
                  <span className="font-medium">Version {revision.version}</span>
                  <time dateTime={revision.createdAt} className="text-xs text-zinc-500">
                    {formatInstant(revision.createdAt, postmortem.timezone)}
                  </time>
                </div>
                <p className="mt-0.5 text-zinc-600 dark:text-zinc-400">{revision.summary}</p>
                <p className="mt-1 flex items-center gap-1.5 text-xs text-zinc-500">
                  <Avatar name={revision.authorName} size="sm" />
                  <span>by {revision.authorName}</span>
                </p>
                <div className="mt-2 flex gap-3 text-xs">
                  {revision.version > 1 && (
                    <Link href={`?from=${revision.version - 1}&to=${revision.version}`} className="text-accent-600 hover:underline dark:text-accent-400">
                      Show changes
                    </Link>
                  )}
                  {revision.version !== latest && canRestore && <RestoreButton slug={slug} version={revision.version} />}
                </div>
              </li>
            ))}
          </ol>
        </section>

        <section aria-labelledby="changes-title" className="min-w-0">
          <form className="flex flex-wrap items-end gap-2 text-sm" aria-label="Compare versions">
            <VersionSelect name="from" label="From" value={from} versions={revisions.map((r) => r.version)} />
            <VersionSelect name="to" label="To" value={to} versions={revisions.map((r) => r.version)} />
            <button type="submit" className={buttonClass}>
              Compare
            </button>
          </form>
          <h2 id="changes-title" className="mt-6 text-sm font-semibold">
            Changes from version {from} to version {to}
          </h2>
          {!changes ? (
            <p className="mt-2 text-sm text-zinc-500">One of these versions does not exist.</p>
          ) : changes.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-500">No differences.</p>
          ) : (
            <div className="mt-3 space-y-4">
              {changes.map((change) => (
                <FieldDiff key={change.field} change={change} />
              ))}
            </div>
          )}
        </section>
      </div>
    </div>
  );
}

function VersionSelect({ name, label, value, versions }: { name: string; label: string; value: number; versions: number[] }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="text-xs text-zinc-500">{label}</span>
      <select name={name} defaultValue={value} className={inputClass}>
        {versions.map((version) => (
          <option key={version} value={version}>
            Version {version}
          </option>
        ))}
      </select>
    </label>
  );
}
