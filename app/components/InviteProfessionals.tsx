import { Form } from "@remix-run/react";
import { CopyField } from "./CopyField.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FieldError } from "./FieldError.tsx";

/** What the invite, remind and close actions answered: field messages, the posted values, the links to copy, whether to confirm closing. */
export type ProfessionalsActionData =
  { errors: Record<string, string>; values: Record<string, unknown>; confirmClose?: boolean; links?: { email: string; link: string }[] | null } | undefined;

/**
 * The team manager's forms for the professionals' view: addresses to invite (with the links to pass on when
 * this installation sends no mail), a reminder once a day, and closing the request after confirming.
 */
export function InviteProfessionals({
  request,
  today,
  actionData,
  busy,
}: {
  request: { invited: number; responded: number; reminded_on: string | null } | null;
  today: string;
  actionData: ProfessionalsActionData;
  busy: boolean;
}) {
  const errors: Record<string, string> = actionData?.errors ?? {};
  const page = { today };
  return (
    <section aria-labelledby="uitnodigen" className="page-section">
      <h2 id="uitnodigen" className="utrecht-heading-2">
        {request ? "Collega's toevoegen" : "Collega's uitnodigen"}
      </h2>
      <ErrorSummary
        items={Object.entries(errors).map(([name, message]) => ({ target: name === "form" ? "uitnodigen" : "veld-emails", message }))}
        focusKey={actionData}
      />
      {actionData && "links" in actionData && actionData.links ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>
              {actionData.links.length ? `${actionData.links.length} links gemaakt.` : "Deze collega's hebben al gereageerd of waren al uitgenodigd."}
            </strong>{" "}
            Deze installatie verstuurt geen e-mail: stuur elke collega zelf zijn eigen link. De links staan alleen hier, nu; ze worden nergens bewaard. Wie al
            was uitgenodigd en nog niet reageerde, krijgt een nieuwe link; de vorige werkt dan niet meer.
          </p>
          {actionData.links.map((l, i) => (
            <CopyField key={l.link} id={`link-${i}`} label={`Link voor ${l.email}`} value={l.link} />
          ))}
        </div>
      ) : null}
      {/* A fresh form after inviting (the links differ every time), so the addresses are not sent twice by mistake. */}
      <Form method="post" className="plan-form" key={actionData?.links?.map((l) => l.link).join(" ") ?? "uitnodigen"}>
        <input type="hidden" name="intent" value="invite" />
        <label className="utrecht-form-label" htmlFor="veld-emails">
          E-mailadressen, één per regel
        </label>
        <FieldError id="fout-emails" message={errors.emails} />
        <textarea
          id="veld-emails"
          name="emails"
          className="utrecht-textarea"
          rows={6}
          aria-invalid={errors.emails ? true : undefined}
          aria-describedby={errors.emails ? "fout-emails" : undefined}
          defaultValue={(actionData?.values as Record<string, string> | undefined)?.emails ?? ""}
        />
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            Uitnodigen
          </button>
        </div>
      </Form>
      {request && request.responded < request.invited ? (
        <Form method="post" className="form-actions">
          <input type="hidden" name="intent" value="remind" />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy || request.reminded_on === page.today}>
            Herinnering sturen
          </button>
          <span className="muted">
            {request.reminded_on === page.today
              ? "Vandaag is er al een herinnering verstuurd; morgen kan het weer."
              : "Aan wie nog niet reageerde; één keer per dag."}
          </span>
        </Form>
      ) : null}
      {request ? (
        <Form method="post" className="form-actions">
          <input type="hidden" name="intent" value="close" />
          {actionData && "confirmClose" in actionData && actionData.confirmClose ? (
            <div className="notice notice--warn" role="alert">
              <p>
                <strong>Weet u zeker dat u de vraag sluit?</strong> De links werken dan niet meer en de e-mailadressen worden verwijderd. Wat al is ingediend,
                blijft.
              </p>
              <input type="hidden" name="confirm" value="ja" />
              <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
                Ja, vraag sluiten
              </button>
            </div>
          ) : (
            <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
              Vraag sluiten
            </button>
          )}
        </Form>
      ) : null}
    </section>
  );
}
