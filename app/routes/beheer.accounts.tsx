import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { accountActionSchema, INVITATION_DAYS, newAccountSchema } from "../forms/accounts.ts";
import { requireAccountManager } from "../auth/guards.server.ts";
import { notFound, readFormData } from "../http/http.server.ts";
import { parseForm, type EnteredValues } from "../forms/submission.ts";
import type { FieldErrors } from "../forms/field-errors.ts";
import { createAccount, listManagedAccounts, reinvite, scopesFor, setDisabled } from "../models/accounts.server.ts";
import { NewAccountForm } from "../components/NewAccountForm.tsx";
import { AccountsTable } from "../components/AccountsTable.tsx";
import { CopyField } from "../components/CopyField.tsx";
import { Pager } from "../components/Pager.tsx";
import { pageOfList, pageParam } from "../domain/paging.ts";

export const meta: MetaFunction = () => [{ title: "Accounts – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const manager = await requireAccountManager(request, context);
  const params = new URL(request.url).searchParams;
  const search = (params.get("zoek") ?? "").trim().slice(0, 100);
  const wanted = search.toLowerCase();
  // Who may be managed is the policy's decision per account (listManagedAccounts); search and paging
  // come after it, on at most the accounts of one manager's scope.
  const managed = await listManagedAccounts(context.db, manager);
  const found = wanted ? managed.filter((a) => [a.name, a.email, a.scope].some((text) => text.toLowerCase().includes(wanted))) : managed;
  const { items, paging } = pageOfList(found, pageParam(params.get("pagina")));
  return {
    accounts: items,
    paging,
    search,
    managedCount: managed.length,
    scopes: await scopesFor(context.db, manager),
    managerRole: manager.role,
    managerId: manager.id,
  };
}

const noAccount = { created: null };

export async function action({ request, context }: ActionFunctionArgs) {
  const manager = await requireAccountManager(request, context);
  const form = await readFormData(request);
  const intent = form.get("intent");
  if (intent === "disable" || intent === "enable" || intent === "reinvite") {
    const submission = parseForm(form, accountActionSchema);
    if (!submission.ok)
      return data({ ...noAccount, errors: { form: submission.errors.account ?? "Onbekende handeling: er is niets gewijzigd." }, values: {} }, { status: 400 });
    const { account } = submission.data;
    if (intent === "reinvite") {
      const issued = await reinvite(context.db, { manager, userId: account, origin: context.config.publicOrigin });
      if (!issued) notFound();
      return { errors: {}, values: {}, created: { email: "", link: issued.link, resetOf: issued.accountInUse ? issued.email : null } };
    }
    if (!(await setDisabled(context.db, { manager, userId: account, disabled: intent === "disable" }))) notFound();
    return { ...noAccount, errors: {}, values: {} };
  }
  const submission = parseForm(form, newAccountSchema);
  if (!submission.ok) return data({ ...noAccount, errors: submission.errors, values: submission.values }, { status: 400 });
  const { name, email, role, scope } = submission.data;
  const result = await createAccount(context.db, {
    manager,
    email,
    name,
    role,
    regionId: role === "regio" || role === "veilig_thuis" ? scope : null,
    municipalityId: role === "gemeente" ? scope : null,
    teamId: role === "teammanager" ? scope : null,
    origin: context.config.publicOrigin,
  });
  if (!result.ok) return data({ ...noAccount, errors: result.errors, values: submission.values }, { status: 400 });
  return { errors: {}, values: {}, created: { email, link: result.link, resetOf: null } };
}

export default function Accounts() {
  const { accounts, paging, search, managedCount, scopes, managerId, managerRole } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: FieldErrors = actionData?.errors ?? {};
  const v: EnteredValues = actionData?.values ?? {};
  return (
    <>
      <h1 className="utrecht-heading-1">Accounts</h1>
      <p className="utrecht-paragraph lead">
        Maak accounts aan voor wie u beheert. De nieuwe gebruiker krijgt een uitnodigingslink (één keer te gebruiken, {INVITATION_DAYS} dagen geldig) en kiest
        zelf een wachtwoord.
      </p>
      {actionData?.created ? (
        <div className="notice notice--ok" role="status">
          {actionData.created.resetOf ? (
            <p>
              <strong>Nieuwe link klaar.</strong> {actionData.created.resetOf} is overal uitgelogd en krijgt daarover een e-mail, met deze link om een nieuw
              wachtwoord te kiezen:
            </p>
          ) : (
            <p>
              <strong>Uitnodiging klaar.</strong> {actionData.created.email ? `Stuur deze link aan ${actionData.created.email}` : "Stuur deze nieuwe link"} (hij
              staat ook in de uitgaande post):
            </p>
          )}
          <CopyField id="uitnodigingslink" label="Uitnodigingslink" value={actionData.created.link} />
        </div>
      ) : null}
      <ErrorSummary
        items={Object.entries(errors).map(([name, message]) => ({ target: name === "form" ? "accounts" : `veld-${name}`, message }))}
        focusKey={actionData}
      />

      <NewAccountForm
        scopes={scopes}
        values={v}
        errors={actionData?.errors ?? {}}
        formKey={actionData?.created?.link ?? "nieuw"}
        busy={navigation.state === "submitting"}
      />

      <section aria-labelledby="accounts" className="page-section">
        <h2 id="accounts" className="utrecht-heading-2" tabIndex={-1}>
          Accounts die u beheert ({managedCount})
        </h2>
        <Form method="get" className="inline-actions" role="search" aria-label="Accounts zoeken">
          <label className="utrecht-form-label" htmlFor="zoek">
            Zoek een account
          </label>
          <span className="field-hint" id="zoek-hint">
            Op naam, adres of onderdeel
          </span>
          <input
            id="zoek"
            name="zoek"
            type="search"
            className="utrecht-textbox utrecht-textbox--html-input"
            defaultValue={search}
            aria-describedby="zoek-hint"
          />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            Zoeken
          </button>
        </Form>
        <Pager paging={paging} noun={["account", "accounts"]} hrefFor={(page) => `?${new URLSearchParams({ zoek: search, pagina: String(page) })}`} />
        <AccountsTable accounts={accounts} managerId={managerId} removesSecondFactors={managerRole === "programma"} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
