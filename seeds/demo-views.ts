import type { DB } from "../db/client.ts";
import { linkLasts, professionalItems } from "../app/domain/conversation.ts";
import { dayOf } from "../app/domain/format.ts";
import { DEMO_EMAIL_DOMAIN } from "../app/domain/mail.ts";
import { inviteProfessionals, saveDraft, submitView } from "../app/models/professional-views.server.ts";
import { getAnswers, findResponseId } from "../app/models/response.server.ts";
import { fixedRoundQuestionnaire } from "../app/models/rounds.server.ts";
import type { AnswerMap } from "../app/questionnaire/answers.ts";
import type { QuestionnaireDefinition } from "../app/questionnaire/definition.ts";
import { insertResponse, TEAM_QUESTIONNAIRE } from "./factories.ts";

// The zelfscan as a conversation in the demo (decision 79): Wijkteam Zaandam Oost invited 9 professionals,
// 6 gave their view, and on a few questions they see the team differently than its manager; Wijkteam
// Enschede Centrum invited 5, 2 answered (below the threshold: nothing of them shows); Veilig Thuis
// Zaanstreek-Waterland gave its view of theme G for three gemeenten.

const SCORE_ORDER = ["voldoet_niet", "voldoet_deels", "voldoet"];
/** Questions on which Zaandam Oost's professionals are less positive than their manager: the demo's topics. */
const DIFFERENT = new Set(["B3", "C4", "F2", "F4", "G3"]);

/** A professional's answers: near the manager's, lower on the DIFFERENT items, now and then "weet niet" or a comment. */
function professionalAnswers(definition: QuestionnaireDefinition, manager: AnswerMap, rand: () => number): AnswerMap {
  const answers: AnswerMap = {};
  for (const item of professionalItems(definition)) {
    const managerValue = manager[item.key]?.value;
    if (item.type !== "scale") {
      if (item.type === "boolean") answers[item.key] = { value: rand() < 0.8 ? "ja" : "nee", comment: null };
      continue;
    }
    if (rand() < 0.08) {
      answers[item.key] = { value: "weet_niet", comment: null };
      continue;
    }
    const base = managerValue && SCORE_ORDER.includes(managerValue) ? SCORE_ORDER.indexOf(managerValue) : 1;
    const shift = DIFFERENT.has(item.key) ? -1 - Math.floor(rand() * 2) : rand() < 0.25 ? -1 : rand() < 0.1 ? 1 : 0;
    const value = SCORE_ORDER[Math.max(0, Math.min(2, base + shift))]!;
    const comment =
      DIFFERENT.has(item.key) && rand() < 0.5
        ? ["In de praktijk lukt dit niet altijd, vooral bij drukte.", "Dit hangt erg af van wie de casus heeft.", "Hier mogen we scherper op zijn."][
            Math.floor(rand() * 3)
          ]!
        : null;
    answers[item.key] = { value, comment };
  }
  return answers;
}

export async function seedDemoViews(
  db: DB,
  input: {
    now: Date;
    origin: string;
    rand: () => number;
    definition: QuestionnaireDefinition;
    rounds: { zaanstreek: number; twente: number };
    teams: { zaandamOost: { teamId: number; managerId: number }; enschedeCentrum: { teamId: number; managerId: number } };
    zaanstreek: number;
    veiligThuisUser: number;
    municipalities: { id: number; name: string }[];
  },
) {
  const ask = async (
    team: { teamId: number; managerId: number },
    roundId: number,
    invited: number,
    answered: number,
    teamName: string,
    managerName: string,
  ) => {
    const emails = Array.from({ length: invited }, (_, i) => `professional${i + 1}.${slugOf(teamName)}@${DEMO_EMAIL_DOMAIN}`);
    const round = await db.selectFrom("round").select(["name", "closes_on"]).where("id", "=", roundId).executeTakeFirstOrThrow();
    const result = await inviteProfessionals(db, {
      teamId: team.teamId,
      roundId,
      emails,
      userId: team.managerId,
      origin: input.origin,
      mail: { teamName, roundName: round.name, managerName, lasts: linkLasts(round.closes_on, dayOf(input.now)) },
      now: input.now,
    });
    if (!result.ok) throw new Error(result.message);
    const responseId = await findResponseId(db, roundId, TEAM_QUESTIONNAIRE, { teamId: team.teamId });
    const manager = responseId ? await getAnswers(db, responseId) : {};
    for (const { link } of result.links.slice(0, answered)) {
      const token = link.slice(link.lastIndexOf("/") + 1);
      const request = await db
        .selectFrom("view_request")
        .select("id")
        .where("team_id", "=", team.teamId)
        .where("round_id", "=", roundId)
        .executeTakeFirstOrThrow();
      await saveDraft(db, {
        token,
        requestId: request.id,
        expectedRevision: 0,
        answers: professionalAnswers(input.definition, manager, input.rand),
        now: input.now,
      });
      await submitView(db, { token, now: input.now });
    }
  };
  await ask(input.teams.zaandamOost, input.rounds.zaanstreek, 9, 6, "Wijkteam Zaandam Oost", "Teammanager Zaandam Oost");
  await ask(input.teams.enschedeCentrum, input.rounds.twente, 5, 2, "Wijkteam Enschede Centrum", "Teammanager Enschede Centrum");

  // Veilig Thuis's view of theme G, for three gemeenten of its region.
  const key = await fixedRoundQuestionnaire(db, input.rounds.zaanstreek, "veilig_thuis");
  if (!key) return;
  for (const municipality of input.municipalities.filter((m) => ["Zaanstad", "Purmerend", "Edam-Volendam"].includes(m.name))) {
    const answers: AnswerMap = {};
    for (const itemKey of ["G1", "G2", "G3", "G4", "G5", "G6", "G7"]) {
      const value = SCORE_ORDER[Math.min(2, Math.floor(input.rand() * 3))]!;
      answers[itemKey] = {
        value,
        comment: itemKey === "G2" && value !== "voldoet" ? `Terugkoppeling van de teams in ${municipality.name} komt vaak pas na navraag.` : null,
      };
    }
    await insertResponse(db, {
      roundId: input.rounds.zaanstreek,
      questionnaireKey: key,
      subject: { municipalityId: municipality.id },
      userId: input.veiligThuisUser,
      answers,
      submit: true,
      now: input.now,
    });
  }
}

const slugOf = (name: string) =>
  name
    .toLowerCase()
    .replace(/^wijkteam /, "")
    .replace(/[^a-z0-9]+/g, "-");
