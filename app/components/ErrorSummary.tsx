import { useEffect, useRef } from "react";

export interface ErrorSummaryItem {
  /** id of the field to move to (its first input). */
  target: string;
  message: string;
}

/**
 * The list of problems above a form, each a link to its field (WCAG 3.3.1). It takes focus when it
 * appears, so keyboard and screen-reader users hear what went wrong.
 */
export function ErrorSummary({ title = "Er is iets niet goed ingevuld", items, focusKey }: { title?: string; items: ErrorSummaryItem[]; focusKey?: unknown }) {
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
        {title}
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
