import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { ProgressTable, type ProgressRow } from "../components/ProgressTable.tsx";
import { requireRole } from "../auth/guards.server.ts";
import { progressByMunicipality } from "../models/progress-summary.server.ts";
import { regionsWithPhase } from "../models/phase.server.ts";
import { listRounds } from "../models/rounds.server.ts";
import { ExportLinks } from "../components/ExportLinks.tsx";
import { formatDate } from "../domain/format.ts";
import { PHASES } from "../domain/phases.ts";
import { DataTable } from "../components/DataTable.tsx";
import { isDemoData } from "../models/app-settings.server.ts";

export const meta: MetaFunction = () => [{ title: "Landelijk overzicht – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const { municipalities } = await progressByMunicipality(context.db);
  const regions = new Map<number, ProgressRow & { municipalities: number; municipalSubmitted: number }>();
  for (const m of municipalities) {
    const region = regions.get(m.regionId) ?? {
      id: m.regionId,
      name: m.regionName,
      href: `/regios/${m.regionId}`,
      teams: 0,
      submitted: 0,
      accepted: 0,
      inProgress: 0,
      municipal: "",
      hint: m.roundName,
      municipalities: 0,
      municipalSubmitted: 0,
    };
    region.teams += m.teams;
    region.submitted += m.submitted;
    region.accepted += m.accepted;
    region.inProgress += m.inProgress;
    region.municipalities += 1;
    region.municipalSubmitted += m.municipalProgress === "submitted" ? 1 : 0;
    region.municipal = `${region.municipalSubmitted} van ${region.municipalities} ingediend`;
    regions.set(m.regionId, region);
  }
  const phases = await regionsWithPhase(context.db);
  const rounds = await listRounds(context.db);
  return {
    rounds: rounds.map((r) => ({ id: r.id, name: r.name })),
    regions: [...regions.values()],
    totalRegions: phases.length,
    demo: await isDemoData(context.db),
    byPhase: PHASES.map((p) => ({ ...p, regions: phases.filter((r) => r.phase === p.key) })),
  };
}

export default function ProgrammaPage() {
  const { rounds, regions, byPhase, totalRegions, demo } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Landelijk overzicht</h1>
      <p className="utrecht-paragraph lead">
        Als programmamedewerker van Geweld hoort nergens thuis ziet u alle 28 regio's: in welke fase van de routekaart ze zijn en hoe de zelfscan vordert. Kies
        een regio om de fase te zien (en zo nodig te corrigeren), de resultaten, bevindingen en verbeterplannen. Leg de rondetafelgesprekken vast en bekijk het
        landelijke dashboard.
      </p>
      <nav aria-label="Programma" className="form-actions">
        <Link className="utrecht-link" to="/programma/dashboard">
          Landelijk dashboard
        </Link>
        <Link className="utrecht-link" to="/programma/rondetafels">
          Rondetafelgesprekken
        </Link>
        <Link className="utrecht-link" to="/programma/rondes">
          Zelfscanrondes beheren
        </Link>
        <Link className="utrecht-link" to="/programma/organisatie">
          Organisatie
        </Link>
        <Link className="utrecht-link" to="/programma/publicaties">
          Landelijk beeld publiceren
        </Link>
        <Link className="utrecht-link" to="/programma/inlogdiensten">
          Inloggen met organisatieaccount
        </Link>
        <Link className="utrecht-link" to="/programma/audit">
          Auditlog
        </Link>
      </nav>
      <section aria-labelledby="fasen" className="page-section">
        <h2 id="fasen" className="utrecht-heading-2">
          Fasen van implementatie van het kwaliteitskader
        </h2>
        {demo ? (
          <p className="utrecht-paragraph">
            <em>Demo:</em> de fasen en de data waarop de regio's erin kwamen, zijn verzonnen (de faseregistratie van de demo).
          </p>
        ) : null}
        <DataTable caption={`Aantal regio's per fase, met de regio's en sinds wanneer${demo ? " (demo)" : ""}`}>
          <thead>
            <tr>
              <th scope="col">Fase</th>
              <th scope="col" className="number">
                Regio's
              </th>
              <th scope="col">Welke regio's (sinds)</th>
            </tr>
          </thead>
          <tbody>
            {byPhase.map((p, i) => (
              <tr key={p.key}>
                <th scope="row">
                  {i + 1}. {p.label}
                </th>
                <td className="number">
                  {p.regions.length} van de {totalRegions}
                </td>
                <td>
                  {p.regions.length === 0
                    ? "–"
                    : p.regions.map((r, j) => (
                        <span key={r.id}>
                          {j > 0 ? ", " : ""}
                          <Link className="utrecht-link" to={`/regios/${r.id}`}>
                            {r.name}
                          </Link>
                          {r.since ? ` (${formatDate(r.since)})` : ""}
                        </span>
                      ))}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      </section>
      {regions.length ? (
        <section aria-labelledby="regios" className="page-section">
          <h2 id="regios" className="utrecht-heading-2">
            Voortgang van de zelfscan per regio
          </h2>
          <p className="utrecht-paragraph">Elke regio werkt op de ronde van haar eigen cyclus; die staat onder de naam.</p>
          <ProgressTable
            caption="Voortgang van de zelfscan per regio, elk in de ronde van haar cyclus"
            nameHeader="Regio"
            municipalHeader="Gemeentelijk deel"
            rows={regions}
          />
        </section>
      ) : (
        <p className="utrecht-paragraph">Er is nog geen zelfscanronde.</p>
      )}
      {rounds.map((round) => (
        <ExportLinks key={round.id} roundId={round.id} roundName={round.name} scope={{}} />
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
