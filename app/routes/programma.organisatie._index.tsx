import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound, parseId } from "../http/http.server.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireRole } from "../auth/guards.server.ts";
import { readForm } from "../http/form.server.ts";
import { teamChangeSchema } from "../forms/organisation.ts";
import { addTeam, listTeamsPage, updateTeam } from "../models/organisation-admin.server.ts";
import { PAGE_SIZE, pageParam, paging } from "../domain/paging.ts";
import { Pager } from "../components/Pager.tsx";
import { TEAM_KIND_LABEL } from "../domain/roles.ts";
import { listMunicipalities, listRegions } from "../models/organisation.server.ts";
import { DataTable } from "../components/DataTable.tsx";
import { NewTeamForm } from "../components/NewTeamForm.tsx";
import { TeamSearch } from "../components/TeamSearch.tsx";

export const meta: MetaFunction = () => [{ title: "Organisatie – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const regions = await listRegions(context.db);
  const params = new URL(request.url).searchParams;
  const asked = params.get("regio");
  // Every region unless one is asked: the page opens on all teams, and a search looks across the country.
  const regionId = !asked || asked === "alle" ? null : parseId(asked);
  if (regionId !== null && (!regionId || !regions.some((r) => r.id === regionId))) notFound();
  const search = (params.get("zoek") ?? "").slice(0, 100);
  const asPage = pageParam(params.get("pagina"));
  const { rows, total } = await listTeamsPage(context.db, { regionId, search, limit: PAGE_SIZE, offset: (asPage - 1) * PAGE_SIZE });
  const allMunicipalities = await listMunicipalities(context.db);
  return {
    regions,
    regionId,
    search,
    teams: rows,
    paging: paging(asPage, total),
    allMunicipalities,
    regionMunicipalities: regionId === null ? allMunicipalities : allMunicipalities.filter((m) => m.region_id === regionId),
  };
}

const fail = (message: string) => data({ error: message }, { status: 400 });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["programma"]);
  const submission = await readForm(request, teamChangeSchema);
  // The page shows one message at a time, above the lists.
  if (!submission.ok) return fail(Object.values(submission.errors)[0] ?? "Er is niets gewijzigd.");
  const change = submission.data;
  // A team moves to the gemeente typed or picked from the list of all gemeenten (by name; an id also works).
  let moveTo: number | undefined;
  if (change.intent === "move") {
    const wanted = change.municipality.toLowerCase();
    moveTo = (await listMunicipalities(context.db)).find((m) => String(m.id) === wanted || m.name.toLowerCase() === wanted)?.id;
    if (!moveTo) return fail("Kies de gemeente waar het team heen gaat uit de lijst.");
  }
  const result =
    change.intent === "add"
      ? await addTeam(context.db, user, { municipalityId: change.municipality, name: change.name, kind: change.kind })
      : await updateTeam(context.db, user, {
          teamId: change.team,
          name: change.intent === "rename" ? change.name : undefined,
          municipalityId: moveTo,
          active: change.intent === "deactivate" ? false : change.intent === "activate" ? true : undefined,
        });
  if (!result.ok) return fail(result.message);
  return { error: null };
}

export default function Organisation() {
  const { regions, regionId, search, teams, paging, allMunicipalities, regionMunicipalities } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const hrefFor = (page: number) => `?${new URLSearchParams({ regio: regionId === null ? "alle" : String(regionId), zoek: search, pagina: String(page) })}`;
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
      <TeamSearch regions={regions} regionId={regionId} search={search} />

      <div id="organisatie" tabIndex={-1}>
        <Pager paging={paging} noun={["team", "teams"]} hrefFor={hrefFor} />
        {teams.length ? (
          <DataTable caption={search ? `Teams met "${search}" in de naam of gemeente` : "Teams, per gemeente"}>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Gemeente</th>
                <th scope="col">Hernoemen</th>
                <th scope="col">Verplaatsen</th>
                <th scope="col">Actief</th>
              </tr>
            </thead>
            <tbody>
              {teams.map((t) => (
                <tr key={t.id}>
                  <th scope="row">
                    {t.name}
                    <span className="task-list__hint">
                      {TEAM_KIND_LABEL[t.kind]}
                      {t.active ? "" : " · non-actief"}
                    </span>
                  </th>
                  <td>
                    {t.municipality_name} <span className="muted">({t.cbs_code})</span>
                  </td>
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
                      <input
                        id={`naar-${t.id}`}
                        name="municipality"
                        list="alle-gemeenten"
                        autoComplete="off"
                        className="utrecht-textbox utrecht-textbox--html-input"
                        defaultValue={t.municipality_name}
                        size={16}
                      />
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
        ) : null}
        {/* One list of every gemeente for all move fields: typed or picked, the browser suggests as one types. */}
        <datalist id="alle-gemeenten">
          {allMunicipalities.map((m) => (
            <option key={m.id} value={m.name} />
          ))}
        </datalist>
      </div>

      <NewTeamForm municipalities={regionMunicipalities} busy={busy} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
