import type { Metadata } from "next";
import { parseSearchParams } from "@/lib/schemas/search";
import { searchPostmortems } from "@/lib/server/search";
import { LibrarySearch } from "./_components/library-search";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Incident library" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The incident library: search and filters in the URL (shareable), rendered
 * on the server for the first view; the page then searches as you type.
 */
export default async function LibraryPage({ searchParams }: Props) {
  const initial = await searchPostmortems(parseSearchParams(await searchParams));
  return <LibrarySearch initial={initial} />;
}
