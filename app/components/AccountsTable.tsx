import { Form, Link } from "@remix-run/react";
import type { Role } from "../../db/schema.ts";
import { formatDateTime } from "../domain/format.ts";
import { ROLE_LABEL } from "../domain/roles.ts";
import { DataTable } from "./DataTable.tsx";

interface ManagedAccount {
  id: number;
  name: string;
  email: string;
  role: Role;
  scope: string;
  disabled_at: string | null;
  invited: boolean;
  second_factor_at: string | null;
  passkeys: number | string | bigint | null;
}

const hasFactor = (a: ManagedAccount) => Boolean(a.second_factor_at) || Number(a.passkeys) > 0;

/** The accounts a manager manages: who, where, their state, and what the manager can do for each. */
export function AccountsTable({ accounts, managerId, removesSecondFactors }: { accounts: ManagedAccount[]; managerId: number; removesSecondFactors: boolean }) {
  return (
    <DataTable caption="Accounts die u beheert">
      <thead>
        <tr>
          <th scope="col">Naam en e-mailadres</th>
          <th scope="col">Rol en onderdeel</th>
          <th scope="col">Stand</th>
          <th scope="col">
            <span className="visually-hidden">Acties</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr key={a.id}>
            <th scope="row">
              {a.name}
              <span className="task-list__hint">{a.email}</span>
            </th>
            <td>
              {ROLE_LABEL[a.role]}
              <span className="task-list__hint">{a.scope}</span>
            </td>
            <td>
              {a.disabled_at ? `Uitgeschakeld sinds ${formatDateTime(a.disabled_at)}` : a.invited ? "Uitgenodigd" : "Actief"}
              {hasFactor(a) ? (
                <span className="task-list__hint">
                  Met tweede stap ({[a.second_factor_at ? "authenticator-app" : "", Number(a.passkeys) ? "passkey" : ""].filter(Boolean).join(" en ")})
                </span>
              ) : null}
            </td>
            <td>
              {a.id === managerId ? null : (
                <Form method="post" className="inline-actions">
                  <input type="hidden" name="account" value={a.id} />
                  {!a.disabled_at ? (
                    <button type="submit" name="intent" value="reinvite" className="utrecht-button utrecht-button--secondary-action utrecht-button--small">
                      {a.invited ? "Nieuwe link" : "Nieuwe wachtwoordlink"}
                      <span className="visually-hidden"> voor {a.email}</span>
                    </button>
                  ) : null}
                  <button
                    type="submit"
                    name="intent"
                    value={a.disabled_at ? "enable" : "disable"}
                    className="utrecht-button utrecht-button--secondary-action utrecht-button--small"
                  >
                    {a.disabled_at ? "Inschakelen" : "Uitschakelen"}
                    <span className="visually-hidden"> ({a.email})</span>
                  </button>
                  {removesSecondFactors && hasFactor(a) ? (
                    <Link className="utrecht-link" to={`/beheer/accounts/${a.id}/tweede-stap`}>
                      Tweede stap verwijderen<span className="visually-hidden"> van {a.email}</span>
                    </Link>
                  ) : null}
                </Form>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
