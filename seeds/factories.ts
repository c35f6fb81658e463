import type { DB } from "../db/client.ts";
import type { Audience, Role, TeamKind } from "../db/schema.ts";
import { hashPassword } from "../app/auth/password.server.ts";
import { createUser } from "../app/models/user.server.ts";
import { getOrCreateResponse, saveAnswers, submitResponse, type ResponseOwner } from "../app/models/response.server.ts";
import { newestVersionId } from "../app/models/rounds.server.ts";
import type { AnswerMap } from "../app/questionnaire/answers.ts";

// Small factories with overrides, shared by the demo seed and the tests.

export const TEAM_QUESTIONNAIRE = "zelfscan-team";
export const MUNICIPALITY_QUESTIONNAIRE = "zelfscan-gemeente";

export function slugify(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export async function insertRegion(db: DB, input: { name: string; slug?: string }) {
  const { id } = await db
    .insertInto("region")
    .values({ name: input.name, slug: input.slug ?? slugify(input.name) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertMunicipality(db: DB, input: { regionId: number; name: string; cbsCode: string }) {
  const { id } = await db
    .insertInto("municipality")
    .values({ region_id: input.regionId, name: input.name, cbs_code: input.cbsCode })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertTeam(db: DB, input: { municipalityId: number; name: string; kind?: TeamKind; now?: Date }) {
  const { id } = await db
    .insertInto("team")
    .values({
      municipality_id: input.municipalityId,
      name: input.name,
      kind: input.kind ?? "wijkteam",
      created_at: (input.now ?? new Date()).toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Tests pass a cheap cost (or a ready hash) so that creating users does not dominate their run time. */
export async function insertUser(
  db: DB,
  input: {
    email: string;
    name?: string;
    role: Role;
    regionId?: number;
    municipalityId?: number;
    teamId?: number;
    password?: string;
    passwordHash?: string;
    passwordCost?: number;
  },
) {
  const passwordHash = input.passwordHash ?? (await hashPassword(input.password ?? "test-wachtwoord-123", input.passwordCost));
  return createUser(db, {
    email: input.email,
    name: input.name ?? input.email.split("@")[0]!,
    role: input.role,
    password_hash: passwordHash,
    region_id: input.role === "regio" || input.role === "veilig_thuis" ? (input.regionId ?? null) : null,
    municipality_id: input.role === "gemeente" ? (input.municipalityId ?? null) : null,
    team_id: input.role === "teammanager" ? (input.teamId ?? null) : null,
    disabled_at: null,
  });
}

export async function insertRound(
  db: DB,
  input: { name: string; opensOn: string; closesOn: string; questionnaires?: Partial<Record<Audience, string>>; now?: Date },
) {
  const { id } = await db
    .insertInto("round")
    .values({
      name: input.name,
      opens_on: input.opensOn,
      closes_on: input.closesOn,
      closed_at: null,
      created_at: (input.now ?? new Date()).toISOString(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const questionnaires = input.questionnaires ?? { team: TEAM_QUESTIONNAIRE, municipality: MUNICIPALITY_QUESTIONNAIRE };
  for (const [audience, key] of Object.entries(questionnaires)) {
    await db
      .insertInto("round_questionnaire")
      .values({ round_id: id, audience: audience as Audience, questionnaire_key: key, questionnaire_version_id: (await newestVersionId(db, key)) ?? null })
      .execute();
  }
  return id;
}

/** A response with the given answers, saved as the user would, and submitted when asked. */
export async function insertResponse(
  db: DB,
  input: {
    roundId: number;
    questionnaireKey: string;
    subject: ResponseOwner;
    userId: number;
    answers?: AnswerMap;
    submit?: boolean;
    now?: Date;
  },
) {
  const responseId = await getOrCreateResponse(db, input);
  let revision = 0;
  if (input.answers && Object.keys(input.answers).length) {
    const saved = await saveAnswers(db, { responseId, expectedRevision: revision, answers: input.answers, userId: input.userId, now: input.now });
    if (!saved.ok) throw new Error("factory: save failed");
    revision = saved.revision;
  }
  if (input.submit) {
    const submitted = await submitResponse(db, { responseId, expectedRevision: revision, userId: input.userId, now: input.now });
    if (!submitted.ok) throw new Error("factory: submit failed");
  }
  return responseId;
}
