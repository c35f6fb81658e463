import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FindingsView } from "../components/FindingsView.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { formatDateTime, formatScore } from "../domain/format.ts";
import { findingsFieldLabel, findingsSchema } from "../forms/findings.ts";
import { refusalOf, requireRegionLead, requireUser } from "../auth/guards.server.ts";
import { invalid, readForm } from "../http/form.server.ts";
import { findingsChange } from "../domain/policy.ts";
import { getAnalysis, saveAnalysis } from "../models/analysis.server.ts";
import { currentPhase } from "../models/phase.server.ts";
import { cycleRoundId } from "../models/cycles.server.ts";
import { regionThemeFigures } from "../models/results.server.ts";
import { getRound } from "../models/rounds.server.ts";
import { DEFAULT_PHASE_SETTINGS, phaseLabel } from "../domain/phases.ts";
import { FieldError } from "../components/FieldError.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Bevindingen regio ${data.region.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

async function load(context: Parameters<typeof requireRegionLead>[0], regionId: number) {
  const roundId = await cycleRoundId(context.db, regionId);
  const round = roundId ? await getRound(context.db, roundId) : undefined;
  const { phase } = await currentPhase(context.db, regionId);
  if (!round) return { round: null, phase, themes: [], analysis: null };
  const figures = (await regionThemeFigures(context.db, round.id, { regionId })).figures;
  // Lowest-scoring themes first: those are where improvement points are needed.
  const themes = [...figures].sort((a, b) => (a.score ?? 101) - (b.score ?? 101));
  return { round, phase, themes, analysis: await getAnalysis(context.db, regionId, round.id) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const loaded = await load(context, region.id);
  const editable = loaded.round !== null && findingsChange(user, region.id, loaded.phase).allowed;
  return { region, ...loaded, editable, saved: new URL(request.url).searchParams.has("opgeslagen"), lowBelow: DEFAULT_PHASE_SETTINGS.lowThemeScore };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const { round, phase, themes } = await load(context, region.id);
  const refused = refusalOf(findingsChange(user, region.id, phase));
  if (refused) return invalid({ form: refused }, {}, 409);
  if (!round) return invalid({ form: "Er is nog geen zelfscanronde." }, {}, 409);
  const submission = await readForm(request, findingsSchema(themes.map((t) => t.theme)));
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const parsed = submission;
  const result = await saveAnalysis(context.db, {
    regionId: region.id,
    roundId: round.id,
    userId: user.id,
    summary: parsed.data.summary ?? "",
    themes: Object.fromEntries(
      themes.map((t) => [t.theme, { strengths: parsed.data[`strengths_${t.theme}`] ?? "", points: parsed.data[`points_${t.theme}`] ?? "" }]),
    ),
  });
  if (!result.ok) return invalid({ form: result.message }, submission.values, 409);
  throw redirect(`/regios/${region.id}/bevindingen?opgeslagen=1`);
}

export default function Findings() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const crumbs = [{ to: `/regios/${page.region.id}`, label: `Regio ${page.region.name}` }, { label: "Bevindingen" }];
  if (!page.round || !page.analysis) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1 className="utrecht-heading-1">Bevindingen</h1>
        <p className="utrecht-paragraph">Er is nog geen zelfscanronde.</p>
      </>
    );
  }
  const analysis = page.analysis;
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? {};
  const pointsText = (theme: string) =>
    analysis.points
      .filter((p) => p.theme_key === theme)
      .map((p) => p.text)
      .join("\n");
  const field = (name: string, saved: string) => (name in values ? values[name] : saved);
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 className="utrecht-heading-1">Bevindingen uit de zelfscan</h1>
      <p className="utrecht-paragraph lead">
        Regio {page.region.name} · {page.round.name}
      </p>
      {page.saved && !actionData ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Opgeslagen.</strong> De bevindingen zijn bewaard.
          </p>
        </div>
      ) : null}
      {!page.editable ? (
        <div className="notice" role="note">
          <p>
            De regio is in de fase <strong>{phaseLabel(page.phase)}</strong>. Bevindingen legt u vast in de fase Analyse van de bevindingen uit de zelfscan;
            hieronder staat wat is vastgelegd.
          </p>
        </div>
      ) : (
        <p className="utrecht-paragraph">
          Leg de analyse vast: een samenvatting en per thema de sterke punten en de verbeterpunten (één per regel). Thema's met een score onder {page.lowBelow}{" "}
          scoorden laag; daarvoor is ten minste één verbeterpunt nodig om door te gaan naar de verbeterplannen. De laagst scorende thema's staan bovenaan.
        </p>
      )}
      <ErrorSummary
        items={Object.entries(errors).map(([name, message]) => ({
          target: name === "form" ? "bevindingen" : `veld-${name}`,
          message: `${findingsFieldLabel(name)}${message}`,
        }))}
        focusKey={actionData}
      />
      {/* Outside the analysis phase the findings are read, not edited: text, never disabled fields that cut it off. */}
      {page.editable ? null : <FindingsView analysis={analysis} themes={page.themes} />}
      {page.editable ? (
        <Form method="post" id="bevindingen" tabIndex={-1}>
          <fieldset className="findings">
            <label className="utrecht-form-label" htmlFor="veld-summary">
              Samenvatting van de bevindingen
            </label>
            <FieldError id="fout-summary" message={errors.summary} />
            <textarea
              id="veld-summary"
              name="summary"
              className="utrecht-textarea"
              rows={5}
              defaultValue={field("summary", analysis.summary)}
              aria-invalid={errors.summary ? true : undefined}
              aria-describedby={errors.summary ? "fout-summary" : undefined}
            />
            {page.themes.map((theme) => {
              const low = theme.score !== null && theme.score < page.lowBelow;
              return (
                <section key={theme.theme} aria-labelledby={`thema-${theme.theme}`} className="findings__theme">
                  <h2 id={`thema-${theme.theme}`} className="utrecht-heading-3">
                    {theme.theme}. {theme.title}{" "}
                    <span className="muted">
                      (score {formatScore(theme.score)}
                      {low ? ", laag" : ""})
                    </span>
                  </h2>
                  <label className="utrecht-form-label" htmlFor={`veld-strengths_${theme.theme}`}>
                    Sterke punten bij {theme.theme}
                  </label>
                  <FieldError id={`fout-strengths_${theme.theme}`} message={errors[`strengths_${theme.theme}`]} />
                  <textarea
                    id={`veld-strengths_${theme.theme}`}
                    name={`strengths_${theme.theme}`}
                    aria-invalid={errors[`strengths_${theme.theme}`] ? true : undefined}
                    aria-describedby={errors[`strengths_${theme.theme}`] ? `fout-strengths_${theme.theme}` : undefined}
                    className="utrecht-textarea"
                    rows={2}
                    defaultValue={field(`strengths_${theme.theme}`, analysis.strengths[theme.theme] ?? "")}
                  />
                  <label className="utrecht-form-label" htmlFor={`veld-points_${theme.theme}`}>
                    Verbeterpunten bij {theme.theme} (één per regel){low ? ", ten minste één nodig" : ""}
                  </label>
                  <FieldError id={`fout-points_${theme.theme}`} message={errors[`points_${theme.theme}`]} />
                  <textarea
                    id={`veld-points_${theme.theme}`}
                    name={`points_${theme.theme}`}
                    aria-invalid={errors[`points_${theme.theme}`] ? true : undefined}
                    aria-describedby={errors[`points_${theme.theme}`] ? `fout-points_${theme.theme}` : undefined}
                    className="utrecht-textarea"
                    rows={3}
                    defaultValue={field(`points_${theme.theme}`, pointsText(theme.theme))}
                  />
                </section>
              );
            })}
            <div className="form-actions">
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
                Bevindingen opslaan
              </button>
            </div>
          </fieldset>
        </Form>
      ) : null}
      {analysis.updatedAt ? <p className="muted">Laatst opgeslagen: {formatDateTime(analysis.updatedAt)}.</p> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
