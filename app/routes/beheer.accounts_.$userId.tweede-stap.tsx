import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireAccountManager } from "../auth/guards.server.ts";
import { notFound, parseId } from "../http/http.server.ts";
import { getManagedAccount, removeSecondFactorOf } from "../models/accounts.server.ts";
import { mayRemoveSecondFactorOf } from "../domain/policy.ts";

// Programma removes a person's second factor (decision 90), after a page that names whom and what follows.

export const meta: MetaFunction = () => [{ title: "Tweede stap verwijderen – Werken aan veiligheid" }];

async function accountFor({ request, context, params }: LoaderFunctionArgs) {
  const manager = await requireAccountManager(request, context);
  const userId = parseId(params.userId);
  const account = mayRemoveSecondFactorOf(manager, userId) ? await getManagedAccount(context.db, manager, userId) : null;
  if (!account) notFound();
  return { manager, account: account! };
}

export async function loader(args: LoaderFunctionArgs) {
  const { account } = await accountFor(args);
  return {
    name: account.name,
    email: account.email,
    hasSecondFactor: Boolean(account.second_factor_at) || Number(account.passkeys) > 0,
    removed: new URL(args.request.url).searchParams.get("verwijderd") === "1",
  };
}

export async function action(args: ActionFunctionArgs) {
  const { manager, account } = await accountFor(args);
  if (!(await removeSecondFactorOf(args.context.db, { manager, userId: account.id }))) notFound();
  throw redirect(`/beheer/accounts/${account.id}/tweede-stap?verwijderd=1`);
}

export default function RemoveSecondFactor() {
  const page = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="remove-title">
      <h1 id="remove-title" className="utrecht-heading-1">
        Tweede stap van {page.name} verwijderen
      </h1>
      {page.removed ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Verwijderd.</strong> {page.email} logt nu in met alleen het wachtwoord en heeft daarover een e-mail gekregen.
          </p>
        </div>
      ) : page.hasSecondFactor ? (
        <>
          <p className="utrecht-paragraph">
            {page.name} ({page.email}) logt in met een tweede stap (authenticator-app of passkey). Na het verwijderen van app, passkeys en herstelcodes logt
            deze persoon in met alleen het wachtwoord; vraagt de rol om een tweede stap, dan stelt zij of hij bij het inloggen een nieuwe app in. De persoon
            krijgt hierover een e-mail, en het auditlog noemt u.
          </p>
          <p className="utrecht-paragraph">Doe dit alleen op verzoek van de persoon zelf, na controle dat het verzoek echt van hem of haar komt.</p>
          <Form method="post" className="form-actions">
            <button type="submit" className="utrecht-button utrecht-button--primary-action">
              Tweede stap verwijderen
            </button>
            <Link className="utrecht-link" to="/beheer/accounts">
              Annuleren
            </Link>
          </Form>
        </>
      ) : (
        <p className="utrecht-paragraph">Dit account heeft geen tweede stap.</p>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer/accounts">
          Terug naar accounts
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
