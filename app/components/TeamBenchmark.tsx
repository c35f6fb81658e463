import { formatScore } from "../domain/format.ts";
import { MIN_OTHER_TEAMS, type ThemeFigure } from "../domain/scoring.ts";
import { BarChart } from "./BarChart.tsx";
import { DataTable } from "./DataTable.tsx";

const TOO_FEW = "te weinig teams om te vergelijken";

export interface Benchmark {
  own: ThemeFigure[];
  comparisons: { label: string; figures: ThemeFigure[] | null }[];
}

/** A team's score per theme beside its gemeente, region and the country, each only from MIN_OTHER_TEAMS other teams on. */
export function TeamBenchmark({ teamName: name, benchmark }: { teamName: string; benchmark: Benchmark }) {
  const shown = benchmark.comparisons.filter((c) => c.figures);
  const team = { name };
  return (
    <>
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
