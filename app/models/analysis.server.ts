import type { DB } from "../../db/client.ts";
import { pointsFromText } from "../forms/findings.ts";
import { audit, type Changes } from "./audit.server.ts";
import { inTransaction } from "../../db/transaction.ts";

export async function getAnalysis(db: DB, regionId: number, roundId: number) {
  const [summary, themes, points] = await Promise.all([
    db.selectFrom("region_analysis").select(["summary", "updated_at"]).where("region_id", "=", regionId).where("round_id", "=", roundId).executeTakeFirst(),
    db.selectFrom("analysis_theme").select(["theme_key", "strengths"]).where("region_id", "=", regionId).where("round_id", "=", roundId).execute(),
    db
      .selectFrom("improvement_point")
      .select(["id", "theme_key", "text"])
      .where("region_id", "=", regionId)
      .where("round_id", "=", roundId)
      .orderBy("theme_key")
      .orderBy("position")
      .execute(),
  ]);
  return {
    summary: summary?.summary ?? "",
    updatedAt: summary?.updated_at ?? null,
    strengths: Object.fromEntries(themes.map((t) => [t.theme_key, t.strengths ?? ""])),
    points,
  };
}

export type SaveAnalysisResult = { ok: true } | { ok: false; message: string };

/**
 * Replaces the region's findings for the round in one transaction. Improvement points are matched by
 * text, so unchanged points keep their id (and the plan actions linked to them); a removed point that
 * an action still refers to is refused instead of silently unlinked.
 */
export async function saveAnalysis(
  db: DB,
  input: { regionId: number; roundId: number; userId: number; summary: string; themes: Record<string, { strengths: string; points: string }>; now?: Date },
): Promise<SaveAnalysisResult> {
  const now = (input.now ?? new Date()).toISOString();
  return inTransaction(db, async (trx) => {
    const previous = await trx
      .selectFrom("region_analysis")
      .select("summary")
      .where("region_id", "=", input.regionId)
      .where("round_id", "=", input.roundId)
      .executeTakeFirst();
    const changes: Changes = previous?.summary === input.summary ? {} : { summary: [previous?.summary ?? null, input.summary] };
    await trx
      .insertInto("region_analysis")
      .values({ region_id: input.regionId, round_id: input.roundId, summary: input.summary, updated_at: now, updated_by: input.userId })
      .onConflict((oc) => oc.columns(["region_id", "round_id"]).doUpdateSet({ summary: input.summary, updated_at: now, updated_by: input.userId }))
      .execute();
    for (const [theme, { strengths, points }] of Object.entries(input.themes)) {
      await trx
        .insertInto("analysis_theme")
        .values({ region_id: input.regionId, round_id: input.roundId, theme_key: theme, strengths: strengths || null })
        .onConflict((oc) => oc.columns(["region_id", "round_id", "theme_key"]).doUpdateSet({ strengths: strengths || null }))
        .execute();
      const wanted = pointsFromText(points);
      const existing = await trx
        .selectFrom("improvement_point")
        .select(["id", "text"])
        .where("region_id", "=", input.regionId)
        .where("round_id", "=", input.roundId)
        .where("theme_key", "=", theme)
        .execute();
      for (const old of existing.filter((p) => !wanted.includes(p.text))) {
        const linked = await trx.selectFrom("improvement_action").select("id").where("improvement_point_id", "=", old.id).executeTakeFirst();
        if (linked)
          throw new LinkedPointError(`Het verbeterpunt "${old.text}" (thema ${theme}) hoort bij een actie in een verbeterplan en kan niet worden verwijderd.`);
        await trx.deleteFrom("improvement_point").where("id", "=", old.id).execute();
      }
      const oldTexts = existing.map((p) => p.text);
      if (JSON.stringify(oldTexts) !== JSON.stringify(wanted)) changes[`points_${theme}`] = [oldTexts, wanted];
      for (const [position, text] of wanted.entries()) {
        const match = existing.find((p) => p.text === text);
        if (match) await trx.updateTable("improvement_point").set({ position }).where("id", "=", match.id).execute();
        else
          await trx.insertInto("improvement_point").values({ region_id: input.regionId, round_id: input.roundId, theme_key: theme, text, position }).execute();
      }
    }
    await audit(trx, { actorId: input.userId, action: "findings.saved", entity: "region", entityId: input.regionId, changes });
    return { ok: true } as const;
  }).catch((error: unknown) => {
    if (error instanceof LinkedPointError) return { ok: false, message: error.message } as const;
    throw error;
  });
}

class LinkedPointError extends Error {}
