import { formatScore } from "../domain/format.ts";
import type { ThemeFigure } from "../domain/scoring.ts";
import { SMALL_GROUP_MIN, type GroupDecision } from "../domain/small-groups.ts";
import { GroupNotes, Missing } from "./Missing.tsx";
import { BarChart } from "./BarChart.tsx";
import { DataTable } from "./DataTable.tsx";

export interface Benchmark {
  own: ThemeFigure[];
  comparisons: { label: string; figures: ThemeFigure[] | null; decision: GroupDecision }[];
}

/** A team's score per theme beside its gemeente, region and the country, each as the small-group rule lets the reader see it. */
export function TeamBenchmark({ teamName: name, benchmark }: { teamName: string; benchmark: Benchmark }) {
  const shown = benchmark.comparisons.filter((c) => c.figures);
  const team = { name };
  return (
    <>
      <p className="utrecht-paragraph">
        De score per thema loopt van 0 (alles "voldoet niet") tot 100 (alles "voldoet"). Een vergelijking met de gemeente, de regio of Nederland verschijnt
        alleen als daar ten minste {SMALL_GROUP_MIN} andere teams hebben ingediend die u niet zelf kunt inzien; anders zou u de antwoorden van een ander team
        kunnen afleiden.
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
                  {c.figures ? formatScore(c.figures[i]?.score ?? null) : <Missing decision={c.decision} />}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <GroupNotes groups={benchmark.comparisons} />
    </>
  );
}
