import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "../forms/zod.ts";
import { notFound } from "../http/http.server.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { AskInputForm } from "../components/AskInputForm.tsx";
import { RoundTableRegionsTable } from "../components/RoundTableRegionsTable.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { YearNav } from "../components/YearNav.tsx";
import { InputExportLinks } from "../components/InputExportLinks.tsx";
import { countOf, dayOf } from "../domain/format.ts";
import { requireRole } from "../auth/guards.server.ts";
import { parseForm } from "../forms/submission.ts";
import { readFormData } from "../http/http.server.ts";
import { inputRequestSchema } from "../forms/round-table-input.ts";
import { inputOverview, openRoundTableInput } from "../models/round-table-input.server.ts";
import { listRegions } from "../models/organisation.server.ts";
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
  const input = round ? await inputOverview(context.db, round.id) : new Map();
  return {
    years,
    year,
    regions: round ? (await roundTableOverview(context.db, round.id)).map((r) => ({ ...r, input: input.get(r.id) ?? null })) : [],
    allRegions: (await listRegions(context.db)).map((r) => ({ id: r.id, name: r.name })),
    thisYear: Number(dayOf().slice(0, 4)),
    asked: new URL(request.url).searchParams.get("input-gevraagd"),
    alreadyAsked: new URL(request.url).searchParams.get("al"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["programma"]);
  const form = await readFormData(request);
  if (form.get("intent") === "input") {
    const submission = parseForm(form, inputRequestSchema(Number(dayOf().slice(0, 4))));
    if (!submission.ok) return data({ intent: "input" as const, errors: submission.errors, values: submission.values }, { status: 400 });
    const result = await openRoundTableInput(context.db, {
      ...submission.data,
      regionId: submission.data.region,
      userId: user.id,
      origin: context.config.publicOrigin,
    });
    if (!result.ok) return data({ intent: "input" as const, errors: { [result.field]: result.message }, values: submission.values }, { status: 409 });
    const already = result.alreadyOpen.length ? `&al=${result.alreadyOpen.length}` : "";
    throw redirect(`/programma/rondetafels?jaar=${submission.data.year}&input-gevraagd=${result.opened.length}${already}#input`);
  }
  const submission = parseForm(form, roundTableYearSchema);
  if (!submission.ok)
    return data(
      { intent: "year" as const, error: submission.errors.year ?? YEAR_MESSAGE, value: (submission.values.year ?? "").slice(0, 10) },
      { status: 400 },
    );
  await ensureRoundTableRound(context.db, submission.data.year, new Date(), user.id);
  throw redirect(`/programma/rondetafels?jaar=${submission.data.year}`);
}

export default function RoundTables() {
  const { years, year, regions, allRegions, thisYear, asked, alreadyAsked } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const done = regions.filter((r) => r.status === "submitted").length;
  const yearError = actionData?.intent === "year" ? actionData.error : undefined;
  const inputErrors: Record<string, string> = actionData?.intent === "input" ? actionData.errors : {};
  const inputValues: Record<string, string> = actionData?.intent === "input" ? actionData.values : {};
  return (
    <>
      <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: "Rondetafelgesprekken" }]} />
      <h1 className="utrecht-heading-1">Rondetafel&shy;gesprekken</h1>
      <p className="utrecht-paragraph lead">
        Leg per regio en jaar het rondetafelgesprek vast. Vraag vooraf de teams en gemeenten van de regio om input; de regio kan een concept voorbereiden; het
        programma vult aan en dient in.
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
            {year}: {countOf(done, regions.length, "regio", "regio's")} ingediend
          </h2>
          <RoundTableRegionsTable year={year} regions={regions} />
          {regions.some((r) => r.input?.deadline) ? <InputExportLinks year={year} /> : null}
        </section>
      ) : (
        <p className="utrecht-paragraph">Er zijn nog geen rondetafeljaren. Voeg hieronder een jaar toe, of vraag input voor een gesprek.</p>
      )}

      <section aria-labelledby="input" className="page-section">
        <h2 id="input" className="utrecht-heading-2" tabIndex={-1}>
          Input vragen aan teams en gemeenten
        </h2>
        {asked && !actionData ? (
          <div className="notice notice--ok" role="status">
            <p>
              Input gevraagd voor {asked} {asked === "1" ? "regio" : "regio's"}. De teams en gemeenten zien de vraag op hun startpagina en hebben een melding
              gekregen.
              {alreadyAsked
                ? ` Aan ${alreadyAsked} ${alreadyAsked === "1" ? "regio was" : "regio's was"} de input al gevraagd; die houden hun eigen datum.`
                : ""}
            </p>
          </div>
        ) : null}
        <p className="utrecht-paragraph">
          Vóór het rondetafelgesprek beantwoorden de lokale (wijk)teams en gemeenten van de regio een paar korte vragen: wat gaat goed, wat knelt, wat is er
          nodig van regio en programma, hoe ver zijn ze met het kwaliteitskader en welke prioritaire thema's tellen voor hen. U leest hun antwoorden bij het
          verslag van het gesprek.
        </p>
        <AskInputForm
          regions={allRegions}
          defaultYear={year && year >= thisYear ? String(year) : String(thisYear + 1)}
          errors={inputErrors}
          values={inputValues}
          focusKey={actionData?.intent === "input" ? actionData : undefined}
          busy={navigation.state === "submitting"}
        />
      </section>

      <section aria-labelledby="jaar-toevoegen" className="page-section">
        <h2 id="jaar-toevoegen" className="utrecht-heading-2">
          Jaar toevoegen
        </h2>
        <ErrorSummary
          items={yearError ? [{ target: "veld-year", message: yearError }] : []}
          focusKey={actionData?.intent === "year" ? actionData : undefined}
        />
        <Form method="post" className="plan-form">
          <input type="hidden" name="intent" value="year" />
          <label className="utrecht-form-label" htmlFor="veld-year">
            Jaar
          </label>
          <FieldError id="fout-year" message={yearError} />
          <input
            id="veld-year"
            name="year"
            inputMode="numeric"
            className="utrecht-textbox utrecht-textbox--html-input"
            defaultValue={actionData?.intent === "year" ? actionData.value : ""}
            aria-invalid={yearError ? true : undefined}
            aria-describedby={yearError ? "fout-year" : undefined}
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
