// The improvement plans' actions: their states and when one is overdue (app/forms/plan.ts checks what is posted).

export const ACTION_STATUSES = ["planned", "ongoing", "done", "dropped"] as const;
export const ACTION_STATUS_LABEL: Record<(typeof ACTION_STATUSES)[number], string> = {
  planned: "Gepland",
  ongoing: "Lopend",
  done: "Afgerond",
  dropped: "Vervallen",
};

/** An action is overdue when its due date has passed and it is neither done nor dropped. */
export function isOverdue(action: { due_on: string; status: string }, today: string): boolean {
  return action.due_on < today && (action.status === "planned" || action.status === "ongoing");
}
