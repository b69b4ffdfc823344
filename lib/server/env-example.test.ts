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

describe("HINDSIGHT_WORKERS", () => {
  it("accepts a number of server processes and refuses anything else, naming the variable", () => {
    expect(parseConfig({ HINDSIGHT_WORKERS: "2" }).HINDSIGHT_WORKERS).toBe(2);
    expect(parseConfig({}).HINDSIGHT_WORKERS).toBeUndefined();
    for (const workers of ["two", "0", "65", "1.5", "-1"]) {
      expect(() => parseConfig({ HINDSIGHT_WORKERS: workers })).toThrow(/HINDSIGHT_WORKERS must be a whole number of server processes from 1 to 64/);
    }
  });
});
