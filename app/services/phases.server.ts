import type { DB } from "../../db/client.ts";
import { decideTransition, type PhaseKey, type PhaseSettings, type TransitionRequest } from "../domain/phases.ts";
import { roundForNewCycle } from "../models/cycles.server.ts";
import { currentPhase, recordTransition, regionSnapshot } from "../models/phase.server.ts";
import { notifyPhaseChanged } from "./notifications.server.ts";

// Moving a region on the routekaart: the rules decide (app/domain/phases.ts), the log records, the
// region's gemeenten (and, for a new cycle, its teams) hear of it.

export type ChangePhaseResult = { ok: true; to: PhaseKey } | { ok: false; status: 400 | 409; errors: string[] };

/** Applies a phase change the user asked for (based on the phase the page showed) if the rules allow it. */
export async function changePhase(
  db: DB,
  input: {
    regionId: number;
    actor: { id: number; role: string };
    expected: PhaseKey;
    request: TransitionRequest;
    origin: string;
    settings?: PhaseSettings;
    now?: Date;
  },
): Promise<ChangePhaseResult> {
  const { expected, request } = input;
  const reason = "reason" in request ? request.reason : "";
  const current = await currentPhase(db, input.regionId);
  if (current.phase !== expected) {
    return { ok: false, status: 409, errors: ["De fase van de regio is intussen gewijzigd. Bekijk de huidige fase hieronder en probeer het opnieuw."] };
  }
  const snapshot = await regionSnapshot(db, input.regionId, input.settings);
  const decision = decideTransition(current.phase, request, snapshot, input.actor, input.settings);
  if (!decision.ok) return { ok: false, status: 400, errors: decision.errors };
  const newRound = decision.kind === "cycle" ? await roundForNewCycle(db, input.regionId) : undefined;
  const recorded = await recordTransition(db, {
    regionId: input.regionId,
    expected,
    to: decision.to,
    kind: decision.kind,
    actorId: input.actor.id,
    reason: reason || null,
    roundId: decision.kind === "cycle" ? (newRound?.id ?? null) : snapshot.roundId,
    now: input.now,
    alsoWrite: (trx) =>
      notifyPhaseChanged(trx, {
        regionId: input.regionId,
        to: decision.to,
        cycle: newRound ? { roundName: newRound.name } : null,
        origin: input.origin,
        now: input.now,
      }),
  });
  if (!recorded.ok) return { ok: false, status: 409, errors: ["De fase van de regio is intussen gewijzigd. Probeer het opnieuw."] };
  return { ok: true, to: decision.to };
}
