import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/domain/errors";
import { readImportBody } from "./import-body";

const post = (body: BodyInit | null, headers: Record<string, string>) => new Request("http://localhost/api/import", { method: "POST", body, headers });

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("readImportBody", () => {
  it.each(["text/markdown; charset=utf-8", "text/plain", "text/html", "application/octet-stream", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"])(
    "reads the bytes sent as %s",
    async (type) => {
      const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
      expect(Array.from(await readImportBody(post(bytes, { "content-type": type }), 1000))).toEqual(Array.from(bytes));
    },
  );

  it.each(["application/json", "multipart/form-data", "application/x-www-form-urlencoded", "image/png"])("refuses %j with 415", async (type) => {
    expect(await codeOf(readImportBody(post("# Title", { "content-type": type }), 1000))).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a body over the limit, declared or streamed, with 413", async () => {
    expect(await codeOf(readImportBody(post("x", { "content-type": "application/octet-stream", "content-length": "1001" }), 1000))).toBe("TOO_LARGE");
    expect(await codeOf(readImportBody(post(new Uint8Array(1001), { "content-type": "application/octet-stream" }), 1000))).toBe("TOO_LARGE");
  });

  it("refuses an empty or blank body with 400", async () => {
    for (const body of [null, "", " \n\t"]) expect(await codeOf(readImportBody(post(body, { "content-type": "text/plain" }), 1000))).toBe("BAD_REQUEST");
  });
});
