import type { Metadata } from "next";
import { parseSearchParams } from "@/lib/schemas/search";
import { searchPostmortems } from "@/lib/server/search";
import { pagePath } from "@/components/account/request-info";
import { mayDo, requirePageActor } from "@/lib/server/auth";
import { LibrarySearch } from "./_components/library-search";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incident library" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The incident library: search and filters in the URL (shareable), rendered
 * on the server for the first view; the page then searches as you type.
 */
export default async function LibraryPage({ searchParams }: Props) {
  const query = await searchParams;
  const actor = await requirePageActor({ path: pagePath("/", query) });
  const initial = await searchPostmortems(parseSearchParams(query));
  return <LibrarySearch initial={initial} mayWrite={mayDo(actor, "editor")} />;
}
