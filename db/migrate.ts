import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { Migrator, type MigrationProvider } from "kysely";
import { createDatabase, type DB } from "./client.ts";
import { loadConfig } from "../app/server/config.server.ts";
import { migrations } from "./migrations/index.ts";

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws (with the failing migration's error) on failure. */
export async function migrateToLatest(db: DB): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "onbekend";
    throw new Error(`Migratie ${failed} mislukt: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

// `npm run db:migrate`: exits non-zero when a migration fails.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const path = loadConfig().databasePath;
  mkdirSync(dirname(path), { recursive: true });
  const db = createDatabase(path);
  migrateToLatest(db)
    .then((applied) => {
      console.log(applied.length ? `Toegepast: ${applied.join(", ")}` : "Database is al bij.");
      return db.destroy();
    })
    .catch(async (error) => {
      console.error(error instanceof Error ? error.message : error);
      await db.destroy();
      process.exit(1);
    });
}
