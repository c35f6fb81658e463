import { useEffect, useState } from "react";

/**
 * A value to pass on (an invitation link): shown whole, wrapped over lines, in a read-only field that
 * selects itself when focused, so it can be copied without JavaScript too. With JavaScript a button copies
 * it and says so; without, there is no button that would do nothing.
 */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const [canCopy, setCanCopy] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);
  return (
    <div className="copy-field">
      <label className="utrecht-form-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="utrecht-textarea copy-field__value"
        readOnly
        // Enough lines for the whole value on a 320 px screen; browsers that size fields to their content do so.
        rows={Math.max(2, Math.ceil(value.length / 24))}
        value={value}
        onFocus={(event) => event.currentTarget.select()}
      />
      {canCopy ? (
        <p className="form-actions">
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={async () => {
              await navigator.clipboard.writeText(value);
              setCopied(true);
            }}
          >
            Link kopiëren
          </button>
          <span role="status">{copied ? "Gekopieerd." : ""}</span>
        </p>
      ) : null}
    </div>
  );
}
