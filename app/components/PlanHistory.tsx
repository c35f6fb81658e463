import { formatDateTime } from "../domain/format.ts";

const EVENT_TEXT: Record<string, string> = {
  created: "plan aangemaakt",
  action_added: "actie toegevoegd",
  action_updated: "actie bijgewerkt",
  action_corrected: "actie gecorrigeerd",
  action_removed: "actie verwijderd",
  adopted: "plan vastgesteld",
};

/** What happened to an improvement plan, oldest first. */
export function PlanHistory({ events }: { events: { at: string; actor_name: string | null; type: string; detail: string | null }[] }) {
  return (
    <section aria-labelledby="plan-geschiedenis" className="page-section">
      <h2 id="plan-geschiedenis" className="utrecht-heading-2">
        Geschiedenis
      </h2>
      <ul className="utrecht-unordered-list">
        {events.map((e, i) => (
          <li key={i}>
            {formatDateTime(e.at)}, {e.actor_name}: {EVENT_TEXT[e.type] ?? e.type}
            {e.detail ? ` (${e.detail})` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
