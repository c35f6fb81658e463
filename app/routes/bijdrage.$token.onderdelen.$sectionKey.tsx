import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { readFormData } from "../http/http.server.ts";
import { sectionHeading } from "../questionnaire/definition.ts";
import { SectionForm } from "../questionnaire/ui/SectionForm.tsx";
import { professionalSectionForm, requireOpenLink, requireProfessionalSection, saveProfessionalSection } from "../services/professional-pages.server.ts";

// One section of a professional's view: the team zelfscan's own form (it saves as they go with JavaScript,
// and works as a plain form without), stored in their draft.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${sectionHeading(data.section)} – Uw kijk op ${data.teamName} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const link = await requireOpenLink(context.db, params.token, context.clientAddress ?? "onbekend");
  const section = requireProfessionalSection(link, params.sectionKey);
  const index = link.definition.sections.indexOf(section);
  return {
    token: link.token,
    teamName: link.teamName,
    section,
    position: { index: index + 1, count: link.definition.sections.length },
    previous: link.definition.sections[index - 1]?.key ?? null,
    next: link.definition.sections[index + 1]?.key ?? null,
    form: await professionalSectionForm(context.db, link, section),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = await requireOpenLink(context.db, params.token, context.clientAddress ?? "onbekend");
  const section = requireProfessionalSection(link, params.sectionKey);
  const outcome = await saveProfessionalSection(context.db, link, section, await readFormData(request));
  if (outcome.kind !== "saved") return data({ ...outcome, savedAt: outcome.kind === "partial" ? outcome.savedAt : null }, { status: outcome.status });
  const base = `/bijdrage/${link.token}`;
  const index = link.definition.sections.indexOf(section);
  switch (outcome.intent) {
    case "autosave":
      return { kind: outcome.kind, revision: outcome.revision, savedAt: outcome.savedAt, errors: {}, values: null, conflicts: [] };
    case "next": {
      const next = link.definition.sections[index + 1];
      throw redirect(next ? `${base}/onderdelen/${next.key}` : `${base}/indienen`);
    }
    case "previous": {
      const previous = link.definition.sections[index - 1];
      throw redirect(previous ? `${base}/onderdelen/${previous.key}` : base);
    }
    case "overview":
      throw redirect(base);
    default:
      throw redirect(`${base}/onderdelen/${section.key}?opgeslagen=1`);
  }
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export default function ProfessionalSection() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const base = `/bijdrage/${page.token}`;
  return (
    <>
      <Breadcrumbs items={[{ to: base, label: `Uw kijk op ${page.teamName}` }, { label: sectionHeading(page.section) }]} />
      <p className="muted">
        Onderdeel {page.position.index} van {page.position.count}
      </p>
      <h1 className="utrecht-heading-1">{sectionHeading(page.section)}</h1>
      {page.section.intro ? <p className="utrecht-paragraph lead">{page.section.intro}</p> : null}
      <SectionForm
        key={page.section.key}
        definition={page.form.definition}
        section={page.section}
        values={actionData?.values ?? page.form.values}
        context={page.form.context}
        revision={actionData?.revision ?? page.form.revision}
        serverErrors={actionData?.errors ?? {}}
        conflicts={[]}
        checkMode={false}
        restoredAt={null}
        savedNotice={false}
        actionKey={actionData}
        hasNext={page.next !== null}
        hasPrevious={page.previous !== null}
        refused={actionData && actionData.kind !== "saved" ? actionData.kind : undefined}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
