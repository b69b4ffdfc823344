import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { ARCHIVE_LIMITS, normaliseEntryPath, reasonToSkip } from "./entries";
import { looksLikeZip, readZip } from "./read-zip";

const post = (title: string) => strToU8(`# ${title}\n\n## Summary\n\nA cache expired.\n`);

/** Rewrites every name in a zip's headers (same length), for names fflate's zipSync would not write. */
function renameInZip(zip: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length);
  const text = Buffer.from(zip).toString("latin1").split(from).join(to);
  return new Uint8Array(Buffer.from(text, "latin1"));
}

describe("archive entry names", () => {
  it("normalises slashes and refuses paths that climb out or are absolute", () => {
    expect(normaliseEntryPath("posts\\2023\\./outage.md")).toBe("posts/2023/outage.md");
    expect(normaliseEntryPath("../etc/passwd")).toBeNull();
    expect(normaliseEntryPath("posts/../../x.md")).toBeNull();
    expect(normaliseEntryPath("/etc/x.md")).toBeNull();
    expect(normaliseEntryPath("C:/x.md")).toBeNull();
  });

  it("skips folders, hidden files, __MACOSX and formats it does not read; reads the rest", () => {
    expect(reasonToSkip("posts/")).toBe("a folder");
    expect(reasonToSkip("__MACOSX/posts/._a.md")).toMatch(/__MACOSX/);
    expect(reasonToSkip("posts/.DS_Store")).toBe("hidden");
    expect(reasonToSkip(".git/config")).toBe("hidden");
    expect(reasonToSkip("images/graph.png")).toMatch(/\.png/);
    for (const name of ["a.md", "b.MARKDOWN", "c.txt", "d.html", "e.htm", "f.docx", "README"]) expect(reasonToSkip(name), name).toBeNull();
  });
});

describe("readZip", () => {
  it("reads the postmortems in the archive's order, with what it skipped and why", () => {
    const zip = zipSync({
      "posts/": new Uint8Array(),
      "posts/2023/a.md": post("A"),
      "posts/b.txt": post("B"),
      "posts/c.png": new Uint8Array([1, 2, 3]),
      "__MACOSX/posts/._a.md": new Uint8Array([0]),
      "posts/.DS_Store": new Uint8Array([0]),
    });
    expect(looksLikeZip(zip)).toBe(true);
    const { files, skipped, failed } = readZip(zip);
    expect(files.map((file) => file.name)).toEqual(["posts/2023/a.md", "posts/b.txt"]);
    expect(new TextDecoder().decode(files[0].bytes)).toContain("# A");
    expect(skipped.map((entry) => entry.name)).toEqual(["posts/c.png", "__MACOSX/posts/._a.md", "posts/.DS_Store"]);
    expect(failed).toEqual([]);
  });

  it("refuses a zip with a ../ path whole, reading nothing", () => {
    const zip = renameInZip(zipSync({ "ok.md": post("Fine"), "xx/evil.md": post("Evil") }), "xx/evil.md", "../evil.md");
    expect(() => readZip(zip)).toThrow(/outside its own folder \(\.\.\/evil\.md\)/);
  });

  it("refuses a zip bomb by its declared sizes, before inflating anything", () => {
    const zeros = new Uint8Array(2 * 1024 * 1024);
    const zip = zipSync({ "a.md": zeros, "b.md": zeros, "c.md": zeros }, { level: 9 });
    expect(zip.length).toBeLessThan(100_000);
    expect(() => readZip(zip, { ...ARCHIVE_LIMITS, maxTotalBytes: 5 * 1024 * 1024 })).toThrow(/more than 5 MB of files uncompressed/);
  });

  it("cuts an entry that lies about its size at the size it declared", () => {
    const zip = zipSync({ "a.md": new Uint8Array(1024 * 1024).fill(65) }, { level: 9 });
    // The central directory's uncompressed size (offset 24 of its header) says 100 bytes.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    const central = Buffer.from(zip).lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    view.setUint32(central + 24, 100, true);
    const read = readZip(zip);
    expect(read.files.map((file) => file.bytes.length)).toEqual([100]);
  });

  it("refuses a zip with too many entries", () => {
    const many = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}.md`, post(`P${i}`)]));
    expect(() => readZip(zipSync(many), { ...ARCHIVE_LIMITS, maxEntries: 5 })).toThrow(/more than 5 entries/);
  });

  it("fails a file past the per-file limit and reads the others", () => {
    const { files, failed } = readZip(zipSync({ "big.md": new Uint8Array(2000).fill(65), "small.md": post("Small") }), { ...ARCHIVE_LIMITS, maxFileBytes: 1000 });
    expect(files.map((file) => file.name)).toEqual(["small.md"]);
    expect(failed).toEqual([{ name: "big.md", reason: "larger than 1000 bytes" }]);
  });

  it("reports a damaged entry and still reads the others", () => {
    const body = new Uint8Array(50_000).map((_, i) => 65 + ((i * 7919) % 26));
    const zip = zipSync({ "a.md": post("A"), "broken.md": body, "c.md": post("C") }, { level: 6 });
    const at = Buffer.from(zip).indexOf(Buffer.from("broken.md")) + "broken.md".length + 10;
    for (let i = at; i < at + 40; i++) zip[i] = 0xff;
    const { files, failed } = readZip(zip);
    expect(files.map((file) => file.name)).toEqual(["a.md", "c.md"]);
    expect(failed).toEqual([{ name: "broken.md", reason: expect.stringMatching(/^damaged in the zip/) }]);
  });

  it("says so when the file is not a zip", () => {
    expect(() => readZip(strToU8("# Just Markdown"))).toThrow(/not a zip archive/);
  });
});
