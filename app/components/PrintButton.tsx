import { useEffect, useState } from "react";

/**
 * "Afdrukken": opens the browser's print dialog (also to save as PDF). It needs JavaScript, so until the page
 * has hydrated, and without JavaScript, it says how to print instead. The page prints as an A4 report
 * (app/styles/app.css, @media print).
 */
export function PrintButton({ what = "deze pagina" }: { what?: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  return (
    <p className="form-actions no-print">
      {ready ? (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => window.print()}>
          Afdrukken
        </button>
      ) : null}
      <span className="muted">
        {ready ? `Drukt ${what} af op A4, of slaat die op als PDF.` : `Afdrukken of opslaan als PDF: gebruik Afdrukken in de browser (Ctrl+P).`}
      </span>
    </p>
  );
}
