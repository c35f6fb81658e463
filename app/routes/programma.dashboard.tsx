import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "../http/http.server.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FigureBlock } from "../components/FigureBlock.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { RegionMap } from "../components/RegionMap.tsx";
import { YearNav } from "../components/YearNav.tsx";
import { requireRole } from "../auth/guards.server.ts";
import { dashboardYears } from "../models/dashboard.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { dashboardView } from "../services/dashboard.server.ts";
import { countOf, dayOf, formatScore } from "../domain/format.ts";
import { PHASES } from "../domain/phases.ts";
import { DataTable } from "../components/DataTable.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Landelijk dashboard${data?.view ? ` ${data.view.year}` : ""} – Werken aan veiligheid` },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const now = new Date();
  const years = await dashboardYears(context.db, now);
  const params = new URL(request.url).searchParams;
  const asked = params.get("jaar");
  const year = asked ? parseYear(asked) : Number(dayOf(now).slice(0, 4));
  if (!year || !years.includes(year)) notFound();
  const view = await dashboardView(context.db, year, now);
  const theme = view.zelfscan.themes.find((t) => t.key === params.get("thema")) ?? view.zelfscan.themes[0] ?? null;
  return { years, view, theme };
}

// Score bands of the theme map (0–100), the same five colours as the phases.
const SCORE_BANDS = [40, 55, 70, 85];
const SCORE_LEGEND = ["onder 40", "40 tot 55", "55 tot 70", "70 tot 85", "85 of hoger"];
const bandOf = (score: number) => SCORE_BANDS.filter((edge) => score >= edge).length;

export default function Dashboard() {
  const { years, view, theme } = useLoaderData<typeof loader>();
  const { year, phases, zelfscan } = view;
  const previousYear = view.previousYear;
  return (
    <>
      <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: `Dashboard ${year}` }]} />
      <h1 className="utrecht-heading-1">Landelijk dashboard {year}</h1>
      <p className="utrecht-paragraph lead">
        De {view.outOf} regio's in {year}
        {previousYear ? `, naast ${previousYear}` : ""}: de fase van elke regio, wat de rondetafelgesprekken opleverden
        {view.responded === null ? " (geen rondetafelgesprekken vastgelegd)" : ` (vastgelegd voor ${view.responded} van de ${view.outOf} regio's)`} en de
        zelfscan zoals de teams die in deze toepassing invullen. Elk cijfer is geteld uit de opgeslagen gegevens; onder elk onderdeel staat waar het vandaan
        komt.
      </p>
      {view.demo ? (
        <p className="utrecht-paragraph notice">
          Deze omgeving bevat demonstratiegegevens. Cijfers die het programma heeft gepubliceerd, staan erbij met hun bron; alle andere cijfers zijn verzonnen
          en gemarkeerd als "demo, niet gepubliceerd".
        </p>
      ) : null}
      <YearNav years={years} year={year} label="Jaar en downloads">
        <a className="utrecht-link" href={`/programma/dashboard.csv?jaar=${year}`} download>
          Cijfers {year} (CSV)
        </a>
        <a className="utrecht-link" href="/programma/rondetafels.csv" download>
          Alle rondetafelantwoorden (CSV)
        </a>
        <a className="utrecht-link" href="/programma/rondetafels.xlsx" download>
          Alle rondetafelantwoorden (Excel)
        </a>
      </YearNav>
      <p className="muted no-print">Afdrukken of opslaan als PDF: gebruik Afdrukken in de browser; de pagina drukt af als A4-rapport.</p>

      <section aria-labelledby="kaart" className="page-section">
        <h2 id="kaart" className="utrecht-heading-2">
          Kaart: fase per regio in {year}
        </h2>
        <RegionMap
          id="fasekaart"
          title={`De ${view.outOf} regio's naar fase van implementatie in ${year}, stand op ${view.stand}`}
          legend={PHASES.map((p, i) => `${i + 1} ${p.short}`)}
          regions={phases.map}
        />
        <ul className="utrecht-unordered-list">
          {phases.lists.map((list) => (
            <li key={list.label}>
              {list.label}: {list.names.length ? list.names.join(", ") : "geen"}
            </li>
          ))}
        </ul>
        <p className="figure-source">{phases.source}</p>
      </section>

      <FigureBlock id={phases.id} title={phases.title} rows={phases.rows} outOf={view.outOf} year={year} previousYear={previousYear} source={phases.source} />

      <section aria-labelledby="zelfscan-kop" className="page-section">
        <h2 id="zelfscan-kop" className="utrecht-heading-2">
          Zelfscan per regio
        </h2>
        <p className="utrecht-paragraph">
          Per regio de ronde waarop haar cyclus {view.live ? "nu loopt" : `eind ${year} liep`}, hoeveel van haar teams de zelfscan hebben ingediend en de
          gemiddelde score per thema (0 tot 100). Met minder dan 3 ingediende teams staan de scores er niet, zodat niemand een team kan herkennen.
        </p>
        {theme ? (
          <>
            <nav aria-label="Thema op de kaart" className="form-actions no-print">
              <span>Thema op de kaart:</span>
              {zelfscan.themes.map((t) =>
                t.key === theme.key ? (
                  <strong key={t.key} aria-current="true">
                    {t.key}
                  </strong>
                ) : (
                  <Link key={t.key} className="utrecht-link" to={`?jaar=${year}&thema=${t.key}#zelfscan-kop`} aria-label={`Thema ${t.key}: ${t.title}`}>
                    {t.key}
                  </Link>
                ),
              )}
            </nav>
            <RegionMap
              id="themakaart"
              title={`Thema ${theme.key}, ${theme.title}: gemiddelde score per regio in ${year}`}
              legend={SCORE_LEGEND}
              regions={zelfscan.regions.map((r) => {
                const score = r.themes?.find((t) => t.theme === theme.key)?.score ?? null;
                return {
                  name: r.name,
                  band: score === null ? null : bandOf(score),
                  value: score === null ? "–" : formatScore(score),
                  description: r.themes
                    ? score === null
                      ? "geen score"
                      : `score ${formatScore(score)}`
                    : r.teams
                      ? `${countOf(r.submitted, r.teams, "team", "teams")} ingediend, minder dan 3: niet getoond`
                      : "geen teams in deze toepassing",
                };
              })}
            />
          </>
        ) : (
          <p className="utrecht-paragraph">Nog geen regio heeft 3 of meer ingediende zelfscans; er is daarom geen kaart per thema.</p>
        )}
        <DataTable caption="Zelfscan per regio: ingediende teams en score per thema">
          <thead>
            <tr>
              <th scope="col">Regio</th>
              <th scope="col">Ronde</th>
              <th scope="col" className="number">
                Teams ingediend
              </th>
              {zelfscan.themes.map((t) => (
                <th key={t.key} scope="col" className="number">
                  <abbr title={t.title}>{t.key}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {zelfscan.regions.map((r) => (
              <tr key={r.name}>
                <th scope="row">{r.name}</th>
                <td>{r.round ?? "–"}</td>
                <td className="number">{r.teams ? `${r.submitted} van de ${r.teams} (${Math.round((100 * r.submitted) / r.teams)}%)` : "geen teams"}</td>
                {r.themes ? (
                  zelfscan.themes.map((t) => (
                    <td key={t.key} className="number">
                      {formatScore(r.themes!.find((f) => f.theme === t.key)?.score ?? null)}
                    </td>
                  ))
                ) : zelfscan.themes.length ? (
                  <td colSpan={zelfscan.themes.length} className="muted">
                    {r.teams ? "minder dan 3 teams ingediend: niet getoond" : "–"}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </DataTable>
        <p className="figure-source">
          Bron: de zelfscans in deze toepassing, stand op {view.stand}; scores voor {zelfscan.shown} van de {view.outOf} regio's.
          {view.demo ? " Demo, niet gepubliceerd." : ""} De antwoorden en resultaten per ronde staan bij de downloads op het{" "}
          <Link className="utrecht-link" to="/programma">
            landelijk overzicht
          </Link>
          .
        </p>
      </section>

      {view.blocks.length ? (
        view.blocks.map((block) => (
          <FigureBlock
            key={block.id}
            id={block.id}
            title={block.title}
            rows={block.rows}
            outOf={view.outOf}
            year={year}
            previousYear={previousYear}
            source={block.source}
          />
        ))
      ) : (
        <section aria-labelledby="rondetafel-kop" className="page-section">
          <h2 id="rondetafel-kop" className="utrecht-heading-2">
            Rondetafelgesprekken
          </h2>
          <p className="utrecht-paragraph">
            Voor {year} zijn nog geen rondetafelgesprekken vastgelegd.{" "}
            <Link className="utrecht-link" to="/programma/rondetafels">
              Naar de rondetafelgesprekken
            </Link>
          </p>
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
