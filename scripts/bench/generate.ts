// First: refuse an unsupported Node before a native addon is loaded.
import "../../app/server/node-version.ts";
import { createHash } from "node:crypto";
import { rmSync, statSync } from "node:fs";
import SQLite from "better-sqlite3";
import { prepareDatabase } from "../../app/server/bootstrap.server.ts";
import { openDatabase } from "../../db/client.ts";
import { publish } from "../../app/models/publications.server.ts";
import { dashboardView } from "../../app/services/dashboard.server.ts";
import { hashPassword } from "../../app/auth/password.server.ts";
import { SECURE_SESSION_COOKIE } from "../../app/auth/session.server.ts";
import { getDefinition, latestVersionOf } from "../../app/models/response.server.ts";
import { ROUND_TABLE_QUESTIONNAIRE } from "../../app/models/rondetafel.server.ts";
import { allItems, type QuestionnaireDefinition } from "../../app/questionnaire/definition.ts";
import { typeOf } from "../../app/questionnaire/item-types/index.ts";

/**
 * Fills a fresh database at national scale for the benchmark: 28 regions, 342 municipalities, the
 * given number of teams (1,500), yearly zelfscan rounds (5) with the team part answered in full by 90%
 * of the teams and the municipal part by every municipality, round tables for every region and year,
 * and improvement plans with 5 actions per municipality. Team managers, gemeenten, regio's and one
 * programma account get sessions with known tokens, so the load run needs no logins.
 */

export interface Scale {
  teams: number;
  rounds: number;
  answeredShare: number;
}
export const NATIONAL: Scale = { teams: 1500, rounds: 5, answeredShare: 0.9 };
/** Data that grew: ten times the teams and twice the rounds (`BENCH_DATA=10x`). */
export const TEN_TIMES: Scale = { teams: 15_000, rounds: 10, answeredShare: 0.9 };

export interface Generated {
  file: string;
  seconds: number;
  bytes: number;
  /** Session cookie values by role; team managers also by whether their current scan is unstarted. */
  cookies: {
    team: { cookie: string; teamId: number; responseId: number | null }[];
    regio: { cookie: string; regionId: number }[];
    /** The first gemeente's, for its start page in Lighthouse. */
    gemeente: { cookie: string; municipalityId: number };
    programma: string;
  };
  /** The year whose national picture is published (the current one), for the public scenario. */
  publishedYear: number;
}

const token = (label: string) => createHash("sha256").update(`bench:${label}`).digest("base64url");
const tokenHash = (t: string) => createHash("sha256").update(t).digest("hex");

function answerFor(definition: QuestionnaireDefinition, key: string, i: number): string | null {
  const item = allItems(definition).find((x) => x.key === key)!;
  return typeOf(item).bench(item, i, definition.scale.options);
}

export async function generate(file: string, scale: Scale = NATIONAL): Promise<Generated> {
  const started = Date.now();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const { db } = await prepareDatabase({ databasePath: file, seedDemo: false });
  const teamDef = await getDefinition(db, (await latestVersionOf(db, "zelfscan-team"))!.id);
  const teamVersion = (await latestVersionOf(db, "zelfscan-team"))!.id;
  const municipalDef = await getDefinition(db, (await latestVersionOf(db, "zelfscan-gemeente"))!.id);
  const municipalVersion = (await latestVersionOf(db, "zelfscan-gemeente"))!.id;
  const roundTableDef = await getDefinition(db, (await latestVersionOf(db, ROUND_TABLE_QUESTIONNAIRE))!.id);
  const roundTableVersion = (await latestVersionOf(db, ROUND_TABLE_QUESTIONNAIRE))!.id;
  await db.destroy();
  const passwordHash = await hashPassword("bench-wachtwoord-lang-genoeg", 1024);

  const sqlite = new SQLite(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF"); // generation only; the server opens it with FULL
  const now = new Date();
  const iso = now.toISOString();
  const expires = new Date(now.getTime() + 24 * 3600_000).toISOString();
  const cookies: Generated["cookies"] = { team: [], regio: [], gemeente: { cookie: "", municipalityId: 0 }, programma: "" };

  sqlite.transaction(() => {
    const regions = sqlite.prepare("select id, name from region order by id").all() as { id: number; name: string }[];
    const municipalities = sqlite.prepare("select id, region_id from municipality order by id").all() as { id: number; region_id: number }[];
    const insertUser = sqlite.prepare(
      "insert into user_account (email, name, password_hash, role, region_id, municipality_id, team_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insertSession = sqlite.prepare("insert into session (id, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)");
    const session = (label: string, userId: number) => {
      const t = token(label);
      insertSession.run(tokenHash(t), userId, iso, iso, expires);
      // The benchmark runs the production server, whose session cookie carries the __Host- prefix.
      return `${SECURE_SESSION_COOKIE}=${t}`;
    };
    const programma = Number(insertUser.run("programma@bench.nl", "Programma", passwordHash, "programma", null, null, null, iso).lastInsertRowid);
    cookies.programma = session("programma", programma);
    for (const r of regions) {
      const id = Number(insertUser.run(`regio${r.id}@bench.nl`, `Regio ${r.name}`, passwordHash, "regio", r.id, null, null, iso).lastInsertRowid);
      cookies.regio.push({ cookie: session(`regio${r.id}`, id), regionId: r.id });
    }
    const gemeenteUser = new Map<number, number>();
    for (const m of municipalities)
      gemeenteUser.set(
        m.id,
        Number(insertUser.run(`gemeente${m.id}@bench.nl`, `Gemeente ${m.id}`, passwordHash, "gemeente", null, m.id, null, iso).lastInsertRowid),
      );
    const first = municipalities[0]!.id;
    cookies.gemeente = { cookie: session(`gemeente${first}`, gemeenteUser.get(first)!), municipalityId: first };

    const insertTeam = sqlite.prepare("insert into team (municipality_id, name, kind, created_at) values (?, ?, 'wijkteam', ?)");
    const teams: { id: number; municipality: number; manager: number }[] = [];
    for (let i = 0; i < scale.teams; i++) {
      const municipality = municipalities[i % municipalities.length]!.id;
      const id = Number(insertTeam.run(municipality, `Team ${i + 1}`, iso).lastInsertRowid);
      const manager = Number(insertUser.run(`team${id}@bench.nl`, `Teammanager ${id}`, passwordHash, "teammanager", null, null, id, iso).lastInsertRowid);
      teams.push({ id, municipality, manager });
    }

    const insertRound = sqlite.prepare("insert into round (name, kind, year, opens_on, closes_on, created_at) values (?, ?, ?, ?, ?, ?)");
    const insertRq = sqlite.prepare("insert into round_questionnaire (round_id, audience, questionnaire_key, questionnaire_version_id) values (?, ?, ?, ?)");
    const insertResponse = sqlite.prepare(
      "insert into response (round_id, questionnaire_key, questionnaire_version_id, team_id, municipality_id, region_id, status, revision, created_at, updated_at, updated_by, submitted_at, submitted_by) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)",
    );
    const insertAnswer = sqlite.prepare("insert into answer (response_id, item_key, value, comment, updated_at, updated_by) values (?, ?, ?, null, ?, ?)");
    const teamItems = allItems(teamDef)
      .filter((i) => !i.showIf)
      .map((i) => i.key);
    const municipalItems = allItems(municipalDef).map((i) => i.key);
    const thisYear = now.getUTCFullYear();
    let currentRound = 0;
    for (let r = 0; r < scale.rounds; r++) {
      const year = thisYear - (scale.rounds - 1 - r);
      const last = r === scale.rounds - 1;
      const roundId = Number(
        insertRound.run(`Zelfscan ${year}`, "zelfscan", null, `${year}-01-01`, last ? `${year + 1}-12-31` : `${year}-12-31`, iso).lastInsertRowid,
      );
      insertRq.run(roundId, "team", "zelfscan-team", teamVersion);
      insertRq.run(roundId, "municipality", "zelfscan-gemeente", municipalVersion);
      if (last) currentRound = roundId;
      teams.forEach((team, i) => {
        // 90% answered in full; in the current round the rest is left unstarted for the flow scenario.
        if (i % 10 >= scale.answeredShare * 10) {
          if (last) cookies.team.push({ cookie: session(`team${team.id}`, team.manager), teamId: team.id, responseId: null });
          return;
        }
        const responseId = Number(
          insertResponse.run(
            roundId,
            "zelfscan-team",
            teamVersion,
            team.id,
            null,
            null,
            last && i % 2 ? "draft" : "submitted",
            iso,
            iso,
            team.manager,
            last && i % 2 ? null : iso,
            last && i % 2 ? null : team.manager,
          ).lastInsertRowid,
        );
        for (const key of teamItems) insertAnswer.run(responseId, key, answerFor(teamDef, key, i + r), iso, team.manager);
        // Half of the current round's scans are drafts: the section and save scenarios use them.
        if (last && i % 2) cookies.team.push({ cookie: session(`team${team.id}`, team.manager), teamId: team.id, responseId });
      });
      for (const m of municipalities) {
        const responseId = Number(
          insertResponse.run(
            roundId,
            "zelfscan-gemeente",
            municipalVersion,
            null,
            m.id,
            null,
            "submitted",
            iso,
            iso,
            gemeenteUser.get(m.id),
            iso,
            gemeenteUser.get(m.id),
          ).lastInsertRowid,
        );
        for (const key of municipalItems) insertAnswer.run(responseId, key, answerFor(municipalDef, key, m.id + r), iso, gemeenteUser.get(m.id)!);
      }
      const roundTable = Number(insertRound.run(`Rondetafel ${year}`, "rondetafel", year, `${year}-01-01`, `${year}-12-31`, iso).lastInsertRowid);
      insertRq.run(roundTable, "region", ROUND_TABLE_QUESTIONNAIRE, roundTableVersion);
      for (const region of regions) {
        const responseId = Number(
          insertResponse.run(roundTable, ROUND_TABLE_QUESTIONNAIRE, roundTableVersion, null, null, region.id, "submitted", iso, iso, programma, iso, programma)
            .lastInsertRowid,
        );
        for (const item of allItems(roundTableDef))
          if (!item.showIf) insertAnswer.run(responseId, item.key, answerFor(roundTableDef, item.key, region.id + r), iso, programma);
      }
    }
    const insertPlan = sqlite.prepare("insert into improvement_plan (municipality_id, round_id, created_at, adopted_at, adopted_by) values (?, ?, ?, ?, ?)");
    const insertAction = sqlite.prepare(
      "insert into improvement_action (plan_id, theme_key, title, owner_name, due_on, status, created_at, updated_at, updated_by) values (?, ?, ?, 'Eigenaar', ?, 'planned', ?, ?, ?)",
    );
    for (const m of municipalities) {
      const planId = Number(insertPlan.run(m.id, currentRound, iso, iso, gemeenteUser.get(m.id)).lastInsertRowid);
      for (const theme of ["A", "B", "C", "E", "F"])
        insertAction.run(planId, theme, `Actie ${theme}`, `${thisYear + 1}-06-30`, iso, iso, gemeenteUser.get(m.id));
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  // The current year's national picture, published as programma does (a snapshot), for the public scenario.
  const publishedYear = now.getUTCFullYear();
  const kysely = openDatabase(file);
  await publish(kysely, await dashboardView(kysely, publishedYear, now), null, now);
  await kysely.destroy();
  return { file, seconds: (Date.now() - started) / 1000, bytes: statSync(file).size, cookies, publishedYear };
}

if (process.argv[1]?.endsWith("generate.ts")) {
  const file = process.argv[2] ?? "data/bench.db";
  const result = await generate(file);
  console.log(`Gegenereerd: ${file} in ${result.seconds.toFixed(1)} s, ${(result.bytes / 1024 / 1024).toFixed(1)} MB`);
}
