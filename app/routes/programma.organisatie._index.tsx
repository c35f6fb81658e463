import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound, parseId } from "../server/http.server.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireRole } from "../auth/guards.server.ts";
import { readForm } from "../server/form.server.ts";
import { teamChangeSchema } from "../forms/organisation.ts";
import { addTeam, listOrganisation, updateTeam } from "../models/organisation-admin.server.ts";
import { TEAM_KIND_LABEL, TEAM_KINDS } from "../domain/roles.ts";
import { listMunicipalities, listRegions } from "../models/organisation.server.ts";
import { DataTable } from "../components/DataTable.tsx";

export const meta: MetaFunction = () => [{ title: "Organisatie – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const regions = await listRegions(context.db);
  const asked = new URL(request.url).searchParams.get("regio");
  const regionId = asked ? parseId(asked) : regions[0]?.id;
  if (!regionId || !regions.some((r) => r.id === regionId)) notFound();
  const allMunicipalities = await listMunicipalities(context.db);
  return { regions, regionId, municipalities: await listOrganisation(context.db, regionId), allMunicipalities };
}

const fail = (message: string) => data({ error: message }, { status: 400 });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["programma"]);
  const submission = await readForm(request, teamChangeSchema);
  // The page shows one message at a time, above the lists.
  if (!submission.ok) return fail(Object.values(submission.errors)[0] ?? "Er is niets gewijzigd.");
  const change = submission.data;
  const result =
    change.intent === "add"
      ? await addTeam(context.db, user, { municipalityId: change.municipality, name: change.name, kind: change.kind })
      : await updateTeam(context.db, user, {
          teamId: change.team,
          name: change.intent === "rename" ? change.name : undefined,
          municipalityId: change.intent === "move" ? change.municipality : undefined,
          active: change.intent === "deactivate" ? false : change.intent === "activate" ? true : undefined,
        });
  if (!result.ok) return fail(result.message);
  return { error: null };
}

export default function Organisation() {
  const { regions, regionId, municipalities, allMunicipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: "Organisatie" }]} />
      <h1 className="utrecht-heading-1">Organisatie: gemeenten en teams</h1>
      <p className="utrecht-paragraph lead">
        Voeg teams toe, hernoem ze, verplaats een team naar een andere gemeente of zet het op non-actief (de ingevulde zelfscans blijven bewaard).{" "}
        <Link className="utrecht-link" to="/programma/organisatie/import">
          Teams en teammanagers importeren uit een CSV-bestand
        </Link>
      </p>
      <ErrorSummary items={actionData?.error ? [{ target: "organisatie", message: actionData.error }] : []} focusKey={actionData} />
      <Form method="get" className="form-actions">
        <label className="utrecht-form-label" htmlFor="regio">
          Regio
        </label>
        <select id="regio" name="regio" className="utrecht-select" defaultValue={regionId}>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          Tonen
        </button>
      </Form>
      <div id="organisatie" tabIndex={-1}>
        {municipalities.map((m) => (
          <section key={m.id} aria-labelledby={`gemeente-${m.id}`} className="page-section">
            <h2 id={`gemeente-${m.id}`} className="utrecht-heading-3">
              {m.name} <span className="muted">({m.cbs_code})</span>
            </h2>
            {m.teams.length ? (
              <DataTable caption={<>Teams van {m.name}</>}>
                <thead>
                  <tr>
                    <th scope="col">Team</th>
                    <th scope="col">Hernoemen</th>
                    <th scope="col">Verplaatsen</th>
                    <th scope="col">Actief</th>
                  </tr>
                </thead>
                <tbody>
                  {m.teams.map((t) => (
                    <tr key={t.id}>
                      <th scope="row">
                        {t.name}
                        <span className="task-list__hint">
                          {TEAM_KIND_LABEL[t.kind]}
                          {t.active ? "" : " · non-actief"}
                        </span>
                      </th>
                      <td>
                        <Form method="post" className="inline-actions">
                          <input type="hidden" name="intent" value="rename" />
                          <input type="hidden" name="team" value={t.id} />
                          <label className="visually-hidden" htmlFor={`naam-${t.id}`}>
                            Nieuwe naam voor {t.name}
                          </label>
                          <input id={`naam-${t.id}`} name="name" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={t.name} size={18} />
                          <button type="submit" className="utrecht-button utrecht-button--secondary-action utrecht-button--small" disabled={busy}>
                            Opslaan<span className="visually-hidden"> (naam {t.name})</span>
                          </button>
                        </Form>
                      </td>
                      <td>
                        <Form method="post" className="inline-actions">
                          <input type="hidden" name="intent" value="move" />
                          <input type="hidden" name="team" value={t.id} />
                          <label className="visually-hidden" htmlFor={`naar-${t.id}`}>
                            Gemeente voor {t.name}
                          </label>
                          <select id={`naar-${t.id}`} name="municipality" className="utrecht-select" defaultValue={m.id}>
                            {allMunicipalities.map((o) => (
                              <option key={o.id} value={o.id}>
                                {o.name}
                              </option>
                            ))}
                          </select>
                          <button type="submit" className="utrecht-button utrecht-button--secondary-action utrecht-button--small" disabled={busy}>
                            Verplaatsen<span className="visually-hidden"> ({t.name})</span>
                          </button>
                        </Form>
                      </td>
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value={t.active ? "deactivate" : "activate"} />
                          <input type="hidden" name="team" value={t.id} />
                          <button type="submit" className="utrecht-button utrecht-button--secondary-action utrecht-button--small" disabled={busy}>
                            {t.active ? "Op non-actief" : "Weer actief"}
                            <span className="visually-hidden"> ({t.name})</span>
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : (
              <p className="muted">Nog geen teams.</p>
            )}
            <Form method="post" className="inline-actions">
              <input type="hidden" name="intent" value="add" />
              <input type="hidden" name="municipality" value={m.id} />
              <label className="utrecht-form-label" htmlFor={`nieuw-${m.id}`}>
                Nieuw team in {m.name}
              </label>
              <input id={`nieuw-${m.id}`} name="name" className="utrecht-textbox utrecht-textbox--html-input" size={24} />
              <label className="visually-hidden" htmlFor={`soort-${m.id}`}>
                Soort team
              </label>
              <select id={`soort-${m.id}`} name="kind" className="utrecht-select" defaultValue="wijkteam">
                {TEAM_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {TEAM_KIND_LABEL[k]}
                  </option>
                ))}
              </select>
              <button type="submit" className="utrecht-button utrecht-button--secondary-action utrecht-button--small" disabled={busy}>
                Toevoegen<span className="visually-hidden"> (team in {m.name})</span>
              </button>
            </Form>
          </section>
        ))}
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
