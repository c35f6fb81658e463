import { Link } from "@remix-run/react";
import { plural } from "../../domain/format.ts";
import type { TaskList as TaskListData } from "../progress.ts";
import { sectionHeading } from "../definition.ts";
import { StatusBadge } from "../../components/StatusBadge.tsx";

/**
 * The scan as a task list: every section with niet begonnen / bezig / klaar and what is left. With
 * `sectionHref` each section is a link; without (someone who only reads a draft) it is plain text. A
 * questionnaire without required questions (a professional's) says its own summary.
 */
export function TaskList({ tasks, sectionHref, summary }: { tasks: TaskListData; sectionHref?: (key: string) => string; summary?: string }) {
  const remaining = tasks.sections.length - tasks.completedSections;
  return (
    <>
      <p className="utrecht-paragraph" id="task-summary">
        {summary ??
          (tasks.complete
            ? "Alle onderdelen zijn klaar. U kunt de antwoorden controleren en indienen."
            : `${tasks.completedSections} van ${tasks.sections.length} onderdelen klaar. Nog te doen: ${plural(remaining, "onderdeel", "onderdelen")}, ${plural(tasks.missingCount, "verplichte vraag", "verplichte vragen")}.`)}
      </p>
      <ol className="task-list" aria-describedby="task-summary">
        {tasks.sections.map((section) => (
          <li key={section.key} className="task-list__item">
            <span className="task-list__name">
              {sectionHref ? (
                <Link className="utrecht-link" to={sectionHref(section.key)}>
                  {sectionHeading(section)}
                </Link>
              ) : (
                sectionHeading(section)
              )}
              <span className="task-list__hint">
                {section.answered} van {plural(section.visible, "vraag", "vragen")} beantwoord
                {section.missing.length ? ` · nog ${plural(section.missing.length, "verplichte vraag", "verplichte vragen")}` : ""}
              </span>
            </span>
            <StatusBadge status={section.status} />
          </li>
        ))}
      </ol>
    </>
  );
}
