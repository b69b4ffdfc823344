import { describe, expect, it } from "vitest";
import { AddressEchoes } from "./address-echoes";

describe("AddressEchoes", () => {
  it("skips the echoes of our writes, an older one replayed after a newer one included", () => {
    const echoes = new AddressEchoes("");
    echoes.wrote("q=z");
    echoes.wrote("q=zqmx9");
    // What a busy page did: the router showed the first write again after the second was made.
    expect(echoes.isEcho("q=z")).toBe(true);
    expect(echoes.isEcho("q=zqmx9")).toBe(true);
  });

  it("follows an address it did not write", () => {
    const echoes = new AddressEchoes("q=checkout");
    echoes.wrote("q=checkout+db");
    expect(echoes.isEcho("q=checkout+db")).toBe(true);
    expect(echoes.isEcho("")).toBe(false);
  });

  it("forgets its writes once the latest is back, so a link to an earlier search is followed", () => {
    const echoes = new AddressEchoes("");
    echoes.wrote("q=a");
    echoes.wrote("q=ab");
    expect(echoes.isEcho("q=ab")).toBe(true);
    expect(echoes.isEcho("q=a")).toBe(false);
  });

  it("waits for nothing when it writes what the router already shows", () => {
    const echoes = new AddressEchoes("q=a");
    echoes.wrote("q=a");
    expect(echoes.isEcho("q=b")).toBe(false);
  });

  it("waits for the last of several writes of the same address", () => {
    const echoes = new AddressEchoes("");
    echoes.wrote("q=ab");
    echoes.wrote("q=abc");
    echoes.wrote("q=ab");
    expect(echoes.isEcho("q=ab")).toBe(true);
    expect(echoes.isEcho("q=abc")).toBe(false);
  });
});
