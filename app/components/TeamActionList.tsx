import { Form } from "@remix-run/react";
import type { ActionStatus } from "../../db/schema.ts";
import { formatDate, formatDateTime } from "../domain/format.ts";
import { ACTION_STATUS_LABEL, isOverdue } from "../domain/plan.ts";

export interface TeamAction {
  id: number;
  theme_key: string;
  title: string;
  due_on: string;
  status: ActionStatus;
  progress_note: string | null;
  notes: { id: number; at: string; author_name: string | null; text: string }[];
  canNote: boolean;
}

/** The improvement actions the gemeente's plan gives a team, with their notes; the team manager adds a progress note where the phase allows. */
export function TeamActionList({ actions, today, isManager, busy }: { actions: TeamAction[]; today: string; isManager: boolean; busy: boolean }) {
  return actions.length === 0 ? (
    <p className="utrecht-paragraph">In het vastgestelde verbeterplan van uw gemeente staan (nog) geen acties op naam van uw team.</p>
  ) : (
    <ul className="action-list">
      {actions.map((a) => (
        <li key={a.id} className="action-list__item">
          <p>
            <strong>
              Thema {a.theme_key}: {a.title}
            </strong>
          </p>
          <p className="muted">
            Uiterlijk {formatDate(a.due_on)} · {ACTION_STATUS_LABEL[a.status]}
            {isOverdue(a, today) ? (
              <>
                {" · "}
                <strong className="overdue">Over de datum</strong>
              </>
            ) : null}
          </p>
          {a.progress_note ? <p>Voortgang volgens de gemeente: {a.progress_note}</p> : null}
          {a.notes.map((n) => (
            <p key={n.id} className="muted">
              {formatDateTime(n.at)}, {n.author_name}: {n.text}
            </p>
          ))}
          {isManager && a.canNote ? (
            <Form method="post" className="plan-form">
              <input type="hidden" name="action" value={a.id} />
              <label className="utrecht-form-label" htmlFor={`notitie-${a.id}`}>
                Voortgangsnotitie voor de gemeente
              </label>
              <textarea id={`notitie-${a.id}`} name="note" className="utrecht-textarea" rows={2} maxLength={2000} />
              <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
                Notitie toevoegen<span className="visually-hidden"> bij {a.title}</span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
