import type { DB } from "../../db/client.ts";
import { fixedQuery } from "../../db/fixed-query.ts";
import { inTransaction } from "../../db/transaction.ts";

// What a user posted after their session had expired, kept so that after logging in again they are
// back on the page with their answers (nothing a user submitted is lost: docs/architecture.md).

const KEEP_DAYS = 7;
const MAX_FIELDS = 500;

export type PostedFields = [string, string][];

export async function keepPendingSave(db: DB, userId: number, path: string, fields: PostedFields, now = new Date()) {
  const kept = fields.slice(0, MAX_FIELDS);
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom("pending_save").where("user_id", "=", userId).where("path", "=", path).execute();
    await trx
      .insertInto("pending_save")
      .values({ user_id: userId, path, fields: JSON.stringify(kept), created_at: now.toISOString() })
      .execute();
  });
}

/** Built once (db/fixed-query.ts): every questionnaire page looks for kept input. */
const keptInput = fixedQuery((db: DB, args: { userId: number; path: string; cutoff: string }) =>
  db
    .selectFrom("pending_save")
    .select(["fields", "created_at"])
    .where("user_id", "=", args.userId)
    .where("path", "=", args.path)
    .where("created_at", ">=", args.cutoff),
);

export async function findPendingSave(db: DB, userId: number, path: string, now = new Date()) {
  const cutoff = new Date(now.getTime() - KEEP_DAYS * 86_400_000).toISOString();
  const row = await keptInput.executeTakeFirst(db, { userId, path, cutoff });
  if (!row) return null;
  return { fields: JSON.parse(row.fields) as PostedFields, createdAt: row.created_at };
}

export async function discardPendingSave(db: DB, userId: number, path: string) {
  await db.deleteFrom("pending_save").where("user_id", "=", userId).where("path", "=", path).execute();
}
