import type { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { fieldErrorsOf } from "./postmortem";

/**
 * Validates `input` against `schema`; INVALID with per-field messages
 * otherwise. Every edge uses it: route handlers on a parsed body or query,
 * the CLI on a file or its flags.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "document"): z.output<S> {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new AppError("INVALID", `The body must be a JSON object: the ${what}.`);
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = fieldErrorsOf(result.error);
  const count = Object.keys(fields).length;
  throw new AppError("INVALID", `The ${what} has ${count} invalid field${count === 1 ? "" : "s"}.`, { fields });
}
