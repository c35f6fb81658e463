import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * The node arguments `npm start` runs the production server with, read from package.json, so the
 * browser tests and the benchmark start the server exactly as users do (the V8 memory setting
 * included) without a second copy of the command.
 */
export function productionServerArgs(packageJson = "package.json"): string[] {
  const start = (JSON.parse(readFileSync(packageJson, "utf8")) as { scripts: { start: string } }).scripts.start;
  const words = start.split(/\s+/).filter((word) => !/^[A-Z_]+=/.test(word));
  if (words[0] !== "node") throw new Error(`npm start runs "${start}"; expected "node ...".`);
  return words.slice(1);
}

/** A free port on 127.0.0.1 (the OS picks it; it stays free until someone listens on it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  base: string;
  /** Everything the server printed so far, when started with keepOutput (tests that read the log). */
  output(): string;
}

/**
 * Starts `node args` on a free port (its PORT variable; `{PORT}` in args is replaced too) and waits until
 * its output says `ready`. The output is read throughout, as a process manager would, and kept only
 * until then, for the error when it stops or does not start within a minute.
 */
export async function startServer(
  args: string[],
  env: Record<string, string>,
  ready: string,
  options: { keepOutput?: boolean; cwd?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    args.map((a) => a.replace("{PORT}", String(port))),
    {
      env: { ...process.env, ...env, PORT: String(port) },
      stdio: ["ignore", "pipe", "pipe"],
      cwd: options.cwd,
    },
  );
  let output = "";
  let started = false;
  const read = (chunk: Buffer) => {
    if (!started || options.keepOutput) output += chunk;
  };
  child.stdout!.on("data", read);
  child.stderr!.on("data", read);
  const t = Date.now();
  while (!output.includes(ready)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server stopped at start:\n${output}`);
    if (Date.now() - t > 60_000) {
      child.kill("SIGKILL");
      throw new Error(`The server did not start in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  started = true;
  return { child, port, base: `http://127.0.0.1:${port}`, output: () => output };
}

/** The production build as `npm start` runs it, on 127.0.0.1, with these extra environment variables. */
export const startProductionServer = (env: Record<string, string>, options: { keepOutput?: boolean } = {}) =>
  startServer(productionServerArgs(), { NODE_ENV: "production", HOST: "127.0.0.1", ...env }, "draait op", options);

/** Resolves when the process is gone (killed by a signal: no exit code, but a signal code). */
export const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once("exit", (code) => resolve(code)),
  );

/** SIGTERM (the server finishes requests in flight), then waits until it is gone. */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill("SIGTERM");
  await exited(server.child);
}

/** The processes a server forked (npm start's workers; none when one process serves), from /proc; [] once it is gone. */
export function workerPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}
