import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart } from "../components/BarChart.tsx";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { RoundNav } from "../components/RoundNav.tsx";
import { ExportLinks } from "../components/ExportLinks.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireMunicipalityAccess, requireUser } from "../auth/guards.server.ts";
import { formatScore, plural } from "../domain/format.ts";
import { readerOf, SMALL_GROUP_MIN } from "../domain/small-groups.ts";
import { cycleRoundId } from "../models/cycles.server.ts";
import { listTeamResponses } from "../models/response.server.ts";
import { municipalityResults } from "../models/results.server.ts";
import { getRound, getRoundQuestionnaireKey, listRounds } from "../models/rounds.server.ts";
import { notFound, parseId } from "../http/http.server.ts";
import { DataTable } from "../components/DataTable.tsx";
import { ProfessionalsPerTeam } from "../components/ProfessionalsPerTeam.tsx";
import { VeiligThuisView } from "../components/VeiligThuisView.tsx";
import { GroupNotes, Missing } from "../components/Missing.tsx";
import { viewCountsOfRound } from "../models/professional-views.server.ts";
import { municipalityOwnSide, veiligThuisViewOf } from "../services/veilig-thuis.server.ts";
import { PrintButton } from "../components/PrintButton.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Resultaten gemeente ${data.municipality.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

// A municipality's results: its teams together, its own part, beside its region and the country.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const municipality = await requireMunicipalityAccess(context, user, params.municipalityId);
  const chosen = new URL(request.url).searchParams.get("ronde");
  const roundId = chosen ? parseId(chosen) : await cycleRoundId(context.db, municipality.region_id);
  const round = roundId ? await getRound(context.db, roundId) : undefined;
  if (chosen && (!round || round.kind !== "zelfscan")) notFound();
  if (!round) return { municipality, round: null, rounds: [], results: null, teams: [], professionals: [], veiligThuis: null, ownSide: null };
  const teamKey = (await getRoundQuestionnaireKey(context.db, round.id, "team")) ?? "";
  const all = await listTeamResponses(context.db, { municipalityId: municipality.id, roundId: round.id, questionnaireKey: teamKey });
  const teams = all.filter((t) => t.status === "submitted");
  const views = await viewCountsOfRound(
    context.db,
    round.id,
    all.map((t) => t.team_id),
  );
  return {
    professionals: all.map((t) => ({ id: t.team_id, name: t.team_name, views: views.get(t.team_id) ?? null })),
    veiligThuis: await veiligThuisViewOf(context.db, { roundId: round.id, municipalityId: municipality.id }),
    ownSide: await municipalityOwnSide(context.db, { roundId: round.id, municipalityId: municipality.id }),
    municipality,
    round,
    rounds: await listRounds(context.db),
    results: await municipalityResults(context.db, {
      roundId: round.id,
      municipalityId: municipality.id,
      regionId: municipality.region_id,
      reader: readerOf(user),
    }),
    teams: teams.map((t) => ({ id: t.team_id, name: t.team_name })),
  };
}

export default function MunicipalityResults() {
  const { municipality, round, rounds, results, teams, professionals, veiligThuis, ownSide } = useLoaderData<typeof loader>();
  const crumbs = [{ to: `/gemeenten/${municipality.id}`, label: `Gemeente ${municipality.name}` }, { label: "Resultaten" }];
  if (!round || !results) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1 className="utrecht-heading-1">Resultaten van de zelfscan</h1>
        <p className="utrecht-paragraph">Er is nog geen zelfscanronde.</p>
      </>
    );
  }
  const scoreOf = (figures: { theme: string; score: number | null }[] | null, theme: string) =>
    figures ? (figures.find((f) => f.theme === theme)?.score ?? null) : null;
  const ownOrI = (theme: string) => (theme === "I" ? scoreOf(results.municipalPart, theme) : scoreOf(results.own, theme));
  const series = [
    ...(results.own || results.municipalPart ? [{ label: `Gemeente ${municipality.name}`, values: results.themes.map((t) => ownOrI(t.theme)) }] : []),
    ...(results.region ? [{ label: `Regio ${municipality.region_name}`, values: results.themes.map((t) => scoreOf(results.region, t.theme)) }] : []),
    ...(results.country ? [{ label: "Nederland", values: results.themes.map((t) => scoreOf(results.country, t.theme)) }] : []),
  ];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 className="utrecht-heading-1">Resultaten van de zelfscan</h1>
      <p className="utrecht-paragraph lead">
        Gemeente {municipality.name} · {round.name} · {plural(results.teams, "team heeft", "teams hebben")} ingediend
      </p>
      <RoundNav rounds={rounds} current={round.id} />
      <PrintButton what="de resultaten" />
      <p className="utrecht-paragraph">
        De score per thema loopt van 0 (alles "voldoet niet") tot 100 (alles "voldoet"). Thema's A tot en met H komen uit de ingediende zelfscans van de teams
        samen, thema I uit het gemeentelijke deel. De regio en Nederland verschijnen alleen als er ten minste {SMALL_GROUP_MIN} ingediende teams in staan die u
        niet zelf kunt inzien, zodat de antwoorden van één team er niet uit af te leiden zijn.
      </p>
      {series.length ? (
        <BarChart
          id="gemeente-score"
          title={`Score per thema, gemeente ${municipality.name}`}
          categories={results.themes.map((t) => `${t.theme}. ${t.title}`)}
          series={series}
        />
      ) : null}
      <DataTable caption={<>Score per thema, gemeente {municipality.name} naast de regio en Nederland</>} captionVisible>
        <thead>
          <tr>
            <th scope="col">Thema</th>
            <th scope="col" className="number">
              Gemeente
            </th>
            <th scope="col" className="number">
              Regio {municipality.region_name}
            </th>
            <th scope="col" className="number">
              Nederland
            </th>
          </tr>
        </thead>
        <tbody>
          {results.themes.map((t) => (
            <tr key={t.theme}>
              <th scope="row">
                {t.theme}. {t.title}
              </th>
              <td className="number">{t.theme === "I" || results.own ? formatScore(ownOrI(t.theme)) : <Missing decision={results.decisions.own} />}</td>
              <td className="number">{results.region ? formatScore(scoreOf(results.region, t.theme)) : <Missing decision={results.decisions.region} />}</td>
              <td className="number">{results.country ? formatScore(scoreOf(results.country, t.theme)) : <Missing decision={results.decisions.country} />}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <GroupNotes
        groups={[
          { label: `Gemeente ${municipality.name}`, decision: results.decisions.own },
          { label: `Regio ${municipality.region_name}`, decision: results.decisions.region },
          { label: "Nederland", decision: results.decisions.country },
        ]}
      />
      <section aria-labelledby="per-team" className="page-section">
        <h2 id="per-team" className="utrecht-heading-2">
          Per team
        </h2>
        {teams.length ? (
          <ul>
            {teams.map((t) => (
              <li key={t.id}>
                <Link className="utrecht-link" to={`/teams/${t.id}/resultaten?ronde=${round.id}`}>
                  Resultaten van {t.name}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="utrecht-paragraph">Nog geen team heeft de zelfscan van deze ronde ingediend.</p>
        )}
      </section>
      <ExportLinks roundId={round.id} roundName={round.name} scope={{ gemeente: municipality.id }} />
      <section aria-labelledby="professionals" className="page-section">
        <h2 id="professionals" className="utrecht-heading-2">
          De kijk van de professionals per team
        </h2>
        <ProfessionalsPerTeam teams={professionals} roundId={round.id} />
      </section>
      <section aria-labelledby="veilig-thuis" className="page-section">
        <h2 id="veilig-thuis" className="utrecht-heading-2">
          De kijk van Veilig Thuis op de samenwerking (thema G)
        </h2>
        <VeiligThuisView view={veiligThuis} municipalityName={municipality.name} own={ownSide} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
