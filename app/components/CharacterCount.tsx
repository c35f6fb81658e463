import { useEffect, useState } from "react";

const countText = (length: number, max: number) =>
  length <= max
    ? `Nog ${max - length} ${max - length === 1 ? "teken" : "tekens"} over.`
    : `${length - max} ${length - max === 1 ? "teken" : "tekens"} te veel.`;

/** id of the limit text under a field: add it to the field's aria-describedby. */
export const limitId = (fieldId: string) => `${fieldId}-limiet`;

/**
 * A text field's limit, always in words; with JavaScript also how many characters are left (or too
 * many) while the user types. The visible count changes at every key; screen readers hear it once the
 * user pauses, not at every key.
 */
export function CharacterCount({ fieldId, max }: { fieldId: string; max: number }) {
  const [length, setLength] = useState<number | null>(null);
  const [announced, setAnnounced] = useState("");
  useEffect(() => {
    const field = document.getElementById(fieldId);
    if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      setLength(field.value.length);
      clearTimeout(timer);
      timer = setTimeout(() => setAnnounced(countText(field.value.length, max)), 1000);
    };
    setLength(field.value.length);
    field.addEventListener("input", update);
    return () => {
      field.removeEventListener("input", update);
      clearTimeout(timer);
    };
  }, [fieldId, max]);
  return (
    <p className="character-count" id={limitId(fieldId)}>
      Hoogstens {max} tekens.
      {length === null ? null : (
        <span aria-hidden="true" className={length > max ? "character-count--over" : undefined}>
          {" "}
          {countText(length, max)}
        </span>
      )}
      <span className="visually-hidden" aria-live="polite">
        {announced}
      </span>
    </p>
  );
}
