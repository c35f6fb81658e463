import { formatDateTime } from "../domain/format.ts";

const EVENT_LABEL: Record<string, string> = {
  started: "Begonnen",
  submitted: "Ingediend",
  returned: "Teruggestuurd met opmerking",
  resubmitted: "Opnieuw ingediend",
  accepted: "Geaccepteerd",
  reopened: "Heropend",
};

export interface ResponseEvent {
  type: string;
  at: string;
  actor_name: string | null;
  comment: string | null;
}

/** What happened to a filled-in questionnaire, oldest first, and the version it is pinned to. */
export function ResponseHistory({ events, version }: { events: ResponseEvent[]; version: number }) {
  return (
    <section aria-labelledby="geschiedenis" className="page-section">
      <h2 id="geschiedenis" className="utrecht-heading-2">
        Geschiedenis
      </h2>
      <ul className="utrecht-unordered-list">
        {events.map((event, i) => (
          <li key={i}>
            {EVENT_LABEL[event.type] ?? event.type} op {formatDateTime(event.at)} door {event.actor_name}
            {event.comment ? `: ${event.comment}` : ""}
          </li>
        ))}
      </ul>
      <p className="muted">
        Ingevuld met versie {version} van deze vragenlijst. Verandert de vragenlijst later, dan blijven deze antwoorden bij de vragen zoals ze toen luidden.
      </p>
    </section>
  );
}
