import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { notFound } from "../server/http.server.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { YearNav } from "../components/YearNav.tsx";
import { formatDateTime } from "../domain/format.ts";
import { requireRole } from "../auth/guards.server.ts";
import { readForm } from "../server/form.server.ts";
import { ensureRoundTableRound, FIRST_YEAR, LAST_YEAR, parseYear, roundTableOverview, roundTableRound, roundTableYears } from "../models/rondetafel.server.ts";
import { FieldError } from "../components/FieldError.tsx";

const YEAR_MESSAGE = `Vul een jaartal in tussen ${FIRST_YEAR} en ${LAST_YEAR}, zoals 2026.`;
const roundTableYearSchema = z.object({
  year: z
    .string(YEAR_MESSAGE)
    .trim()
    .transform((v, ctx) => parseYear(v) ?? (ctx.addIssue({ code: "custom", message: YEAR_MESSAGE }), z.NEVER)),
});

export const meta: MetaFunction = () => [{ title: "Rondetafelgesprekken – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const years = await roundTableYears(context.db);
  const asked = new URL(request.url).searchParams.get("jaar");
  const year = asked ? parseYear(asked) : (years[0] ?? null);
  if (asked && !year) notFound();
  const round = year ? await roundTableRound(context.db, year) : undefined;
  if (asked && !round) notFound();
  return { years, year, regions: round ? await roundTableOverview(context.db, round.id) : [] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["programma"]);
  const submission = await readForm(request, roundTableYearSchema);
  if (!submission.ok) return data({ error: submission.errors.year ?? YEAR_MESSAGE, value: (submission.values.year ?? "").slice(0, 10) }, { status: 400 });
  await ensureRoundTableRound(context.db, submission.data.year, new Date(), user.id);
  throw redirect(`/programma/rondetafels?jaar=${submission.data.year}`);
}

export default function RoundTables() {
  const { years, year, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const done = regions.filter((r) => r.status === "submitted").length;
  return (
    <>
      <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: "Rondetafelgesprekken" }]} />
      <h1 className="utrecht-heading-1">Rondetafelgesprekken</h1>
      <p className="utrecht-paragraph lead">
        Leg per regio en jaar het rondetafelgesprek vast. De regio kan vooraf een concept voorbereiden; het programma vult aan en dient in.
      </p>
      {years.length ? (
        <YearNav years={years} year={year} label="Jaar kiezen">
          <Link className="utrecht-link" to={`/programma/dashboard${year ? `?jaar=${year}` : ""}`}>
            Naar het landelijke dashboard
          </Link>
        </YearNav>
      ) : null}
      {year ? (
        <section aria-labelledby="regios" className="page-section">
          <h2 id="regios" className="utrecht-heading-2">
            {year}: {done} van de {regions.length} regio's ingediend
          </h2>
          <table className="data-table">
            <caption className="visually-hidden">Rondetafelgesprekken {year} per regio</caption>
            <thead>
              <tr>
                <th scope="col">Regio</th>
                <th scope="col">Stand</th>
                <th scope="col">Laatste wijziging</th>
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link className="utrecht-link" to={`/rondetafels/${year}/${r.id}`}>
                      {r.name}
                    </Link>
                  </th>
                  <td>
                    <StatusBadge status={r.status === "submitted" ? "submitted" : r.response_id ? "in_progress" : "not_started"} />
                  </td>
                  <td>{r.updated_at && r.response_id ? formatDateTime(r.submitted_at ?? r.updated_at) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <p className="utrecht-paragraph">Er zijn nog geen rondetafeljaren. Voeg hieronder een jaar toe.</p>
      )}
      <section aria-labelledby="jaar-toevoegen" className="page-section">
        <h2 id="jaar-toevoegen" className="utrecht-heading-2">
          Jaar toevoegen
        </h2>
        <ErrorSummary items={actionData ? [{ target: "veld-year", message: actionData.error }] : []} focusKey={actionData} />
        <Form method="post" className="plan-form">
          <label className="utrecht-form-label" htmlFor="veld-year">
            Jaar
          </label>
          <FieldError id="fout-year" message={actionData?.error} />
          <input
            id="veld-year"
            name="year"
            inputMode="numeric"
            className="utrecht-textbox utrecht-textbox--html-input"
            defaultValue={actionData?.value ?? ""}
            aria-invalid={actionData ? true : undefined}
            aria-describedby={actionData ? "fout-year" : undefined}
          />
          <div className="form-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
              Jaar toevoegen
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
