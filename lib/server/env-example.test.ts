import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, CONFIG_VARIABLES, parseConfig } from "./config";

/** Variables .env.example sets or shows commented out (`# NAME=value`), in order. */
function exampleVariables(): string[] {
  const text = readFileSync(path.resolve(__dirname, "..", "..", ".env.example"), "utf8");
  return [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1]);
}

describe(".env.example", () => {
  it("lists every setting the app reads, and nothing it does not", () => {
    expect([...exampleVariables()].sort()).toEqual([...CONFIG_VARIABLES].sort());
  });

  it("holds values the app accepts (its commented examples too)", () => {
    const env = Object.fromEntries(
      [...readFileSync(path.resolve(__dirname, "..", "..", ".env.example"), "utf8").matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2].trim()]),
    );
    expect(() => parseConfig(env)).not.toThrow();
  });
});

describe("PORT", () => {
  it("accepts a port number and refuses anything else, naming the variable", () => {
    expect(parseConfig({ PORT: "8080" }).PORT).toBe(8080);
    for (const port of ["abc", "0", "65536", "99999", "80.5"]) {
      expect(() => parseConfig({ PORT: port })).toThrow(ConfigError);
      expect(() => parseConfig({ PORT: port })).toThrow(/PORT must be a port number from 1 to 65535/);
    }
  });
});
