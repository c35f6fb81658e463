import { Link } from "@remix-run/react";
import { countOf, formatScore } from "../domain/format.ts";
import { SMALL_GROUP_MIN } from "../domain/small-groups.ts";
import { DataTable } from "./DataTable.tsx";
import { RegionMap } from "./RegionMap.tsx";
import { KeyToLetters } from "./KeyToLetters.tsx";

const SCORE_BANDS = [40, 55, 70, 85];
const SCORE_LEGEND = ["onder 40", "40 tot 55", "55 tot 70", "70 tot 85", "85 of hoger"];
const bandOf = (score: number) => SCORE_BANDS.filter((edge) => score >= edge).length;

interface RegionZelfscan {
  name: string;
  round: string | null;
  teams: number;
  submitted: number;
  themes: { theme: string; score: number | null }[] | null;
  withheld: string | null;
}

export interface ZelfscanView {
  year: number;
  live: boolean;
  stand: string;
  outOf: number;
  demo: boolean;
  zelfscan: { themes: { key: string; title: string }[]; regions: RegionZelfscan[]; shown: number; withViews: number };
}

/** The national picture's zelfscan part: a map of one theme's score per region, and the table of every region and theme. */
export function ZelfscanByRegion({
  view,
  theme,
  published = false,
}: {
  view: ZelfscanView;
  theme: { key: string; title: string } | null;
  published?: boolean;
}) {
  return (
    <section aria-labelledby="zelfscan-kop" className="page-section">
      <h2 id="zelfscan-kop" className="utrecht-heading-2">
        Zelfscan per regio
      </h2>
      <p className="utrecht-paragraph">
        Per regio de ronde waarop haar cyclus {view.live ? "nu loopt" : `eind ${view.year} liep`}, hoeveel van haar teams de zelfscan hebben ingediend en de
        gemiddelde score per thema (0 tot 100). Met minder dan {SMALL_GROUP_MIN} ingediende teams staan de scores er niet, zodat niemand de antwoorden van een
        team kan afleiden.
      </p>
      {theme ? (
        <>
          <nav aria-label="Thema op de kaart" className="form-actions no-print">
            <span>Thema op de kaart:</span>
            {view.zelfscan.themes.map((t) =>
              t.key === theme.key ? (
                <strong key={t.key} aria-current="true">
                  {t.key}
                </strong>
              ) : (
                <Link key={t.key} className="utrecht-link" to={`?jaar=${view.year}&thema=${t.key}#zelfscan-kop`} aria-label={`Thema ${t.key}: ${t.title}`}>
                  {t.key}
                </Link>
              ),
            )}
          </nav>
          <RegionMap
            id="themakaart"
            title={`Thema ${theme.key}, ${theme.title}: gemiddelde score per regio in ${view.year}`}
            legend={SCORE_LEGEND}
            regions={view.zelfscan.regions.map((r) => {
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
                    ? `${countOf(r.submitted, r.teams, "team", "teams")} ingediend; ${r.withheld}`
                    : "geen teams in deze toepassing",
              };
            })}
          />
        </>
      ) : (
        <p className="utrecht-paragraph">Nog geen regio heeft {SMALL_GROUP_MIN} of meer ingediende zelfscans; er is daarom geen kaart per thema.</p>
      )}
      <DataTable caption="Zelfscan per regio: ingediende teams en score per thema">
        <thead>
          <tr>
            <th scope="col">Regio</th>
            <th scope="col">Ronde</th>
            <th scope="col" className="number">
              Teams ingediend
            </th>
            {view.zelfscan.themes.map((t) => (
              <th key={t.key} scope="col" className="number">
                <abbr title={t.title}>{t.key}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.zelfscan.regions.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.round ?? "–"}</td>
              <td className="number">{r.teams ? `${r.submitted} van de ${r.teams} (${Math.round((100 * r.submitted) / r.teams)}%)` : "geen teams"}</td>
              {r.themes ? (
                view.zelfscan.themes.map((t) => (
                  <td key={t.key} className="number">
                    {formatScore(r.themes!.find((f) => f.theme === t.key)?.score ?? null)}
                  </td>
                ))
              ) : view.zelfscan.themes.length ? (
                <td colSpan={view.zelfscan.themes.length} className="muted">
                  {r.teams ? r.withheld : "–"}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <KeyToLetters label="Thema's" entries={view.zelfscan.themes} />
      <p className="utrecht-paragraph">
        De kijk van de professionals: bij {view.zelfscan.withViews} {view.zelfscan.withViews === 1 ? "team" : "teams"} gaven 3 of meer professionals hun kijk
        naast die van het team (pas vanaf 3 is er iets van te zien).
      </p>
      <p className="figure-source">
        Bron: de zelfscans in deze toepassing, stand op {view.stand}; scores voor {view.zelfscan.shown} van de {view.outOf} regio's.
        {view.demo ? " Demo, niet gepubliceerd." : ""}
        {published ? null : (
          <>
            {" "}
            De antwoorden en resultaten per ronde staan bij de downloads op het{" "}
            <Link className="utrecht-link" to="/programma">
              landelijk overzicht
            </Link>
            .
          </>
        )}
      </p>
    </section>
  );
}
