import type { DB } from "../../db/client.ts";
import type { Role } from "../../db/schema.ts";
import { insertRound, insertTeam, insertUser } from "../../seeds/factories.ts";
import { createSession } from "../../app/auth/session.server.ts";
import type { TestContext } from "./db.ts";

/** Cheap scrypt cost for test accounts: hashing is not what these tests are about. */
export const TEST_PASSWORD_COST = 1024;
export const TEST_PASSWORD = "test-wachtwoord-123";

async function idOf(db: DB, table: "region" | "municipality", name: string) {
  return (await db.selectFrom(table).select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
}

/**
 * A small world on the reference data: two regions, a municipality in each (and a second one in the
 * first region), teams, one account per role and scope, and an open round.
 */
export async function buildWorld(db: DB) {
  const twente = await idOf(db, "region", "Twente");
  const zaanstreek = await idOf(db, "region", "Zaanstreek-Waterland");
  const enschede = await idOf(db, "municipality", "Enschede");
  const hengelo = await idOf(db, "municipality", "Hengelo");
  const zaanstad = await idOf(db, "municipality", "Zaanstad");
  const teamA = await insertTeam(db, { municipalityId: enschede, name: "Team Enschede A" });
  const teamB = await insertTeam(db, { municipalityId: enschede, name: "Team Enschede B" });
  const teamHengelo = await insertTeam(db, { municipalityId: hengelo, name: "Team Hengelo" });
  const teamZaanstad = await insertTeam(db, { municipalityId: zaanstad, name: "Team Zaanstad" });
  const account = (email: string, role: Role, scope: { regionId?: number; municipalityId?: number; teamId?: number } = {}) =>
    insertUser(db, { email, role, passwordCost: TEST_PASSWORD_COST, password: TEST_PASSWORD, ...scope });
  const users = {
    programma: await account("programma@test.nl", "programma"),
    regioTwente: await account("regio.twente@test.nl", "regio", { regionId: twente }),
    regioZaanstreek: await account("regio.zaanstreek@test.nl", "regio", { regionId: zaanstreek }),
    gemeenteEnschede: await account("gemeente.enschede@test.nl", "gemeente", { municipalityId: enschede }),
    gemeenteHengelo: await account("gemeente.hengelo@test.nl", "gemeente", { municipalityId: hengelo }),
    gemeenteZaanstad: await account("gemeente.zaanstad@test.nl", "gemeente", { municipalityId: zaanstad }),
    teamA: await account("team.a@test.nl", "teammanager", { teamId: teamA }),
    teamB: await account("team.b@test.nl", "teammanager", { teamId: teamB }),
    teamZaanstad: await account("team.zaanstad@test.nl", "teammanager", { teamId: teamZaanstad }),
    veiligThuisTwente: await account("vt.twente@test.nl", "veilig_thuis", { regionId: twente }),
    veiligThuisZaanstreek: await account("vt.zaanstreek@test.nl", "veilig_thuis", { regionId: zaanstreek }),
  };
  const roundId = await insertRound(db, { name: "Zelfscan test", opensOn: "2020-01-01", closesOn: "2999-12-31" });
  return {
    regions: { twente, zaanstreek },
    municipalities: { enschede, hengelo, zaanstad },
    teams: { teamA, teamB, teamHengelo, teamZaanstad },
    users,
    roundId,
  };
}
export type World = Awaited<ReturnType<typeof buildWorld>>;

/** The Cookie header a browser sends after this user logged in. */
export async function sessionCookieFor(context: TestContext, userId: number, now?: Date): Promise<string> {
  const setCookie = await createSession(context, userId, now);
  return setCookie.split(";")[0]!;
}

import type { AnswerMap } from "../../app/questionnaire/answers.ts";
import type { QuestionnaireDefinition, QuestionnaireSection } from "../../app/questionnaire/definition.ts";
import { typeOf } from "../../app/questionnaire/item-types/index.ts";

/** A valid answer for every item of the sections (the benchmark's deterministic answer of each item type). */
export function validAnswers(definition: QuestionnaireDefinition, sections: QuestionnaireSection[] = definition.sections): AnswerMap {
  const answers: AnswerMap = {};
  for (const section of sections)
    for (const item of section.items) answers[item.key] = { value: typeOf(item).bench(item, 0, definition.scale.options), comment: null };
  return answers;
}

/** The same answers as the fields a browser posts for one section. */
export function sectionFields(definition: QuestionnaireDefinition, section: QuestionnaireSection): [string, string][] {
  const answers = validAnswers(definition, [section]);
  return section.items.flatMap((item): [string, string][] => {
    const value = answers[item.key]!.value!;
    const shown = typeOf(item).formValue(item, value);
    return Array.isArray(shown) ? shown.map((v): [string, string] => [item.key, v]) : [[item.key, shown]];
  });
}
