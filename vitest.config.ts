import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["@gen/source", "module", "node", "import", "default"] },
  ssr: { resolve: { conditions: ["@gen/source", "module", "node", "import", "default"] } },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "examples/*/test/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    exclude: ["**/node_modules/**", "**/dist/**"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    globalSetup: ["test/setup/private-tmpdir.ts"],
  },
});
