import { copyFileSync } from "node:fs";
import { build } from "vite";

/**
 * Compiles the server entry (server.ts and the app, db and seed modules it imports) to plain
 * JavaScript in build/node/, one file per module, with the npm packages left as imports. `npm start`
 * runs it with plain `node`: the TypeScript loader (tsx) costs about 140 MB of resident memory and a
 * slower start in a long-running server; development, scripts and tests keep using it.
 */
await build({
  configFile: false,
  publicDir: false,
  logLevel: "warn",
  build: {
    ssr: "server.ts",
    outDir: "build/node",
    target: "node26",
    emptyOutDir: true,
    rollupOptions: {
      // The Remix server build is imported at run time from build/server, not compiled a second time.
      external: [/\/build\/server\/index\.js$/],
      // One file per module keeps each module's import.meta.url (CLI checks, the reference CSV) true.
      output: { preserveModules: true, preserveModulesRoot: "." },
    },
  },
});
// seeds/reference.ts reads the municipalities beside itself.
copyFileSync("seeds/gemeenten.csv", "build/node/seeds/gemeenten.csv");
