import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { ReminderConfirmation } from "../components/ZelfscanReminder.tsx";
import { requireRegionLead, requireUser } from "../auth/guards.server.ts";
import { reminderQuery } from "../domain/reminders.ts";
import { reminderPage, sendZelfscanReminders } from "../services/zelfscan-reminders.server.ts";

// The regio (or programma) reminds the gemeenten and teams of the region that have not submitted the
// zelfscan: first who would get a reminder, then the reminder (decision 88).

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Herinneren – regio ${data.region.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

async function ledRegion(request: Request, context: AppLoadContext, params: { regionId?: string }) {
  const user = await requireUser(request, context);
  return { user, region: await requireRegionLead(context, user, params.regionId) };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, region } = await ledRegion(request, context, params);
  return { region, isProgramma: user.role === "programma", page: await reminderPage(context.db, { regionId: region.id }, region.id) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, region } = await ledRegion(request, context, params);
  const result = await sendZelfscanReminders(context.db, {
    userId: user.id,
    scope: { regionId: region.id },
    scopeName: region.name,
    // The reminder says who asks: the region's lead, or the programme when it sends one for the region.
    from: user.role === "programma" ? "Het programma Geweld hoort nergens thuis" : `Regio ${region.name}`,
    regionId: region.id,
    origin: context.config.publicOrigin,
  });
  if (!result.ok) return data({ error: result.message }, { status: 409 });
  throw redirect(`/regios/${region.id}?${reminderQuery(result.outcome)}#voortgang`);
}

export default function RemindRegionPage() {
  const { region, isProgramma, page } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const back = `/regios/${region.id}`;
  const crumbs = [{ to: back, label: `Regio ${region.name}` }, { label: "Herinneren" }];
  return (
    <>
      <Breadcrumbs items={isProgramma ? [{ to: "/programma", label: "Landelijk overzicht" }, ...crumbs] : crumbs} />
      <h1 className="utrecht-heading-1">Gemeenten en teams herinneren aan de zelfscan</h1>
      <ReminderConfirmation {...page} back={back} busy={navigation.state === "submitting"} error={actionData?.error ?? null} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
