import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { postmortemInputSchema } from "@/lib/schemas/postmortem";
import { parseInput } from "@/lib/schemas/parse-input";
import { MAX_JSON_BYTES, readJsonBody } from "./json-body";

const URL_ = "http://localhost/api/postmortems";

function jsonRequest(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request(URL_, { method: "POST", body, headers: { "content-type": "application/json", ...headers } });
}

/** A body with no Content-Length: the size is only known by reading it. */
function streamedRequest(chunks: Uint8Array[], headers: Record<string, string> = {}): { request: Request; pulled: () => number } {
  let index = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < chunks.length) controller.enqueue(chunks[index++]);
      else controller.close();
    },
  });
  const request = new Request(URL_, {
    method: "POST",
    body: stream,
    headers: { "content-type": "application/json", ...headers },
    duplex: "half",
  } as RequestInit & { duplex: "half" });
  return { request, pulled: () => index };
}

/** The AppError a promise or function rejects with. */
async function appErrorOf(action: () => unknown): Promise<AppError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("Expected an AppError");
}

describe("readJsonBody", () => {
  it("returns the parsed JSON for JSON content types", async () => {
    await expect(readJsonBody(jsonRequest('{"title":"Login outage"}'))).resolves.toEqual({ title: "Login outage" });
    await expect(readJsonBody(jsonRequest('{"a":1}', { "content-type": "application/json; charset=utf-8" }))).resolves.toEqual({ a: 1 });
    await expect(readJsonBody(jsonRequest('{"a":1}', { "content-type": "application/merge-patch+json" }))).resolves.toEqual({ a: 1 });
  });

  it("decodes UTF-8 split across chunks and a leading byte-order mark", async () => {
    const bytes = new TextEncoder().encode('\uFEFF{"title":"Zürich – ✓"}');
    const { request } = streamedRequest([bytes.slice(0, 12), bytes.slice(12, 13), bytes.slice(13)]);
    await expect(readJsonBody(request)).resolves.toEqual({ title: "Zürich – ✓" });
  });

  it.each([
    ["text/plain", { "content-type": "text/plain" }],
    ["application/jsonp", { "content-type": "application/jsonp" }],
    ["application/x-www-form-urlencoded", { "content-type": "application/x-www-form-urlencoded" }],
  ])("refuses %s with UNSUPPORTED_MEDIA_TYPE", async (_name, headers) => {
    const error = await appErrorOf(() => readJsonBody(jsonRequest('{"a":1}', headers)));
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(error.message).toMatch(/Content-Type: application\/json/);
  });

  it("refuses a body without a content type (a string body defaults to text/plain)", async () => {
    const error = await appErrorOf(() => readJsonBody(new Request(URL_, { method: "POST", body: '{"a":1}' })));
    expect(error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const error = await appErrorOf(() => readJsonBody(jsonRequest('{"a":1}', { "content-length": String(MAX_JSON_BYTES + 1) })));
    expect(error.code).toBe("TOO_LARGE");
    expect(error.message).toBe("The request body is larger than 2 MB.");
  });

  it("refuses a streamed body over the limit without a Content-Length, and stops reading", async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const chunks = Array.from({ length: 100 }, () => chunk); // 6.25 MB of spaces
    const { request, pulled } = streamedRequest(chunks);
    expect(request.headers.get("content-length")).toBeNull();
    const error = await appErrorOf(() => readJsonBody(request, 1024 * 1024));
    expect(error.code).toBe("TOO_LARGE");
    expect(pulled()).toBeLessThan(chunks.length);
  });

  it("refuses a body larger than its (lying) Content-Length says", async () => {
    const { request } = streamedRequest([new TextEncoder().encode(`"${"x".repeat(2000)}"`)], { "content-length": "10" });
    const error = await appErrorOf(() => readJsonBody(request, 1000));
    expect(error.code).toBe("TOO_LARGE");
  });

  it("accepts a body of exactly the limit", async () => {
    const body = `"${"x".repeat(98)}"`;
    await expect(readJsonBody(jsonRequest(body), 100)).resolves.toBe("x".repeat(98));
  });

  it("answers malformed JSON with BAD_REQUEST in the parser's own words", async () => {
    const text = '{"title": "Login outage",}';
    let parserMessage = "";
    try {
      JSON.parse(text);
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    const error = await appErrorOf(() => readJsonBody(jsonRequest(text)));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(`The request body is not valid JSON: ${parserMessage}`);
  });

  it.each([["no body", null], ["an empty body", ""], ["only whitespace", " \n\t "]])(
    "answers %s with BAD_REQUEST",
    async (_name, body) => {
      const error = await appErrorOf(() => readJsonBody(jsonRequest(body)));
      expect(error.code).toBe("BAD_REQUEST");
      expect(error.message).toMatch(/empty/);
    },
  );
});

describe("parseInput", () => {
  it("returns the parsed value with defaults for a valid object", () => {
    const draft = parseInput(postmortemInputSchema, { title: "Login outage" });
    expect(draft.title).toBe("Login outage");
    expect(draft.status).toBe("draft");
  });

  it.each([["an array", [{ title: "x" }]], ["null", null], ["a string", "title"], ["a number", 42]])(
    "refuses %s with INVALID",
    async (_name, input) => {
      const error = await appErrorOf(() => parseInput(postmortemInputSchema, input, "postmortem"));
      expect(error.code).toBe("INVALID");
      expect(error.message).toBe("The body must be a JSON object: the postmortem.");
    },
  );

  it("lists every invalid field and counts them in the message", async () => {
    const error = await appErrorOf(() =>
      parseInput(postmortemInputSchema, { title: "", severity: "SEV9", timeline: [{ text: "x", bogus: 1 }] }),
    );
    expect(error.code).toBe("INVALID");
    expect(error.message).toBe("The document has 3 invalid fields.");
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(["severity", "timeline.0.bogus", "title"]);
  });

  it("says 'field' for a single invalid field", async () => {
    const error = await appErrorOf(() => parseInput(z.strictObject({ n: z.number() }), { n: "1" }, "thing"));
    expect(error.message).toBe("The thing has 1 invalid field.");
    expect(Object.keys(error.fields ?? {})).toEqual(["n"]);
  });
});
