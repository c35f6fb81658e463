import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "../forms/zod.ts";
import { DataTable } from "../components/DataTable.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { requireUser, requireVeiligThuisRegion } from "../auth/guards.server.ts";
import { countOf, formatDate, formatDateTime, formatScore } from "../domain/format.ts";
import { SMALL_GROUP_MIN } from "../domain/small-groups.ts";
import { idField } from "../forms/fields.ts";
import { readForm } from "../http/form.server.ts";
import { notFound } from "../http/http.server.ts";
import { getMunicipality } from "../models/organisation.server.ts";
import { responsePath } from "../questionnaire/paths.ts";
import { startVeiligThuisView, veiligThuisPage } from "../services/veilig-thuis.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Veilig Thuis ${data.region.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireVeiligThuisRegion(context, user, params.regionId);
  return { region, ...(await veiligThuisPage(context.db, region)) };
}

const startSchema = z.object({ municipality: idField("Kies een gemeente.") });

/** Starts Veilig Thuis's view of one gemeente (a POST: a page view never creates anything). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireVeiligThuisRegion(context, user, params.regionId);
  const submission = await readForm(request, startSchema);
  if (!submission.ok) notFound();
  const municipality = await getMunicipality(context.db, submission.data.municipality);
  if (!municipality || municipality.region_id !== region.id) notFound();
  const responseId = await startVeiligThuisView(context.db, user, { regionId: region.id, municipalityId: municipality.id });
  if (!responseId) throw new Response("Er is geen zelfscanronde voor deze regio.", { status: 409 });
  throw redirect(responsePath(responseId));
}

export default function VeiligThuisPage() {
  const page = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const done = page.municipalities.filter((m) => m.progress === "submitted").length;
  return (
    <>
      <h1 className="utrecht-heading-1">Veilig Thuis {page.region.name}</h1>
      <p className="utrecht-paragraph lead">Uw kijk op de samenwerking met de lokale teams, per gemeente{page.round ? ` · ${page.round.name}` : ""}</p>
      {!page.round ? (
        <p className="utrecht-paragraph">Er is op dit moment geen zelfscanronde voor uw regio.</p>
      ) : (
        <>
          <p className="utrecht-paragraph">
            Bij thema G van de zelfscan (samenwerking en regie) beoordelen de teams hun afspraken met Veilig Thuis. Geef per gemeente uw kant van die afspraken:
            overdracht, terugkoppeling, op- en afschalen. De gemeente en haar teams zien uw antwoorden naast de hunne zodra u indient; u ziet zelf geen
            antwoorden van teams of gemeenten, alleen de cijfers van de regio. U kunt tot en met {formatDate(page.round.closesOn)} invullen.
          </p>
          <section aria-labelledby="gemeenten" className="page-section">
            <h2 id="gemeenten" className="utrecht-heading-2">
              Gemeenten: {countOf(done, page.municipalities.length, "gemeente", "gemeenten")} ingediend
            </h2>
            <DataTable caption={`Uw kijk per gemeente van regio ${page.region.name}`}>
              <thead>
                <tr>
                  <th scope="col">Gemeente</th>
                  <th scope="col">Stand</th>
                  <th scope="col">
                    <span className="visually-hidden">Invullen of bekijken</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.municipalities.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    <td>
                      <StatusBadge status={m.progress} />
                      {m.submittedAt ? <span className="task-list__hint">ingediend op {formatDateTime(m.submittedAt)}</span> : null}
                    </td>
                    <td>
                      {m.responseId ? (
                        <Link className="utrecht-link" to={responsePath(m.responseId)}>
                          {m.progress === "submitted" ? "Bekijken" : "Verder invullen"}
                          <span className="visually-hidden"> ({m.name})</span>
                        </Link>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="municipality" value={m.id} />
                          <button type="submit" className="utrecht-button utrecht-button--secondary-action utrecht-button--small" disabled={busy}>
                            Invullen<span className="visually-hidden"> voor {m.name}</span>
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
          <section aria-labelledby="regio-cijfers" className="page-section">
            <h2 id="regio-cijfers" className="utrecht-heading-2">
              De regio in cijfers
            </h2>
            {page.themes ? (
              <DataTable caption={`Gemiddelde score per thema (0 tot 100) van de ${page.themes.teams} ingediende teams van de regio`}>
                <thead>
                  <tr>
                    <th scope="col">Thema</th>
                    <th scope="col" className="number">
                      Score
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.themes.figures.map((f) => (
                    <tr key={f.theme}>
                      <th scope="row">
                        {f.theme}. {f.title}
                      </th>
                      <td className="number">{formatScore(f.score)}</td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : (
              <p className="utrecht-paragraph">
                De cijfers van de regio verschijnen zodra ten minste {SMALL_GROUP_MIN} teams de zelfscan hebben ingediend: met minder zouden de antwoorden van
                één team eruit af te leiden zijn.
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
