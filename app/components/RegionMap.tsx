import { KeyToLetters } from "./KeyToLetters.tsx";
import { REGION_TILES } from "./region-tiles.ts";

const FILL = ["#f2f2f2", "#cfe3ea", "#8fbccb", "#3f7f93", "#15414f"];
const TEXT = ["#000", "#000", "#000", "#fff", "#fff"];

export interface MapRegion {
  name: string;
  /** 0..4: the legend entry the tile is coloured by; null: nothing to show (a dashed outline). */
  band: number | null;
  /** What the tile shows under the region's short name: the phase number, a score, "–". */
  value: string;
  /** The same in words, for the tile's tooltip and for screen readers. */
  description: string;
}

/**
 * The 28 regions as tiles in their rough geographic places, coloured by one of five bands (a phase, a
 * score range); each tile also shows its value, the legend names the bands, and the page lists the
 * same in text below the map.
 */
export function RegionMap({ id, title, legend, regions }: { id: string; title: string; legend: string[]; regions: MapRegion[] }) {
  const size = 64;
  const gap = 6;
  const width = 6 * (size + gap);
  const height = 9 * (size + gap);
  return (
    <figure className="region-map">
      <svg viewBox={`0 0 ${width + 260} ${height}`} role="img" aria-labelledby={`${id}-titel`} width="100%" className="region-map__svg">
        <title id={`${id}-titel`}>{title}. Dezelfde gegevens staan in de lijst onder de kaart.</title>
        {regions.map((region) => {
          const tile = REGION_TILES[region.name];
          if (!tile) return null;
          const band = region.band;
          return (
            <g key={region.name} transform={`translate(${tile.col * (size + gap)}, ${tile.row * (size + gap)})`}>
              <title>
                {region.name}: {region.description}
              </title>
              <rect
                width={size}
                height={size}
                rx="6"
                fill={band !== null ? FILL[band] : "#fff"}
                stroke="#333"
                strokeDasharray={band !== null ? undefined : "4 3"}
              />
              <text x={size / 2} y={size / 2 - 4} textAnchor="middle" fontSize="14" fontWeight="700" fill={band !== null ? TEXT[band] : "#000"}>
                {tile.short}
              </text>
              <text x={size / 2} y={size / 2 + 16} textAnchor="middle" fontSize="14" fill={band !== null ? TEXT[band] : "#000"}>
                {region.value}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${width + 10}, 10)`}>
          {legend.map((label, i) => (
            <g key={label} transform={`translate(0, ${i * 34})`}>
              <rect width="24" height="24" rx="4" fill={FILL[i]} stroke="#333" />
              <text x="32" y="17" fontSize="12">
                {label}
              </text>
            </g>
          ))}
        </g>
      </svg>
      <figcaption>
        <span className="visually-hidden">{title}. </span>
        {/* The tiles carry short names; the key writes each out, for the screen, touch and print alike. */}
        <KeyToLetters
          label="Afkortingen op de kaart"
          entries={regions
            .flatMap((r) => (REGION_TILES[r.name] ? [{ key: REGION_TILES[r.name]!.short, title: r.name }] : []))
            .sort((a, b) => a.key.localeCompare(b.key))}
        />
      </figcaption>
    </figure>
  );
}
