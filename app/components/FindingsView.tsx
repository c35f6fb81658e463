import { formatScore } from "../domain/format.ts";

export interface Findings {
  summary: string;
  strengths: Record<string, string>;
  points: { theme_key: string; text: string }[];
}

/** A region's recorded findings as text: the summary, and per theme (lowest score first) its strengths and improvement points. */
export function FindingsView({ analysis, themes }: { analysis: Findings; themes: { theme: string; title: string; score: number | null }[] }) {
  return (
    <div className="findings findings--read">
      <h2 className="utrecht-heading-2">Samenvatting van de bevindingen</h2>
      {analysis.summary ? <p className="utrecht-paragraph preserve-lines">{analysis.summary}</p> : <p className="muted">Geen samenvatting vastgelegd.</p>}
      {themes.map((theme) => {
        const strengths = analysis.strengths[theme.theme] ?? "";
        const points = analysis.points.filter((p) => p.theme_key === theme.theme).map((p) => p.text);
        return (
          <section key={theme.theme} aria-labelledby={`thema-${theme.theme}`} className="findings__theme">
            <h2 id={`thema-${theme.theme}`} className="utrecht-heading-3">
              {theme.theme}. {theme.title} <span className="muted">(score {formatScore(theme.score)})</span>
            </h2>
            <h3 className="utrecht-heading-4">Sterke punten</h3>
            {strengths ? <p className="utrecht-paragraph preserve-lines">{strengths}</p> : <p className="muted">Geen sterke punten vastgelegd.</p>}
            <h3 className="utrecht-heading-4">Verbeterpunten</h3>
            {points.length ? (
              <ul className="utrecht-unordered-list">
                {points.map((point, i) => (
                  <li key={i}>{point}</li>
                ))}
              </ul>
            ) : (
              <p className="muted">Geen verbeterpunten vastgelegd.</p>
            )}
          </section>
        );
      })}
    </div>
  );
}
