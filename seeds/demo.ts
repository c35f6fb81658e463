import type { DB } from "../db/client.ts";
import type { Role, TeamKind } from "../db/schema.ts";
import { hashPassword } from "../app/auth/password.server.ts";
import { getDefinition, latestVersionOf, reviewResponse } from "../app/models/response.server.ts";
import { notifySubmitted } from "../app/services/notifications.server.ts";
import { reopenSubmitted, reviewScan } from "../app/services/review.server.ts";
import { seedDemoPhases } from "./demo-phases.ts";
import { dashboardView } from "../app/services/dashboard.server.ts";
import { publish } from "../app/models/publications.server.ts";
import { seedDemoRoundTables } from "./demo-rondetafels.ts";
import { seedDemoRoundTableInput } from "./demo-input.ts";
import type { AnswerMap } from "../app/questionnaire/answers.ts";
import type { QuestionnaireDefinition } from "../app/questionnaire/definition.ts";
import { typeOf } from "../app/questionnaire/item-types/index.ts";
import { MUNICIPALITY_QUESTIONNAIRE, TEAM_QUESTIONNAIRE, insertResponse, insertRound, insertTeam, insertUser, slugify } from "./factories.ts";
import { inTransaction } from "../db/transaction.ts";
import { DEMO_EMAIL_DOMAIN } from "../app/domain/mail.ts";
import { holdUnsentMail } from "../app/models/outbox.server.ts";
import { seedDemoViews } from "./demo-views.ts";

// Demo data: teams in the two demo regions, the demo accounts, the open round "Zelfscan 2025" and
// responses in every state, so each page shows a believable picture the moment the app starts.

export const DEMO_PASSWORD = "demo-veilig-2025";

export interface DemoAccount {
  email: string;
  role: Role;
  description: string;
}

/** Teams per municipality of the demo regions; other municipalities get a wijkteam and a CJG. */
/** The Zaanstad teams whose current scan the gemeente reviewed in the demo: accepted, returned, accepted and reopened. */
const REVIEWED_TEAMS = ["Wijkteam Zaandam Noord", "Wijkteam Zaandam West", "Wijkteam Krommenie-Assendelft"];
// Submitted on the current round and waiting for the gemeente's review (the demo gemeente can accept it).
const AWAITING_REVIEW = "Wijkteam Wormerveer-Westzaan";

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

/**
 * The demo: accounts at the reserved domain demo.example, the routekaart's story, and the mail it tells
 * of held in the outbox (never sent, even when a mail server is configured). Links in that mail use the
 * installation's own origin.
 */
export async function seedDemoData(db: DB, options: { now?: Date; origin: string }): Promise<DemoAccount[]> {
  const now = options.now ?? new Date();
  const rand = random(20251123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const region = async (name: string) => (await db.selectFrom("region").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
  const municipalities = async (regionId: number) =>
    db.selectFrom("municipality").select(["id", "name"]).where("region_id", "=", regionId).orderBy("name").execute();

  const zaanstreek = await region("Zaanstreek-Waterland");
  const twente = await region("Twente");

  const user = (email: string, role: Role, name: string, scope: { regionId?: number; municipalityId?: number; teamId?: number }) =>
    insertUser(db, { email, role, name, passwordHash, ...scope });

  const programma = await user(`programma@${DEMO_EMAIL_DOMAIN}`, "programma", "Pien Programma (GHNT)", {});
  const regioZaanstreek = await user(`regio.zaanstreek-waterland@${DEMO_EMAIL_DOMAIN}`, "regio", "Riet van Loon", { regionId: zaanstreek });
  const regioTwente = await user(`regio.twente@${DEMO_EMAIL_DOMAIN}`, "regio", "Ruud Regio", { regionId: twente });
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  // Two zelfscan rounds, dated around the day the demo is built: "Zelfscan 2025", on which Twente's cycle
  // still runs (it is drafting improvement plans on its results), and "Zelfscan 2026", open now, on which
  // Zaanstreek-Waterland started its next cycle.
  const isoDay = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  const round2025 = await insertRound(db, { name: "Zelfscan 2025", opensOn: isoDay(-420), closesOn: isoDay(-90), now: daysAgo(420) });
  const round2026 = await insertRound(db, { name: "Zelfscan 2026", opensOn: isoDay(-45), closesOn: isoDay(200), now: daysAgo(45) });
  // The earlier round's scans get their own random sequence, so the current picture stays as it was.
  const earlierRand = random(20250101);
  const teamDefinition = await getDefinition(db, (await latestVersionOf(db, TEAM_QUESTIONNAIRE))!.id);
  const municipalDefinition = await getDefinition(db, (await latestVersionOf(db, MUNICIPALITY_QUESTIONNAIRE))!.id);

  const gemeenteUsers = new Map<string, number>();
  const earlierScans: { responseId: number; municipality: string }[] = [];
  const teamIds = new Map<string, { teamId: number; managerId: number }>();
  for (const regionId of [zaanstreek, twente]) {
    // Twente ran its zelfscan early in the round (it is now drafting improvement plans): nearly
    // every team submitted months ago. Zaanstreek-Waterland is still collecting.
    const early = regionId === twente;
    const roundId = early ? round2025 : round2026;
    let teamNumber = 0;
    for (const municipality of await municipalities(regionId)) {
      // Every municipality and team of the demo regions has its own account (same demo password);
      // the README lists the ones a visitor needs.
      const gemeenteUserId = await user(`gemeente.${slugify(municipality.name)}@${DEMO_EMAIL_DOMAIN}`, "gemeente", `Beleidsadviseur ${municipality.name}`, {
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
        const managerId = await user(`team.${slugify(shortName)}@${DEMO_EMAIL_DOMAIN}`, "teammanager", `Teammanager ${shortName}`, { teamId });
        teamIds.set(teamName, { teamId, managerId });
        teamNumber += 1;
        const maturity = 0.35 + rand() * 0.5;
        const subject = { teamId };
        if (!early) {
          // Zaanstreek-Waterland's previous cycle, on Zelfscan 2025: most teams submitted, and their gemeente accepted it.
          if (earlierRand() < 0.85) {
            const earlierId = await insertResponse(db, {
              roundId: round2025,
              questionnaireKey: TEAM_QUESTIONNAIRE,
              subject,
              userId: managerId,
              answers: generateAnswers(teamDefinition, earlierRand, { maturity: maturity - 0.1 }),
              submit: true,
              now: daysAgo(330 + Math.floor(earlierRand() * 40)),
            });
            earlierScans.push({ responseId: earlierId, municipality: municipality.name });
          }
        }
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
        // The Zaanstad teams the gemeente reviews in the demo (accepted, returned, reopened, awaiting) have submitted.
        const drawn = early ? (teamNumber % 10 === 0 ? 0.7 : 0) : rand();
        const reviewed = REVIEWED_TEAMS.includes(teamName) || teamName === AWAITING_REVIEW;
        const state = reviewed ? 0 : drawn;
        if (state < 0.55) {
          await insertResponse(db, {
            roundId,
            questionnaireKey: TEAM_QUESTIONNAIRE,
            subject,
            userId: managerId,
            answers: generateAnswers(teamDefinition, rand, { maturity }),
            submit: true,
            // Before the gemeente's reviews of the last days.
            now: reviewed ? daysAgo(4 + (teamNumber % 5)) : when,
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
      if (!early) {
        await insertResponse(db, {
          roundId: round2025,
          questionnaireKey: MUNICIPALITY_QUESTIONNAIRE,
          subject: municipalSubject,
          userId: gemeenteUserId,
          answers: generateAnswers(municipalDefinition, earlierRand, { maturity: 0.3 + earlierRand() * 0.4, teamCount: teams.length }),
          submit: true,
          now: daysAgo(320 + Math.floor(earlierRand() * 30)),
        });
      }
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

  // The earlier round's scans of Zaanstreek-Waterland were accepted by their gemeenten.
  for (const scan of earlierScans) {
    const response = await db.selectFrom("response").select(["id", "revision"]).where("id", "=", scan.responseId).executeTakeFirstOrThrow();
    await reviewResponse(db, {
      responseId: response.id,
      expectedRevision: response.revision,
      userId: gemeenteUsers.get(scan.municipality)!,
      decision: "accept",
      comment: null,
      now: daysAgo(300),
    });
  }

  // The review loop in Zaanstad, on the current round: one scan accepted, one returned to the team with a
  // comment, one accepted and then reopened with a reason; the teams are told (their notifications).
  const { origin } = options;
  const currentScanOf = async (teamName: string) => {
    const team = teamIds.get(teamName)!;
    return db
      .selectFrom("response")
      .select(["id", "revision", "status", "submitted_at"])
      .where("team_id", "=", team.teamId)
      .where("round_id", "=", round2026)
      .executeTakeFirstOrThrow();
  };
  const zaanstad = gemeenteUsers.get("Zaanstad")!;
  for (const teamName of [...REVIEWED_TEAMS, AWAITING_REVIEW]) {
    const response = await currentScanOf(teamName);
    // The gemeente was told when the team submitted.
    const submittedAt = new Date(response.submitted_at ?? daysAgo(3));
    await inTransaction(db, (trx) => notifySubmitted(trx, { responseId: response.id, origin, now: submittedAt }));
  }
  const review = async (teamName: string, decision: "accept" | "return", comment: string | null, when: Date) => {
    const response = await currentScanOf(teamName);
    await reviewScan(db, { responseId: response.id, expectedRevision: response.revision, userId: zaanstad, decision, comment, origin, now: when });
  };
  await review("Wijkteam Zaandam Noord", "accept", null, daysAgo(1));
  await review(
    "Wijkteam Zaandam West",
    "return",
    "Bij thema F ontbreekt een toelichting op hoe jullie zicht houden na afsluiting. Vul die aan en dien opnieuw in.",
    daysAgo(1),
  );
  await review("Wijkteam Krommenie-Assendelft", "accept", null, daysAgo(2));
  const reopened = await currentScanOf("Wijkteam Krommenie-Assendelft");
  await reopenSubmitted(db, {
    responseId: reopened.id,
    expectedRevision: reopened.revision,
    userId: zaanstad,
    reason: "Per abuis geaccepteerd: thema G is nog niet met Veilig Thuis afgestemd. Pas het aan en dien opnieuw in.",
    origin,
    now: daysAgo(1),
  });

  await seedDemoPhases(db, {
    now,
    rounds: { earlier: round2025, current: round2026 },
    origin,
    programma,
    regions: { zaanstreek: { id: zaanstreek, lead: regioZaanstreek }, twente: { id: twente, lead: regioTwente } },
    gemeenteUsers,
    teamIds,
  });
  await seedDemoRoundTables(db, { programma, now });
  const municipalityId = async (name: string) => (await db.selectFrom("municipality").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
  await seedDemoRoundTableInput(db, {
    now,
    origin,
    programma,
    regions: [zaanstreek, twente],
    leaveOpen: {
      teamIds: [teamIds.get("Wijkteam Zaandam Oost")!.teamId, teamIds.get("Wijkteam Enschede Centrum")!.teamId],
      municipalityIds: [await municipalityId("Zaanstad"), await municipalityId("Enschede")],
    },
    rand: random(20261201),
  });
  // The conversation: professionals' views of two teams, and Veilig Thuis's view of three gemeenten.
  const veiligThuis = await user(`veilig-thuis.zaanstreek-waterland@${DEMO_EMAIL_DOMAIN}`, "veilig_thuis", "Veilig Thuis Zaanstreek-Waterland", {
    regionId: zaanstreek,
  });
  await seedDemoViews(db, {
    now,
    origin,
    rand: random(20261207),
    definition: teamDefinition,
    rounds: { zaanstreek: round2026, twente: round2025 },
    teams: { zaandamOost: teamIds.get("Wijkteam Zaandam Oost")!, enschedeCentrum: teamIds.get("Wijkteam Enschede Centrum")! },
    zaanstreek,
    veiligThuisUser: veiligThuis,
    municipalities: await municipalities(zaanstreek),
  });
  // Demo mail never leaves the machine.
  await holdUnsentMail(db, "demo");
  // The dashboard and its exports mark this database's figures that no published source gives as demo data.
  await db
    .insertInto("app_setting")
    .values({ key: "demo_data", value: now.toISOString() })
    .onConflict((oc) => oc.doNothing())
    .execute();
  // The programme's own years are published (their published figures, marked where the demo adds to them);
  // the current year stays a draft for programma to preview and publish.
  for (const year of [2019, 2020, 2021]) await publish(db, await dashboardView(db, year, now), null, now);

  return [
    { email: `programma@${DEMO_EMAIL_DOMAIN}`, role: "programma", description: "programmamedewerker (landelijk)" },
    { email: `regio.zaanstreek-waterland@${DEMO_EMAIL_DOMAIN}`, role: "regio", description: "regionaal projectleider Zaanstreek-Waterland" },
    { email: `regio.twente@${DEMO_EMAIL_DOMAIN}`, role: "regio", description: "regionaal projectleider Twente" },
    { email: `gemeente.zaanstad@${DEMO_EMAIL_DOMAIN}`, role: "gemeente", description: "beleidsadviseur gemeente Zaanstad" },
    { email: `gemeente.enschede@${DEMO_EMAIL_DOMAIN}`, role: "gemeente", description: "beleidsadviseur gemeente Enschede" },
    { email: `team.zaandam-oost@${DEMO_EMAIL_DOMAIN}`, role: "teammanager", description: "teammanager Wijkteam Zaandam Oost (Zaanstad)" },
    { email: `team.enschede-centrum@${DEMO_EMAIL_DOMAIN}`, role: "teammanager", description: "teammanager Wijkteam Enschede Centrum (Enschede)" },
    { email: `veilig-thuis.zaanstreek-waterland@${DEMO_EMAIL_DOMAIN}`, role: "veilig_thuis", description: "Veilig Thuis Zaanstreek-Waterland" },
  ];
}
