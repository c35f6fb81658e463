import { BarChart } from "./BarChart.tsx";
import { DataTable } from "./DataTable.tsx";
import type { FigureRow } from "../domain/national-picture.ts";

const change = (now: number, before: number | null) =>
  before === null ? "–" : now === before ? "gelijk" : now > before ? `+${now - before}` : `−${before - now}`;

/**
 * One group of dashboard figures, as the programme's infographic states them: "N van de 28 regio's",
 * beside the previous year, as a chart with the same figures in a table; the regions behind each
 * figure are one click away. Under it a line says where the figures come from; beside each figure,
 * whether it is a published one.
 */
export function FigureBlock({
  id,
  title,
  rows,
  outOf,
  year,
  previousYear,
  source,
}: {
  id: string;
  title: string;
  rows: FigureRow[];
  source: string;
  outOf: number;
  year: number;
  previousYear: number | null;
}) {
  const max = Math.max(outOf, 1);
  // A block without figures of the year before (a list shown once for several years) compares with nothing.
  const compareWith = rows.some((r) => r.previous !== null) ? previousYear : null;
  return (
    <section aria-labelledby={`${id}-kop`} className="page-section figure-block">
      <h2 id={`${id}-kop`} className="utrecht-heading-2">
        {title}
      </h2>
      <BarChart
        id={id}
        title={`${title}: aantal regio's per antwoord in ${year}${compareWith ? ` en ${compareWith}` : ""}`}
        categories={rows.map((r) => r.label)}
        series={[
          { label: String(year), values: rows.map((r) => r.count) },
          ...(compareWith ? [{ label: String(compareWith), values: rows.map((r) => r.previous) }] : []),
        ]}
        max={max}
        ticks={[0, Math.round(max / 4), Math.round(max / 2), Math.round((3 * max) / 4), max]}
        format={(v) => `${v} van de ${outOf}`}
      />
      <DataTable caption={<>{title}: aantal regio's per antwoord</>}>
        <thead>
          <tr>
            <th scope="col">Antwoord</th>
            <th scope="col" className="number">
              {year}
            </th>
            {compareWith ? (
              <>
                <th scope="col" className="number">
                  {compareWith}
                </th>
                <th scope="col" className="number">
                  Verschil
                </th>
              </>
            ) : null}
            <th scope="col">Herkomst</th>
            <th scope="col">Regio's</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <td className="number">
                <strong>{row.count}</strong> van de {outOf} regio's
              </td>
              {compareWith ? (
                <>
                  <td className="number">{row.previous ?? "–"}</td>
                  <td className="number">{change(row.count, row.previous)}</td>
                </>
              ) : null}
              <td className={/^(gepubliceerd|afgeleid)/.test(row.provenance) ? undefined : "muted"}>{row.provenance}</td>
              <td>
                {row.regions.length ? (
                  <details>
                    <summary>
                      Toon {row.regions.length === 1 ? "de regio" : `de ${row.regions.length} regio's`}
                      {row.regionsDemo ? " (demo)" : ""}
                      <span className="visually-hidden"> bij {row.label}</span>
                    </summary>
                    <p className="region-list">
                      {row.regionsDemo ? <em>Demo: welke regio's dit zijn, is verzonnen. </em> : null}
                      {row.regions.join(", ")}
                    </p>
                  </details>
                ) : (
                  "–"
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p className="figure-source">{source}</p>
    </section>
  );
}
