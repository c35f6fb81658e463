import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "../server/http.server.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FigureBlock, type FigureRow } from "../components/FigureBlock.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { RegionMap } from "../components/RegionMap.tsx";
import { YearNav } from "../components/YearNav.tsx";
import { requireRole } from "../auth/guards.server.ts";
import { yearFigures, type YearFigures } from "../models/dashboard.server.ts";
import { parseYear, roundTableYears } from "../models/rondetafel.server.ts";
import { isPhaseKey, PHASES } from "../domain/phases.ts";
import { listRegions } from "../models/organisation.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Landelijk dashboard${data?.year ? ` ${data.year}` : ""} – Werken aan veiligheid` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const years = await roundTableYears(context.db);
  const asked = new URL(request.url).searchParams.get("jaar");
  const year = asked ? parseYear(asked) : (years[0] ?? null);
  if (asked && (!year || !years.includes(year))) notFound();
  const current = year ? await yearFigures(context.db, year) : null;
  const previous = year && years.includes(year - 1) ? await yearFigures(context.db, year - 1) : null;
  const regions = await listRegions(context.db);
  return { years, year, current, previous, regionNames: regions.map((r) => r.name) };
}

type Block = { id: string; title: string; indicators: string[]; onlyYes?: boolean };

// The infographic's groups, in its order; a yes/no question shows as the number of regions that said yes.
const BLOCKS: Block[] = [
  { id: "fase", title: "Fasen van implementatie van het kwaliteitskader", indicators: ["fase"] },
  { id: "sturing", title: "Integrale sturing", indicators: ["integrale_sturing"] },
  {
    id: "visie",
    title: "Visie Gefaseerd samenwerken aan veiligheid",
    indicators: ["visie_werken", "visie_inkoop", "visie_regiovisie", "visie_getraind"],
    onlyYes: true,
  },
  { id: "mda", title: "MDA++", indicators: ["mda"] },
  { id: "teams", title: "Versterken lokale (wijk)teams", indicators: ["teams_inzicht"], onlyYes: true },
  { id: "ervaring", title: "Ervaringsdeskundigheid", indicators: ["ervaringsdeskundigheid", "ervaring_hoe"], onlyYes: true },
  { id: "stappen", title: "Stappen voor het komende jaar", indicators: ["stappen"] },
  { id: "prioriteiten", title: "Prioritaire thema's", indicators: ["prioriteiten"] },
  { id: "knelpunten", title: "Knelpunten", indicators: ["knelpunten"] },
  { id: "impact", title: "Impact van COVID-19 en andere gebeurtenissen", indicators: ["impact"] },
  { id: "projecten", title: "Projecten uit de projectenpool", indicators: ["projecten"] },
];

function rowsOf(block: Block, current: YearFigures, previous: YearFigures | null): FigureRow[] {
  return current.figures
    .filter((f) => block.indicators.includes(f.indicator) && (!block.onlyYes || f.answer !== "nee"))
    .map((f) => ({
      key: `${f.indicator}-${f.answer}`,
      label: f.answer === "ja" ? f.indicatorText : f.answerLabel,
      count: f.count,
      previous: previous ? (previous.figures.find((p) => p.indicator === f.indicator && p.answer === f.answer)?.count ?? 0) : null,
      regions: f.regions,
    }));
}

export default function Dashboard() {
  const { years, year, current, previous, regionNames } = useLoaderData<typeof loader>();
  if (!year || !current) {
    return (
      <>
        <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: "Dashboard" }]} />
        <h1 className="utrecht-heading-1">Landelijk dashboard</h1>
        <p className="utrecht-paragraph">
          Er zijn nog geen rondetafelgesprekken vastgelegd.{" "}
          <Link className="utrecht-link" to="/programma/rondetafels">
            Naar de rondetafelgesprekken
          </Link>
        </p>
      </>
    );
  }
  const phaseOf = new Map(current.figures.filter((f) => f.indicator === "fase").flatMap((f) => f.regions.map((r) => [r, f.answer] as const)));
  return (
    <>
      <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: `Dashboard ${year}` }]} />
      <h1 className="utrecht-heading-1">Landelijk dashboard {year}</h1>
      <p className="utrecht-paragraph lead">
        Wat de rondetafelgesprekken met de {current.outOf} regio's in {year} opleverden{previous ? `, naast ${previous.year}` : ""}. Vastgelegd voor{" "}
        {current.responded} van de {current.outOf} regio's. Elk cijfer is geteld uit de ingediende verslagen.
      </p>
      <YearNav years={years} year={year} label="Jaar en downloads">
        <a className="utrecht-link" href={`/programma/dashboard.csv?jaar=${year}`} download>
          Cijfers {year} (CSV)
        </a>
        <a className="utrecht-link" href="/programma/rondetafels.csv" download>
          Alle antwoorden (CSV)
        </a>
        <a className="utrecht-link" href="/programma/rondetafels.xlsx" download>
          Alle antwoorden (Excel)
        </a>
      </YearNav>
      <p className="muted no-print">Afdrukken of opslaan als PDF: gebruik Afdrukken in de browser; de pagina drukt af als A4-rapport.</p>

      <section aria-labelledby="kaart" className="page-section">
        <h2 id="kaart" className="utrecht-heading-2">
          Kaart: fase per regio in {year}
        </h2>
        <RegionMap
          title={`De 28 regio's naar fase van implementatie in ${year}`}
          regions={regionNames.map((name) => ({ name, phase: isPhaseKey(phaseOf.get(name)) ? (phaseOf.get(name) as (typeof PHASES)[number]["key"]) : null }))}
        />
        <ul className="utrecht-unordered-list">
          {PHASES.map((phase, i) => {
            const names = regionNames.filter((n) => phaseOf.get(n) === phase.key);
            return (
              <li key={phase.key}>
                {i + 1}. {phase.label}: {names.length ? names.join(", ") : "geen"}
              </li>
            );
          })}
        </ul>
      </section>

      {BLOCKS.map((block) => (
        <FigureBlock
          key={block.id}
          id={block.id}
          title={block.title}
          rows={rowsOf(block, current, previous)}
          outOf={current.outOf}
          year={year}
          previousYear={previous?.year ?? null}
        />
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
