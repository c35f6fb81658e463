import type { GroupDecision } from "../domain/small-groups.ts";

/** A figure that is not there: "niet getoond" when the small-group rule leaves it out (GroupNotes says why), else a dash. */
export function Missing({ decision }: { decision: GroupDecision }) {
  return <span className="muted">{decision.withheld ? "niet getoond" : "–"}</span>;
}

/** Why figures of the table are missing, or come from few teams: each reason once, with the groups it applies to. */
export function GroupNotes({ groups }: { groups: { label: string; decision: GroupDecision }[] }) {
  const byText = new Map<string, string[]>();
  for (const { label, decision } of groups) {
    const text = decision.reason ?? decision.note;
    if (text) byText.set(text, [...(byText.get(text) ?? []), label]);
  }
  if (!byText.size) return null;
  return (
    <ul className="group-notes">
      {[...byText].map(([text, labels]) => (
        <li key={text}>
          {labels.join(", ")}: {text}.
        </li>
      ))}
    </ul>
  );
}
