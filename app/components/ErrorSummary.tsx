import { useEffect, useRef } from "react";

export interface ErrorSummaryItem {
  /** id of the field to move to (its first input). */
  target: string;
  message: string;
  /** A message about the form as a whole (a conflict, a refusal), not about a field that was filled in wrongly. */
  aboutForm?: boolean;
}

const FIELD_TITLE = "Er is iets niet goed ingevuld";
const FORM_TITLE = "Dat is niet gelukt";

/**
 * The list of problems above a form, each a link to its field (WCAG 3.3.1). It takes focus when it
 * appears, so keyboard and screen-reader users hear what went wrong.
 */
export function ErrorSummary({ title, items, focusKey }: { title?: string; items: ErrorSummaryItem[]; focusKey?: unknown }) {
  // "Niet goed ingevuld" only when a field is: a conflict or a refusal is not the user's typing.
  const heading = title ?? (items.length && items.every((i) => i.aboutForm) ? FORM_TITLE : FIELD_TITLE);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (items.length) ref.current?.focus();
    // Focus again for every new submission that fails, not on each re-render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey, items.length > 0]);
  if (!items.length) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="utrecht-heading-2">
        {heading}
      </h2>
      <ul className="utrecht-unordered-list">
        {items.map((item) => (
          <li key={item.target + item.message} className="utrecht-unordered-list__item">
            <a className="utrecht-link" href={`#${item.target}`}>
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
