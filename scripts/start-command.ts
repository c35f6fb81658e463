import { readFileSync } from "node:fs";

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
