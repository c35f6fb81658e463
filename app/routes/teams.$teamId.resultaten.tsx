import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BarChart } from "../components/BarChart.tsx";
import { formatScore } from "../domain/format.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireTeamAccess, requireUser } from "../auth/guards.server.ts";
import { notFound, parseId } from "../http/http.server.ts";
import { getMunicipality } from "../models/organisation.server.ts";
import { cycleRoundId } from "../models/cycles.server.ts";
import { teamBenchmark } from "../models/results.server.ts";
import { getRound } from "../models/rounds.server.ts";
import { MIN_OTHER_TEAMS } from "../domain/scoring.ts";
import { DataTable } from "../components/DataTable.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Resultaten ${data.team.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const team = await requireTeamAccess(context, user, params.teamId);
  const municipality = (await getMunicipality(context.db, team.municipality_id))!;
  const chosen = new URL(request.url).searchParams.get("ronde");
  const roundId = chosen ? parseId(chosen) : await cycleRoundId(context.db, team.region_id);
  const round = roundId ? await getRound(context.db, roundId) : undefined;
  if (chosen && (!round || round.kind !== "zelfscan")) notFound();
  const benchmark = round
    ? await teamBenchmark(context.db, {
        roundId: round.id,
        teamId: team.id,
        municipalityId: team.municipality_id,
        regionId: team.region_id,
        municipalityName: municipality.name,
        regionName: municipality.region_name,
      })
    : null;
  return { team, round: round ?? null, benchmark };
}

const TOO_FEW = "te weinig teams om te vergelijken";

export default function TeamResults() {
  const { team, round, benchmark } = useLoaderData<typeof loader>();
  const crumbs = [{ to: `/teams/${team.id}`, label: team.name }, { label: "Resultaten" }];
  if (!round || !benchmark || !benchmark.submitted) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1 className="utrecht-heading-1">Resultaten van {team.name}</h1>
        <p className="utrecht-paragraph">De resultaten verschijnen hier zodra het team de zelfscan{round ? ` (${round.name})` : ""} heeft ingediend.</p>
      </>
    );
  }
  const shown = benchmark.comparisons.filter((c) => c.figures);
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 className="utrecht-heading-1">Resultaten van {team.name}</h1>
      <p className="utrecht-paragraph lead">{round.name}</p>
      <p className="utrecht-paragraph">
        De score per thema loopt van 0 (alles "voldoet niet") tot 100 (alles "voldoet"). Een vergelijking met de gemeente, de regio of Nederland verschijnt
        alleen als daar ten minste {MIN_OTHER_TEAMS} andere teams hebben ingediend; anders zou u de antwoorden van een ander team kunnen afleiden.
      </p>
      <BarChart
        id="team-score"
        title={`Score per thema van ${team.name} naast ${shown.map((c) => c.label).join(", ") || "geen vergelijkingsgroep"}`}
        categories={benchmark.own.map((f) => `${f.theme}. ${f.title}`)}
        series={[
          { label: "Uw team", values: benchmark.own.map((f) => f.score) },
          ...shown.slice(-2).map((c) => ({ label: c.label, values: c.figures!.map((f) => f.score) })),
        ]}
      />
      <DataTable caption="Score per thema van uw team naast de gemeente, de regio en Nederland" captionVisible>
        <thead>
          <tr>
            <th scope="col">Thema</th>
            <th scope="col" className="number">
              Uw team
            </th>
            {benchmark.comparisons.map((c) => (
              <th key={c.label} scope="col" className="number">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {benchmark.own.map((f, i) => (
            <tr key={f.theme}>
              <th scope="row">
                {f.theme}. {f.title}
              </th>
              <td className="number">{formatScore(f.score)}</td>
              {benchmark.comparisons.map((c) => (
                <td key={c.label} className="number">
                  {c.figures ? formatScore(c.figures[i]?.score ?? null) : <span className="muted">{TOO_FEW}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
