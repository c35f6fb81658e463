import { mkdirSync, rmSync } from "node:fs";
import { prepareDatabase } from "../../app/server/bootstrap.server.ts";
import { TEMPLATE_DIR, TEMPLATE_EMPTY, TEMPLATE_DEMO } from "./paths.ts";

// Builds two template databases once per run; each test file copies the one it needs, so tests
// run on a real SQLite file without paying for migrations and seeding again.
export default async function setup() {
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const now = new Date("2026-11-01T09:00:00Z");
  const empty = await prepareDatabase({ databasePath: TEMPLATE_EMPTY, seedDemo: false, now });
  await empty.db.destroy();
  const demo = await prepareDatabase({ databasePath: TEMPLATE_DEMO, seedDemo: true, now });
  await demo.db.destroy();
  return () => rmSync(TEMPLATE_DIR, { recursive: true, force: true });
}
