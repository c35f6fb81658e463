import type { DB } from "../db/client.ts";
import { DEFAULT_PHASE_SETTINGS, type PhaseKey } from "../app/domain/phases.ts";
import { saveAnalysis } from "../app/models/analysis.server.ts";
import { addAction, adoptPlan, updateActionProgress } from "../app/models/plan.server.ts";
import { regionThemeFigures } from "../app/models/results.server.ts";
import { lowThemes } from "../app/domain/scoring.ts";
import { notifyPhaseChanged } from "../app/services/notifications.server.ts";
import { inTransaction } from "../db/transaction.ts";

/**
 * The phase of every region in the demo. The counts per phase are those the programme published in
 * its end report (2021): 3 voorbereiding, 7 zelfscan, 3 analyse, 11 verbeterplannen, 4 uitvoering
 * (docs/sources.md, source 003). Which region is where is a believable assignment, not a published fact:
 * regions with a "lokale teams versterken" project in the projectenpools are placed further along.
 */
export const DEMO_REGION_PHASES: Record<string, PhaseKey> = {
  "Noord- en Midden-Limburg": "preparation",
  "West-Veluwe Vallei": "preparation",
  Zeeland: "preparation",
  "Zaanstreek-Waterland": "selfscan",
  "Alkmaar-West-Friesland": "selfscan",
  "Kop van Noord-Holland": "selfscan",
  Drenthe: "selfscan",
  "Gelderland-Zuid": "selfscan",
  "Brabant Zuidoost": "selfscan",
  "Noord- en Oost-Brabant": "selfscan",
  "Amsterdam-Amstelland": "analysis",
  Kennemerland: "analysis",
  "Gooi en Vechtstreek": "analysis",
  Twente: "plans",
  Friesland: "plans",
  Groningen: "plans",
  "Arnhem-Achterhoek": "plans",
  Flevoland: "plans",
  Haaglanden: "plans",
  "Hart van Brabant": "plans",
  "Noord- en Oost-Gelderland": "plans",
  Utrecht: "plans",
  "West-Brabant": "plans",
  "Zuid-Limburg": "plans",
  IJsselland: "execution",
  "Rotterdam-Rijnmond": "execution",
  "Hollands-Midden": "execution",
  "Zuid-Holland Zuid": "execution",
};

/**
 * When the programme set the phase of the regions that do not use the product from their round table
 * of 2021: after it, the transition log gives their phase; for the years before, their records do.
 */
const ROUND_TABLE_SET_AT = "2021-10-01T10:00:00.000Z";

const POINTS: Record<string, string[]> = {
  A: ["Visie Gefaseerd samenwerken aan veiligheid opnemen in het teamplan"],
  B: ["Afwegingskader van de meldcode in elk casusoverleg toepassen"],
  C: ["Veiligheidsplan altijd samen met gezin en netwerk opstellen"],
  D: ["Plegeraanpak standaard betrekken bij het hulpverleningsplan"],
  E: ["Traumascreening voor kinderen structureel inzetten", "Herstelplan opnemen in het dossier"],
  F: ["Zicht op veiligheid tot 1,5 jaar na afsluiten borgen", "Vervolgmomenten met gezinnen vastleggen"],
  G: ["Werkafspraken met Veilig Thuis over terugkoppeling herijken"],
  H: ["Scholingsplan huiselijk geweld voor alle teamleden"],
  I: ["Opdracht aan de teams expliciet maken in de subsidievoorwaarden"],
};

interface Input {
  now: Date;
  /** Zelfscan 2025 (Twente's cycle, and Zaanstreek-Waterland's previous one) and Zelfscan 2026 (open now). */
  rounds: { earlier: number; current: number };
  /** Where the links in the demo's notification mails point. */
  origin: string;
  programma: number;
  regions: { zaanstreek: { id: number; lead: number }; twente: { id: number; lead: number } };
  gemeenteUsers: Map<string, number>;
  teamIds: Map<string, { teamId: number; managerId: number }>;
}

export async function seedDemoPhases(db: DB, input: Input) {
  const daysAgo = (days: number) => new Date(input.now.getTime() - days * 86_400_000).toISOString();
  const regions = await db.selectFrom("region").select(["id", "name"]).execute();
  const transition = (
    regionId: number,
    from: PhaseKey | null,
    to: PhaseKey,
    actor: number,
    at: string,
    kind: "advance" | "override" | "cycle",
    reason: string | null,
    roundId: number | null = null,
  ) =>
    db
      .insertInto("phase_transition")
      .values({ region_id: regionId, from_phase: from, to_phase: to, kind, actor_id: actor, at, reason, round_id: roundId })
      .execute();

  for (const region of regions) {
    const target = DEMO_REGION_PHASES[region.name];
    if (!target || target === "preparation") continue;
    if (region.id === input.regions.twente.id || region.id === input.regions.zaanstreek.id) continue;
    // Regions that do not use the product yet: their phase was set by the programme from the round table.
    await transition(region.id, "preparation", target, input.programma, ROUND_TABLE_SET_AT, "override", "Stand volgens het rondetafelgesprek 2021.");
  }

  const roundId = input.rounds.earlier;
  // Zaanstreek-Waterland: collected its zelfscan on Zelfscan 2025, then programma started its next cycle
  // on Zelfscan 2026 (the region wanted to start again on the new round); its teams and gemeenten were told.
  const zw = input.regions.zaanstreek;
  await transition(zw.id, "preparation", "selfscan", zw.lead, daysAgo(380), "advance", null, input.rounds.earlier);
  await transition(
    zw.id,
    "selfscan",
    "selfscan",
    input.programma,
    daysAgo(40),
    "cycle",
    "De regio begint de zelfscan opnieuw op de ronde van 2026, met alle teams tegelijk.",
    input.rounds.current,
  );
  const currentName = (await db.selectFrom("round").select("name").where("id", "=", input.rounds.current).executeTakeFirstOrThrow()).name;
  await inTransaction(db, (trx) =>
    notifyPhaseChanged(trx, { regionId: zw.id, to: "selfscan", cycle: { roundName: currentName }, origin: input.origin, now: new Date(daysAgo(40)) }),
  );

  // Twente: through the zelfscan and the analysis, now drafting improvement plans.
  const tw = input.regions.twente;
  await transition(tw.id, "preparation", "selfscan", tw.lead, daysAgo(320), "advance", null, roundId);
  await transition(tw.id, "selfscan", "analysis", tw.lead, daysAgo(195), "advance", null, roundId);
  const figures = (await regionThemeFigures(db, roundId, { regionId: tw.id })).figures;
  const low = lowThemes(figures, DEFAULT_PHASE_SETTINGS.lowThemeScore);
  await saveAnalysis(db, {
    regionId: tw.id,
    roundId: roundId,
    userId: tw.lead,
    summary:
      "De teams in Twente signaleren goed en werken volgens de meldcode. Zwakker zijn het zicht op veiligheid na afsluiten van de hulp en herstelgerichte zorg; " +
      "daar is regionale afstemming met Veilig Thuis nodig. De gemeenten nemen de verbeterpunten op in hun verbeterplannen.",
    themes: Object.fromEntries(
      figures.map((f) => [
        f.theme,
        {
          strengths: low.includes(f.theme) ? "" : "Werkwijze is bekend en wordt in de meeste teams toegepast.",
          points: low.includes(f.theme) ? (POINTS[f.theme] ?? [`Verbeteren thema ${f.theme}`]).join("\n") : "",
        },
      ]),
    ),
    now: new Date(daysAgo(120)),
  });
  await transition(tw.id, "analysis", "plans", tw.lead, daysAgo(64), "advance", null, roundId);
  await inTransaction(db, (trx) => notifyPhaseChanged(trx, { regionId: tw.id, to: "plans", cycle: null, origin: input.origin, now: new Date(daysAgo(64)) }));

  // Plans: Hengelo, Almelo and Enschede adopted theirs (Enschede's has an overdue action of Wijkteam
  // Enschede Centrum, which its team manager sees on the start page); the other Twente municipalities have none yet.
  const points = await db.selectFrom("improvement_point").select(["id", "theme_key"]).where("region_id", "=", tw.id).execute();
  const pointFor = (theme: string) => points.find((p) => p.theme_key === theme)?.id ?? null;
  const municipalityId = async (name: string) => (await db.selectFrom("municipality").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
  const plan = async (
    name: string,
    actions: { theme: string; title: string; team?: string; owner?: string; dueInDays: number; status: "planned" | "ongoing" }[],
    adopt: boolean,
  ) => {
    const id = await municipalityId(name);
    const userId = input.gemeenteUsers.get(name)!;
    for (const a of actions) {
      await addAction(db, {
        municipalityId: id,
        roundId: roundId,
        userId,
        action: {
          theme: a.theme,
          pointId: pointFor(a.theme),
          title: a.title,
          ownerTeamId: a.team ? (input.teamIds.get(a.team)?.teamId ?? null) : null,
          ownerName: a.owner ?? null,
          due: daysAgo(-a.dueInDays).slice(0, 10),
          status: a.status,
        },
        now: new Date(daysAgo(50)),
      });
    }
    if (adopt) await adoptPlan(db, { municipalityId: id, roundId: roundId, userId, now: new Date(daysAgo(30)) });
  };
  await plan(
    "Hengelo",
    [
      {
        theme: "F",
        title: "Na afsluiten elk kwartaal contact met gezinnen waar geweld speelde, anderhalf jaar lang",
        team: "Wijkteam Hengelo Noord",
        dueInDays: 120,
        status: "ongoing",
      },
      {
        theme: "E",
        title: "Traumascreening kinderen invoeren in alle wijkteams",
        owner: "M. Jansen, beleidsadviseur jeugd",
        dueInDays: 200,
        status: "planned",
      },
      {
        theme: "G",
        title: "Werkafspraken terugkoppeling met Veilig Thuis IJsselland-Twente vastleggen",
        owner: "Regionaal projectleider",
        dueInDays: 60,
        status: "ongoing",
      },
    ],
    true,
  );
  await plan(
    "Almelo",
    [
      {
        theme: "F",
        title: "Monitoringslijst zicht op veiligheid na afsluiten invoeren",
        team: "Sociaal wijkteam Almelo Noord",
        dueInDays: 90,
        status: "planned",
      },
      {
        theme: "H",
        title: "Scholing visie Gefaseerd samenwerken aan veiligheid voor alle teamleden",
        owner: "Opleidingscoördinator",
        dueInDays: 150,
        status: "planned",
      },
    ],
    true,
  );
  await plan(
    "Enschede",
    [
      {
        theme: "F",
        title: "Vervolgmomenten met gezinnen vastleggen in het registratiesysteem",
        team: "Wijkteam Enschede Centrum",
        dueInDays: -10,
        status: "ongoing",
      },
      { theme: "I", title: "Opdracht aan de wijkteams aanvullen met het kwaliteitskader", owner: "Beleidsadviseur Enschede", dueInDays: 45, status: "planned" },
    ],
    true,
  );
  // One progress note, so the plan's history shows an update too.
  const hengeloAction = await db
    .selectFrom("improvement_action")
    .innerJoin("improvement_plan", "improvement_plan.id", "improvement_action.plan_id")
    .select(["improvement_action.id"])
    .where("improvement_plan.municipality_id", "=", await municipalityId("Hengelo"))
    .where("improvement_action.theme_key", "=", "G")
    .executeTakeFirst();
  if (hengeloAction) {
    await updateActionProgress(db, {
      municipalityId: await municipalityId("Hengelo"),
      roundId: roundId,
      actionId: hengeloAction.id,
      status: "ongoing",
      note: "Eerste overleg met Veilig Thuis gevoerd; concept-afspraken in bespreking.",
      userId: input.gemeenteUsers.get("Hengelo")!,
      now: new Date(daysAgo(7)),
    });
  }
}
