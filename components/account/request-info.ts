import "server-only";
import { headers } from "next/headers";

/** The client's address as proxy.ts worked it out (for throttling and the audit log), or null. */
export async function requestIp(): Promise<string | null> {
  const value = (await headers()).get("x-hindsight-client-ip");
  return value && value.length <= 64 ? value : null;
}

/** A page's path with its query string, for the `next` a sign-in returns to. */
export function pagePath(pathname: string, searchParams: Record<string, string | string[] | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, item);
  }
  const text = query.toString();
  return text ? `${pathname}?${text}` : pathname;
}
