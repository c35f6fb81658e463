import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { requireDownloadScope, requireUser } from "../auth/guards.server.ts";
import { regionCycleRound } from "../models/cycles.server.ts";
import { parseYear, roundTableRound } from "../models/rondetafel.server.ts";
import { INPUT_QUESTIONNAIRE } from "../models/round-table-input.server.ts";
import { getRound, listRounds } from "../models/rounds.server.ts";
import { download, notFound, parseId } from "../http/http.server.ts";
import { answerSheets, type ExportScope } from "../services/answer-exports.server.ts";
import { csvStream, xlsxStream, type Sheet } from "../services/spreadsheets.server.ts";
import { professionalsSheets, zelfscanAnswerSheets, zelfscanResultsSheet, type ZelfscanPart } from "../services/zelfscan-exports.server.ts";
import type { DownloadKind } from "../domain/policy.ts";
import { readerOf } from "../domain/small-groups.ts";

/**
 * Downloads in the user's scope, as CSV or XLSX:
 *   zelfscan-antwoorden.(csv|xlsx)?ronde=&deel=team|gemeente|veilig-thuis  the submitted answers, with a codebook (XLSX)
 *   zelfscan-professionals.(csv|xlsx)?ronde=                 per team (from 3 views) and question, how often each answer was given
 *   zelfscan-resultaten.(csv|xlsx)?ronde=                     the scores per theme per group
 *   rondetafel-input.(csv|xlsx)?jaar=&deel=team|gemeente      a region's (or every region's) round-table input
 * The scope is ?team=ID (that team's manager, its gemeente, its regio, programma: the team's own copy),
 * ?gemeente=ID (that gemeente, its regio, programma), ?regio=ID (that regio, programma) or nothing
 * (programma: the country). Any other scope is not found, as on the pages.
 */

const FILE = /^(zelfscan-antwoorden|zelfscan-resultaten|zelfscan-professionals|rondetafel-input)\.(csv|xlsx)$/;

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();

/** The zelfscan round asked for (?ronde=), else the round the scope's region works on, else the newest. */
async function zelfscanRound(context: AppLoadContext, url: URL, scope: ExportScope) {
  const asked = url.searchParams.get("ronde");
  if (asked !== null) {
    const round = await getRound(context.db, parseId(asked));
    if (!round || round.kind !== "zelfscan") notFound();
    return round;
  }
  const round = scope.regionId !== undefined ? await regionCycleRound(context.db, scope.regionId) : (await listRounds(context.db))[0];
  return round ?? notFound();
}

/** Which answers: the team part, the municipal part, or Veilig Thuis's view (round-table input: team or gemeente). */
function part(url: URL, allowed: ZelfscanPart[] = ["team", "gemeente", "veilig-thuis"]): ZelfscanPart {
  const value = (url.searchParams.get("deel") ?? "team") as ZelfscanPart;
  if (!allowed.includes(value)) notFound();
  return value;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const match = FILE.exec(params.file ?? "");
  if (!match) notFound();
  const [, kind, format] = match as unknown as [string, DownloadKind, "csv" | "xlsx"];
  const url = new URL(request.url);
  const { scope, label } = await requireDownloadScope(context, user, kind, url);

  let sheets: Sheet[];
  let name: string;
  if (kind === "rondetafel-input") {
    const year = parseYear(url.searchParams.get("jaar"));
    const round = year ? await roundTableRound(context.db, year) : undefined;
    if (!year || !round) notFound();
    const audience = part(url, ["team", "gemeente"]) === "team" ? "team" : "municipality";
    const found = await answerSheets(context.db, { roundId: round.id, questionnaireKey: INPUT_QUESTIONNAIRE[audience], audience, scope });
    if (!found) notFound();
    sheets = [found.answers, found.codebook];
    name = `rondetafel-input-${year}-${audience === "team" ? "teams" : "gemeenten"}-${slug(label)}`;
  } else {
    const round = await zelfscanRound(context, url, scope);
    if (kind === "zelfscan-antwoorden") {
      // A team's own copy holds its own answers: the team part only.
      const which = part(url, scope.teamId !== undefined ? ["team"] : undefined);
      const found = await zelfscanAnswerSheets(context.db, { roundId: round.id, part: which, scope });
      if (!found) notFound();
      sheets = [found.answers, found.codebook];
      name = `zelfscan-antwoorden-${which}-${slug(round.name)}-${slug(label)}`;
    } else if (kind === "zelfscan-professionals") {
      const found = await professionalsSheets(context.db, { roundId: round.id, roundName: round.name, scope });
      sheets = [found.counts, found.codebook];
      name = `zelfscan-professionals-${slug(round.name)}-${slug(label)}`;
    } else {
      sheets = [await zelfscanResultsSheet(context.db, { roundId: round.id, roundName: round.name, reader: readerOf(user), scope })];
      name = `zelfscan-resultaten-${slug(round.name)}-${slug(label)}`;
    }
  }
  // A CSV holds one table: the answers (or the results); the codebook is in the XLSX.
  return format === "csv" ? download(csvStream(sheets[0]!), `${name}.csv`, "csv") : download(await xlsxStream(sheets), `${name}.xlsx`, "xlsx");
}
