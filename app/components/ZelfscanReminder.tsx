import { Form, Link } from "@remix-run/react";
import { formatDate } from "../domain/format.ts";
import { reminderSentText, teamsAndMunicipalities, type ReminderCounts } from "../domain/reminders.ts";
import { DataTable } from "./DataTable.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";

// The reminder for the zelfscan, as the gemeente and the regio meet it: a link on their start page, the
// page that names who would get one (and who not, and why) before anything is sent, and the sentence
// after sending.

interface Missing {
  recipient: string;
  kind: "team" | "gemeente";
  name: string;
  municipalityName: string;
  begun: boolean;
  remindedOn: string | null;
  accounts: number;
}

/** The link on a start page to the reminder page, saying whom it reminds. */
export function ReminderLink({ to, whom }: { to: string; whom: string }) {
  return (
    <p className="utrecht-paragraph no-print">
      <Link className="utrecht-link" to={to}>
        Herinnering sturen aan {whom} die nog niet hebben ingediend
      </Link>
    </p>
  );
}

/** After sending: how many were reminded and who not. */
export function ReminderSent({ counts }: { counts: ReminderCounts | null }) {
  if (!counts) return null;
  return (
    <div className={`notice ${counts.told ? "notice--ok" : "notice--warn"}`} role="status">
      <p>{reminderSentText(counts)}</p>
    </div>
  );
}

/**
 * The confirmation: the round, everyone who has not submitted with their state and last reminder, how
 * many would get one now, and the button that names that number. Nothing is sent before it is pressed.
 */
export function ReminderConfirmation({
  round,
  refusal,
  missing,
  today,
  back,
  busy,
  error,
}: {
  round: { name: string; closes_on: string } | null;
  refusal: string | null;
  missing: Missing[];
  today: string;
  back: string;
  busy: boolean;
  error: string | null;
}) {
  if (!round || refusal)
    return (
      <>
        <p className="utrecht-paragraph">{refusal}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={back}>
            Terug naar de startpagina
          </Link>
        </p>
      </>
    );
  const remindable = missing.filter((m) => m.accounts > 0 && m.remindedOn !== today);
  const who = teamsAndMunicipalities(remindable.filter((m) => m.kind === "team").length, remindable.filter((m) => m.kind === "gemeente").length);
  const remindedToday = missing.filter((m) => m.remindedOn === today).length;
  const withoutAccount = missing.filter((m) => m.accounts === 0 && m.remindedOn !== today).length;
  return (
    <>
      <p className="utrecht-paragraph lead">
        {missing.length === 0
          ? `Iedereen heeft ${round.name} ingediend: er is niemand om aan te herinneren.`
          : `${teamsAndMunicipalities(missing.filter((m) => m.kind === "team").length, missing.filter((m) => m.kind === "gemeente").length)} ${
              missing.length === 1 ? "heeft" : "hebben"
            } ${round.name} nog niet ingediend. De ronde sluit op ${formatDate(round.closes_on)}.`}
      </p>
      {error ? <ErrorSummary items={[{ target: "herinneren", message: error, aboutForm: true }]} focusKey={error} /> : null}
      {missing.length > 0 ? (
        <DataTable caption={`Nog niet ingediend in ${round.name}`} captionVisible>
          <thead>
            <tr>
              <th scope="col">{missing.some((m) => m.kind === "gemeente") ? "Team of gemeente" : "Team"}</th>
              <th scope="col">Stand</th>
              <th scope="col">Herinnering</th>
            </tr>
          </thead>
          <tbody>
            {missing.map((m) => (
              <tr key={m.recipient}>
                <th scope="row">
                  {m.name}
                  {m.kind === "team" ? <span className="task-list__hint">{m.municipalityName}</span> : null}
                </th>
                <td>{m.begun ? "Begonnen, nog niet ingediend" : "Nog niet begonnen"}</td>
                <td>
                  {m.remindedOn === today
                    ? "Vandaag al herinnerd: krijgt er nu geen"
                    : m.accounts === 0
                      ? `Geen actief account van ${m.kind === "team" ? "een teammanager" : "de gemeente"}: krijgt niets`
                      : m.remindedOn
                        ? `Krijgt er een (vorige op ${formatDate(m.remindedOn)})`
                        : "Krijgt er een"}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : null}
      {remindable.length > 0 ? (
        <Form method="post" className="page-section" id="herinneren">
          <p className="utrecht-paragraph">
            U stuurt een herinnering aan {who}. Zij zien hem bij de meldingen op hun startpagina en krijgen een e-mail als zij meldingen per e-mail ontvangen.
            Iedereen krijgt hoogstens één herinnering per dag.
          </p>
          <div className="form-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              {busy ? "Bezig met versturen…" : `Herinnering sturen aan ${who}`}
            </button>
            <Link className="utrecht-link" to={back}>
              Annuleren
            </Link>
          </div>
        </Form>
      ) : (
        <p className="utrecht-paragraph">
          {missing.length > 0
            ? `Er is nu niemand om te herinneren${remindedToday ? ": wie vandaag al een herinnering kreeg, kan er morgen weer een krijgen" : ""}${
                withoutAccount ? `${remindedToday ? "; " : ": "}wie geen actief account heeft, krijgt pas iets als er een is` : ""
              }.`
            : null}{" "}
          <Link className="utrecht-link" to={back}>
            Terug naar de startpagina
          </Link>
        </p>
      )}
    </>
  );
}
