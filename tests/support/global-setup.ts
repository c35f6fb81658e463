import { mkdirSync, rmSync } from "node:fs";
import { prepareDatabase } from "../../app/server/bootstrap.server.ts";
import { onPostgres, POSTGRES_SOCKET_ENV, TEMPLATE_DEMO, TEMPLATE_DEMO_PG, TEMPLATE_DIR, TEMPLATE_EMPTY, TEMPLATE_EMPTY_PG } from "./paths.ts";
import { startPostgres } from "../../scripts/postgres-server.ts";

// Builds two template databases once per run; each test file copies the one it needs, so tests run on
// a real database without paying for migrations and seeding again. On SQLite the templates are files;
// with TEST_DATABASE=postgres the run starts its own PostgreSQL server (scripts/postgres-server.ts), the
// templates are databases on it, and each test file gets a database made from one (CREATE DATABASE …
// TEMPLATE). The server is stopped at the end of the run.
export default async function setup() {
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  const now = new Date("2026-11-01T09:00:00Z");
  let stopServer = () => {};
  let empty = TEMPLATE_EMPTY;
  let demo = TEMPLATE_DEMO;
  if (onPostgres()) {
    const server = startPostgres();
    stopServer = server.stop;
    process.env[POSTGRES_SOCKET_ENV] = new URL(server.url("x")).searchParams.get("host")!;
    server.psql(`create database ${TEMPLATE_EMPTY_PG}`);
    server.psql(`create database ${TEMPLATE_DEMO_PG}`);
    empty = server.url(TEMPLATE_EMPTY_PG);
    demo = server.url(TEMPLATE_DEMO_PG);
  }
  try {
    await (await prepareDatabase({ databasePath: empty, seedDemo: false, now })).db.destroy();
    await (await prepareDatabase({ databasePath: demo, seedDemo: true, now })).db.destroy();
  } catch (error) {
    stopServer();
    throw error;
  }
  return () => {
    stopServer();
    rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  };
}
