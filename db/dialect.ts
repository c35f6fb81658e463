import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely } from "kysely";

// What differs between the two databases the product runs on, in the few places where a type or a
// function demands it. Everything else is the same Kysely query on both.

/** Whether this connection is PostgreSQL (otherwise SQLite). */
export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** A table's id: SQLite's `integer primary key autoincrement`, PostgreSQL's identity column. */
export const idColumn = (db: Kysely<any>) => (column: ColumnDefinitionBuilder) =>
  isPostgres(db) ? column.primaryKey().generatedByDefaultAsIdentity() : column.primaryKey().autoIncrement();
