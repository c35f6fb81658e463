import { REGION_TILES } from "./region-tiles.ts";
import { PHASES, phaseIndex, type PhaseKey } from "../domain/phases.ts";

const PHASE_FILL = ["#f2f2f2", "#cfe3ea", "#8fbccb", "#3f7f93", "#15414f"];
const PHASE_TEXT = ["#000", "#000", "#000", "#fff", "#fff"];

/**
 * The 28 regions as tiles in their rough geographic places, coloured by phase; each tile also shows
 * the phase number, the legend names the phases, and a list below says the same in text.
 */
export function RegionMap({ regions, title }: { regions: { name: string; phase: PhaseKey | null }[]; title: string }) {
  const size = 64;
  const gap = 6;
  const width = 6 * (size + gap);
  const height = 9 * (size + gap);
  return (
    <figure className="region-map">
      <svg viewBox={`0 0 ${width + 260} ${height}`} role="img" aria-labelledby="kaart-titel" width="100%" className="region-map__svg">
        <title id="kaart-titel">{title}. Dezelfde gegevens staan in de lijst onder de kaart.</title>
        {regions.map((region) => {
          const tile = REGION_TILES[region.name];
          if (!tile) return null;
          const i = region.phase ? phaseIndex(region.phase) : -1;
          return (
            <g key={region.name} transform={`translate(${tile.col * (size + gap)}, ${tile.row * (size + gap)})`}>
              <title>
                {region.name}: {region.phase ? PHASES[i]!.label : "geen gegevens"}
              </title>
              <rect width={size} height={size} rx="6" fill={i >= 0 ? PHASE_FILL[i] : "#fff"} stroke="#333" strokeDasharray={i >= 0 ? undefined : "4 3"} />
              <text x={size / 2} y={size / 2 - 4} textAnchor="middle" fontSize="14" fontWeight="700" fill={i >= 0 ? PHASE_TEXT[i] : "#000"}>
                {tile.short}
              </text>
              <text x={size / 2} y={size / 2 + 16} textAnchor="middle" fontSize="14" fill={i >= 0 ? PHASE_TEXT[i] : "#000"}>
                {i >= 0 ? i + 1 : "?"}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${width + 10}, 10)`}>
          {PHASES.map((phase, i) => (
            <g key={phase.key} transform={`translate(0, ${i * 34})`}>
              <rect width="24" height="24" rx="4" fill={PHASE_FILL[i]} stroke="#333" />
              <text x="12" y="17" textAnchor="middle" fontSize="13" fill={PHASE_TEXT[i]}>
                {i + 1}
              </text>
              <text x="32" y="17" fontSize="12">
                {phase.short}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption className="visually-hidden">{title}</figcaption>
    </figure>
  );
}
