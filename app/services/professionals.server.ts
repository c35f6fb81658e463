import type { DB } from "../../db/client.ts";
import type { CurrentUser } from "../domain/user.ts";
import { linkLasts } from "../domain/conversation.ts";
import { regionCycleRound } from "../models/cycles.server.ts";
import { closeViewRequest, inviteProfessionals, remindProfessionals, viewRequestOf } from "../models/professional-views.server.ts";

// The team manager's page about the professionals' view: the request of the team's round and what the
// manager does with it. The round is the one of the region's cycle, as for the team's own zelfscan.

export type ProfessionalsIntent = "invite" | "remind" | "close";

export async function professionalsPage(db: DB, team: { id: number; region_id: number }) {
  const round = await regionCycleRound(db, team.region_id);
  if (!round) return { round: null, request: null } as const;
  return { round: { id: round.id, name: round.name, closesOn: round.closes_on }, request: await viewRequestOf(db, team.id, round.id) } as const;
}

export async function runProfessionalsIntent(
  db: DB,
  input: { intent: ProfessionalsIntent; team: { id: number; name: string; region_id: number }; user: CurrentUser; emails: string[]; origin: string },
): Promise<{ ok: true; links?: { email: string; link: string }[]; fresh?: number; invitedBefore?: number } | { ok: false; message: string }> {
  const round = await regionCycleRound(db, input.team.region_id);
  if (!round) return { ok: false, message: "Er is op dit moment geen zelfscanronde voor uw team." };
  const mail = { teamName: input.team.name, roundName: round.name, managerName: input.user.name, lasts: linkLasts(round.closes_on) };
  if (input.intent === "invite") {
    const result = await inviteProfessionals(db, {
      teamId: input.team.id,
      roundId: round.id,
      emails: input.emails,
      userId: input.user.id,
      origin: input.origin,
      mail,
    });
    return result;
  }
  const request = await viewRequestOf(db, input.team.id, round.id);
  if (!request || request.closed_at) return { ok: false, message: "Er is geen open vraag aan de professionals." };
  if (input.intent === "remind") return remindProfessionals(db, { requestId: request.id, teamId: input.team.id, userId: input.user.id, mail });
  await closeViewRequest(db, { requestId: request.id, teamId: input.team.id, userId: input.user.id });
  return { ok: true };
}
