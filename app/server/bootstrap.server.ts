import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { isPostgresUrl, openDatabase, type DB } from "../../db/client.ts";
import { withPostgresStartLock } from "../../db/dialect.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { seedIfEmpty } from "../../seeds/index.ts";
import type { DemoAccount } from "../../seeds/demo.ts";
import { loadDefinitions, registerDefinitions } from "../models/questionnaire.server.ts";
import { pruneSessions } from "../auth/session.server.ts";

/**
 * Everything start-up does before serving: open the database (creating the SQLite file; a PostgreSQL
 * database must exist), migrate, load and validate the questionnaire definitions (an invalid one stops
 * start-up), seed a new database. Migrations run under Kysely's migration lock (a lock table on SQLite,
 * an advisory lock on PostgreSQL), so instances starting at once migrate once.
 */
export async function prepareDatabase(options: {
  databasePath: string;
  questionnairesDir?: string;
  seedDemo?: boolean;
  /** The origin the demo's mail links use (the installation's APP_ORIGIN, or its local address). */
  origin?: string;
  busyTimeoutMs?: number;
  now?: Date;
}): Promise<{ db: DB; seeded: boolean; accounts: DemoAccount[] }> {
  const postgres = isPostgresUrl(options.databasePath);
  const inMemory = options.databasePath === ":memory:";
  const isFile = !postgres && !inMemory;
  const isNew = !isFile || !existsSync(options.databasePath);
  if (isFile) mkdirSync(dirname(resolve(options.databasePath)), { recursive: true });
  const db = openDatabase(options.databasePath, { busyTimeoutMs: options.busyTimeoutMs });
  const prepare = async (conn: DB) => {
    await migrateToLatest(conn);
    const definitions = loadDefinitions(options.questionnairesDir ?? resolve("questionnaires"));
    await registerDefinitions(conn, definitions, options.now);
    const seeded = await seedIfEmpty(conn, { demo: options.seedDemo ?? true, origin: options.origin ?? "http://localhost:3000", now: options.now });
    await pruneSessions({ db: conn }, options.now);
    return seeded;
  };
  try {
    // Instances starting at once on one PostgreSQL take turns (a session advisory lock on one
    // connection): the first migrates and seeds, the others find it done. On SQLite only the first
    // process of npm start prepares.
    const { seeded, accounts } = postgres ? await withPostgresStartLock(db, prepare) : await prepare(db);
    return { db, seeded, accounts };
  } catch (error) {
    await db.destroy();
    // A half-built new database would pass for a seeded one at the next start: remove it.
    if (isNew && isFile) for (const suffix of ["", "-wal", "-shm"]) rmSync(options.databasePath + suffix, { force: true });
    throw error;
  }
}
