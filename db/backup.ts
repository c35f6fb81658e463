import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import SQLite from "better-sqlite3";
import { loadConfig } from "../app/server/config.server.ts";

/**
 * A consistent online backup with SQLite's backup API (better-sqlite3's db.backup): safe while the
 * server runs and writes. `npm run db:backup [FILE]`.
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
  mkdirSync(dirname(resolve(target)), { recursive: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    const result = await db.backup(target);
    return { pages: result.totalPages };
  } finally {
    db.close();
  }
}

/**
 * Restores a backup over the database, also with the backup API, after checking that the file is a
 * database of this application. The server must be stopped first. `npm run db:restore FILE`.
 */
export async function restoreDatabase(backup: string, target: string): Promise<void> {
  if (!existsSync(backup)) throw new Error(`Bestand ${backup} bestaat niet.`);
  const source = new SQLite(backup, { readonly: true, fileMustExist: true });
  try {
    const check = source.prepare("select count(*) as n from sqlite_master where type = 'table' and name in ('kysely_migration', 'response', 'answer')").get() as { n: number };
    if (check.n !== 3) throw new Error(`${backup} is geen back-up van deze toepassing.`);
    const integrity = source.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${backup} is beschadigd (${String(integrity)}).`);
    await source.backup(target);
  } finally {
    source.close();
  }
}

const script = process.argv[1] ? pathToFileURL(process.argv[1]).href : "";
if (import.meta.url === script) {
  const [command, file] = process.argv.slice(2);
  const database = loadConfig().databasePath;
  const run = async () => {
    if (command === "backup") {
      const target = file ?? `backups/werken-aan-veiligheid-${new Date().toISOString().replace(/[:.]/g, "-")}.db`;
      const { pages } = await backupDatabase(database, target);
      console.log(`Back-up gemaakt: ${target} (${pages} pagina's) van ${database}.`);
    } else if (command === "restore") {
      if (!file) throw new Error("Gebruik: npm run db:restore BESTAND (stop de server eerst).");
      await restoreDatabase(file, database);
      console.log(`Teruggezet: ${file} -> ${database}. Start de server opnieuw.`);
    } else {
      throw new Error("Gebruik: npm run db:backup [BESTAND] of npm run db:restore BESTAND");
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
