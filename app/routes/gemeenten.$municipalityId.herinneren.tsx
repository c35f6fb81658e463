import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { ReminderConfirmation } from "../components/ZelfscanReminder.tsx";
import { requireMunicipalityAccess, requireUser } from "../auth/guards.server.ts";
import { mayRemindZelfscan } from "../domain/policy.ts";
import { reminderQuery } from "../domain/reminders.ts";
import { notFound } from "../http/http.server.ts";
import { reminderPage, sendZelfscanReminders } from "../services/zelfscan-reminders.server.ts";

// The gemeente reminds its teams that have not submitted the zelfscan: first who would get a reminder, then
// the reminder (decision 88). Only the gemeente itself: the regio reminds from its own page.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Teams herinneren – gemeente ${data.municipality.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

async function ownMunicipality(request: Request, context: AppLoadContext, params: { municipalityId?: string }) {
  const user = await requireUser(request, context);
  const municipality = await requireMunicipalityAccess(context, user, params.municipalityId);
  if (!mayRemindZelfscan(user, { municipalityId: municipality.id })) notFound();
  return { user, municipality };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { municipality } = await ownMunicipality(request, context, params);
  return { municipality, page: await reminderPage(context.db, { municipalityId: municipality.id }, municipality.region_id) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, municipality } = await ownMunicipality(request, context, params);
  const result = await sendZelfscanReminders(context.db, {
    userId: user.id,
    scope: { municipalityId: municipality.id },
    scopeName: municipality.name,
    from: `Gemeente ${municipality.name}`,
    regionId: municipality.region_id,
    origin: context.config.publicOrigin,
  });
  if (!result.ok) return data({ error: result.message }, { status: 409 });
  throw redirect(`/gemeenten/${municipality.id}?${reminderQuery(result.outcome)}#teams`);
}

export default function RemindTeamsPage() {
  const { municipality, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const back = `/gemeenten/${municipality.id}`;
  return (
    <>
      <Breadcrumbs items={[{ to: back, label: `Gemeente ${municipality.name}` }, { label: "Teams herinneren" }]} />
      <h1 className="utrecht-heading-1">Teams herinneren aan de zelfscan</h1>
      <ReminderConfirmation {...page} back={back} busy={navigation.state === "submitting"} error={actionData?.error ?? null} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
