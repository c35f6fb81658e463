import { existsSync } from "node:fs";
import SQLite from "better-sqlite3";
import { sql } from "kysely";
import { isPostgresUrl, openDatabase } from "./client.ts";
import { migrateToLatest } from "./migrate.ts";
import { migrations } from "./migrations/index.ts";

/**
 * `npm run db:copy -- --from FILE.db --to postgres://…`: a whole SQLite deployment into an empty
 * PostgreSQL database, so an installation that outgrows one machine keeps its history. The target is
 * migrated first and must then hold no rows; every table is copied with its ids, parents before
 * children (the order follows the foreign keys), in batches, in one transaction; the identity sequences
 * continue after the highest id; the row counts of both sides are compared. The source is only read.
 */

const BATCH = 500;

export interface CopiedTable {
  table: string;
  rows: number;
}

export async function copyDatabase(from: string, to: string): Promise<CopiedTable[]> {
  if (isPostgresUrl(from) || !existsSync(from)) throw new Error(`--from moet een bestaand SQLite-bestand zijn: ${from}`);
  if (!isPostgresUrl(to)) throw new Error(`--to moet een postgres://-adres zijn: ${to}`);
  const source = new SQLite(from, { readonly: true, fileMustExist: true });
  const target = openDatabase(to);
  try {
    const applied = new Set((source.prepare("select name from kysely_migration").all() as { name: string }[]).map((r) => r.name));
    const missing = Object.keys(migrations).filter((name) => !applied.has(name));
    if (missing.length) throw new Error(`Het bronbestand mist migraties (${missing.join(", ")}): draai eerst npm run db:migrate op dat bestand.`);
    await migrateToLatest(target);

    const tables = tablesParentsFirst(source);
    for (const table of tables) {
      const { n } = (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(target)).rows[0]!;
      if (Number(n) > 0) throw new Error(`De doeldatabase is niet leeg (${table} heeft ${n} rijen). Kopieer alleen naar een lege database.`);
    }

    const identities = new Set(
      (
        await sql<{ table_name: string }>`select table_name from information_schema.columns where column_name = 'id' and is_identity = 'YES'`.execute(target)
      ).rows.map((r) => r.table_name),
    );
    await target.transaction().execute(async (trx) => {
      for (const table of tables) {
        const rows = source.prepare(`select * from "${table}" order by rowid`).iterate() as IterableIterator<Record<string, unknown>>;
        let batch: Record<string, unknown>[] = [];
        const flush = async () => {
          if (batch.length)
            await trx
              .insertInto(table as never)
              .values(batch as never)
              .execute();
          batch = [];
        };
        for (const row of rows) {
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
        // An identity column continues after the highest copied id (a text id, as of a session, has none).
        if (identities.has(table)) {
          await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
        }
      }
    });

    const copied: CopiedTable[] = [];
    for (const table of tables) {
      const expected = (source.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n;
      const { n } = (await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(target)).rows[0]!;
      if (Number(n) !== expected) throw new Error(`${table}: ${expected} rijen in de bron, ${n} in het doel.`);
      copied.push({ table, rows: expected });
    }
    // The planner's statistics, which autovacuum would gather only later: without them PostgreSQL
    // guesses a thousand rows for every table and plans the first queries after the copy badly.
    await sql`analyze`.execute(target);
    return copied;
  } finally {
    source.close();
    await target.destroy();
  }
}

/** The application's tables (not Kysely's bookkeeping), each after the tables its foreign keys point to. */
function tablesParentsFirst(source: SQLite.Database): string[] {
  const names = (
    source.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").all() as { name: string }[]
  ).map((r) => r.name);
  const parents = new Map(
    names.map((name) => [
      name,
      (source.prepare(`select "table" as parent from pragma_foreign_key_list('${name}')`).all() as { parent: string }[]).map((r) => r.parent),
    ]),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`Kringverwijzing tussen tabellen: ${[...path, name].join(" -> ")}`);
    for (const parent of parents.get(name) ?? []) if (parent !== name) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of names.sort()) visit(name, []);
  return ordered;
}
