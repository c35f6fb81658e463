import { formatScore } from "../domain/format.ts";
import type { ThemeFigure } from "../domain/scoring.ts";
import { DataTable } from "./DataTable.tsx";
import { KeyToLetters } from "./KeyToLetters.tsx";
import type { VeiligThuisAnswers } from "./VeiligThuisView.tsx";

interface MunicipalityConversation {
  id: number;
  name: string;
  teams: number;
  figures: ThemeFigure[];
  veiligThuis: VeiligThuisAnswers | null;
}

/**
 * The conversation across a region (for its regio): the professionals' theme scores per gemeente and for the
 * region, from the teams whose professionals' view is shown, and Veilig Thuis's view of theme G per gemeente.
 */
export function RegionConversation({
  themes,
  region,
  municipalities,
}: {
  themes: { key: string; title: string }[];
  region: { teams: number; figures: ThemeFigure[] };
  municipalities: MunicipalityConversation[];
}) {
  const withViews = municipalities.filter((m) => m.teams > 0);
  const gItems = municipalities.find((m) => m.veiligThuis)?.veiligThuis?.items ?? [];
  const scoreOf = (figures: ThemeFigure[], theme: string) => formatScore(figures.find((f) => f.theme === theme)?.score ?? null);
  return (
    <section aria-labelledby="gesprek" className="page-section">
      <h2 id="gesprek" className="utrecht-heading-2">
        Het gesprek: professionals en Veilig Thuis
      </h2>
      <h3 className="utrecht-heading-3">De kijk van de professionals</h3>
      {region.teams === 0 ? (
        <p className="utrecht-paragraph">Van geen enkel team van de regio hebben 3 of meer professionals hun kijk gegeven.</p>
      ) : (
        <DataTable caption={`Score per thema (0 tot 100) volgens de professionals, van de ${region.teams} teams waarvan hun kijk er is`}>
          <thead>
            <tr>
              <th scope="col">Gemeente</th>
              <th scope="col" className="number">
                Teams
              </th>
              {themes.map((t) => (
                <th key={t.key} scope="col" className="number">
                  {t.key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {withViews.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                <td className="number">{m.teams}</td>
                {themes.map((t) => (
                  <td key={t.key} className="number">
                    {scoreOf(m.figures, t.key)}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Regio</th>
              <td className="number">{region.teams}</td>
              {themes.map((t) => (
                <td key={t.key} className="number">
                  {scoreOf(region.figures, t.key)}
                </td>
              ))}
            </tr>
          </tbody>
        </DataTable>
      )}
      {region.teams > 0 ? <KeyToLetters label="Thema's" entries={themes} /> : null}
      <h3 className="utrecht-heading-3">De kijk van Veilig Thuis op de samenwerking (thema G)</h3>
      {gItems.length === 0 ? (
        <p className="utrecht-paragraph">Veilig Thuis heeft nog voor geen gemeente van de regio zijn kijk ingediend.</p>
      ) : (
        <DataTable caption="Het antwoord van Veilig Thuis per gemeente en vraag van thema G">
          <thead>
            <tr>
              <th scope="col">Gemeente</th>
              {gItems.map((i) => (
                <th key={i.key} scope="col">
                  <abbr title={i.text}>{i.key}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {municipalities.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.name}</th>
                {m.veiligThuis ? (
                  m.veiligThuis.items.map((i) => <td key={i.key}>{i.answer ?? "–"}</td>)
                ) : (
                  <td colSpan={gItems.length} className="muted">
                    nog niet ingediend
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {gItems.length ? <KeyToLetters label="Vragen" entries={gItems.map((i) => ({ key: i.key, title: i.text }))} /> : null}
    </section>
  );
}
