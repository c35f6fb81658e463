import { Link } from "@remix-run/react";
import { formatDate, formatDateTime } from "../domain/format.ts";
import { responsePath } from "../questionnaire/paths.ts";
import { StatusBadge } from "./StatusBadge.tsx";

export interface InputTaskView {
  year: number;
  deadline: string;
  responseId: number | null;
  status: "draft" | "submitted" | null;
  submittedAt: string | null;
  /** The one who gives the input can still begin or change it. */
  open: boolean;
}

/** "Input voor het rondetafelgesprek 2027, graag vóór 15 maart": the round-table input asked of a team or gemeente. */
export function InputTasks({ tasks }: { tasks: InputTaskView[] }) {
  if (!tasks.length) return null;
  return (
    <section aria-labelledby="rondetafel-input" className="page-section">
      <h2 id="rondetafel-input" className="utrecht-heading-2">
        Input voor het rondetafelgesprek
      </h2>
      <ul className="task-list">
        {tasks.map((task) => (
          <li key={task.year} className="task-list__item">
            <span>
              <strong>
                Input voor het rondetafelgesprek {task.year}, graag vóór {formatDate(task.deadline)}
              </strong>
              <span className="task-list__hint">
                {task.status === "submitted"
                  ? `Ingediend op ${formatDateTime(task.submittedAt!)}.`
                  : task.open
                    ? "Een paar korte vragen: wat gaat goed, wat knelt, wat is er nodig."
                    : "De uiterste datum is voorbij."}
              </span>
            </span>
            <span>
              <StatusBadge status={task.status === "submitted" ? "submitted" : task.status === "draft" ? "in_progress" : "not_started"} />{" "}
              {task.responseId ? (
                <Link className="utrecht-link" to={responsePath(task.responseId)}>
                  {task.status === "submitted" || !task.open ? "Bekijken" : "Verder met de input"}
                  <span className="visually-hidden"> voor {task.year}</span>
                </Link>
              ) : task.open ? (
                <Link className="utrecht-link" to={`/rondetafel-input/${task.year}`}>
                  Input geven<span className="visually-hidden"> voor {task.year}</span>
                </Link>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
