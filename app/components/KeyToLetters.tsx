/**
 * What the letters or codes heading a table's columns stand for (themes A–I, questions G1–G7), written out
 * under the table: on screen the headers carry them only as a tooltip, which neither a printed page nor a
 * touch screen shows.
 */
export function KeyToLetters({ label, entries }: { label: string; entries: { key: string; title: string }[] }) {
  if (!entries.length) return null;
  return (
    <p className="letter-key">
      <span className="letter-key__label">{label}:</span>{" "}
      {entries.map((entry, i) => (
        <span key={entry.key}>
          {i > 0 ? "; " : ""}
          <strong>{entry.key}</strong> {entry.title}
        </span>
      ))}
    </p>
  );
}
