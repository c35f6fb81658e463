import type { DB } from "../db/client.ts";
import { dayOf } from "../app/domain/format.ts";
import type { AnswerMap } from "../app/questionnaire/answers.ts";
import { INPUT_QUESTIONNAIRE, openRoundTableInput } from "../app/models/round-table-input.server.ts";
import { insertResponse } from "./factories.ts";

/**
 * Demo round-table input: programma asked Zaanstreek-Waterland and Twente for input for next year's talk,
 * with a deadline some weeks ahead. About half of their teams and gemeenten answered (most submitted, a
 * few still drafting); the demo team managers and the demo gemeenten have the task on their start page.
 * Written through the product's own functions, so the demo shows only what the product can make.
 */

const GOED = [
  "Het casusoverleg met Veilig Thuis loopt goed: we weten elkaar snel te vinden.",
  "Na de training Gefaseerd samenwerken aan veiligheid werken we met een gedeeld veiligheidsplan.",
  "Het team kent de meldcode goed en bespreekt signalen in het wekelijkse teamoverleg.",
  "De samenwerking met de scholen in de wijk is sterk verbeterd.",
  "We houden zicht op veiligheid na afsluiting door een vast belmoment na drie maanden.",
  "De aandachtsfunctionaris is goed bereikbaar en denkt mee in complexe casussen.",
];
const KNELPUNTEN_TOELICHTING = [
  "Wachttijden bij de specialistische hulp maken dat we gezinnen te lang moeten overbruggen.",
  "Het delen van gegevens met de politie blijft lastig; elke partner hanteert eigen regels.",
  "Door verloop in het team moeten nieuwe collega's steeds opnieuw worden geschoold.",
  "Er is te weinig tijd voor het nagesprek na een crisis.",
];
const NODIG_REGIO = [
  "Een regionale werkafspraak over wie de regie heeft na een melding bij Veilig Thuis.",
  "Scholing in risicotaxatie voor nieuwe medewerkers, twee keer per jaar.",
  "Een vast aanspreekpunt in de regio voor vragen over het kwaliteitskader.",
  "Intervisie met teams uit andere gemeenten.",
];
const NODIG_PROGRAMMA = [
  "Heldere landelijke afspraken over gegevensdeling tussen zorg en veiligheid.",
  "Voorbeelden van teams die het kwaliteitskader al goed hebben geborgd.",
  "Structurele financiering in plaats van projectgeld.",
];

export async function seedDemoRoundTableInput(
  db: DB,
  input: {
    now: Date;
    origin: string;
    programma: number;
    regions: number[];
    /** Teams and gemeenten that are left without input: the demo accounts find the task open. */
    leaveOpen: { teamIds: number[]; municipalityIds: number[] };
    rand: () => number;
  },
) {
  const { now, rand } = input;
  const year = now.getUTCFullYear() + 1;
  const asked = new Date(now.getTime() - 12 * 86_400_000);
  const deadline = dayOf(new Date(now.getTime() + 45 * 86_400_000));
  let roundId = 0;
  for (const regionId of input.regions) {
    const opened = await openRoundTableInput(db, { year, regionId, deadline, userId: input.programma, origin: input.origin, now: asked });
    if (!opened.ok) throw new Error(`demo input: ${opened.message}`);
    roundId = opened.roundId;
  }
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const answersFor = (): AnswerMap => {
    const knelpunten = ["draagvlak", "samenwerking", "capaciteit", "kennis", "gegevensdeling", "financiering"].filter(() => rand() < 0.35);
    const prioriteiten = ["integrale_sturing", "mda", "lokale_infrastructuur", "sociale_steun", "ouderenmishandeling"].filter(() => rand() < 0.4).slice(0, 3);
    return {
      goed: { value: pick(GOED), comment: null },
      knelpunten: { value: JSON.stringify(knelpunten.length ? knelpunten : ["geen"]), comment: null },
      ...(knelpunten.length && rand() < 0.6 ? { knelpunten_toelichting: { value: pick(KNELPUNTEN_TOELICHTING), comment: null } } : {}),
      nodig_regio: { value: pick(NODIG_REGIO), comment: null },
      ...(rand() < 0.6 ? { nodig_programma: { value: pick(NODIG_PROGRAMMA), comment: null } } : {}),
      kwaliteitskader: { value: pick(["zelfscan", "zelfscan", "verbeteren", "verbeteren", "geborgd", "nog_niet"]), comment: null },
      prioriteiten: { value: JSON.stringify(prioriteiten.length ? prioriteiten : ["lokale_infrastructuur"]), comment: null },
    };
  };
  const when = () => new Date(asked.getTime() + Math.floor(1 + rand() * 10) * 86_400_000);

  const teams = await db
    .selectFrom("team")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .innerJoin("user_account", (join) => join.onRef("user_account.team_id", "=", "team.id").on("user_account.role", "=", "teammanager"))
    .select(["team.id", "user_account.id as manager"])
    .where("municipality.region_id", "in", input.regions)
    .where("team.active", "=", 1)
    .orderBy("team.id")
    .execute();
  for (const team of teams) {
    if (input.leaveOpen.teamIds.includes(team.id)) continue;
    const r = rand();
    if (r > 0.6) continue;
    const answers = answersFor();
    await insertResponse(db, {
      roundId,
      questionnaireKey: INPUT_QUESTIONNAIRE.team,
      subject: { teamId: team.id },
      userId: team.manager,
      answers: r < 0.5 ? answers : { goed: answers.goed! },
      submit: r < 0.5,
      now: when(),
    });
  }
  const municipalities = await db
    .selectFrom("municipality")
    .innerJoin("user_account", (join) => join.onRef("user_account.municipality_id", "=", "municipality.id").on("user_account.role", "=", "gemeente"))
    .select(["municipality.id", "user_account.id as gemeente"])
    .where("municipality.region_id", "in", input.regions)
    .orderBy("municipality.id")
    .execute();
  for (const municipality of municipalities) {
    if (input.leaveOpen.municipalityIds.includes(municipality.id) || rand() > 0.5) continue;
    await insertResponse(db, {
      roundId,
      questionnaireKey: INPUT_QUESTIONNAIRE.municipality,
      subject: { municipalityId: municipality.id },
      userId: municipality.gemeente,
      answers: answersFor(),
      submit: true,
      now: when(),
    });
  }
}
