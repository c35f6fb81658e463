import { formatScore } from "../domain/format.ts";

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

const FILLS = ["#15414f", "#b35c00", "#5b6f9e"];
const PATTERNS = ["solid", "hatch", "dots"] as const;

/**
 * A horizontal bar chart as server-rendered SVG (0..100). Series differ in fill pattern as well as
 * colour, every bar carries its value as text, and the page shows the same figures in a table.
 */
export function BarChart({
  id,
  title,
  categories,
  series,
  max = 100,
  ticks = [0, 25, 50, 75, 100],
  format = formatScore,
}: {
  id: string;
  title: string;
  categories: string[];
  series: ChartSeries[];
  max?: number;
  ticks?: number[];
  format?: (value: number) => string;
}) {
  const labelWidth = 250;
  const barHeight = 14;
  const gap = 4;
  const groupHeight = series.length * (barHeight + gap) + 12;
  const width = 720;
  // Room on the right for the value after the longest bar ("28 van de 28").
  const plotWidth = width - labelWidth - 90;
  // Legend entries side by side, each as wide as its label (about 7.5 units a character at 13 px), on a
  // new line when the next would not fit: a long region name never runs into the next entry.
  const legend: { x: number; y: number }[] = [];
  let cursor = 0;
  let line = 0;
  for (const serie of series) {
    const entryWidth = 22 + serie.label.length * 7.5 + 24;
    if (cursor > 0 && labelWidth + cursor + entryWidth > width) {
      cursor = 0;
      line += 1;
    }
    legend.push({ x: labelWidth + cursor, y: 4 + line * 22 });
    cursor += entryWidth;
  }
  const legendHeight = 28 + line * 22;
  const height = legendHeight + categories.length * groupHeight + 24;
  const x = (v: number) => labelWidth + (v / max) * plotWidth;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title`} width="100%" className="chart__svg">
        <title id={`${id}-title`}>{title}. De cijfers staan ook in de tabel hieronder.</title>
        <defs>
          {series.map((_, s) => (
            <pattern key={s} id={`${id}-p${s}`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={FILLS[s % FILLS.length]} opacity={PATTERNS[s % PATTERNS.length] === "solid" ? 1 : 0.35} />
              {PATTERNS[s % PATTERNS.length] === "hatch" ? <line x1="0" y1="0" x2="0" y2="6" stroke={FILLS[s % FILLS.length]} strokeWidth="4" /> : null}
              {PATTERNS[s % PATTERNS.length] === "dots" ? <circle cx="3" cy="3" r="2" fill={FILLS[s % FILLS.length]} /> : null}
            </pattern>
          ))}
        </defs>
        {series.map((serie, s) => (
          <g key={serie.label} transform={`translate(${legend[s]!.x}, ${legend[s]!.y})`}>
            <rect width="16" height="16" fill={`url(#${id}-p${s})`} stroke="#000" strokeWidth="0.5" />
            <text x="22" y="13" fontSize="13">
              {serie.label}
            </text>
          </g>
        ))}
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={legendHeight} y2={height - 20} stroke="#d0d0d0" />
            <text x={x(tick)} y={height - 6} fontSize="11" textAnchor="middle">
              {tick}
            </text>
          </g>
        ))}
        {categories.map((category, c) => {
          const top = legendHeight + c * groupHeight;
          return (
            <g key={category}>
              <text x={labelWidth - 8} y={top + groupHeight / 2} fontSize="12" textAnchor="end" dominantBaseline="middle">
                {category.length > 34 ? `${category.slice(0, 32)}…` : category}
              </text>
              {series.map((serie, s) => {
                const value = serie.values[c];
                const y = top + 6 + s * (barHeight + gap);
                return (
                  <g key={serie.label}>
                    {value != null ? (
                      <rect
                        x={labelWidth}
                        y={y}
                        width={Math.max(0, x(value) - labelWidth)}
                        height={barHeight}
                        fill={`url(#${id}-p${s})`}
                        stroke="#000"
                        strokeWidth="0.5"
                      />
                    ) : null}
                    <text x={value != null ? x(value) + 4 : labelWidth + 4} y={y + barHeight - 3} fontSize="11">
                      {value != null ? format(value) : "geen gegevens"}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
