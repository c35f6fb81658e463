import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { lineText } from "../forms/fields.ts";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "../forms/zod.ts";
import { DataTable } from "../components/DataTable.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FieldError } from "../components/FieldError.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { NationalPicture } from "../components/NationalPicture.tsx";
import { formatDateTime } from "../domain/format.ts";
import { parseForm } from "../forms/submission.ts";
import { requireRole } from "../auth/guards.server.ts";
import { invalid } from "../http/form.server.ts";
import { notFound, readFormData } from "../http/http.server.ts";
import { dashboardYears } from "../models/dashboard.server.ts";
import { listPublications, publish, withdraw } from "../models/publications.server.ts";
import { dashboardView } from "../services/dashboard.server.ts";

// Programma publishes a year's national picture (issue 30): the preview is exactly what becomes public (the
// same snapshot the button stores); every publication is kept and dated, and can be withdrawn with a reason.

export const meta: MetaFunction = () => [{ title: "Publiceren – Werken aan veiligheid" }];

const withdrawSchema = z.object({
  publication: z.coerce.number().int().positive(),
  reason: lineText(z.string("Geef een reden.").trim().min(5, "Geef een reden van ten minste 5 tekens.").max(300, "Gebruik hoogstens 300 tekens.")),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const now = new Date();
  const years = await dashboardYears(context.db, now);
  const publications = await listPublications(context.db);
  const params = new URL(request.url).searchParams;
  const previewYear = Number(params.get("voorbeeld"));
  const preview = years.includes(previewYear) ? await dashboardView(context.db, previewYear, now) : null;
  const theme = preview?.zelfscan.themes[0] ?? null;
  return { years, publications, preview, theme, done: params.get("klaar") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["programma"]);
  const form = await readFormData(request);
  if (form.get("intent") === "publiceren") {
    const year = Number(form.get("year"));
    if (!(await dashboardYears(context.db)).includes(year)) notFound();
    await publish(context.db, await dashboardView(context.db, year), user.id);
    throw redirect(`/programma/publicaties?klaar=gepubliceerd-${year}`);
  }
  const submission = parseForm(form, withdrawSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  if (!(await withdraw(context.db, submission.data.publication, submission.data.reason, user.id))) notFound();
  throw redirect("/programma/publicaties?klaar=ingetrokken");
}

export default function Publications() {
  const { years, publications, preview, theme, done } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const current = (year: number) => publications.find((p) => p.year === year && !p.withdrawnAt);
  return (
    <>
      <h1 className="utrecht-heading-1">Landelijk beeld publiceren</h1>
      <p className="utrecht-paragraph lead">
        Publiceren zet het landelijk beeld van een jaar vast zoals het nu is en maakt het voor iedereen leesbaar op{" "}
        <Link className="utrecht-link" to="/cijfers" reloadDocument>
          de openbare pagina
        </Link>
        . Latere wijzigingen in de gegevens veranderen het niet, tot u opnieuw publiceert. Niets onder het niveau van de regio wordt openbaar.
      </p>
      {done && !result ? (
        <div className="notice notice--ok" role="status">
          <p>{done === "ingetrokken" ? "De publicatie is ingetrokken." : `Het landelijk beeld ${done.replace("gepubliceerd-", "")} is gepubliceerd.`}</p>
        </div>
      ) : null}
      <ErrorSummary
        items={Object.entries(errors).map(([name, message]) => ({ target: `veld-${name}-${result?.values?.publication ?? ""}`, message: message ?? "" }))}
        focusKey={result}
      />
      <DataTable caption="Jaren van het landelijk beeld">
        <thead>
          <tr>
            <th scope="col">Jaar</th>
            <th scope="col">Openbaar</th>
            <th scope="col">
              <span className="visually-hidden">Acties</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {years.map((year) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              <td>
                {current(year) ? (
                  <>
                    Gepubliceerd op {formatDateTime(current(year)!.publishedAt)}:{" "}
                    <Link className="utrecht-link" to={`/cijfers/${year}`} reloadDocument>
                      openbare pagina
                    </Link>
                  </>
                ) : (
                  "Nog niet (concept)"
                )}
              </td>
              <td>
                <Link className="utrecht-link" to={`?voorbeeld=${year}#voorbeeld`}>
                  Voorbeeld {year} bekijken{current(year) ? " en opnieuw publiceren" : " en publiceren"}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>

      {preview ? (
        <section aria-labelledby="voorbeeld" className="page-section preview">
          <h2 id="voorbeeld" className="utrecht-heading-2" tabIndex={-1}>
            Voorbeeld: zo wordt het landelijk beeld {preview.year} openbaar
          </h2>
          <Form method="post" className="form-actions">
            <input type="hidden" name="year" value={preview.year} />
            <button type="submit" name="intent" value="publiceren" className="utrecht-button utrecht-button--primary-action">
              Publiceren: landelijk beeld {preview.year}
            </button>
          </Form>
          <NationalPicture view={preview} theme={theme} published />
        </section>
      ) : null}

      <section aria-labelledby="geschiedenis" className="page-section">
        <h2 id="geschiedenis" className="utrecht-heading-2">
          Alle publicaties ({publications.length})
        </h2>
        {publications.map((p) => (
          <div key={p.id} className="page-section">
            <p className="utrecht-paragraph">
              <strong>{p.year}</strong>, gepubliceerd op {formatDateTime(p.publishedAt)}
              {p.withdrawnAt ? `; ingetrokken op ${formatDateTime(p.withdrawnAt)}: ${p.withdrawReason}` : ""}
            </p>
            {p.withdrawnAt ? null : (
              <Form method="post" className="plan-form">
                <input type="hidden" name="publication" value={p.id} />
                <label className="utrecht-form-label" htmlFor={`veld-reason-${p.id}`}>
                  Reden om de publicatie {p.year} van {formatDateTime(p.publishedAt)} in te trekken
                </label>
                <FieldError id={`fout-reason-${p.id}`} message={result?.values?.publication === String(p.id) ? errors.reason : undefined} />
                <input
                  id={`veld-reason-${p.id}`}
                  name="reason"
                  className="utrecht-textbox utrecht-textbox--html-input"
                  // Without JavaScript the page comes back: what was typed stays.
                  defaultValue={result?.values?.publication === String(p.id) ? result.values.reason : ""}
                />
                <button type="submit" name="intent" value="intrekken" className="utrecht-button utrecht-button--secondary-action">
                  Intrekken
                </button>
              </Form>
            )}
          </div>
        ))}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
