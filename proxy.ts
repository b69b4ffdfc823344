import { NextResponse, type NextRequest } from "next/server";

/**
 * The edge absorbs weirdness: a path with a malformed percent-escape
 * ("/postmortems/100%") would make Next fail before our routes run and answer
 * a bare 500. Here it becomes a 400 JSON error for the API and the not-found
 * page for everything else.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
    return NextResponse.next();
  } catch {
    if (request.nextUrl.pathname.startsWith("/api/")) {
      return NextResponse.json(
        { error: { code: "BAD_REQUEST", message: "The address contains a malformed %-escape.", fields: {} } },
        { status: 400 },
      );
    }
    return NextResponse.rewrite(new URL("/not-found-page", request.url), { status: 404 });
  }
}

export const config = {
  // Static assets never carry user input in their paths.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
