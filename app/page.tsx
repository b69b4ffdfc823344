import type { Metadata } from "next";
import Link from "next/link";
import { LoadSamplesButton } from "@/components/load-samples-button";
import { Chip, SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { formatDate } from "@/lib/domain/time";
import { listQuerySchema, type PostmortemSummary } from "@/lib/schemas/postmortem";
import { listPostmortems } from "@/lib/server/postmortems";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incident library" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LibraryPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = listQuerySchema.parse({ page: first(params.page), perPage: 20, status: first(params.status) });
  const page = await listPostmortems(query);

  return (
    <div>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Incident library</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            {page.total === 0
              ? "Every postmortem your team writes, in one place."
              : `${page.total} postmortem${page.total === 1 ? "" : "s"}, most recently updated first.`}
          </p>
        </div>
      </div>

      {page.total === 0 ? (
        <EmptyLibrary />
      ) : (
        <ul className="mt-8 divide-y divide-zinc-200 border-y border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {page.items.map((item) => (
            <PostmortemRow key={item.slug} item={item} />
          ))}
        </ul>
      )}

      {page.totalPages > 1 && (
        <nav aria-label="Pages" className="mt-6 flex items-center justify-between text-sm">
          {page.page > 1 ? (
            <Link className="text-accent-600 hover:underline dark:text-accent-400" href={`/?page=${page.page - 1}`}>
              ← Newer
            </Link>
          ) : (
            <span />
          )}
          <span className="text-zinc-500">
            Page {page.page} of {page.totalPages}
          </span>
          {page.page < page.totalPages ? (
            <Link className="text-accent-600 hover:underline dark:text-accent-400" href={`/?page=${page.page + 1}`}>
              Older →
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
    </div>
  );
}

function PostmortemRow({ item }: { item: PostmortemSummary }) {
  const date = item.incidentDate ?? item.createdAt.slice(0, 10);
  return (
    <li className="group relative py-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <SeverityBadge severity={item.severity} />
        <h2 className="min-w-0 flex-1 basis-60 font-medium wrap-anywhere">
          <Link href={`/postmortems/${item.slug}`} className="after:absolute after:inset-0 group-hover:text-accent-700 dark:group-hover:text-accent-400">
            {item.title}
          </Link>
        </h2>
        <time dateTime={date} className="text-sm tabular-nums text-zinc-500">
          {formatDate(date)}
        </time>
      </div>
      {item.summary && <p className="mt-1.5 line-clamp-2 text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">{item.summary}</p>}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={item.status} />
        {item.services.map((service) => (
          <Chip key={service}>{service}</Chip>
        ))}
      </div>
    </li>
  );
}

function EmptyLibrary() {
  return (
    <div className="mt-10 rounded-xl border border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
      <h2 className="font-medium">No postmortems yet</h2>
      <p className="mx-auto mt-2 max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        Start one in the guided editor, create one from an exchange JSON file with{" "}
        <code className="font-mono text-[0.85em]">npx hindsight create FILE.json</code>, or send it to{" "}
        <code className="font-mono text-[0.85em]">POST /api/postmortems</code>.
      </p>
      <div className="mt-5 flex flex-wrap items-center justify-center gap-3">
        <Link href="/postmortems/new" className="inline-flex rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700">
          Write a postmortem
        </Link>
        <LoadSamplesButton />
      </div>
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
