import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound, parseId } from "../http/http.server.ts";
import { BarChart } from "../components/BarChart.tsx";
import { countOf, formatScore } from "../domain/format.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { RoundNav } from "../components/RoundNav.tsx";
import { ExportLinks } from "../components/ExportLinks.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireRegionLead, requireUser } from "../auth/guards.server.ts";
import { cycleRoundId } from "../models/cycles.server.ts";
import { previousRoundFigures, regionResultsFor } from "../models/results.server.ts";
import { readerOf } from "../domain/small-groups.ts";
import { RegionMunicipalityTable } from "../components/RegionMunicipalityTable.tsx";
import { getRound, listRounds } from "../models/rounds.server.ts";
import { DataTable } from "../components/DataTable.tsx";
import { RegionConversation } from "../components/RegionConversation.tsx";
import { regionConversation } from "../services/conversation.server.ts";
import { PrintButton } from "../components/PrintButton.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Resultaten regio ${data.region.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const chosen = new URL(request.url).searchParams.get("ronde");
  const roundId = chosen ? parseId(chosen) : await cycleRoundId(context.db, region.id);
  const round = roundId ? await getRound(context.db, roundId) : undefined;
  if (chosen && (!round || round.kind !== "zelfscan")) notFound();
  if (!round) return { region, round: null, rounds: [], results: null, previous: null, talk: null };
  const results = await regionResultsFor(context.db, { roundId: round.id, regionId: region.id, reader: readerOf(user) });
  const previous = await previousRoundFigures(context.db, round.id, { regionId: region.id });
  const talk = await regionConversation(context.db, { roundId: round.id, regionId: region.id });
  // The page needs of the questionnaire only its answer scale: the whole definition would be 12 KB more in every response.
  const { definition, ...figures } = results;
  return {
    region,
    round,
    rounds: await listRounds(context.db),
    results: { ...figures, scaleOptions: definition?.scale.options ?? [] },
    previous: previous && previous.teams > 0 ? previous : null,
    talk,
  };
}

const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "–");

export default function RegionResults() {
  const { region, round, rounds, results, previous, talk } = useLoaderData<typeof loader>();
  const base = `/regios/${region.id}`;
  if (!round || !results) {
    return (
      <>
        <Breadcrumbs items={[{ to: base, label: `Regio ${region.name}` }, { label: "Resultaten" }]} />
        <h1 className="utrecht-heading-1">Resultaten van de zelfscan</h1>
        <p className="utrecht-paragraph">Er is nog geen zelfscanronde.</p>
      </>
    );
  }
  const figures = results.region.figures;
  const options = results.scaleOptions;
  const teams = results.municipalities.reduce((n, m) => n + m.teams, 0);
  const submitted = results.municipalities.reduce((n, m) => n + m.submitted, 0);
  const series = [
    { label: `Regio ${region.name}`, values: figures.map((f) => f.score) },
    { label: "Nederland", values: figures.map((f) => results.country.figures.find((c) => c.theme === f.theme)?.score ?? null) },
    ...(previous
      ? [{ label: `Regio, ${previous.round.name}`, values: figures.map((f) => previous.figures.find((p) => p.theme === f.theme)?.score ?? null) }]
      : []),
  ];
  return (
    <>
      <Breadcrumbs items={[{ to: base, label: `Regio ${region.name}` }, { label: "Resultaten" }]} />
      <h1 className="utrecht-heading-1">Resultaten van de zelfscan</h1>
      <p className="utrecht-paragraph lead">
        Regio {region.name} · {round.name} · {countOf(submitted, teams, "team", "teams")} ingediend ({pct(submitted, teams)})
      </p>
      <RoundNav rounds={rounds} current={round.id} />
      <PrintButton what="de resultaten" />
      <p className="utrecht-paragraph">
        De score per thema loopt van 0 (alle antwoorden "voldoet niet") tot 100 (alle antwoorden "voldoet"); "voldoet deels" telt voor de helft. "Weet niet" en
        "n.v.t." tellen niet mee. Thema's A tot en met H komen uit de ingediende zelfscans van de teams, thema I uit het ingediende gemeentelijke deel.
      </p>

      <section aria-labelledby="per-thema" className="page-section">
        <h2 id="per-thema" className="utrecht-heading-2">
          Score per thema
        </h2>
        {previous?.note ? <p className="utrecht-paragraph muted">{previous.note}</p> : null}
        <BarChart
          id="thema-score"
          title={`Score per thema, regio ${region.name} naast Nederland`}
          categories={figures.map((f) => `${f.theme}. ${f.title}`)}
          series={series}
        />
        <DataTable caption={<>Score en verdeling van de antwoorden per thema, regio {region.name}</>} captionVisible>
          <thead>
            <tr>
              <th scope="col">Thema</th>
              <th scope="col" className="number">
                Score regio
              </th>
              <th scope="col" className="number">
                Score Nederland
              </th>
              {previous ? (
                <th scope="col" className="number">
                  Regio, {previous.round.name}
                </th>
              ) : null}
              {options.map((o) => (
                <th key={o.value} scope="col" className="number">
                  {o.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.theme}>
                <th scope="row">
                  {f.theme}. {f.title}
                </th>
                <td className="number">{formatScore(f.score)}</td>
                <td className="number">{formatScore(results.country.figures.find((c) => c.theme === f.theme)?.score ?? null)}</td>
                {previous ? <td className="number">{formatScore(previous.figures.find((p) => p.theme === f.theme)?.score ?? null)}</td> : null}
                {options.map((o) => (
                  <td key={o.value} className="number">
                    {f.distribution[o.value] ?? 0}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>

      <RegionMunicipalityTable region={region} results={results} />
      <ExportLinks roundId={round.id} roundName={round.name} scope={{ regio: region.id }} />
      {talk ? <RegionConversation {...talk} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
