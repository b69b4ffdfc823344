import Link from "next/link";
import { Suspense } from "react";
import { formatDate } from "@/lib/domain/time";
import type { PostmortemDocument } from "@/lib/schemas/postmortem";
import { log } from "@/lib/server/log";
import { findRelatedPostmortems } from "@/lib/server/search";

/**
 * The few postmortems most like this one, each with why ("same service:
 * auth-api; also environment drift"). Streams in after the article: the page
 * never waits for it, and a failure here only leaves it out.
 */
export function RelatedIncidents({ postmortem }: { postmortem: PostmortemDocument }) {
  return (
    <Suspense fallback={null}>
      <RelatedList postmortem={postmortem} />
    </Suspense>
  );
}

const SEVERITY_DOTS: Record<string, string> = {
  SEV1: "bg-red-500",
  SEV2: "bg-orange-500",
  SEV3: "bg-amber-500",
  SEV4: "bg-sky-500",
  none: "bg-zinc-300 dark:bg-zinc-600",
};

async function RelatedList({ postmortem }: { postmortem: PostmortemDocument }) {
  let related: Awaited<ReturnType<typeof findRelatedPostmortems>>;
  try {
    related = await findRelatedPostmortems({ postmortem, limit: 5 });
  } catch (error) {
    log.error("Related incidents could not be found", { slug: postmortem.slug, error });
    // The page is whole without them, but the answer cache must not keep it that way (scripts/lib/response-cache.mjs).
    return <span hidden data-hindsight-no-store="" />;
  }
  if (related.length === 0) return null;
  return (
    // Links to other postmortems, not part of this one: a labelled navigation landmark rather than another
    // section heading of the document.
    <nav aria-labelledby="related-title" className="mt-12">
      <p id="related-title" className="border-b border-zinc-200 pb-2 text-xl font-semibold tracking-tight dark:border-zinc-800">
        Related incidents
      </p>
      <ul className="mt-2 divide-y divide-zinc-100 dark:divide-zinc-800/70">
        {related.map((item) => (
          <li key={item.slug} className="group relative py-3">
            <Link
              href={`/postmortems/${item.slug}`}
              className="font-medium wrap-anywhere after:absolute after:inset-0 group-hover:text-accent-700 dark:group-hover:text-accent-400"
            >
              {item.title}
            </Link>
            <p className="mt-1 text-sm text-zinc-600 wrap-anywhere dark:text-zinc-400">{item.reason}</p>
            {/* One line of facts, kept in one text so that it reads as a whole. */}
            <p className="mt-1 flex items-center gap-1.5 text-xs tabular-nums text-zinc-500">
              <span aria-hidden className={`size-2 rounded-full ${SEVERITY_DOTS[item.severity ?? "none"]}`} />
              <span>
                {item.severity ?? "No severity"} · <time dateTime={item.date}>{formatDate(item.date)}</time>
              </span>
            </p>
          </li>
        ))}
      </ul>
    </nav>
  );
}
