import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A data table that never makes the page scroll sideways (WCAG 1.4.10 Reflow): when it is wider than the
 * screen it scrolls inside its own region, which is named by the caption and can be reached with the keyboard
 * so it can also be scrolled without a mouse. Every table of figures or lists in the product is one of these.
 * When it is wider than the screen it says so above it (and shadows at its edges show it, also without
 * JavaScript), so a column off-screen, such as one with links, is not missed.
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
  const region = useRef<HTMLDivElement>(null);
  const [wider, setWider] = useState(false);
  useEffect(() => {
    const element = region.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const measure = () => setWider(element.scrollWidth > element.clientWidth + 1);
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    measure();
    return () => observer.disconnect();
  }, []);
  return (
    <>
      {wider ? (
        <p className="table-scroll__hint" id={`${captionId}-hint`}>
          Deze tabel is breder dan het scherm: schuif hem opzij voor de andere kolommen.
        </p>
      ) : null}
      <div
        ref={region}
        className="table-scroll"
        role="region"
        aria-labelledby={captionId}
        aria-describedby={wider ? `${captionId}-hint` : undefined}
        tabIndex={0}
      >
        <table className={compact ? "data-table data-table--compact" : "data-table"}>
          <caption id={captionId} className={captionVisible ? undefined : "visually-hidden"}>
            {caption}
          </caption>
          {children}
        </table>
      </div>
    </>
  );
}
