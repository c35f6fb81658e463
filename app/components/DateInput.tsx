import { DATE_FORMAT_HINT, dutchDate } from "../forms/dates.ts";

/**
 * A date field the Dutch way: a text field for dd-mm-jjjj with that hint beside its label. Not the
 * browser's date picker, which writes the browser's format (mm/dd/yyyy in an English browser). The form's
 * schema (dateField) reads what was typed; a stored ISO date shows as 15-03-2027.
 */
export function DateInput({
  id,
  name,
  defaultValue,
  errorId,
}: {
  id: string;
  name: string;
  defaultValue: string | null | undefined;
  /** The id of the field's error message, when there is one. */
  errorId?: string;
}) {
  const hintId = `${id}-formaat`;
  return (
    <>
      <span className="field-hint" id={hintId}>
        Schrijf als {DATE_FORMAT_HINT}, bijvoorbeeld 15-03-2027.
      </span>
      <input
        id={id}
        name={name}
        type="text"
        autoComplete="off"
        size={12}
        className="utrecht-textbox utrecht-textbox--html-input date-input"
        defaultValue={dutchDate(defaultValue ?? "")}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[errorId, hintId].filter(Boolean).join(" ")}
      />
    </>
  );
}
