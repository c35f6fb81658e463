import { Form, Link } from "@remix-run/react";
import { formatDate, formatDateTime } from "../domain/format.ts";
import type { ActionStatus } from "../../db/schema.ts";
import { ACTION_STATUS_LABEL, ACTION_STATUSES, isOverdue } from "../domain/plan.ts";

export interface PlanAction {
  id: number;
  theme_key: string;
  title: string;
  point_text: string | null;
  owner_team_name: string | null;
  owner_name: string | null;
  due_on: string;
  status: ActionStatus;
  progress_note: string | null;
  notes: { id: number; at: string; author_name: string | null; text: string }[];
}

/**
 * A municipality's improvement actions as a list, one block per action (a table hid its forms off-screen
 * at 320 px): what, theme, owner, date, status and the owner's notes; for the gemeente the progress form,
 * "Wijzigen" and, before adoption, "Verwijderen".
 */
export function PlanActionList({
  actions,
  today,
  canUpdate,
  canCorrect,
  canRemove,
  correctHref,
  busy,
}: {
  actions: PlanAction[];
  today: string;
  canUpdate: boolean;
  canCorrect: boolean;
  canRemove: boolean;
  correctHref: (id: number) => string;
  busy: boolean;
}) {
  return (
    <ol className="action-list" aria-label="Acties van het verbeterplan">
      {actions.map((a) => (
        <li key={a.id} className="action-list__item">
          <h3 className="utrecht-heading-3" id={`actie-${a.id}`}>
            {a.title}
          </h3>
          <dl className="action-list__facts">
            <div>
              <dt>Thema</dt>
              <dd>{a.theme_key}</dd>
            </div>
            {a.point_text ? (
              <div>
                <dt>Verbeterpunt</dt>
                <dd>{a.point_text}</dd>
              </div>
            ) : null}
            <div>
              <dt>Eigenaar</dt>
              <dd>{a.owner_team_name ?? a.owner_name}</dd>
            </div>
            <div>
              <dt>Gereed op</dt>
              <dd>
                {formatDate(a.due_on)}
                {isOverdue(a, today) ? <strong className="overdue"> Te laat</strong> : null}
              </dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>
                {ACTION_STATUS_LABEL[a.status]}
                {a.progress_note ? `: ${a.progress_note}` : null}
              </dd>
            </div>
            {a.notes.map((n) => (
              <div key={n.id}>
                <dt>
                  Notitie van het team ({formatDateTime(n.at)}, {n.author_name})
                </dt>
                <dd>{n.text}</dd>
              </div>
            ))}
          </dl>
          {canUpdate ? (
            <Form method="post" className="progress-form" aria-label={`Voortgang van ${a.title}`}>
              <input type="hidden" name="intent" value="progress" />
              <input type="hidden" name="action" value={a.id} />
              <label className="utrecht-form-label" htmlFor={`status-${a.id}`}>
                Status
              </label>
              <select id={`status-${a.id}`} name="status" className="utrecht-select" defaultValue={a.status}>
                {ACTION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {ACTION_STATUS_LABEL[s]}
                  </option>
                ))}
              </select>
              <label className="utrecht-form-label" htmlFor={`voortgang-${a.id}`}>
                Voortgang
              </label>
              <textarea id={`voortgang-${a.id}`} name="note" className="utrecht-textarea" rows={2} defaultValue={a.progress_note ?? ""} />
              <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
                Voortgang bijwerken<span className="visually-hidden"> ({a.title})</span>
              </button>
            </Form>
          ) : null}
          {canCorrect || canRemove ? (
            <div className="form-actions">
              {canCorrect ? (
                <Link className="utrecht-link" to={correctHref(a.id)}>
                  Wijzigen<span className="visually-hidden"> ({a.title})</span>
                </Link>
              ) : null}
              {canRemove ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="action" value={a.id} />
                  <button type="submit" className="utrecht-button utrecht-button--subtle" disabled={busy}>
                    Verwijderen<span className="visually-hidden"> ({a.title})</span>
                  </button>
                </Form>
              ) : null}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
