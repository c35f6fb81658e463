import SQLite from "better-sqlite3";
import pg from "pg";
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from "kysely";
import type { Database } from "./schema.ts";

export type DB = Kysely<Database>;

/** How many distinct SQL texts keep their prepared statement (lists of varying length make new texts). */
const STATEMENT_CACHE_SIZE = 500;

/** Whether DATABASE_URL names a PostgreSQL server (postgres:// or postgresql://) rather than a SQLite file. */
export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export interface DatabaseOptions {
  /** How long a statement waits for SQLite's write lock, or for a PostgreSQL connection or row lock (DATABASE_BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/**
 * Whether an error means the database stayed busy past the busy timeout (another writer held SQLite's
 * lock; PostgreSQL had no free connection or a row stayed locked): worth a retry later, not a fault.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED") || code === "55P03")) return true;
  return error.message === "timeout exceeded when trying to connect";
}

/** Connections a process keeps to PostgreSQL: enough for the requests one worker has in flight. */
const POSTGRES_POOL_SIZE = 10;

// Counts and sums come back from PostgreSQL as bigint and numeric, which pg gives as strings; the app
// counts regions and teams, far below 2^53, so they are parsed as numbers, as SQLite gives them.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * The database of a DATABASE_URL: a PostgreSQL server (a pool of connections) or a SQLite file (one
 * connection). The same Kysely queries run on both; db/dialect.ts holds where they differ.
 */
export function openDatabase(url: string, options: DatabaseOptions = {}): DB {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  if (!isPostgresUrl(url)) return createDatabase(url, { busyTimeoutMs });
  // jit off: the product's queries are short; PostgreSQL's JIT compiler takes 20-40 ms to compile a
  // query whose estimated cost crosses its threshold (the dashboard's phase query did), far more than it saves.
  // A request waits at most the busy timeout for a free connection and for a row lock, as on SQLite.
  const pool = new pg.Pool({
    connectionString: url,
    max: POSTGRES_POOL_SIZE,
    connectionTimeoutMillis: busyTimeoutMs,
    options: `-c jit=off -c lock_timeout=${busyTimeoutMs}`,
  });
  // An idle connection the server ends (a restart, a failover, an administrator, a dropped test database)
  // is an 'error' event on the pool; unhandled it would end the whole process. The pool drops that
  // connection and opens a new one for the next query, so it is only worth a line in the log.
  pool.on("error", (error) => console.warn(`PostgreSQL beëindigde een verbinding die niet in gebruik was: ${error.message}`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the one database connection a process uses. WAL lets readers run beside the writer;
 * synchronous=FULL makes a commit durable before the user is told it succeeded; the busy timeout
 * lets another process (a second worker, a backup, a CLI) wait instead of failing, and transactions
 * take the write lock when they begin (see ImmediateTransactions).
 */
export function createDatabase(filename: string, options: DatabaseOptions = {}): DB {
  const sqlite = new SQLite(filename);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${Math.round(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS)}`);
  const writes = { count: 0 };
  const db = new Kysely<Database>({ dialect: new ImmediateTransactions({ database: withStatementCache(sqlite, writes) }) });
  // data_version changes when another connection (another worker, a CLI) commits; this connection's own
  // writes are counted as they are prepared to run.
  changeMarkers.set(db, () => `${sqlite.pragma("data_version", { simple: true }) as number}:${writes.count}`);
  return db;
}

const changeMarkers = new WeakMap<DB, () => string>();

/**
 * A value that is the same only while nothing in the database changed, from any process, or null where
 * it cannot be told cheaply (PostgreSQL, or inside a transaction). Caches use it to skip their own,
 * dearer check of what changed when nothing did.
 */
export const changeMarker = (db: DB): string | null => changeMarkers.get(db)?.() ?? null;

/**
 * SQLite with transactions that begin with `begin immediate`. With several worker processes on one
 * file, a plain (deferred) transaction that reads and then writes can find at its first write that
 * another process wrote meanwhile; SQLite then answers SQLITE_BUSY at once, without waiting out the
 * busy timeout, and the user's save would fail. Taking the write lock at the start makes a second
 * writer wait its turn instead. Every transaction in the app writes, so nothing is lost by it.
 */
class ImmediateTransactions extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }
  override createDriver(): Driver {
    return new (class extends SqliteDriver {
      override async beginTransaction(connection: DatabaseConnection): Promise<void> {
        await connection.executeQuery(CompiledQuery.raw("begin immediate"));
      }
    })(this.#config);
  }
}

/**
 * Kysely prepares every query it runs; the same few dozen SQL texts run on every page, and preparing
 * one costs as much as running it. This keeps the prepared statements by SQL text (the oldest go when
 * the cache is full). A statement still being iterated (`.stream()`) is never handed out twice.
 */
function withStatementCache(sqlite: SQLite.Database, writes: { count: number }): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  const cachedStatement = (sql: string) => {
    const cached = statements.get(sql);
    if (cached && !cached.busy) return cached;
    const statement = sqlite.prepare(sql);
    if (!cached) {
      if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!);
      statements.set(sql, statement);
    }
    return statement;
  };
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const statement = cachedStatement(sql);
      // Kysely prepares each statement just before it runs it, synchronously: a statement that does
      // not read is a write (or begin/commit), and counts as a change (see changeMarker).
      if (!statement.reader) writes.count++;
      return statement;
    },
  };
}
