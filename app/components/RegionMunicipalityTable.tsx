import { Link } from "@remix-run/react";
import { formatScore, plural } from "../domain/format.ts";
import type { GroupDecision } from "../domain/small-groups.ts";
import type { ThemeFigure } from "../domain/scoring.ts";
import { DataTable } from "./DataTable.tsx";
import { GroupNotes, Missing } from "./Missing.tsx";
import { KeyToLetters } from "./KeyToLetters.tsx";

const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : "–");

interface RegionResultsView {
  region: { teams: number; figures: ThemeFigure[] };
  country: { teams: number; figures: ThemeFigure[] };
  municipalities: { id: number; name: string; teams: number; submitted: number; figures: ThemeFigure[]; decision: GroupDecision }[];
  decisions: { region: GroupDecision; country: GroupDecision };
}

/** A region's response and score per theme per gemeente, beside the region and the country, through the small-group rule. */
export function RegionMunicipalityTable({ region, results }: { region: { name: string }; results: RegionResultsView }) {
  const figures = results.region.figures;
  const teams = results.municipalities.reduce((n, m) => n + m.teams, 0);
  const submitted = results.municipalities.reduce((n, m) => n + m.submitted, 0);
  return (
    <section aria-labelledby="per-gemeente" className="page-section">
      <h2 id="per-gemeente" className="utrecht-heading-2">
        Per gemeente
      </h2>
      <DataTable caption="Respons en score per thema per gemeente, naast de regio en Nederland" captionVisible>
        <thead>
          <tr>
            <th scope="col">Gemeente</th>
            <th scope="col" className="number">
              Ingediend
            </th>
            {figures.map((f) => (
              <th key={f.theme} scope="col" className="number">
                <abbr title={f.title}>{f.theme}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.municipalities.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link className="utrecht-link" to={`/gemeenten/${m.id}`}>
                  {m.name}
                </Link>
              </th>
              <td className="number">
                {m.submitted} van {m.teams} ({pct(m.submitted, m.teams)})
              </td>
              {figures.map((theme) => (
                <td key={theme.theme} className="number">
                  {m.decision.shown ? formatScore(m.figures.find((f) => f.theme === theme.theme)?.score ?? null) : <Missing decision={m.decision} />}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">Regio {region.name}</th>
            <td className="number">
              {submitted} van {teams}
            </td>
            {figures.map((f) => (
              <td key={f.theme} className="number">
                <strong>{formatScore(f.score)}</strong>
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">Nederland</th>
            <td className="number">{plural(results.country.teams, "team", "teams")}</td>
            {figures.map((theme) => (
              <td key={theme.theme} className="number">
                {formatScore(results.country.figures.find((f) => f.theme === theme.theme)?.score ?? null)}
              </td>
            ))}
          </tr>
        </tbody>
      </DataTable>
      <KeyToLetters label="Thema's" entries={figures.map((f) => ({ key: f.theme, title: f.title }))} />
      <GroupNotes
        groups={[...results.municipalities.map((m) => ({ label: m.name, decision: m.decision })), { label: "Nederland", decision: results.decisions.country }]}
      />
    </section>
  );
}
