import type { DB } from "./client.ts";

// Every write that spans more than one statement runs in one transaction through inTransaction, so that
// what must follow its commit (waking the outbox sender, say) is registered by the code that wrote and
// runs only once the write is durable: never for a transaction that rolled back, never before commit.

const afterCommitOf = new WeakMap<object, Array<() => void>>();

/** Runs `work` in one transaction; the callbacks it registers with afterCommit run after the commit. */
export async function inTransaction<T>(db: DB, work: (trx: DB) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db); // already inside one: its commit is the one that counts
  const callbacks: Array<() => void> = [];
  const result = await db.transaction().execute((trx) => {
    afterCommitOf.set(trx, callbacks);
    return work(trx);
  });
  for (const callback of callbacks) callback();
  return result;
}

/**
 * Runs `callback` once what `db` wrote is committed: at once outside a transaction (the statement has
 * committed), after the commit inside one started by inTransaction.
 */
export function afterCommit(db: DB, callback: () => void): void {
  if (!db.isTransaction) return callback();
  const callbacks = afterCommitOf.get(db);
  if (!callbacks) throw new Error("afterCommit in a transaction not started with inTransaction (db/transaction.ts)");
  callbacks.push(callback);
}
