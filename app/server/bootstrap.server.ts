import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createDatabase, type DB } from "../../db/client.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { seedIfEmpty } from "../../seeds/index.ts";
import type { DemoAccount } from "../../seeds/demo.ts";
import { loadDefinitions, registerDefinitions } from "../models/questionnaire.server.ts";
import { pruneSessions } from "../auth/session.server.ts";

/**
 * Everything start-up does before serving: open the database (creating the file), migrate, load and
 * validate the questionnaire definitions (an invalid one stops start-up), seed a new database.
 */
export async function prepareDatabase(options: {
  databasePath: string;
  questionnairesDir?: string;
  seedDemo?: boolean;
  now?: Date;
}): Promise<{ db: DB; seeded: boolean; accounts: DemoAccount[] }> {
  const inMemory = options.databasePath === ":memory:";
  const isNew = inMemory || !existsSync(options.databasePath);
  if (!inMemory) mkdirSync(dirname(resolve(options.databasePath)), { recursive: true });
  const db = createDatabase(options.databasePath);
  try {
    await migrateToLatest(db);
    const definitions = loadDefinitions(options.questionnairesDir ?? resolve("questionnaires"));
    await registerDefinitions(db, definitions, options.now);
    const { seeded, accounts } = await seedIfEmpty(db, { demo: options.seedDemo ?? true, now: options.now });
    await pruneSessions({ db }, options.now);
    return { db, seeded, accounts };
  } catch (error) {
    await db.destroy();
    // A half-built new database would pass for a seeded one at the next start: remove it.
    if (isNew && !inMemory) for (const suffix of ["", "-wal", "-shm"]) rmSync(options.databasePath + suffix, { force: true });
    throw error;
  }
}
