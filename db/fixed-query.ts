import type { Compilable, CompiledQuery, Kysely } from "kysely";
import { isPostgres } from "./dialect.ts";

/**
 * A value a fixed query is run with: one id, text or date. Never a list (a list changes the SQL), and
 * never null (`= null` matches nothing; a query that needs `is null` has a different shape).
 */
type Scalar = string | number;

/** Stands for a named value while the query is built; unique enough never to be a user's text. */
const SLOT_PREFIX = "\u0000fixed-query-value:";

/**
 * A query whose SQL is the same on every call, only the values differ (the session of a token, the
 * response of an id). Kysely builds and compiles a query anew on every run, which on the pages that
 * run on every request (the session lookup, the zelfscan section) cost about a tenth of the server's
 * time; a fixed query is built and compiled once per kind of database and then run with each call's
 * values in the places their placeholders held.
 *
 * `build` is written as an ordinary query of `args`, but must only pass the values on, never look at
 * them (the query's shape may not depend on them): it runs once, with placeholders in `args`. Queries
 * of varying shape (optional filters, `in` lists) are built per call as usual.
 *
 *     const answersOf = fixedQuery((db: DB, args: { responseId: number }) =>
 *       db.selectFrom("answer").selectAll().where("response_id", "=", args.responseId));
 *     const rows = await answersOf.execute(db, { responseId: 7 });
 */
export function fixedQuery<DB extends Kysely<any>, Args extends Record<string, Scalar>, Row>(build: (db: DB, args: Args) => Compilable<Row>) {
  const compiled = new Map<boolean, { query: CompiledQuery<Row>; slots: (string | undefined)[] }>();
  const compiledFor = (db: DB) => {
    const postgres = isPostgres(db);
    let entry = compiled.get(postgres);
    if (!entry) {
      const placeholders = new Proxy({} as Args, { get: (_target, name) => `${SLOT_PREFIX}${String(name)}` });
      const query = build(db, placeholders).compile();
      const slots = query.parameters.map((p) => (typeof p === "string" && p.startsWith(SLOT_PREFIX) ? p.slice(SLOT_PREFIX.length) : undefined));
      entry = { query, slots };
      compiled.set(postgres, entry);
    }
    return entry;
  };
  /** The rows of the query run with these values. */
  const execute = async (db: DB, args: Args): Promise<Row[]> => {
    const { query, slots } = compiledFor(db);
    const parameters = query.parameters.map((p, i) => {
      const name = slots[i];
      if (name === undefined) return p;
      if (!(name in args)) throw new Error(`fixedQuery: no value for ${name}`);
      return args[name];
    });
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
  return {
    execute,
    /** The first row, or undefined. */
    executeTakeFirst: async (db: DB, args: Args): Promise<Row | undefined> => (await execute(db, args))[0],
  };
}
