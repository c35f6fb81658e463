import SQLite from "better-sqlite3";
import { Kysely, SqliteDialect, type SqliteDatabase } from "kysely";
import type { Database } from "./schema.ts";

export type DB = Kysely<Database>;

/** How many distinct SQL texts keep their prepared statement (lists of varying length make new texts). */
const STATEMENT_CACHE_SIZE = 500;

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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/**
 * Kysely prepares every query it runs; the same few dozen SQL texts run on every page, and preparing
 * one costs as much as running it. This keeps the prepared statements by SQL text (the oldest go when
 * the cache is full). A statement still being iterated (`.stream()`) is never handed out twice.
 */
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = sqlite.prepare(sql);
      if (!cached) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
