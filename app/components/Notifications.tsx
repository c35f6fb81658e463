import { Form, Link, useLocation } from "@remix-run/react";
import { formatDateTime } from "../domain/format.ts";
import type { ListedNotification } from "../domain/notifications.ts";

/**
 * "Meldingen": what happened that concerns the user, the unread ones first and marked "Nieuw" in words.
 * "Bekijken" opens the thing itself and marks the notification read (a post, so it works without
 * JavaScript); "Alles gelezen" marks all. One whose matter is settled says so and is not counted.
 */
export function Notifications({ list }: { list: { items: ListedNotification[]; unread: number } | null }) {
  const here = useLocation().pathname;
  if (!list) return null;
  const { items, unread } = list;
  return (
    <section aria-labelledby="meldingen" className="page-section">
      <h2 id="meldingen" className="utrecht-heading-2">
        Meldingen{unread ? ` (${unread} ongelezen)` : ""}
      </h2>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">Nog geen meldingen. Hier ziet u wat er gebeurt dat u aangaat, zoals een beoordeling of een nieuwe fase.</p>
      ) : (
        <ul className="notification-list">
          {items.map((n) => (
            <li key={n.id} className={n.state === "new" ? "notification-list__item notification-list__item--new" : "notification-list__item"}>
              {n.state === "new" ? <strong className="badge">Nieuw</strong> : null} <span className="muted">{formatDateTime(n.created_at)}</span> {n.text}
              {n.settledBy ? <em className="notification-list__settled"> {n.settledBy}</em> : null}{" "}
              <OpenButton id={n.id} text={n.text} label={n.link.split("#")[0] !== here ? "Bekijken" : n.state === "new" ? "Markeer als gelezen" : null} />
            </li>
          ))}
        </ul>
      )}
      {unread ? (
        <Form method="post" action="/meldingen">
          <input type="hidden" name="back" value={here} />
          <button type="submit" name="intent" value="all" className="utrecht-button utrecht-button--secondary-action">
            Alles gelezen
          </button>
        </Form>
      ) : null}
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

/** "Bekijken" leads to the thing; a notice about this very page only needs marking read (and, once read, nothing). */
function OpenButton({ id, text, label }: { id: number; text: string; label: string | null }) {
  if (!label) return null;
  return (
    <Form method="post" action="/meldingen" className="inline-form">
      <input type="hidden" name="id" value={id} />
      <button type="submit" name="intent" value="open" className="link-like-button">
        {label}
        <span className="visually-hidden">: {text}</span>
      </button>
    </Form>
  );
}
