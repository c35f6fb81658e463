import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound } from "../http/http.server.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { NationalPicture } from "../components/NationalPicture.tsx";
import { YearNav } from "../components/YearNav.tsx";
import { requireRole } from "../auth/guards.server.ts";
import { dashboardYears } from "../models/dashboard.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { dashboardView } from "../services/dashboard.server.ts";
import { dayOf } from "../domain/format.ts";
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

export default function Dashboard() {
  const { years, view, theme } = useLoaderData<typeof loader>();
  const { year } = view;
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

      <NationalPicture view={view} theme={theme} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
