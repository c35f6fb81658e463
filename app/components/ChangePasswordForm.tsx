import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { changePasswordSchema, type ChangePasswordValues } from "../forms/account.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FieldError } from "./FieldError.tsx";

const FIELDS: [keyof ChangePasswordValues, string, string][] = [
  ["current", "Huidig wachtwoord", "current-password"],
  ["next", "Nieuw wachtwoord (ten minste 12 tekens)", "new-password"],
  ["repeat", "Nieuw wachtwoord nogmaals", "new-password"],
];

/** Changing one's password on /account: checked in the browser with the action's own schema, then by the action. */
export function ChangePasswordForm({ errors, focusKey }: { errors: Record<string, string | undefined> | undefined; focusKey: unknown }) {
  const navigation = useNavigation();
  const submit = useSubmit();
  const form = useForm<ChangePasswordValues>({
    resolver: zodResolver(changePasswordSchema),
    mode: "onTouched",
    defaultValues: { current: "", next: "", repeat: "" },
  });
  const server = errors ?? {};
  const errorOf = (name: keyof ChangePasswordValues) => form.formState.errors[name]?.message ?? server[name];
  const fields = FIELDS;
  return (
    <section aria-labelledby="wachtwoord" className="page-section login">
      <h2 id="wachtwoord" className="utrecht-heading-2">
        Wachtwoord wijzigen
      </h2>
      <p className="utrecht-paragraph">Kies een wachtwoord dat niet makkelijk te raden is, bijvoorbeeld een zin van vier of meer woorden.</p>
      <ErrorSummary items={fields.flatMap(([name]) => (errorOf(name) ? [{ target: `veld-${name}`, message: errorOf(name)! }] : []))} focusKey={focusKey} />
      <Form
        method="post"
        noValidate
        onSubmit={(event) => {
          const target = event.currentTarget;
          void form.handleSubmit(() => submit(target, { method: "post" }))(event);
        }}
      >
        {fields.map(([name, label, autoComplete]) => (
          <div key={name} className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={`veld-${name}`}>
              {label}
            </label>
            <FieldError id={`fout-${name}`} message={errorOf(name)} />
            <input
              id={`veld-${name}`}
              type="password"
              autoComplete={autoComplete}
              className="utrecht-textbox utrecht-textbox--html-input"
              aria-invalid={errorOf(name) ? true : undefined}
              aria-describedby={errorOf(name) ? `fout-${name}` : undefined}
              {...form.register(name)}
            />
          </div>
        ))}
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
            Wachtwoord wijzigen
          </button>
        </div>
      </Form>
    </section>
  );
}
