import { Form } from "@remix-run/react";
import { formatDate, formatDateTime } from "../domain/format.ts";
import { FieldError } from "./FieldError.tsx";

/** The day (YYYY-MM-DD) `days` before `day`. */
const daysBefore = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/**
 * A round's automatic reminder (decision 88) in the rounds table: when it went, or, while the round is
 * open, how many days before closing it goes, changeable in place.
 */
export function RoundReminderForm({
  round,
  open,
  error,
  busy,
}: {
  round: { id: number; name: string; closes_on: string; reminder_days: number; auto_reminded_at: string | null };
  open: boolean;
  error: string | undefined;
  busy: boolean;
}) {
  if (round.auto_reminded_at) return <>Verstuurd op {formatDateTime(round.auto_reminded_at)}</>;
  if (!open) return <>{round.reminder_days > 0 ? "Niet verstuurd" : "Uit"}</>;
  const id = `herinnering-${round.id}`;
  return (
    <Form method="post" className="reminder-days">
      <input type="hidden" name="intent" value="herinnering" />
      <input type="hidden" name="round" value={round.id} />
      <label className="utrecht-form-label" htmlFor={id}>
        Dagen voor de sluiting <span className="visually-hidden">({round.name})</span>
      </label>
      <FieldError id={`fout-${id}`} message={error} />
      <input
        id={id}
        name="reminderDays"
        type="number"
        inputMode="numeric"
        min={0}
        max={90}
        className="utrecht-textbox utrecht-textbox--html-input"
        defaultValue={round.reminder_days}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-wanneer${error ? ` fout-${id}` : ""}`}
      />
      <span id={`${id}-wanneer`} className="muted">
        {round.reminder_days > 0 ? ` Gaat op ${formatDate(daysBefore(round.closes_on, round.reminder_days))}.` : " Uit: 0 dagen."}
      </span>{" "}
      <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
        Opslaan
      </button>
    </Form>
  );
}
