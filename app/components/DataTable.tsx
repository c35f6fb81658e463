import { useId, type ReactNode } from "react";

/**
 * A data table that never makes the page scroll sideways (WCAG 1.4.10 Reflow): when it is wider than the
 * screen it scrolls inside its own region, which is named by the caption and can be reached with the keyboard
 * so it can also be scrolled without a mouse. Every table of figures or lists in the product is one of these.
 */
export function DataTable({
  caption,
  captionVisible = false,
  compact = false,
  children,
}: {
  /** What the table holds; read by screen readers, shown only when `captionVisible`. */
  caption: ReactNode;
  captionVisible?: boolean;
  compact?: boolean;
  children: ReactNode;
}) {
  const captionId = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className={compact ? "data-table data-table--compact" : "data-table"}>
        <caption id={captionId} className={captionVisible ? undefined : "visually-hidden"}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}
