import { Form, Link } from "@remix-run/react";

/** The question before adopting a plan or removing an action, with "Ja" (posting again with confirm=ja) and "Nee, terug". */
export function PlanConfirmation({
  confirm,
  base,
  busy,
}: {
  confirm: { intent: "adopt" | "remove"; action: { id: number; title: string } | null };
  base: string;
  busy: boolean;
}) {
  const adopting = confirm.intent === "adopt";
  return (
    <div className="notice notice--warn" role="alert" tabIndex={-1} id="bevestigen">
      <p>
        {adopting ? (
          <>
            <strong>Weet u zeker dat u het verbeterplan vaststelt?</strong> Daarna kunt u geen acties meer toevoegen of verwijderen; acties corrigeren en de
            voortgang bijhouden kan wel. De teams die eigenaar zijn van een actie kunnen er dan voortgang bij zetten.
          </>
        ) : (
          <>
            <strong>Weet u zeker dat u de actie “{confirm.action?.title}” verwijdert?</strong> Het plan is nog niet vastgesteld; in de geschiedenis blijft staan
            dat de actie er was.
          </>
        )}
      </p>
      <Form method="post" className="form-actions">
        <input type="hidden" name="intent" value={confirm.intent} />
        {confirm.action ? <input type="hidden" name="action" value={confirm.action.id} /> : null}
        <button type="submit" name="confirm" value="ja" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {adopting ? "Ja, vaststellen" : "Ja, verwijderen"}
        </button>
        <Link className="utrecht-link" to={base}>
          Nee, terug
        </Link>
      </Form>
    </div>
  );
}
