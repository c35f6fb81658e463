import type { DB } from "../../db/client.ts";
import type { DashboardView } from "../domain/national-picture.ts";
import { audit } from "./audit.server.ts";
import { inTransaction } from "../../db/transaction.ts";

/**
 * Published national pictures (issue 30): a publication fixes a year's picture as it is now (a snapshot:
 * later changes to the data do not change it); every publication is kept and dated; a withdrawal keeps it
 * with its reason. What is public for a year is its newest publication that is not withdrawn.
 */

export interface Publication {
  id: number;
  year: number;
  publishedAt: string;
  withdrawnAt: string | null;
  withdrawReason: string | null;
}

/** The public picture of a year, or undefined (none published, or every one withdrawn). */
export async function publishedPicture(db: DB, year: number): Promise<{ view: DashboardView; publishedAt: string } | undefined> {
  const row = await db
    .selectFrom("publication")
    .select(["snapshot", "published_at"])
    .where("year", "=", year)
    .where("withdrawn_at", "is", null)
    .orderBy("id", "desc")
    .executeTakeFirst();
  return row ? { view: JSON.parse(row.snapshot) as DashboardView, publishedAt: row.published_at } : undefined;
}

/** The years with a public picture, newest first, with when it was published. */
export async function publishedYears(db: DB): Promise<{ year: number; publishedAt: string }[]> {
  const rows = await db
    .selectFrom("publication")
    .select(["year", (eb) => eb.fn.max("published_at").as("publishedAt")])
    .where("withdrawn_at", "is", null)
    .groupBy("year")
    .orderBy("year", "desc")
    .execute();
  return rows.map((r) => ({ year: Number(r.year), publishedAt: String(r.publishedAt) }));
}

/**
 * A value that changes whenever what is public changes (a publication, a withdrawal): the server keeps the public
 * answers as long as it holds, on every instance, since each asks the database.
 */
export async function publicationStamp(db: DB): Promise<string> {
  const row = await db
    .selectFrom("publication")
    .select((eb) => [eb.fn.countAll().as("rows"), eb.fn.max("id").as("last"), eb.fn.count("withdrawn_at").as("withdrawn")])
    .executeTakeFirstOrThrow();
  return `${Number(row.rows)}.${Number(row.last ?? 0)}.${Number(row.withdrawn)}`;
}

/** Every publication, newest first, for programma's page. */
export async function listPublications(db: DB): Promise<Publication[]> {
  const rows = await db
    .selectFrom("publication")
    .select(["id", "year", "published_at", "withdrawn_at", "withdraw_reason"])
    .orderBy("year", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, year: r.year, publishedAt: r.published_at, withdrawnAt: r.withdrawn_at, withdrawReason: r.withdraw_reason }));
}

export async function publish(db: DB, view: DashboardView, actorId: number | null, now = new Date()): Promise<number> {
  return inTransaction(db, async (trx) => {
    const { id } = await trx
      .insertInto("publication")
      .values({
        year: view.year,
        snapshot: JSON.stringify(view),
        published_at: now.toISOString(),
        published_by: actorId,
        withdrawn_at: null,
        withdrawn_by: null,
        withdraw_reason: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (actorId !== null)
      await audit(trx, { actorId, action: "publication.published", entity: "publication", entityId: id, changes: { year: [null, view.year] } });
    return id;
  });
}

/** Withdraws a publication with a reason; false when there is none such or it was withdrawn already. */
export async function withdraw(db: DB, id: number, reason: string, actorId: number, now = new Date()): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const done = await trx
      .updateTable("publication")
      .set({ withdrawn_at: now.toISOString(), withdrawn_by: actorId, withdraw_reason: reason })
      .where("id", "=", id)
      .where("withdrawn_at", "is", null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) return false;
    await audit(trx, { actorId, action: "publication.withdrawn", entity: "publication", entityId: id, changes: { reason: [null, reason] } });
    return true;
  });
}
