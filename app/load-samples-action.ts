"use server";

import { redirect } from "next/navigation";
import { loadSamplePostmortems } from "@/lib/server/postmortems";

/** Fills an empty library with the sample postmortems. */
export async function loadSamples(): Promise<void> {
  await loadSamplePostmortems();
  redirect("/");
}
