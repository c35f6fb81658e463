import { Form } from "@remix-run/react";
import { formatDate, formatDateTime } from "../domain/format.ts";
import type { ActionStatus } from "../../db/schema.ts";
import { ACTION_STATUS_LABEL, ACTION_STATUSES, isOverdue } from "../forms/plan.ts";
import { DataTable } from "./DataTable.tsx";

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

/** A municipality's improvement actions, with their owners' notes and, for the gemeente, a progress form per action. */
export function PlanActionsTable({ actions, today, canUpdate, busy }: { actions: PlanAction[]; today: string; canUpdate: boolean; busy: boolean }) {
  return (
    <DataTable caption="Acties van het verbeterplan">
      <thead>
        <tr>
          <th scope="col">Thema</th>
          <th scope="col">Actie</th>
          <th scope="col">Eigenaar</th>
          <th scope="col">Gereed op</th>
          <th scope="col">Status en voortgang</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((a) => (
          <tr key={a.id}>
            <td>{a.theme_key}</td>
            <th scope="row">
              {a.title}
              {a.point_text ? <span className="task-list__hint">Verbeterpunt: {a.point_text}</span> : null}
            </th>
            <td>
              {a.owner_team_name ?? a.owner_name}
              {a.notes.map((n) => (
                <span key={n.id} className="task-list__hint">
                  Notitie van het team ({formatDateTime(n.at)}, {n.author_name}): {n.text}
                </span>
              ))}
            </td>
            <td>
              {formatDate(a.due_on)}
              {isOverdue(a, today) ? <strong className="overdue"> Te laat</strong> : null}
            </td>
            <td>
              {canUpdate ? (
                <Form method="post" className="progress-form">
                  <input type="hidden" name="intent" value="progress" />
                  <input type="hidden" name="action" value={a.id} />
                  <label className="visually-hidden" htmlFor={`status-${a.id}`}>
                    Status van {a.title}
                  </label>
                  <select id={`status-${a.id}`} name="status" className="utrecht-select" defaultValue={a.status}>
                    {ACTION_STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {ACTION_STATUS_LABEL[s]}
                      </option>
                    ))}
                  </select>
                  <label className="visually-hidden" htmlFor={`voortgang-${a.id}`}>
                    Voortgang van {a.title}
                  </label>
                  <textarea
                    id={`voortgang-${a.id}`}
                    name="note"
                    className="utrecht-textarea"
                    rows={2}
                    defaultValue={a.progress_note ?? ""}
                    placeholder="Voortgang"
                  />
                  <button type="submit" className="utrecht-button utrecht-button--secondary-action utrecht-button--small" disabled={busy}>
                    Bijwerken<span className="visually-hidden"> ({a.title})</span>
                  </button>
                </Form>
              ) : (
                <>
                  {ACTION_STATUS_LABEL[a.status]}
                  {a.progress_note ? <span className="task-list__hint">{a.progress_note}</span> : null}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
