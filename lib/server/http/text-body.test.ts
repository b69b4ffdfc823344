import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { readTextBody } from "./text-body";

const URL_ = "http://localhost/api/import";
const post = (body: BodyInit | null, headers: Record<string, string>) => new Request(URL_, { method: "POST", body, headers });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).code;
  }
  throw new Error("Expected an AppError");
}

describe("readTextBody", () => {
  it.each(["text/markdown", "text/markdown; charset=utf-8", "text/plain", "TEXT/PLAIN;charset=UTF-8", "text/x-markdown"])("reads %s", async (type) => {
    await expect(readTextBody(post("# Title\n\nZürich – ✓", { "content-type": type }), 1000)).resolves.toBe("# Title\n\nZürich – ✓");
  });

  // curl -d sends application/x-www-form-urlencoded; fetch with a string body and no header sends text/plain (accepted).
  it.each(["application/json", "text/html", "text/markdownx", "multipart/form-data", "application/x-www-form-urlencoded"])(
    "refuses %j with UNSUPPORTED_MEDIA_TYPE",
    async (type) => {
      expect(await codeOf(readTextBody(post("# Title", { "content-type": type }), 1000))).toBe("UNSUPPORTED_MEDIA_TYPE");
    },
  );

  it("refuses a body over the limit, declared or streamed, with TOO_LARGE", async () => {
    expect(await codeOf(readTextBody(post("x", { "content-type": "text/plain", "content-length": "1001" }), 1000))).toBe("TOO_LARGE");
    expect(await codeOf(readTextBody(post("x".repeat(1001), { "content-type": "text/plain" }), 1000))).toBe("TOO_LARGE");
  });

  it("refuses an empty or blank body with BAD_REQUEST", async () => {
    for (const body of [null, "", " \n\t"]) {
      expect(await codeOf(readTextBody(post(body, { "content-type": "text/markdown" }), 1000))).toBe("BAD_REQUEST");
    }
  });
});
