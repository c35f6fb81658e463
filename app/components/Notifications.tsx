import { Link } from "@remix-run/react";
import { formatDateTime } from "../domain/format.ts";

/** "Meldingen": what happened that concerns the user, newest first, each with where to look. */
export function Notifications({ items }: { items: { id: number; text: string; link: string; created_at: string }[] }) {
  return (
    <section aria-labelledby="meldingen" className="page-section">
      <h2 id="meldingen" className="utrecht-heading-2">
        Meldingen
      </h2>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">Nog geen meldingen. Hier ziet u wat er gebeurt dat u aangaat, zoals een beoordeling of een nieuwe fase.</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id}>
              <span className="muted">{formatDateTime(n.created_at)}</span> {n.text}{" "}
              <Link className="utrecht-link" to={n.link}>
                Bekijken<span className="visually-hidden">: {n.text}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="muted">
        Meldingen komen ook per e-mail. Dat zet u uit op{" "}
        <Link className="utrecht-link" to="/account">
          Mijn account
        </Link>
        .
      </p>
    </section>
  );
}
