import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { productionServerArgs } from "../../scripts/start-command.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/**
 * Starts the production build the way `npm start` serves it (same node arguments), on 127.0.0.1, on a fresh demo database
 * in a temporary folder; stops it (and removes the folder) when the run ends.
 */
export default async function setup(project: TestProject) {
  if (!existsSync("build/node/server.js")) throw new Error("Run `npm run build` before the browser tests.");
  const dir = mkdtempSync(join(tmpdir(), "wav-e2e-"));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, productionServerArgs(), {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: join(dir, "e2e.db") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const started = Date.now();
  while (!output.includes("draait op")) {
    if (child.exitCode !== null) throw new Error(`Server stopped at start:\n${output}`);
    if (Date.now() - started > 60_000) throw new Error(`Server did not start in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  project.provide("baseURL", `http://localhost:${port}`);
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once("exit", r)));
    rmSync(dir, { recursive: true, force: true });
  };
}
