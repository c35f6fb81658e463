import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireRole } from "../auth/guards.server.ts";
import { readFormData } from "../http/http.server.ts";
import { IMPORT_COLUMNS } from "../forms/organisation.ts";
import { planImport, runImport, type ImportRow } from "../models/organisation-admin.server.ts";
import { DataTable } from "../components/DataTable.tsx";
import { plural } from "../domain/format.ts";

export const meta: MetaFunction = () => [{ title: "Teams importeren – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  return null;
}

type Outcome = {
  stage: "preview" | "done" | "error";
  csv: string;
  rows: ImportRow[];
  fileError: string | null;
  done: { teams: number; accounts: number } | null;
};

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["programma"]);
  const form = await readFormData(request, { fileFields: ["bestand"] });
  const file = form.get("bestand");
  const pasted = form.get("csv");
  const csv = file && typeof file !== "string" && file.size > 0 ? await file.text() : typeof pasted === "string" ? pasted : "";
  if (!csv.trim())
    return data<Outcome>({ stage: "error", csv: "", rows: [], fileError: "Kies een bestand of plak de CSV-regels.", done: null }, { status: 400 });
  const { rows, fileError } = await planImport(context.db, csv);
  const hasErrors = Boolean(fileError) || rows.some((r) => r.errors.length);
  if (form.get("intent") !== "import" || hasErrors) {
    return data<Outcome>({ stage: hasErrors ? "error" : "preview", csv, rows, fileError, done: null }, { status: hasErrors ? 400 : 200 });
  }
  const done = await runImport(context.db, user, rows, context.config.publicOrigin);
  return { stage: "done", csv: "", rows: [], fileError: null, done } satisfies Outcome;
}

export default function Import() {
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errorRows = result?.rows.filter((r) => r.errors.length) ?? [];
  return (
    <>
      <Breadcrumbs
        items={[{ to: "/programma", label: "Landelijk overzicht" }, { to: "/programma/organisatie", label: "Organisatie" }, { label: "Importeren" }]}
      />
      <h1 className="utrecht-heading-1">Teams en teammanagers importeren</h1>
      <p className="utrecht-paragraph lead">
        Een CSV-bestand met kolommen <code>{IMPORT_COLUMNS.join(", ")}</code> (scheidingsteken komma of puntkomma). U ziet eerst een voorbeeld met per regel wat
        er niet klopt; er wordt pas iets opgeslagen als u daarna op Importeren klikt en alle regels kloppen. Teammanagers krijgen een uitnodiging in de
        uitgaande post.
      </p>
      {result?.stage === "done" && result.done ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Geïmporteerd:</strong> {plural(result.done.teams, "team", "teams")} en {plural(result.done.accounts, "teammanager", "teammanagers")}{" "}
            (uitnodigingen staan in de uitgaande post).
          </p>
        </div>
      ) : null}
      <ErrorSummary
        title="Nog niet geïmporteerd"
        items={[
          ...(result?.fileError ? [{ target: "csv", message: result.fileError }] : []),
          ...errorRows.map((r) => ({ target: `regel-${r.line}`, message: `Regel ${r.line}: ${r.errors.join(" ")}` })),
        ]}
        focusKey={result}
      />
      {result?.rows.length ? (
        <section aria-labelledby="voorbeeld" className="page-section">
          <h2 id="voorbeeld" className="utrecht-heading-2">
            Voorbeeld: {plural(result.rows.length, "regel", "regels")}, {errorRows.length} met fouten
          </h2>
          <DataTable caption="Voorbeeld van de import, per regel">
            <thead>
              <tr>
                <th scope="col">Regel</th>
                <th scope="col">Gemeente</th>
                <th scope="col">Team</th>
                <th scope="col">Teammanager</th>
                <th scope="col">Controle</th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((r) => (
                <tr key={r.line} id={`regel-${r.line}`}>
                  <td>{r.line}</td>
                  <td>{r.municipalityName ?? r.municipalityCode}</td>
                  <td>
                    {r.team} <span className="task-list__hint">{r.kind ?? ""}</span>
                  </td>
                  <td>{r.email ? `${r.name} <${r.email}>` : "–"}</td>
                  <td>{r.errors.length ? <strong className="overdue">Fout: {r.errors.join(" ")}</strong> : "In orde"}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          {result.stage === "preview" ? (
            <Form method="post">
              <input type="hidden" name="intent" value="import" />
              <input type="hidden" name="csv" value={result.csv} />
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
                Importeren ({plural(result.rows.length, "regel", "regels")})
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="bestand-kiezen" className="page-section">
        <h2 id="bestand-kiezen" className="utrecht-heading-2">
          Bestand
        </h2>
        <Form method="post" encType="multipart/form-data" className="plan-form">
          <input type="hidden" name="intent" value="preview" />
          <label className="utrecht-form-label" htmlFor="bestand">
            CSV-bestand
          </label>
          <input id="bestand" name="bestand" type="file" accept=".csv,text/csv" />
          <label className="utrecht-form-label" htmlFor="csv">
            of plak de regels hier
          </label>
          <textarea id="csv" name="csv" className="utrecht-textarea" rows={6} defaultValue={result?.stage === "error" ? result.csv : ""} />
          <div className="form-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              Voorbeeld bekijken
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
