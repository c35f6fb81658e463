import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFound } from "../http/http.server.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { FigureBlock } from "../components/FigureBlock.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { RegionMap } from "../components/RegionMap.tsx";
import { ZelfscanByRegion } from "../components/ZelfscanByRegion.tsx";
import { YearNav } from "../components/YearNav.tsx";
import { requireRole } from "../auth/guards.server.ts";
import { dashboardYears } from "../models/dashboard.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { dashboardView } from "../services/dashboard.server.ts";
import { dayOf } from "../domain/format.ts";
import { PHASES } from "../domain/phases.ts";
import { PrintButton } from "../components/PrintButton.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Landelijk dashboard${data?.view ? ` ${data.view.year}` : ""} – Werken aan veiligheid` },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const now = new Date();
  const years = await dashboardYears(context.db, now);
  const params = new URL(request.url).searchParams;
  const asked = params.get("jaar");
  const year = asked ? parseYear(asked) : Number(dayOf(now).slice(0, 4));
  if (!year || !years.includes(year)) notFound();
  const view = await dashboardView(context.db, year, now);
  const theme = view.zelfscan.themes.find((t) => t.key === params.get("thema")) ?? view.zelfscan.themes[0] ?? null;
  return { years, view, theme };
}

// Score bands of the theme map (0–100), the same five colours as the phases.
export default function Dashboard() {
  const { years, view, theme } = useLoaderData<typeof loader>();
  const { year, phases } = view;
  const previousYear = view.previousYear;
  return (
    <>
      <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: `Dashboard ${year}` }]} />
      <h1 className="utrecht-heading-1">Landelijk dashboard {year}</h1>
      <p className="utrecht-paragraph lead">
        De {view.outOf} regio's in {year}
        {previousYear ? `, naast ${previousYear}` : ""}: de fase van elke regio, wat de rondetafelgesprekken opleverden
        {view.responded === null ? " (geen rondetafelgesprekken vastgelegd)" : ` (vastgelegd voor ${view.responded} van de ${view.outOf} regio's)`} en de
        zelfscan zoals de teams die in deze toepassing invullen. Elk cijfer is geteld uit de opgeslagen gegevens; onder elk onderdeel staat waar het vandaan
        komt.
      </p>
      {view.demo ? (
        <p className="utrecht-paragraph notice">
          Deze omgeving bevat demonstratiegegevens. Cijfers die het programma heeft gepubliceerd, staan erbij met hun bron (of hoe ze eruit volgen); alle andere
          cijfers zijn verzonnen en gemarkeerd als "demo, niet gepubliceerd". Welke regio's achter een gepubliceerd aantal zitten, zegt de bron meestal niet:
          die lijsten zijn dan ook verzonnen, en gemarkeerd met "(demo)".
        </p>
      ) : null}
      <YearNav years={years} year={year} label="Jaar en downloads">
        <a className="utrecht-link" href={`/programma/dashboard.csv?jaar=${year}`} download>
          Cijfers {year} (CSV)
        </a>
        <a className="utrecht-link" href="/programma/rondetafels.csv" download>
          Alle rondetafelantwoorden (CSV)
        </a>
        <a className="utrecht-link" href="/programma/rondetafels.xlsx" download>
          Alle rondetafelantwoorden (Excel)
        </a>
      </YearNav>
      <PrintButton what="het dashboard" />

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

      <ZelfscanByRegion view={view} theme={theme} />

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
            <Link className="utrecht-link" to="/programma/rondetafels">
              Naar de rondetafelgesprekken
            </Link>
          </p>
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
