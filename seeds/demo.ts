import type { DB } from "../db/client.ts";
import type { Role, TeamKind } from "../db/schema.ts";
import { hashPassword } from "../app/auth/password.server.ts";
import { getDefinition, latestVersionOf, reviewResponse } from "../app/models/response.server.ts";
import { seedDemoPhases } from "./demo-phases.ts";
import { seedDemoRoundTables } from "./demo-rondetafels.ts";
import type { AnswerMap } from "../app/questionnaire/answers.ts";
import type { QuestionnaireDefinition } from "../app/questionnaire/definition.ts";
import { typeOf } from "../app/questionnaire/item-types/index.ts";
import { MUNICIPALITY_QUESTIONNAIRE, TEAM_QUESTIONNAIRE, insertResponse, insertRound, insertTeam, insertUser, slugify } from "./factories.ts";

// Demo data: teams in the two demo regions, the demo accounts, the open round "Zelfscan 2025" and
// responses in every state, so each page shows a believable picture the moment the app starts.

export const DEMO_PASSWORD = "demo-veilig-2025";

export interface DemoAccount {
  email: string;
  role: Role;
  description: string;
}

/** Teams per municipality of the demo regions; other municipalities get a wijkteam and a CJG. */
const TEAMS: Record<string, [string, TeamKind][]> = {
  Zaanstad: [
    ["Wijkteam Zaandam Oost", "wijkteam"],
    ["Wijkteam Zaandam West", "wijkteam"],
    ["Wijkteam Zaandam Noord", "wijkteam"],
    ["Wijkteam Krommenie-Assendelft", "wijkteam"],
    ["Wijkteam Wormerveer-Westzaan", "wijkteam"],
    ["CJG Zaanstad", "cjg"],
  ],
  Purmerend: [
    ["Sociaal wijkteam Purmerend Noord", "wijkteam"],
    ["Sociaal wijkteam Purmerend Zuid", "wijkteam"],
    ["Sociaal wijkteam Beemster", "wijkteam"],
    ["CJG Purmerend", "cjg"],
  ],
  Enschede: [
    ["Wijkteam Enschede Centrum", "wijkteam"],
    ["Wijkteam Enschede Noord", "wijkteam"],
    ["Wijkteam Enschede Oost", "wijkteam"],
    ["Wijkteam Enschede Zuid", "wijkteam"],
    ["Wijkteam Enschede West", "wijkteam"],
    ["Expertiseteam Huiselijk Geweld Enschede", "expertiseteam"],
  ],
  Hengelo: [
    ["Wijkteam Hengelo Noord", "wijkteam"],
    ["Wijkteam Hengelo Zuid", "wijkteam"],
    ["Wijkteam Hengelo Oost", "wijkteam"],
    ["CJG Hengelo", "cjg"],
  ],
  Almelo: [
    ["Sociaal wijkteam Almelo Noord", "wijkteam"],
    ["Sociaal wijkteam Almelo Zuid", "wijkteam"],
    ["CJG Almelo", "cjg"],
  ],
};

/** A small deterministic generator, so every fresh demo database shows the same picture. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// How hard each theme is for teams in the demo: monitoring after closing (F) and recovery (E) score
// lowest, as the programme's reports describe; signalling with the meldcode (B) scores highest.
const THEME_DIFFICULTY: Record<string, number> = { A: 0.1, B: -0.15, C: 0, D: 0.15, E: 0.3, F: 0.35, G: 0.05, H: 0.1, I: 0.15 };

const COMMENTS = [
  "Afspraken staan op papier, in de praktijk nog wisselend.",
  "Wordt meegenomen in het scholingsplan van dit jaar.",
  "Hangt af van de beschikbaarheid van de aandachtsfunctionaris.",
  "Besproken in het teamoverleg; verbeterpunt voor volgend jaar.",
  "Loopt via het regionale werkoverleg met Veilig Thuis.",
];

function generateAnswers(
  definition: QuestionnaireDefinition,
  rand: () => number,
  options: { maturity: number; sections?: string[]; teamCount?: number },
): AnswerMap {
  const answers: AnswerMap = {};
  for (const section of definition.sections) {
    if (options.sections && !options.sections.includes(section.key)) continue;
    const difficulty = THEME_DIFFICULTY[section.key] ?? 0;
    for (const item of section.items) {
      if (item.showIf && answers[item.showIf.item]?.value !== item.showIf.equals) continue;
      // The number of teams is known; every other answer is the item type's believable demo answer.
      const { value, comment } =
        item.key === "I11"
          ? { value: String(options.teamCount ?? 2), comment: null }
          : typeOf(item).demo(item, { rand, level: options.maturity - difficulty, comment: () => COMMENTS[Math.floor(rand() * COMMENTS.length)]! });
      if (value !== null || comment !== null) answers[item.key] = { value, comment };
    }
  }
  return answers;
}

export async function seedDemoData(db: DB, now = new Date()): Promise<DemoAccount[]> {
  const rand = random(20251123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const region = async (name: string) => (await db.selectFrom("region").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
  const municipalities = async (regionId: number) =>
    db.selectFrom("municipality").select(["id", "name"]).where("region_id", "=", regionId).orderBy("name").execute();

  const zaanstreek = await region("Zaanstreek-Waterland");
  const twente = await region("Twente");

  const user = (email: string, role: Role, name: string, scope: { regionId?: number; municipalityId?: number; teamId?: number }) =>
    insertUser(db, { email, role, name, passwordHash, ...scope });

  const programma = await user("programma@demo.nl", "programma", "Pien Programma (GHNT)", {});
  const regioZaanstreek = await user("regio.zaanstreek-waterland@demo.nl", "regio", "Riet van Loon", { regionId: zaanstreek });
  const regioTwente = await user("regio.twente@demo.nl", "regio", "Ruud Regio", { regionId: twente });
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  // The round is open today whenever the demo starts, so every page has a current round to show.
  const today = now.toISOString().slice(0, 10);
  const inAMonth = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
  const roundId = await insertRound(db, {
    name: "Zelfscan 2025",
    opensOn: "2025-10-01",
    closesOn: inAMonth > "2026-12-31" ? new Date(now.getTime() + 90 * 86_400_000).toISOString().slice(0, 10) : "2026-12-31",
    now,
  });
  if (today < "2025-10-01") {
    await db.updateTable("round").set({ opens_on: today }).where("id", "=", roundId).execute();
  }
  const teamDefinition = await getDefinition(db, (await latestVersionOf(db, TEAM_QUESTIONNAIRE))!.id);
  const municipalDefinition = await getDefinition(db, (await latestVersionOf(db, MUNICIPALITY_QUESTIONNAIRE))!.id);

  const gemeenteUsers = new Map<string, number>();
  const teamIds = new Map<string, { teamId: number; managerId: number }>();
  for (const regionId of [zaanstreek, twente]) {
    // Twente ran its zelfscan early in the round (it is now drafting improvement plans): nearly
    // every team submitted months ago. Zaanstreek-Waterland is still collecting.
    const early = regionId === twente;
    let teamNumber = 0;
    for (const municipality of await municipalities(regionId)) {
      // Every municipality and team of the demo regions has its own account (same demo password);
      // the README lists the ones a visitor needs.
      const gemeenteUserId = await user(`gemeente.${slugify(municipality.name)}@demo.nl`, "gemeente", `Beleidsadviseur ${municipality.name}`, {
        municipalityId: municipality.id,
      });
      gemeenteUsers.set(municipality.name, gemeenteUserId);

      const teams = TEAMS[municipality.name] ?? [
        [`Sociaal team ${municipality.name}`, "wijkteam"],
        [`CJG ${municipality.name}`, "cjg"],
      ];
      for (const [teamName, kind] of teams) {
        const teamId = await insertTeam(db, { municipalityId: municipality.id, name: teamName, kind, now });
        const demoTeam = teamName === "Wijkteam Zaandam Oost" || teamName === "Wijkteam Enschede Centrum";
        const shortName = teamName.replace(/^Wijkteam /, "");
        const managerId = await user(`team.${slugify(shortName)}@demo.nl`, "teammanager", `Teammanager ${shortName}`, { teamId });
        teamIds.set(teamName, { teamId, managerId });
        teamNumber += 1;
        const maturity = 0.35 + rand() * 0.5;
        const subject = { teamId };
        if (demoTeam) {
          // The demo team managers find their scan under way: themes A to F done, G and H still to do.
          await insertResponse(db, {
            roundId,
            questionnaireKey: TEAM_QUESTIONNAIRE,
            subject,
            userId: managerId,
            answers: generateAnswers(teamDefinition, rand, { maturity, sections: ["A", "B", "C", "D", "E", "F"] }),
            now: new Date(now.getTime() - 2 * 86_400_000),
          });
          continue;
        }
        const when = early
          ? new Date(now.getTime() - Math.floor(215 + rand() * 90) * 86_400_000 - Math.floor(rand() * 8) * 3_600_000)
          : new Date(now.getTime() - Math.floor(1 + rand() * 40) * 86_400_000 - Math.floor(rand() * 8) * 3_600_000);
        // The two Zaanstad teams the gemeente reviews in the demo (one accepted, one returned) have submitted.
        const drawn = early ? (teamNumber % 10 === 0 ? 0.7 : 0) : rand();
        const state = teamName === "Wijkteam Zaandam Noord" || teamName === "Wijkteam Zaandam West" ? 0 : drawn;
        if (state < 0.55) {
          await insertResponse(db, {
            roundId,
            questionnaireKey: TEAM_QUESTIONNAIRE,
            subject,
            userId: managerId,
            answers: generateAnswers(teamDefinition, rand, { maturity }),
            submit: true,
            now: when,
          });
        } else if (state < 0.8) {
          const sections = teamDefinition.sections.slice(0, 1 + Math.floor(rand() * 5)).map((s) => s.key);
          await insertResponse(db, {
            roundId,
            questionnaireKey: TEAM_QUESTIONNAIRE,
            subject,
            userId: managerId,
            answers: generateAnswers(teamDefinition, rand, { maturity, sections }),
            now: when,
          });
        }
        // else: not started, no response yet.
      }

      // Municipal part: every Twente municipality submitted it; in Zaanstreek-Waterland some have,
      // Zaanstad not yet (the demo gemeente fills it in).
      const municipalSubject = { municipalityId: municipality.id };
      if (municipality.name !== "Zaanstad" && (early || rand() < 0.6)) {
        await insertResponse(db, {
          roundId,
          questionnaireKey: MUNICIPALITY_QUESTIONNAIRE,
          subject: municipalSubject,
          userId: gemeenteUserId,
          answers: generateAnswers(municipalDefinition, rand, { maturity: 0.3 + rand() * 0.5, teamCount: teams.length }),
          submit: true,
          now: daysAgo(early ? 210 + Math.floor(rand() * 20) : 1 + Math.floor(rand() * 30)),
        });
      }
    }
  }

  // The review loop in Zaanstad: one scan accepted, one returned to the team with a comment.
  const reviewed = async (teamName: string, decision: "accept" | "return", comment: string | null) => {
    const team = teamIds.get(teamName);
    const response = team && (await db.selectFrom("response").select(["id", "revision", "status"]).where("team_id", "=", team.teamId).executeTakeFirst());
    if (response?.status === "submitted") {
      await reviewResponse(db, {
        responseId: response.id,
        expectedRevision: response.revision,
        userId: gemeenteUsers.get("Zaanstad")!,
        decision,
        comment,
        now: daysAgo(1),
      });
    }
  };
  await reviewed("Wijkteam Zaandam Noord", "accept", null);
  await reviewed(
    "Wijkteam Zaandam West",
    "return",
    "Bij thema F ontbreekt een toelichting op hoe jullie zicht houden na afsluiting. Vul die aan en dien opnieuw in.",
  );

  await seedDemoPhases(db, {
    now,
    roundId,
    programma,
    regions: { zaanstreek: { id: zaanstreek, lead: regioZaanstreek }, twente: { id: twente, lead: regioTwente } },
    gemeenteUsers,
    teamIds,
  });
  await seedDemoRoundTables(db, { programma, now });

  return [
    { email: "programma@demo.nl", role: "programma", description: "programmamedewerker (landelijk)" },
    { email: "regio.zaanstreek-waterland@demo.nl", role: "regio", description: "regionaal projectleider Zaanstreek-Waterland" },
    { email: "regio.twente@demo.nl", role: "regio", description: "regionaal projectleider Twente" },
    { email: "gemeente.zaanstad@demo.nl", role: "gemeente", description: "beleidsadviseur gemeente Zaanstad" },
    { email: "gemeente.enschede@demo.nl", role: "gemeente", description: "beleidsadviseur gemeente Enschede" },
    { email: "team.zaandam-oost@demo.nl", role: "teammanager", description: "teammanager Wijkteam Zaandam Oost (Zaanstad)" },
    { email: "team.enschede-centrum@demo.nl", role: "teammanager", description: "teammanager Wijkteam Enschede Centrum (Enschede)" },
  ];
}
