import { BarChart } from "./BarChart.tsx";
import { DataTable } from "./DataTable.tsx";

export interface FigureRow {
  key: string;
  label: string;
  count: number;
  previous: number | null;
  regions: string[];
  /** Where the figure stands against the documents ("gepubliceerd, bron 003", "demo, niet gepubliceerd"). */
  provenance: string | null;
}

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
  const marked = rows.some((r) => r.provenance);
  return (
    <section aria-labelledby={`${id}-kop`} className="page-section figure-block">
      <h2 id={`${id}-kop`} className="utrecht-heading-2">
        {title}
      </h2>
      <BarChart
        id={id}
        title={`${title}: aantal regio's per antwoord in ${year}${previousYear ? ` en ${previousYear}` : ""}`}
        categories={rows.map((r) => r.label)}
        series={[
          { label: String(year), values: rows.map((r) => r.count) },
          ...(previousYear ? [{ label: String(previousYear), values: rows.map((r) => r.previous) }] : []),
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
            {previousYear ? (
              <>
                <th scope="col" className="number">
                  {previousYear}
                </th>
                <th scope="col" className="number">
                  Verschil
                </th>
              </>
            ) : null}
            {marked ? <th scope="col">Herkomst</th> : null}
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
              {previousYear ? (
                <>
                  <td className="number">{row.previous ?? "–"}</td>
                  <td className="number">{change(row.count, row.previous)}</td>
                </>
              ) : null}
              {marked ? <td className={row.provenance?.startsWith("gepubliceerd") ? undefined : "muted"}>{row.provenance ?? "–"}</td> : null}
              <td>
                {row.regions.length ? (
                  <details>
                    <summary>
                      Toon {row.regions.length === 1 ? "de regio" : `de ${row.regions.length} regio's`}
                      <span className="visually-hidden"> bij {row.label}</span>
                    </summary>
                    <p className="region-list">{row.regions.join(", ")}</p>
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
