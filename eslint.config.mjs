import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // `const { slug: _slug, ...rest } = doc` is how we leave fields out.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true, argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The domain stays pure: no framework, no database, no server code.
    files: ["lib/domain/**/*.ts", "lib/schemas/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["next", "next/*"], message: "lib/domain and lib/schemas must not depend on Next." },
            { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "lib/domain must not depend on React." },
            { group: ["@prisma/*", "prisma", "**/generated/**"], message: "Only lib/server talks to Prisma." },
            { group: ["@/lib/server/*", "**/server/*"], message: "lib/domain must not import the data-access layer." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}", "app/**/*.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@prisma/*", "**/generated/**"], message: "Components get domain types, never Prisma rows." }] },
      ],
    },
  },
  globalIgnores([".next/**", ".next-*/**", ".scratch-*/**", "**/*.tmp.mjs", "node_modules/**", "lib/server/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "data/**"]),
]);
