import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { formatDate, formatDateTime } from "../format.ts";
import { ACTION_STATUS_LABEL, ACTION_STATUSES, actionSchema, isOverdue, progressSchema } from "../forms/plan.ts";
import { requireMunicipalityAccess, requireOwnMunicipality, requireUser } from "../authorization.server.ts";
import { readFormData } from "../http.server.ts";
import { fieldErrorsOf } from "../questionnaire/schema.ts";
import { getAnalysis } from "../models/analysis.server.ts";
import { currentPhase, cycleRoundId } from "../models/phase.server.ts";
import { addAction, adoptPlan, getPlan, updateActionProgress } from "../models/plan.server.ts";
import { roundThemes } from "../models/results.server.ts";
import { getRound } from "../models/rounds.server.ts";
import { phaseLabel } from "../phases.ts";
import { FieldError } from "../components/FieldError.tsx";
import { listActiveTeams } from "../models/organisation.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Verbeterplan ${data.municipality.name} – Werken aan veiligheid` : "Werken aan veiligheid" }];

async function load(context: Parameters<typeof requireMunicipalityAccess>[0], municipality: { id: number; region_id: number }) {
  const roundId = await cycleRoundId(context.db, municipality.region_id);
  const round = roundId ? await getRound(context.db, roundId) : undefined;
  const { phase } = await currentPhase(context.db, municipality.region_id);
  if (!round) return { round: null, phase, themes: [], points: [], teams: [], plan: null };
  const teams = await listActiveTeams(context.db, municipality.id);
  return {
    round,
    phase,
    themes: await roundThemes(context.db, round.id),
    points: (await getAnalysis(context.db, municipality.region_id, round.id)).points,
    teams,
    plan: await getPlan(context.db, municipality.id, round.id),
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const municipality = await requireMunicipalityAccess(context, user, params.municipalityId);
  const loaded = await load(context, municipality);
  return {
    municipality,
    ...loaded,
    isOwn: user.role === "gemeente",
    today: new Date().toISOString().slice(0, 10),
    notice: new URL(request.url).searchParams.get("gewijzigd"),
  };
}

type Errors = Record<string, string>;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const municipality = await requireOwnMunicipality(context, user, params.municipalityId);
  const { round, phase, themes, points, teams, plan } = await load(context, municipality);
  const form = await readFormData(request);
  const intent = form.get("intent");
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") values[name] = value;
  const fail = (errors: Errors, status = 400) => data({ intent: String(intent), errors, values }, { status });
  if (!round) return fail({ form: "Er is geen zelfscanronde." }, 409);
  const base = `/gemeenten/${municipality.id}/verbeterplan`;

  if (intent === "add" || intent === "adopt") {
    if (phase !== "plans") return fail({ form: `Acties toevoegen en het plan vaststellen kan in de fase Verbeterplannen opstellen; de regio is in de fase ${phaseLabel(phase)}.` }, 409);
    if (plan?.adopted_at) return fail({ form: "Het verbeterplan is al vastgesteld; acties toevoegen kan niet meer." }, 409);
  }
  if (intent === "add") {
    const parsed = actionSchema(themes.map((t) => t.key)).safeParse(values);
    const errors: Errors = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (parsed.success) {
      const point = parsed.data.point ? points.find((p) => p.id === Number(parsed.data.point)) : null;
      if (parsed.data.point && !point) errors.point = "Kies een verbeterpunt uit de lijst.";
      else if (point && point.theme_key !== parsed.data.theme) errors.point = `Dit verbeterpunt hoort bij thema ${point.theme_key}, niet bij ${parsed.data.theme}.`;
      if (parsed.data.ownerTeam && !teams.some((t) => t.id === Number(parsed.data.ownerTeam))) errors.ownerTeam = "Kies een team van uw gemeente.";
    }
    if (!parsed.success || Object.keys(errors).length) return fail(errors);
    const a = parsed.data;
    await addAction(context.db, {
      municipalityId: municipality.id,
      roundId: round.id,
      userId: user.id,
      action: { theme: a.theme, pointId: a.point ? Number(a.point) : null, title: a.title, ownerTeamId: a.ownerTeam ? Number(a.ownerTeam) : null, ownerName: a.ownerName || null, due: a.due, status: a.status },
    });
    throw redirect(`${base}?gewijzigd=toegevoegd`);
  }
  if (intent === "adopt") {
    const result = await adoptPlan(context.db, { municipalityId: municipality.id, roundId: round.id, userId: user.id });
    if (!result.ok) return fail({ form: result.message });
    throw redirect(`${base}?gewijzigd=vastgesteld`);
  }
  if (intent === "progress") {
    if (phase !== "plans" && phase !== "execution") return fail({ form: `Voortgang bijwerken kan in de fasen Verbeterplannen opstellen en Uitvoering/monitoring; de regio is in de fase ${phaseLabel(phase)}.` }, 409);
    const parsed = progressSchema.safeParse(values);
    if (!parsed.success) return fail(fieldErrorsOf(parsed.error));
    const result = await updateActionProgress(context.db, {
      municipalityId: municipality.id,
      roundId: round.id,
      actionId: Number(parsed.data.action),
      status: parsed.data.status,
      note: parsed.data.note || null,
      userId: user.id,
    });
    if (!result.ok) return fail({ form: result.message }, 404);
    throw redirect(`${base}?gewijzigd=bijgewerkt`);
  }
  return fail({ form: "Onbekende handeling: er is niets gewijzigd." });
}

const NOTICE: Record<string, string> = { toegevoegd: "De actie is toegevoegd.", vastgesteld: "Het verbeterplan is vastgesteld.", bijgewerkt: "De voortgang is bijgewerkt." };

export default function PlanPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const crumbs = [{ to: `/gemeenten/${page.municipality.id}`, label: `Gemeente ${page.municipality.name}` }, { label: "Verbeterplan" }];
  if (!page.round) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1 className="utrecht-heading-1">Verbeterplan</h1>
        <p className="utrecht-paragraph">Er is nog geen zelfscanronde.</p>
      </>
    );
  }
  const errors: Errors = actionData?.errors ?? {};
  const v = actionData?.intent === "add" ? actionData.values : {};
  const canAdd = page.isOwn && page.phase === "plans" && !page.plan?.adopted_at;
  const canUpdate = page.isOwn && (page.phase === "plans" || page.phase === "execution");
  const err = (name: string) => <FieldError id={`fout-${name}`} message={errors[name]} />;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 className="utrecht-heading-1">Verbeterplan gemeente {page.municipality.name}</h1>
      <p className="utrecht-paragraph lead">
        {page.round.name} · regio in fase: {phaseLabel(page.phase)} ·{" "}
        {page.plan?.adopted_at ? `vastgesteld op ${formatDate(page.plan.adopted_at)}${page.plan.adopted_by_name ? ` door ${page.plan.adopted_by_name}` : ""}` : "nog niet vastgesteld"}
      </p>
      {page.notice && NOTICE[page.notice] && !actionData ? (
        <div className="notice notice--ok" role="status">
          <p>{NOTICE[page.notice]}</p>
        </div>
      ) : null}
      <ErrorSummary items={Object.entries(errors).map(([name, message]) => ({ target: name === "form" ? "acties" : `veld-${name}`, message }))} focusKey={actionData} />

      <section aria-labelledby="acties" className="page-section">
        <h2 id="acties" className="utrecht-heading-2" tabIndex={-1}>
          Acties
        </h2>
        {!page.plan || page.plan.actions.length === 0 ? (
          <p className="utrecht-paragraph">Nog geen acties.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Acties van het verbeterplan</caption>
              <thead>
                <tr>
                  <th scope="col">Thema</th>
                  <th scope="col">Actie</th>
                  <th scope="col">Eigenaar</th>
                  <th scope="col">Gereed op</th>
                  <th scope="col">Status en voortgang</th>
                </tr>
              </thead>
              <tbody>
                {page.plan.actions.map((a) => (
                  <tr key={a.id}>
                    <td>{a.theme_key}</td>
                    <th scope="row">
                      {a.title}
                      {a.point_text ? <span className="task-list__hint">Verbeterpunt: {a.point_text}</span> : null}
                    </th>
                    <td>{a.owner_team_name ?? a.owner_name}</td>
                    <td>
                      {formatDate(a.due_on)}
                      {isOverdue(a, page.today) ? <strong className="overdue"> Te laat</strong> : null}
                    </td>
                    <td>
                      {canUpdate ? (
                        <Form method="post" className="progress-form">
                          <input type="hidden" name="intent" value="progress" />
                          <input type="hidden" name="action" value={a.id} />
                          <label className="visually-hidden" htmlFor={`status-${a.id}`}>
                            Status van {a.title}
                          </label>
                          <select id={`status-${a.id}`} name="status" className="utrecht-select" defaultValue={a.status}>
                            {ACTION_STATUSES.map((s) => (
                              <option key={s} value={s}>
                                {ACTION_STATUS_LABEL[s]}
                              </option>
                            ))}
                          </select>
                          <label className="visually-hidden" htmlFor={`voortgang-${a.id}`}>
                            Voortgang van {a.title}
                          </label>
                          <textarea id={`voortgang-${a.id}`} name="note" className="utrecht-textarea" rows={2} defaultValue={a.progress_note ?? ""} placeholder="Voortgang" />
                          <button type="submit" className="utrecht-button utrecht-button--secondary-action utrecht-button--small" disabled={busy}>
                            Bijwerken<span className="visually-hidden"> ({a.title})</span>
                          </button>
                        </Form>
                      ) : (
                        <>
                          {ACTION_STATUS_LABEL[a.status]}
                          {a.progress_note ? <span className="task-list__hint">{a.progress_note}</span> : null}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canAdd && page.plan && page.plan.actions.length > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="adopt" />
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              Verbeterplan vaststellen
            </button>
          </Form>
        ) : null}
        {page.isOwn && page.phase !== "plans" && page.phase !== "execution" ? (
          <p className="muted">Het verbeterplan stelt u op zodra de regio in de fase Verbeterplannen opstellen is.</p>
        ) : null}
      </section>

      {canAdd ? (
        <section aria-labelledby="nieuwe-actie" className="page-section">
          <h2 id="nieuwe-actie" className="utrecht-heading-2">
            Actie toevoegen
          </h2>
          <Form method="post" className="plan-form">
            <input type="hidden" name="intent" value="add" />
            <label className="utrecht-form-label" htmlFor="veld-theme">
              Thema van het kwaliteitskader
            </label>
            {err("theme")}
            <select id="veld-theme" name="theme" className="utrecht-select" defaultValue={v.theme ?? ""}>
              <option value="">Kies een thema</option>
              {page.themes.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.key}. {t.title}
                </option>
              ))}
            </select>
            <label className="utrecht-form-label" htmlFor="veld-point">
              Verbeterpunt uit de bevindingen van de regio (niet verplicht)
            </label>
            {err("point")}
            <select id="veld-point" name="point" className="utrecht-select" defaultValue={v.point ?? ""}>
              <option value="">Geen</option>
              {page.points.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.theme_key}: {p.text}
                </option>
              ))}
            </select>
            <label className="utrecht-form-label" htmlFor="veld-title">
              Actie
            </label>
            {err("title")}
            <input id="veld-title" name="title" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={v.title ?? ""} maxLength={300} />
            <label className="utrecht-form-label" htmlFor="veld-ownerTeam">
              Eigenaar: een team
            </label>
            {err("ownerTeam")}
            <select id="veld-ownerTeam" name="ownerTeam" className="utrecht-select" defaultValue={v.ownerTeam ?? ""}>
              <option value="">Geen team</option>
              {page.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
            <label className="utrecht-form-label" htmlFor="veld-ownerName">
              of de naam van de eigenaar
            </label>
            {err("ownerName")}
            <input id="veld-ownerName" name="ownerName" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={v.ownerName ?? ""} maxLength={120} />
            <label className="utrecht-form-label" htmlFor="veld-due">
              Gereed op
            </label>
            {err("due")}
            <input id="veld-due" name="due" type="date" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={v.due ?? ""} />
            <label className="utrecht-form-label" htmlFor="veld-status">
              Status
            </label>
            {err("status")}
            <select id="veld-status" name="status" className="utrecht-select" defaultValue={v.status ?? "planned"}>
              {ACTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ACTION_STATUS_LABEL[s]}
                </option>
              ))}
            </select>
            <div className="form-actions">
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
                Actie toevoegen
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {page.plan?.events.length ? (
        <section aria-labelledby="plan-geschiedenis" className="page-section">
          <h2 id="plan-geschiedenis" className="utrecht-heading-2">
            Geschiedenis
          </h2>
          <ul className="utrecht-unordered-list">
            {page.plan.events.map((e, i) => (
              <li key={i}>
                {formatDateTime(e.at)}, {e.actor_name}: {{ created: "plan aangemaakt", action_added: "actie toegevoegd", action_updated: "actie bijgewerkt", adopted: "plan vastgesteld" }[e.type]}
                {e.detail ? ` (${e.detail})` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
