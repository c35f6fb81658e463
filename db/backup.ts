import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import SQLite from "better-sqlite3";

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
    const check = source
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name in ('kysely_migration', 'response', 'answer')")
      .get() as { n: number };
    if (check.n !== 3) throw new Error(`${backup} is geen back-up van deze toepassing.`);
    const integrity = source.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new Error(`${backup} is beschadigd (${String(integrity)}).`);
    await source.backup(target);
  } finally {
    source.close();
  }
}
