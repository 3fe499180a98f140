// The web app reads the SDK from its source (app/sdk/src), bundled with this package's own copies of the SDK's
// dependencies (deduped: one @solana/web3.js, one @anchor-lang/core in the page).
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { "@tranche-vault/sdk": fileURLToPath(new URL("../sdk/src/index.ts", import.meta.url)) },
    dedupe: ["@solana/web3.js", "@anchor-lang/core", "@solana/spl-token", "bn.js", "buffer"],
  },
  server: { host: "127.0.0.1", fs: { allow: [".."] } },
  preview: { host: "127.0.0.1" },
  build: { outDir: "dist", chunkSizeWarningLimit: 4096 },
});
