import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { DataTable } from "../components/DataTable.tsx";
import { IdentityProviderForm } from "../components/IdentityProviderForm.tsx";
import { identityProviderSchema } from "../forms/identity-provider.ts";
import { parseForm } from "../forms/submission.ts";
import { requireRole } from "../auth/guards.server.ts";
import { CALLBACK_PATH, registerProvider } from "../auth/oidc.server.ts";
import { invalid } from "../http/form.server.ts";
import { notFound, parseId, readFormData } from "../http/http.server.ts";
import { listIdentityProviders, removeIdentityProvider } from "../models/identity-providers.server.ts";
import { listMunicipalities, listRegions } from "../models/organisation.server.ts";

// Programma registers organisations' OpenID Providers (decision 91): for itself, a region or a gemeente, with
// the e-mail domains each covers. A secret is never shown again once saved.

export const meta: MetaFunction = () => [{ title: "Inloggen met organisatieaccount – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const origin = context.config.publicOrigin;
  return {
    providers: await listIdentityProviders(context.db),
    regions: await listRegions(context.db),
    municipalities: await listMunicipalities(context.db),
    redirectUri: new URL(CALLBACK_PATH, origin).href,
    logoutUri: new URL("/login?uitgelogd=1", origin).href,
    saved: new URL(request.url).searchParams.get("opgeslagen") === "1",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, ["programma"]);
  const form = await readFormData(request);
  if (form.get("intent") === "verwijderen") {
    if (!(await removeIdentityProvider(context.db, parseId(String(form.get("provider") ?? "")), user.id))) notFound();
    throw redirect("/programma/inlogdiensten?opgeslagen=1");
  }
  const submission = parseForm(form, identityProviderSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const { secret, secretName, organisation, passwordAllowed, ...rest } = submission.data;
  const [kind, id] = organisation.split(":") as ["programma" | "regio" | "gemeente", string | undefined];
  const result = await registerProvider(
    context,
    {
      ...rest,
      secret,
      secretName: secretName || null,
      organisation: kind,
      regionId: kind === "regio" ? Number(id) : null,
      municipalityId: kind === "gemeente" ? Number(id) : null,
      passwordAllowed: passwordAllowed === "ja",
    },
    user.id,
  );
  // The typed secret is never sent back to fill the form again.
  if (!result.ok) return invalid(result.errors, { ...submission.values, secret: "" });
  throw redirect("/programma/inlogdiensten?opgeslagen=1");
}

export default function IdentityProviders() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors ?? {};
  return (
    <>
      <h1 className="utrecht-heading-1">Inloggen met organisatieaccount</h1>
      <p className="utrecht-paragraph lead">
        Medewerkers van een organisatie met een eigen inlogdienst (Microsoft Entra ID, ADFS, Keycloak en dergelijke, via OpenID Connect) loggen daarmee in: op
        de inlogpagina typen ze hun e-mailadres en gaan verder bij hun organisatie. Alleen wie al een account heeft, komt binnen, met de rol en het onderdeel
        van dat account.
      </p>
      {page.saved ? (
        <div className="notice notice--ok" role="status">
          <p>Opgeslagen.</p>
        </div>
      ) : null}
      <ErrorSummary items={Object.entries(errors).map(([name, message]) => ({ target: `veld-${name}`, message }))} focusKey={result} />
      <section aria-labelledby="bekend" className="page-section">
        <h2 id="bekend" className="utrecht-heading-2">
          Ingestelde inlogdiensten ({page.providers.length})
        </h2>
        {page.providers.length ? (
          <DataTable caption="Inlogdiensten">
            <thead>
              <tr>
                <th scope="col">Naam en organisatie</th>
                <th scope="col">Uitgever en client-id</th>
                <th scope="col">Domeinen</th>
                <th scope="col">Geheim</th>
                <th scope="col">Wachtwoord ook</th>
                <th scope="col">
                  <span className="visually-hidden">Acties</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.providers.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.name}
                    <span className="task-list__hint">{p.organisationName}</span>
                  </th>
                  <td>
                    {p.issuer}
                    <span className="task-list__hint">{p.client_id}</span>
                  </td>
                  <td>{p.domains.join(", ")}</td>
                  <td>{p.has_stored_secret ? "Versleuteld opgeslagen" : p.secret_name ? `OIDC_SECRET_${p.secret_name}` : "Geen (publieke client)"}</td>
                  <td>{p.password_allowed ? "Ja" : "Nee"}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="provider" value={p.id} />
                      <button type="submit" name="intent" value="verwijderen" className="utrecht-button utrecht-button--secondary-action utrecht-button--small">
                        Verwijderen<span className="visually-hidden"> ({p.name})</span>
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p className="utrecht-paragraph">Nog geen: iedereen logt in met wachtwoord.</p>
        )}
      </section>
      <IdentityProviderForm
        regions={page.regions}
        municipalities={page.municipalities}
        redirectUri={page.redirectUri}
        logoutUri={page.logoutUri}
        values={result?.values ?? {}}
        errors={errors}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
