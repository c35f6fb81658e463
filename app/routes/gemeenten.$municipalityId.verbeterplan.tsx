import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { dayOf, formatDate } from "../domain/format.ts";
import { requireMunicipalityAccess, requireUser } from "../auth/guards.server.ts";
import { isOwnMunicipality, planChange, type PlanChange } from "../domain/policy.ts";
import type { FieldErrors } from "../forms/field-errors.ts";
import { readFormData } from "../http/http.server.ts";
import { getAnalysis } from "../models/analysis.server.ts";
import { currentPhase } from "../models/phase.server.ts";
import { cycleRoundId } from "../models/cycles.server.ts";
import { getPlan } from "../models/plan.server.ts";
import { handlePlanPost } from "../services/plan-page.server.ts";
import { roundThemes } from "../models/results.server.ts";
import { getRound } from "../models/rounds.server.ts";
import { phaseLabel } from "../domain/phases.ts";
import { listActiveTeams } from "../models/organisation.server.ts";
import { ActionForm, actionFormValues } from "../components/ActionForm.tsx";
import { PlanActionList } from "../components/PlanActionList.tsx";
import { PlanConfirmation } from "../components/PlanConfirmation.tsx";
import { PlanHistory } from "../components/PlanHistory.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Verbeterplan ${data.municipality.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

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
  const state = { phase: loaded.phase, adopted: Boolean(loaded.plan?.adopted_at) };
  const may = (change: PlanChange) => planChange(user, municipality.id, change, state).allowed;
  const url = new URL(request.url);
  const canCorrect = may("correct-action");
  // "Wijzigen" opens the action in the form (?wijzig=id), also without JavaScript.
  const editing = canCorrect ? (loaded.plan?.actions.find((a) => String(a.id) === url.searchParams.get("wijzig")) ?? null) : null;
  return {
    municipality,
    ...loaded,
    isOwn: isOwnMunicipality(user, municipality.id),
    canAdd: may("add-action"),
    canAdopt: may("adopt"),
    canCorrect,
    canRemove: may("remove-action"),
    canUpdate: may("progress"),
    editing,
    today: dayOf(),
    notice: url.searchParams.get("gewijzigd"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const municipality = await requireMunicipalityAccess(context, user, params.municipalityId);
  const state = await load(context, municipality);
  const form = await readFormData(request);
  const outcome = await handlePlanPost(context.db, { user, municipalityId: municipality.id, state, form, today: dayOf() });
  switch (outcome.kind) {
    case "done":
      throw redirect(`/gemeenten/${municipality.id}/verbeterplan?gewijzigd=${outcome.notice}`);
    case "forbidden":
      throw new Response(outcome.message, { status: 403 });
    case "confirm":
      return { intent: outcome.intent, errors: {} as FieldErrors, values: outcome.values, confirm: outcome };
    default:
      return data({ intent: outcome.intent, errors: outcome.errors, values: outcome.values, confirm: null }, { status: outcome.status });
  }
}

const NOTICE: Record<string, string> = {
  toegevoegd: "De actie is toegevoegd.",
  gecorrigeerd: "De actie is gewijzigd.",
  verwijderd: "De actie is verwijderd.",
  vastgesteld: "Het verbeterplan is vastgesteld. De teams die eigenaar zijn van een actie kunnen er nu voortgang bij zetten.",
  bijgewerkt: "De voortgang is bijgewerkt.",
};

export default function PlanPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const base = `/gemeenten/${page.municipality.id}/verbeterplan`;
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
  const errors: FieldErrors = actionData?.errors ?? {};
  const formValues = actionData?.intent === "add" || actionData?.intent === "correct" ? actionData.values : page.editing ? actionFormValues(page.editing) : {};
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 className="utrecht-heading-1">Verbeterplan gemeente {page.municipality.name}</h1>
      <p className="utrecht-paragraph lead">
        {page.round.name} · regio in fase: {phaseLabel(page.phase)} ·{" "}
        {page.plan?.adopted_at
          ? `vastgesteld op ${formatDate(page.plan.adopted_at)}${page.plan.adopted_by_name ? ` door ${page.plan.adopted_by_name}` : ""}`
          : "nog niet vastgesteld"}
      </p>
      {page.notice && NOTICE[page.notice] && !actionData ? (
        <div className="notice notice--ok" role="status">
          <p>{NOTICE[page.notice]}</p>
        </div>
      ) : null}
      <ErrorSummary
        items={Object.entries(errors).map(([name, message]) => ({ target: name === "form" ? "acties" : `veld-${name}`, message, aboutForm: name === "form" }))}
        focusKey={actionData}
      />
      {actionData?.confirm ? <PlanConfirmation confirm={actionData.confirm} base={base} busy={busy} /> : null}

      <section aria-labelledby="acties" className="page-section">
        <h2 id="acties" className="utrecht-heading-2" tabIndex={-1}>
          Acties
        </h2>
        {!page.plan || page.plan.actions.length === 0 ? (
          <p className="utrecht-paragraph">Nog geen acties.</p>
        ) : (
          <PlanActionList
            actions={page.plan.actions}
            today={page.today}
            canUpdate={page.canUpdate}
            canCorrect={page.canCorrect}
            canRemove={page.canRemove}
            correctHref={(id) => `${base}?wijzig=${id}#actie-wijzigen`}
            busy={busy}
          />
        )}
        {page.canAdopt && page.plan && page.plan.actions.length > 0 && !actionData?.confirm ? (
          <Form method="post">
            <input type="hidden" name="intent" value="adopt" />
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              Verbeterplan vaststellen
            </button>
          </Form>
        ) : null}
        {page.isOwn && !page.canUpdate ? <p className="muted">Het verbeterplan stelt u op zodra de regio in de fase Verbeterplannen opstellen is.</p> : null}
      </section>

      {page.editing || page.canAdd ? (
        <section aria-labelledby="actie-wijzigen" className="page-section">
          <h2 id="actie-wijzigen" className="utrecht-heading-2" tabIndex={-1}>
            {page.editing ? `Actie wijzigen: ${page.editing.title}` : "Actie toevoegen"}
          </h2>
          <ActionForm
            key={page.editing?.id ?? "nieuw"}
            themes={page.themes}
            points={page.points}
            teams={page.teams}
            values={formValues}
            errors={errors}
            busy={busy}
            correcting={page.editing ? { actionId: page.editing.id, cancelHref: base } : undefined}
          />
        </section>
      ) : null}

      {page.plan?.events.length ? <PlanHistory events={page.plan.events} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
