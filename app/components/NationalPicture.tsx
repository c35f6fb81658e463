import { Link } from "@remix-run/react";
import { PHASES } from "../domain/phases.ts";
import type { DashboardView } from "../domain/national-picture.ts";
import { FigureBlock } from "./FigureBlock.tsx";
import { RegionMap } from "./RegionMap.tsx";
import { ZelfscanByRegion } from "./ZelfscanByRegion.tsx";

/**
 * The national picture of a year: the phases with the map, the zelfscan per region and the round-table figures,
 * each with its source. Programma's dashboard shows it live; the public page shows a published snapshot of it
 * (`published`: no links into the signed-in product).
 */
export function NationalPicture({
  view,
  theme,
  published = false,
}: {
  view: DashboardView;
  theme: { key: string; title: string } | null;
  published?: boolean;
}) {
  const { year, phases, previousYear } = view;
  return (
    <>
      <section aria-labelledby="kaart" className="page-section">
        <h2 id="kaart" className="utrecht-heading-2">
          Kaart: fase per regio in {year}
        </h2>
        <RegionMap
          id="fasekaart"
          title={`De ${view.outOf} regio's naar fase van implementatie in ${year}, stand op ${view.stand}${phases.regionsDemo ? " (welke regio in welke fase: demo)" : ""}`}
          legend={PHASES.map((p, i) => `${i + 1} ${p.short}`)}
          regions={phases.map}
        />
        {phases.regionsDemo ? (
          <p className="utrecht-paragraph">
            <em>Demo:</em> welke regio in welke fase is, is verzonnen. Waar het programma een aantal heeft gepubliceerd, klopt het aantal per fase; de bron zegt
            niet welke regio's het zijn.
          </p>
        ) : null}
        <ul className="utrecht-unordered-list">
          {phases.lists.map((list) => (
            <li key={list.label}>
              {list.label}: {list.names.length ? list.names.join(", ") : "geen"}
            </li>
          ))}
        </ul>
        <p className="figure-source">{phases.source}</p>
      </section>

      <FigureBlock id={phases.id} title={phases.title} rows={phases.rows} outOf={view.outOf} year={year} previousYear={previousYear} source={phases.source} />

      <ZelfscanByRegion view={view} theme={theme} published={published} />

      {view.blocks.length ? (
        view.blocks.map((block) => (
          <FigureBlock
            key={block.id}
            id={block.id}
            title={block.title}
            rows={block.rows}
            outOf={view.outOf}
            year={year}
            previousYear={previousYear}
            source={block.source}
          />
        ))
      ) : (
        <section aria-labelledby="rondetafel-kop" className="page-section">
          <h2 id="rondetafel-kop" className="utrecht-heading-2">
            Rondetafelgesprekken
          </h2>
          <p className="utrecht-paragraph">
            Voor {year} zijn nog geen rondetafelgesprekken vastgelegd.{" "}
            {published ? null : (
              <Link className="utrecht-link" to="/programma/rondetafels">
                Naar de rondetafelgesprekken
              </Link>
            )}
          </p>
        </section>
      )}
    </>
  );
}
