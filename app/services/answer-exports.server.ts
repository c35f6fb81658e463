import type { DB } from "../../db/client.ts";
import type { Audience } from "../../db/schema.ts";
import type { QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { codebookOf, typeOf, type Item } from "../questionnaire/item-types/index.ts";
import { getDefinition } from "../models/response.server.ts";
import { roundVersionId } from "../models/rounds.server.ts";
import { headerOf, type Column, type Sheet } from "./spreadsheets.server.ts";

/**
 * Answers as a spreadsheet: one row per submitted response of one questionnaire in one round, in a scope
 * (the country, a region, a municipality). Drafts are never exported: the one who fills in a draft reads
 * it on its pages, nobody else reads it at all. The columns come from the item types (a multi item one
 * column per option, numbers as numbers, dates as dates); a codebook sheet explains every column.
 * Rows are read a page at a time, each page one short query for the responses and one for their answers,
 * so a slow download never holds the database (decision 33).
 */

export interface ExportScope {
  regionId?: number;
  municipalityId?: number;
  /** One team: its own copy (the team part only). */
  teamId?: number;
}

const RESPONSES_PER_QUERY = 200;

interface ItemColumns {
  item: Item;
  section: string;
  columns: Column[];
  comment: boolean;
}

function itemColumns(definition: QuestionnaireDefinition): ItemColumns[] {
  return definition.sections.flatMap((section) =>
    section.items.map((item) => {
      // The header names the item by its key and the start of its text (a multi item's option after it); the codebook has it whole.
      const columns = typeOf(item)
        .exportColumns(item, definition.scale.options)
        .map((c) => ({
          header: c.header.startsWith(`${item.text}: `)
            ? `${headerOf(item.key, item.text, 40)}: ${c.header.slice(item.text.length + 2)}`
            : headerOf(item.key, c.header),
          type: c.type,
          width: 24,
        }));
      return { item, section: `${section.key}. ${section.title}`, columns, comment: "comment" in item && Boolean(item.comment) };
    }),
  );
}

/** The fixed columns before the answers; "Geaccepteerd op" only where the gemeente reviews (a team's zelfscan). */
function subjectColumns(audience: Audience, reviewed: boolean): Column[] {
  return [
    ...(audience === "team" ? [{ header: "Team", width: 32 }] : []),
    { header: "Gemeente", width: 24 },
    { header: "CBS-code", width: 10 },
    { header: "Regio", width: 24 },
    { header: "Ronde", width: 16 },
    { header: "Vragenlijst", width: 32 },
    { header: "Versie", type: "number", width: 8 },
    { header: "Stand", width: 14 },
    { header: "Ingediend op", type: "date", width: 13 },
    ...(reviewed ? [{ header: "Geaccepteerd op", type: "date" as const, width: 15 }] : []),
  ];
}

export interface AnswerSheets {
  answers: Sheet;
  codebook: Sheet;
  definition: QuestionnaireDefinition;
}

/** The answers of one questionnaire (key) in a round within a scope, with its codebook; null when the round has no such questionnaire. */
export async function answerSheets(
  db: DB,
  input: { roundId: number; questionnaireKey: string; audience: Audience; scope: ExportScope },
): Promise<AnswerSheets | null> {
  const versionId = await roundVersionId(db, input.roundId, input.questionnaireKey);
  if (!versionId) return null;
  const definition = await getDefinition(db, versionId);
  const items = itemColumns(definition);
  const round = await db.selectFrom("round").select("kind").where("id", "=", input.roundId).executeTakeFirst();
  // Only a team's zelfscan is reviewed and accepted (by its gemeente); any other part would have an empty column.
  const reviewed = input.audience === "team" && round?.kind === "zelfscan";
  const columns: Column[] = [
    ...subjectColumns(input.audience, reviewed),
    ...items.flatMap((i) => [...i.columns, ...(i.comment ? [{ header: `${i.item.key}: toelichting`, width: 30 }] : [])]),
  ];
  return {
    definition,
    answers: { name: "Antwoorden", columns, rows: answerRows(db, { ...input, reviewed }, definition, items) },
    codebook: { name: "Codeboek", columns: CODEBOOK_COLUMNS, rows: codebookRows(definition, items, reviewed) },
  };
}

async function* answerRows(
  db: DB,
  input: { roundId: number; questionnaireKey: string; audience: Audience; scope: ExportScope; reviewed: boolean },
  definition: QuestionnaireDefinition,
  items: ItemColumns[],
) {
  const scale = definition.scale.options;
  let afterId = 0;
  for (;;) {
    let query = db
      .selectFrom("response")
      .innerJoin("round", "round.id", "response.round_id")
      .innerJoin("questionnaire_version as qv", "qv.id", "response.questionnaire_version_id")
      .leftJoin("team", "team.id", "response.team_id")
      .innerJoin("municipality", (join) =>
        join.on((eb) => eb.or([eb("municipality.id", "=", eb.ref("response.municipality_id")), eb("municipality.id", "=", eb.ref("team.municipality_id"))])),
      )
      .innerJoin("region", "region.id", "municipality.region_id")
      .select([
        "response.id",
        "team.name as team_name",
        "municipality.name as municipality_name",
        "municipality.cbs_code",
        "region.name as region_name",
        "round.name as round_name",
        "qv.title",
        "qv.version",
        "response.submitted_at",
        "response.accepted_at",
      ])
      .where("response.round_id", "=", input.roundId)
      .where("response.questionnaire_key", "=", input.questionnaireKey)
      .where("response.status", "=", "submitted")
      .where("response.id", ">", afterId);
    if (input.scope.regionId !== undefined) query = query.where("municipality.region_id", "=", input.scope.regionId);
    if (input.scope.municipalityId !== undefined) query = query.where("municipality.id", "=", input.scope.municipalityId);
    if (input.scope.teamId !== undefined) query = query.where("response.team_id", "=", input.scope.teamId);
    const responses = await query.orderBy("response.id").limit(RESPONSES_PER_QUERY).execute();
    if (!responses.length) return;
    const stored = await db
      .selectFrom("answer")
      .select(["response_id", "item_key", "value", "comment"])
      .where(
        "response_id",
        "in",
        responses.map((r) => r.id),
      )
      .execute();
    const answers = new Map<number, Map<string, { value: string | null; comment: string | null }>>();
    for (const a of stored) {
      if (!answers.has(a.response_id)) answers.set(a.response_id, new Map());
      answers.get(a.response_id)!.set(a.item_key, a);
    }
    for (const r of responses) {
      const own = answers.get(r.id);
      yield [
        ...(input.audience === "team" ? [r.team_name] : []),
        r.municipality_name,
        r.cbs_code,
        r.region_name,
        r.round_name,
        r.title,
        r.version,
        r.accepted_at ? "Geaccepteerd" : "Ingediend",
        r.submitted_at,
        ...(input.reviewed ? [r.accepted_at] : []),
        ...items.flatMap(({ item, comment }) => {
          const answer = own?.get(item.key);
          const cells = typeOf(item).exportCells(item, answer?.value ?? null, scale);
          return comment ? [...cells, answer?.comment ?? null] : cells;
        }),
      ];
    }
    afterId = responses[responses.length - 1]!.id;
  }
}

const CODEBOOK_COLUMNS: Column[] = [
  { header: "Kolom", width: 40 },
  { header: "Vraag", width: 10 },
  { header: "Onderdeel", width: 32 },
  { header: "Vraagtekst", width: 60 },
  { header: "Soort", width: 16 },
  { header: "Waarden", width: 60 },
];

function* codebookRows(definition: QuestionnaireDefinition, items: ItemColumns[], reviewed: boolean) {
  for (const column of subjectColumns(definition.audience, reviewed))
    yield [column.header, "", "", "", column.type === "date" ? "datum" : column.type === "number" ? "getal" : "tekst", ""];
  for (const { item, section, columns, comment } of items) {
    const { kind, values } = codebookOf(item, definition.scale.options);
    for (const column of columns) yield [column.header, item.key, section, item.text, kind, values];
    if (comment) yield [`${item.key}: toelichting`, item.key, section, `Toelichting bij ${item.key}`, "tekst", ""];
  }
}
