import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { lineText } from "../forms/fields.ts";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "../forms/zod.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ConversationView } from "../components/ConversationView.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { refusalOf, requireTeamAccess, requireUser } from "../auth/guards.server.ts";
import { viewRequestChange } from "../domain/policy.ts";
import { PROFESSIONALS_MIN } from "../domain/conversation.ts";
import { CONCLUSION_MAX } from "../forms/professionals.ts";
import { invalid } from "../http/form.server.ts";
import { parseForm } from "../forms/submission.ts";
import { notFound, parseId, readFormData } from "../http/http.server.ts";
import { saveConclusions } from "../models/professional-views.server.ts";
import { regionCycleRound } from "../models/cycles.server.ts";
import { getRound } from "../models/rounds.server.ts";
import { teamConversation } from "../services/conversation.server.ts";
import { PrintButton } from "../components/PrintButton.tsx";

// The gesprekskaart: one printable A4 for the team meeting with the topics where views differ most, each
// theme's questions beside the professionals' answers, and a line per theme on what the meeting settled.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Gesprekskaart ${data.team.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

async function load(request: Request, params: { teamId?: string }, context: Parameters<typeof requireTeamAccess>[0]) {
  const user = await requireUser(request, context);
  const team = await requireTeamAccess(context, user, params.teamId);
  // The round asked for, else the one the team works on (its region's cycle).
  const asked = new URL(request.url).searchParams.get("ronde");
  const round = asked ? await getRound(context.db, parseId(asked)) : await regionCycleRound(context.db, team.region_id);
  if (!round || round.kind !== "zelfscan") notFound();
  const talk = await teamConversation(context.db, { viewer: user, team, roundId: round.id });
  return { user, team, round, talk };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, team, round, talk } = await load(request, params, context);
  return { team, round: { id: round.id, name: round.name }, talk, canWrite: viewRequestChange(user, team).allowed };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, team, round, talk } = await load(request, params, context);
  // Below the threshold there is no card to write on (the page says how many views are still missing).
  if (!talk.request || !talk.conversation?.shown) notFound();
  const refused = refusalOf(viewRequestChange(user, team));
  if (refused) return invalid({ form: refused }, {}, 409);
  const themes = talk.themes ?? [];
  const schema = z.object(
    Object.fromEntries(
      themes.map((t) => [
        `theme_${t.key}`,
        lineText(z.string().trim().max(CONCLUSION_MAX, `Houd het bij thema ${t.key} op één regel van hoogstens ${CONCLUSION_MAX} tekens.`))
          .optional()
          .default(""),
      ]),
    ),
  );
  const submission = parseForm(await readFormData(request), schema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const lines = Object.fromEntries(themes.map((t) => [t.key, String(submission.data[`theme_${t.key}`] ?? "")]));
  await saveConclusions(context.db, { requestId: talk.request!.id, teamId: team.id, lines, userId: user.id });
  throw redirect(`/teams/${team.id}/gesprekskaart?ronde=${round.id}&opgeslagen=1`);
}

export default function Gesprekskaart() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const { talk } = page;
  const header = (
    <>
      <Breadcrumbs
        items={[{ to: `/teams/${page.team.id}/resultaten?ronde=${page.round.id}`, label: `Resultaten ${page.team.name}` }, { label: "Gesprekskaart" }]}
      />
      <h1 className="utrecht-heading-1">Gesprekskaart {page.team.name}</h1>
      <p className="utrecht-paragraph lead">{page.round.name} · voor het teamoverleg</p>
    </>
  );
  // Below the threshold nothing of the views exists for this page: only how many there are.
  if (!talk.conversation?.shown) {
    return (
      <>
        {header}
        <p className="utrecht-paragraph">
          {talk.request
            ? `De gesprekskaart komt er zodra ten minste ${PROFESSIONALS_MIN} professionals van het team hun kijk hebben gegeven; nu ${talk.conversation?.responses ?? 0}.`
            : "Het team heeft zijn professionals in deze ronde nog niet om hun kijk gevraagd."}{" "}
          <Link className="utrecht-link" to={`/teams/${page.team.id}/professionals`}>
            De kijk van de professionals
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      {header}
      <PrintButton what="de kaart" />
      <ConversationView conversation={talk.conversation} managerAnswersShown={talk.managerAnswersShown} headingLevel={2} />
      <section aria-labelledby="opbrengst" className="page-section">
        <h2 id="opbrengst" className="utrecht-heading-2">
          Wat het gesprek opleverde
        </h2>
        <ErrorSummary
          items={Object.entries(errors).map(([name, message]) => ({ target: name === "form" ? "opbrengst" : `veld-${name}`, message }))}
          focusKey={actionData}
        />
        {page.canWrite ? (
          <Form method="post" className="plan-form">
            {talk.themes.map((t) => (
              <div key={t.key}>
                <label className="utrecht-form-label" htmlFor={`veld-theme_${t.key}`}>
                  {t.key}. {t.title}
                </label>
                <input
                  id={`veld-theme_${t.key}`}
                  name={`theme_${t.key}`}
                  className="utrecht-textbox utrecht-textbox--html-input"
                  maxLength={CONCLUSION_MAX}
                  defaultValue={values[`theme_${t.key}`] ?? talk.conclusions[t.key] ?? ""}
                  aria-invalid={errors[`theme_${t.key}`] ? true : undefined}
                />
              </div>
            ))}
            <div className="form-actions no-print">
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
                Opslaan
              </button>
            </div>
          </Form>
        ) : (
          <dl className="conclusions">
            {talk.themes.map((t) => (
              <div key={t.key}>
                <dt>
                  {t.key}. {t.title}
                </dt>
                <dd>{talk.conclusions[t.key] ?? "–"}</dd>
              </div>
            ))}
          </dl>
        )}
        <p className="muted no-print">
          Wat het team na het gesprek anders ziet, past u aan in de{" "}
          <Link className="utrecht-link" to={`/teams/${page.team.id}`}>
            zelfscan van het team
          </Link>{" "}
          zolang die niet is ingediend.
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
