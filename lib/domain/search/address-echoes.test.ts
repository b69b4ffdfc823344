import { describe, expect, it } from "vitest";
import { AddressEchoes } from "./address-echoes";

/** The tracker as it stands after writing `writes` while the router showed `rendered`. */
function afterWriting(rendered: string, ...writes: string[]): AddressEchoes {
  const echoes = new AddressEchoes(rendered);
  for (const query of writes) echoes.wrote(query);
  return echoes;
}

describe("AddressEchoes", () => {
  it("skips the echoes of our writes, an older one replayed after a newer one included", () => {
    const echoes = afterWriting("", "q=z", "q=zqmx9");
    // What a busy page did: the router showed the first write again after the second was made.
    expect(echoes.isEcho("q=z")).toBe(true);
    expect(echoes.isEcho("q=zqmx9")).toBe(true);
  });

  it("follows an address it did not write", () => {
    const echoes = afterWriting("q=checkout", "q=checkout+db");
    expect(echoes.isEcho("q=checkout+db")).toBe(true);
    expect(echoes.isEcho("")).toBe(false);
  });

  it("forgets its writes once the latest is back, so a link to an earlier search is followed", () => {
    const echoes = afterWriting("", "q=a", "q=ab");
    expect(echoes.isEcho("q=ab")).toBe(true);
    expect(echoes.isEcho("q=a")).toBe(false);
  });

  it("waits for nothing when it writes what the router already shows", () => {
    expect(afterWriting("q=a", "q=a").isEcho("q=b")).toBe(false);
  });

  it("waits for the last of several writes of the same address", () => {
    const echoes = afterWriting("", "q=ab", "q=abc", "q=ab");
    expect(echoes.isEcho("q=ab")).toBe(true);
    expect(echoes.isEcho("q=abc")).toBe(false);
  });
});
