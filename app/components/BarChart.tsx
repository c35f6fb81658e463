import { formatScore } from "../domain/format.ts";

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

const FILLS = ["#15414f", "#b35c00", "#5b6f9e"];
const PATTERNS = ["solid", "hatch", "dots"] as const;

/**
 * A horizontal bar chart (0..max) in HTML with one small SVG per bar. Labels and values are page text, so
 * they keep the page's size (never below 12 px), wrap instead of being cut off, and the chart reflows at
 * 320 px: on a narrow screen each label stands above its bars (WCAG 1.4.4, 1.4.10). A bar's length is an
 * SVG percentage, not an inline style, which the Content-Security-Policy forbids. Series differ in fill
 * pattern as well as colour, every bar carries its value as text, and the page shows the same figures in a
 * table; to assistive technology the chart is one image with its title.
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
  /** Values with a grid line, evenly spaced from 0 to max. */
  ticks?: number[];
  format?: (value: number) => string;
}) {
  const percent = (v: number) => `${Math.min(100, Math.max(0, (v / max) * 100))}%`;
  const fill = (s: number) => `url(#${id}-p${s})`;
  return (
    <figure className="chart" role="img" aria-label={`${title}. De cijfers staan ook in de tabel hieronder.`}>
      <svg className="chart__defs" width="0" height="0" aria-hidden="true" focusable="false">
        <defs>
          {series.map((_, s) => (
            <pattern key={s} id={`${id}-p${s}`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={FILLS[s % FILLS.length]} opacity={PATTERNS[s % PATTERNS.length] === "solid" ? 1 : 0.35} />
              {PATTERNS[s % PATTERNS.length] === "hatch" ? <line x1="0" y1="0" x2="0" y2="6" stroke={FILLS[s % FILLS.length]} strokeWidth="4" /> : null}
              {PATTERNS[s % PATTERNS.length] === "dots" ? <circle cx="3" cy="3" r="2" fill={FILLS[s % FILLS.length]} /> : null}
            </pattern>
          ))}
        </defs>
      </svg>
      {series.length > 1 ? (
        <ul className="chart__legend">
          {series.map((serie, s) => (
            <li key={serie.label}>
              <svg className="chart__swatch" width="16" height="16" aria-hidden="true" focusable="false">
                <rect width="16" height="16" fill={fill(s)} stroke="#000" strokeWidth="1" />
              </svg>
              {serie.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart__groups">
        {categories.map((category, c) => (
          <div className="chart__group" key={category}>
            <div className="chart__label">{category}</div>
            <div className="chart__bars">
              {series.map((serie, s) => {
                const value = serie.values[c];
                return (
                  <div className="chart__bar" key={serie.label}>
                    <svg className="chart__track" width="100%" height="14" aria-hidden="true" focusable="false">
                      {ticks.map((tick) => (
                        <line key={tick} x1={percent(tick)} x2={percent(tick)} y1="0" y2="14" stroke="#d0d0d0" />
                      ))}
                      {value != null ? <rect width={percent(value)} height="14" fill={fill(s)} stroke="#000" strokeWidth="0.5" /> : null}
                    </svg>
                    <span className="chart__value">{value != null ? format(value) : "geen gegevens"}</span>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      <div className="chart__group chart__axis" aria-hidden="true">
        <div />
        <div className="chart__bar">
          <div className="chart__ticks">
            {ticks.map((tick) => (
              <span key={tick}>{tick}</span>
            ))}
          </div>
          <span />
        </div>
      </div>
    </figure>
  );
}
