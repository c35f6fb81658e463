import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { dayOf, formatDate } from "../domain/format.ts";
import { reminderDaysSchema, roundSchema } from "../forms/round.ts";
import { requireRole } from "../auth/guards.server.ts";
import { invalid } from "../http/form.server.ts";
import { notFound, readFormData } from "../http/http.server.ts";
import { parseForm } from "../forms/submission.ts";
import { setReminderDays } from "../models/zelfscan-reminders.server.ts";
import { RoundReminderForm } from "../components/RoundReminderForm.tsx";
import { getCurrentRound, listRounds, openRound, roundVersions } from "../models/rounds.server.ts";
import { cycleRoundsOfRegions } from "../models/cycles.server.ts";
import { FieldError } from "../components/FieldError.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { DateInput } from "../components/DateInput.tsx";

export const meta: MetaFunction = () => [{ title: "Zelfscanrondes – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const current = await getCurrentRound(context.db);
  const cycles = await cycleRoundsOfRegions(context.db);
  const rounds = await listRounds(context.db);
  return {
    rounds: await Promise.all(
      rounds.map(async (r) => ({
        ...r,
        regions: cycles.filter((c) => c.round?.id === r.id).map((c) => ({ id: c.id, name: c.name })),
        versions: await roundVersions(context.db, r.id),
      })),
    ),
    currentId: current?.id ?? null,
    opened: new URL(request.url).searchParams.has("geopend"),
    reminderChanged: new URL(request.url).searchParams.has("herinnering-gewijzigd"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["programma"]);
  const form = await readFormData(request);
  if (form.get("intent") === "herinnering") {
    const change = parseForm(form, reminderDaysSchema);
    if (!change.ok) return invalid({ [`herinnering-${change.values.round}`]: Object.values(change.errors)[0] ?? "Onbekende ronde." }, change.values);
    if (!(await setReminderDays(context.db, { roundId: change.data.round, days: change.data.reminderDays, userId: user.id }))) notFound();
    throw redirect("/programma/rondes?herinnering-gewijzigd=1");
  }
  const submission = parseForm(form, roundSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  await openRound(context.db, { ...submission.data, userId: user.id });
  throw redirect("/programma/rondes?geopend=1");
}

export default function Rounds() {
  const { rounds, currentId, opened, reminderChanged } = useLoaderData<typeof loader>();
  const today = dayOf();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
  const v = actionData?.values;
  const field = (name: "name" | "opensOn" | "closesOn" | "reminderDays", label: string, type = "text") => (
    <>
      <label className="utrecht-form-label" htmlFor={`veld-${name}`}>
        {label}
      </label>
      <FieldError id={`fout-${name}`} message={errors[name]} />
      {type === "date" ? (
        <DateInput id={`veld-${name}`} name={name} defaultValue={v?.[name]} errorId={errors[name] ? `fout-${name}` : undefined} />
      ) : (
        <input
          id={`veld-${name}`}
          name={name}
          type={type}
          className="utrecht-textbox utrecht-textbox--html-input"
          defaultValue={v?.[name] ?? (name === "reminderDays" ? "7" : "")}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `fout-${name}` : undefined}
        />
      )}
    </>
  );
  return (
    <>
      <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: "Zelfscanrondes" }]} />
      <h1 className="utrecht-heading-1">Zelfscanrondes</h1>
      {opened && !actionData ? (
        <div className="notice notice--ok" role="status">
          <p>
            De nieuwe ronde is geopend. Voor de regio's verandert er niets tot hun volgende cyclus begint: vanuit de fase Uitvoering/monitoring, of als het
            programma die start. De teams en gemeenten van een regio blijven zo op de ronde van hun cyclus werken.
          </p>
        </div>
      ) : null}
      {reminderChanged && !actionData ? (
        <div className="notice notice--ok" role="status">
          <p>De automatische herinnering is gewijzigd.</p>
        </div>
      ) : null}
      <DataTable caption="Alle zelfscanrondes, nieuwste eerst">
        <thead>
          <tr>
            <th scope="col">Ronde</th>
            <th scope="col">Open van</th>
            <th scope="col">Tot en met</th>
            <th scope="col">Stand</th>
            <th scope="col">Vragenlijsten</th>
            <th scope="col">Regio's die erop werken</th>
            <th scope="col">Automatische herinnering</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.id}>
              <th scope="row">{r.name}</th>
              <td>{formatDate(r.opens_on)}</td>
              <td>{formatDate(r.closes_on)}</td>
              <td>{r.id === currentId ? "Nieuwste open ronde" : r.closed_at || r.closes_on < today ? "Gesloten" : "Open"}</td>
              <td>{r.versions.map((v) => `${v.title} (versie ${v.version})`).join("; ")}</td>
              <td>
                {r.regions.length === 0
                  ? "geen"
                  : r.regions.map((region, i) => (
                      <span key={region.id}>
                        {i > 0 ? ", " : ""}
                        <Link className="utrecht-link" to={`/regios/${region.id}`}>
                          {region.name}
                        </Link>
                      </span>
                    ))}
              </td>
              <td>
                <RoundReminderForm
                  round={r}
                  open={!r.closed_at && r.closes_on >= today}
                  error={errors[`herinnering-${r.id}`]}
                  busy={navigation.state === "submitting"}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      <section aria-labelledby="nieuw" className="page-section">
        <h2 id="nieuw" className="utrecht-heading-2">
          Nieuwe ronde openen
        </h2>
        <p className="utrecht-paragraph">
          Een nieuwe ronde legt nu vast welke versie van de zelfscan voor teams en gemeenten erin geldt: de nieuwste. Alle zelfscans van de ronde gebruiken die
          versie, ook als er later een nieuwere komt. De resultaten van eerdere rondes blijven bewaard en staan naast de nieuwe. Het opgegeven aantal dagen voor
          de sluiting krijgen de teams en gemeenten die nog niet hebben ingediend vanzelf een herinnering.
        </p>
        <ErrorSummary
          items={Object.entries(errors).map(([name, message]) => ({ target: name.startsWith("herinnering-") ? name : `veld-${name}`, message }))}
          focusKey={actionData}
        />
        <Form method="post" className="plan-form">
          {field("name", "Naam, zoals Zelfscan 2027")}
          {field("opensOn", "Open vanaf", "date")}
          {field("closesOn", "Open tot en met", "date")}
          {field("reminderDays", "Automatische herinnering: hoeveel dagen voor de sluiting (0 is geen)", "number")}
          <div className="form-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
              Ronde openen
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
