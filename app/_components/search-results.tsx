"use client";

import Link from "next/link";
import { Chip, SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { HighlightedText } from "@/components/ui/highlighted-text";
import { SEARCH_FIELD_LABELS } from "@/lib/domain/search/fields";
import { formatDate } from "@/lib/domain/instants";
import type { SearchResult } from "@/lib/schemas/search";

/** The matching postmortems: highlighted title, where the words matched, and the facts to tell them apart. */
export function SearchResults({
  ref,
  results,
  onKeyDown,
}: {
  ref: React.Ref<HTMLOListElement>;
  results: SearchResult[];
  onKeyDown: (event: React.KeyboardEvent<HTMLOListElement>) => void;
}) {
  return (
    <ol ref={ref} id="search-results" onKeyDown={onKeyDown} className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {results.map((result) => (
        <ResultRow key={result.slug} result={result} />
      ))}
    </ol>
  );
}

function ResultRow({ result }: { result: SearchResult }) {
  return (
    <li className="group relative py-4">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
        <SeverityBadge severity={result.severity} />
        <h3 className="min-w-0 flex-1 basis-60 font-medium wrap-anywhere">
          <Link
            href={`/postmortems/${result.slug}`}
            data-result
            className="rounded-sm after:absolute after:inset-0 group-hover:text-accent-700 focus-visible:outline-offset-4 dark:group-hover:text-accent-400"
          >
            <HighlightedText parts={result.titleParts} />
          </Link>
        </h3>
        <time dateTime={result.date} className="text-sm tabular-nums text-zinc-500">
          {formatDate(result.date)}
        </time>
      </div>
      {result.snippet ? (
        <p className="mt-1.5 line-clamp-3 text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">
          <span className="mr-1.5 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
            {SEARCH_FIELD_LABELS[result.snippet.field]}
          </span>
          <HighlightedText parts={result.snippet.parts} />
        </p>
      ) : (
        result.summary && <p className="mt-1.5 line-clamp-2 text-sm wrap-anywhere text-zinc-600 dark:text-zinc-400">{result.summary}</p>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <StatusBadge status={result.status} />
        {result.services.map((service) => (
          <Chip key={service}>{service}</Chip>
        ))}
      </div>
    </li>
  );
}
