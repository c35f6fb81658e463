import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import purgeCSSPlugin from "@fullhuman/postcss-purgecss";
import remixConfig from "./remix.config.js";
import { dropUndefinedTokens } from "./scripts/postcss-undefined-tokens";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

/**
 * The stylesheet keeps what the pages use (decision 89). PurgeCSS reads the app's source for the class
 * names it writes and drops every rule for a class no page has (the NL Design System's and the product's
 * own), and every design token (custom property) no remaining rule refers to. Two classes are composed at
 * run time ("status--" + a status, "stepper__step--" + a state) and are kept by their prefix. Then the chains
 * of tokens no rule defines fall through to their fallback (scripts/postcss-undefined-tokens.ts). Only in the
 * build: development serves everything.
 */
const keepWhatPagesUse = purgeCSSPlugin({
  content: ["app/**/*.{ts,tsx}"],
  variables: true,
  safelist: { standard: [/^status--/, /^stepper__step--/] },
});

export default defineConfig(({ command, isSsrBuild }) => ({
  plugins: [remix(remixConfig)],
  css: { postcss: { plugins: command === "build" ? [keepWhatPagesUse, dropUndefinedTokens()] : [] } },
  server: { host: "127.0.0.1" },
  build: {
    target: "es2022",
    cssMinify: "lightningcss",
    // Chunks under 1.5 KB are merged into others: each file costs a request and its headers on a first visit
    // (59 -> 49 requests, 172 -> 167 KB for the login, start and section page). Larger values pull other
    // routes' code into a page (10 KB: 184 KB), measured in decision 89.
    // The server build stays one file (build/server/index.js): the browser's dynamic imports (the section form's
    // validation, decision 93) would otherwise split it, and nothing is gained by that on the server.
    rollupOptions: { output: isSsrBuild ? { inlineDynamicImports: true } : { experimentalMinChunkSize: 1_500 } },
  },
}));
