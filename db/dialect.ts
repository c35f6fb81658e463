import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from "kysely";

// What differs between the two databases the product runs on, in the few places where a type or a
// function demands it. Everything else is the same Kysely query on both.

/** Whether this connection is PostgreSQL (otherwise SQLite). */
export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** A table's id: SQLite's `integer primary key autoincrement`, PostgreSQL's identity column. */
export const idColumn = (db: Kysely<any>) => (column: ColumnDefinitionBuilder) =>
  isPostgres(db) ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement();

/**
 * "Column contains this text", case-insensitive on both databases (PostgreSQL's like is case-sensitive,
 * SQLite's is not for ASCII), with %, _ and \ typed by a user taken literally: for search fields.
 */
export function containsText(column: string, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** The advisory lock instances hold while they prepare a PostgreSQL database (any fixed number of ours). */
const START_LOCK = 7_245_001;

/**
 * Runs start-up's preparation (migrate, register, seed) on one connection holding a session advisory
 * lock, so instances starting at once on one PostgreSQL take turns: the first prepares, the others find
 * it done.
 */
export async function withPostgresStartLock<DB extends Kysely<any>, T>(db: DB, work: (conn: DB) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${START_LOCK})`.execute(conn);
    try {
      return await work(conn as DB);
    } finally {
      await sql`select pg_advisory_unlock(${START_LOCK})`.execute(conn);
    }
  });
}

/**
 * Serialises transactions that touch one logical key (a summary row that has no unique constraint): on
 * PostgreSQL a transaction-scoped advisory lock on the key's hash; on SQLite nothing, since every
 * transaction there takes the write lock when it begins (db/client.ts).
 */
export async function lockKeyForTransaction(trx: Kysely<any>, key: string): Promise<void> {
  if (isPostgres(trx)) await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
