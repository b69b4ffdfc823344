import type { Metadata } from "next";
import { findPostmortemForPage } from "@/lib/server/postmortems";

/**
 * generateMetadata for a postmortem's pages: "<prefix>: <title>" (the page
 * itself reads the same postmortem; findPostmortemForPage loads it once).
 * Before sign-in the page redirects: the title must not fail first.
 */
export function postmortemPageTitle(prefix?: string) {
  return async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
    const postmortem = await findPostmortemForPage((await params).slug).catch(() => null);
    if (!postmortem) return { title: "Postmortem not found" };
    return { title: prefix ? `${prefix}: ${postmortem.title}` : postmortem.title };
  };
}
