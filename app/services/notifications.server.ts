import type { DB } from "../../db/client.ts";
import { phaseLabel, type PhaseKey } from "../domain/phases.ts";
import { gemeenteAccounts, notify, teamManagerAccounts } from "../models/notifications.server.ts";
import { getResponse } from "../models/response.server.ts";

/**
 * Who hears of what: a team's submission goes to its gemeente; a return (with its comment), an acceptance
 * and a reopening to the team; a phase change to the region's gemeenten; a new cycle to the region's
 * teams. Each function is called with the transaction of the write it tells of.
 */

async function teamResponse(trx: DB, responseId: number) {
  const response = await getResponse(trx, responseId);
  return response?.team_id != null && response.round_kind === "zelfscan" ? response : null;
}

export async function notifySubmitted(trx: DB, input: { responseId: number; origin: string; now?: Date }) {
  const r = await teamResponse(trx, input.responseId);
  if (!r || r.municipality_id == null) return;
  await notify(trx, {
    userIds: await gemeenteAccounts(trx, [r.municipality_id]),
    notice: {
      kind: "response.submitted",
      text: `${r.team_name} heeft de zelfscan (${r.round_name}) ingediend. U kunt hem nu beoordelen.`,
      link: `/vragenlijsten/${r.id}`,
      subject: `Zelfscan ingediend: ${r.team_name}`,
    },
    origin: input.origin,
    now: input.now,
  });
}

export async function notifyReviewed(
  trx: DB,
  input: { responseId: number; decision: "accept" | "return" | "reopen"; comment: string | null; origin: string; now?: Date },
) {
  const r = await teamResponse(trx, input.responseId);
  if (!r) return;
  const by = `De gemeente ${r.municipality_name}`;
  const text =
    input.decision === "accept"
      ? `${by} heeft de zelfscan (${r.round_name}) geaccepteerd.`
      : input.decision === "return"
        ? `${by} heeft de zelfscan (${r.round_name}) teruggestuurd: “${input.comment ?? ""}” Pas de antwoorden aan en dien opnieuw in.`
        : `${by} heeft de geaccepteerde zelfscan (${r.round_name}) heropend: “${input.comment ?? ""}” U kunt hem aanpassen en opnieuw indienen.`;
  const subject = { accept: "Zelfscan geaccepteerd", return: "Zelfscan teruggestuurd", reopen: "Zelfscan heropend" }[input.decision];
  await notify(trx, {
    userIds: (await teamManagerAccounts(trx, [r.team_id!])).map((m) => m.id),
    notice: {
      kind: `response.${input.decision === "accept" ? "accepted" : input.decision === "return" ? "returned" : "reopened"}`,
      text,
      link: `/vragenlijsten/${r.id}`,
      subject: `${subject}: ${r.team_name}`,
    },
    origin: input.origin,
    now: input.now,
  });
}

/** A region moved to another phase: its gemeenten and its teams hear it, each with a link to their own start page. */
export async function notifyPhaseChanged(trx: DB, input: { regionId: number; to: PhaseKey; cycle: { roundName: string } | null; origin: string; now?: Date }) {
  const region = await trx.selectFrom("region").select("name").where("id", "=", input.regionId).executeTakeFirstOrThrow();
  const municipalities = await trx.selectFrom("municipality").select("id").where("region_id", "=", input.regionId).execute();
  for (const m of municipalities) {
    await notify(trx, {
      userIds: await gemeenteAccounts(trx, [m.id]),
      notice: {
        kind: "phase.changed",
        text: input.cycle
          ? `Regio ${region.name} is een nieuwe cyclus begonnen op ${input.cycle.roundName}: de fase is nu ${phaseLabel(input.to)}.`
          : `Regio ${region.name} is nu in de fase ${phaseLabel(input.to)}.`,
        link: `/gemeenten/${m.id}#fase`,
        subject: `Regio ${region.name}: fase ${phaseLabel(input.to)}`,
      },
      origin: input.origin,
      now: input.now,
    });
  }
  const teams = await trx
    .selectFrom("team")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .select("team.id")
    .where("municipality.region_id", "=", input.regionId)
    .where("team.active", "=", 1)
    .execute();
  for (const manager of await teamManagerAccounts(
    trx,
    teams.map((t) => t.id),
  )) {
    // Teams hear of every phase change of their region; a new cycle brings them a new zelfscan.
    await notify(trx, {
      userIds: [manager.id],
      notice: input.cycle
        ? {
            kind: "cycle.started",
            text: `Regio ${region.name} is een nieuwe cyclus begonnen: de zelfscan (${input.cycle.roundName}) staat voor uw team klaar.`,
            link: `/teams/${manager.teamId}#zelfscan`,
            subject: `Nieuwe zelfscan: ${input.cycle.roundName}`,
          }
        : {
            kind: "phase.changed",
            text: `Regio ${region.name} is nu in de fase ${phaseLabel(input.to)}.`,
            link: `/teams/${manager.teamId}`,
            subject: `Regio ${region.name}: fase ${phaseLabel(input.to)}`,
          },
      origin: input.origin,
      now: input.now,
    });
  }
}
