import { Form } from "@remix-run/react";
import { DateInput } from "./DateInput.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FieldError } from "./FieldError.tsx";

/** Asking the teams and gemeenten of one region, or of all, for input before the year's round-table talk, with a deadline. */
export function AskInputForm({
  regions,
  defaultYear,
  errors,
  values,
  focusKey,
  busy,
}: {
  regions: { id: number; name: string }[];
  defaultYear: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  focusKey: unknown;
  busy: boolean;
}) {
  const inputField = (name: "year" | "deadline", label: string, type: string, fallback: string) => (
    <>
      <label className="utrecht-form-label" htmlFor={`input-${name}`}>
        {label}
      </label>
      <FieldError id={`fout-input-${name}`} message={errors[name]} />
      {type === "date" ? (
        <DateInput id={`input-${name}`} name={name} defaultValue={values[name] ?? fallback} errorId={errors[name] ? `fout-input-${name}` : undefined} />
      ) : (
        <input
          id={`input-${name}`}
          name={name}
          type={type}
          inputMode={type === "text" ? "numeric" : undefined}
          className="utrecht-textbox utrecht-textbox--html-input"
          defaultValue={values[name] ?? fallback}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `fout-input-${name}` : undefined}
        />
      )}
    </>
  );
  return (
    <>
      <ErrorSummary items={Object.entries(errors).map(([name, message]) => ({ target: `input-${name}`, message }))} focusKey={focusKey} />
      <Form method="post" className="plan-form">
        <input type="hidden" name="intent" value="input" />
        {inputField("year", "Jaar van het gesprek", "text", defaultYear)}
        <label className="utrecht-form-label" htmlFor="input-region">
          Voor welke regio
        </label>
        <FieldError id="fout-input-region" message={errors.region} />
        <select
          id="input-region"
          name="region"
          className="utrecht-select utrecht-select--html-select"
          defaultValue={values.region ?? ""}
          aria-invalid={errors.region ? true : undefined}
          aria-describedby={errors.region ? "fout-input-region" : undefined}
        >
          <option value="">Alle regio's (die nog geen input kregen)</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        {inputField("deadline", "Graag vóór (uiterste datum)", "date", "")}
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            Input vragen
          </button>
        </div>
      </Form>
    </>
  );
}
