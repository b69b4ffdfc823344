import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // Outside Next, "server-only" would throw on import: it only guards bundles.
      "server-only": path.resolve(__dirname, "lib/server/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "cli/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    globalSetup: ["lib/server/testing/global-setup.ts"],
    setupFiles: ["lib/server/testing/act-as-operator.ts"],
    testTimeout: 20_000,
  },
});
