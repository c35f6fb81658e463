import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import type { Database } from "./schema.ts";

export type DB = Kysely<Database>;

export const DEFAULT_DATABASE_PATH = "data/werken-aan-veiligheid.db";

/**
 * Opens the one database connection a process uses. WAL lets readers run beside the writer;
 * synchronous=FULL makes a commit durable before the user is told it succeeded; the busy timeout
 * lets a second process (a backup, a CLI) wait instead of failing.
 */
export function createDatabase(filename: string): DB {
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export function databasePathFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.replace(/^file:/, "") || DEFAULT_DATABASE_PATH;
}
