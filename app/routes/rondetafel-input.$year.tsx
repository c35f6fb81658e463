import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireRole } from "../auth/guards.server.ts";
import { formatDate } from "../domain/format.ts";
import { startPathFor } from "../domain/user.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { responsePath } from "../questionnaire/paths.ts";
import { notFound } from "../http/http.server.ts";
import { beginInput, inputStart } from "../services/round-table-input.server.ts";

// The team's or gemeente's input for the round-table talk of a year. Opening it (GET) never writes: begun
// input opens, otherwise the page offers to begin, which is a POST. Asked of another region, or not at
// all: not found.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Input voor het rondetafelgesprek ${data.year} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

async function startOf(request: Request, context: LoaderFunctionArgs["context"], yearParam: string | undefined) {
  const user = await requireRole(request, context, ["teammanager", "gemeente"]);
  const year = parseYear(yearParam);
  if (!year) notFound();
  const start = await inputStart(context.db, user, year);
  if (start.state === "not-asked") notFound();
  if (start.state === "started") throw redirect(responsePath(start.responseId));
  return { user, year, start };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, year, start } = await startOf(request, context, params.year);
  return { year, name: start.name, deadline: start.deadline, closed: start.state === "closed" ? start.reason : null, startPath: startPathFor(user) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, start } = await startOf(request, context, params.year);
  if (start.state === "closed") return data({ error: start.reason }, { status: 409 });
  throw redirect(responsePath(await beginInput(context.db, user, start)));
}

export default function StartInput() {
  const { year, name, deadline, closed, startPath } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const reason = actionData?.error ?? closed;
  return (
    <>
      <h1 className="utrecht-heading-1">Input voor het rondetafelgesprek {year}</h1>
      <p className="utrecht-paragraph lead">
        {name} · graag vóór {formatDate(deadline)}
      </p>
      <p className="utrecht-paragraph">
        Elk jaar spreekt het landelijke programma Geweld hoort nergens thuis met elke regio in een rondetafelgesprek. Vooraf vragen we de lokale (wijk)teams en
        gemeenten wat goed gaat, wat knelt en wat zij nodig hebben. Het zijn een paar korte vragen; u kunt tussendoor stoppen en later verder. Het programma en
        de regio lezen uw antwoorden met de naam van {name.startsWith("Gemeente") ? "uw gemeente" : "uw team"} erbij.
      </p>
      {reason ? (
        <div className="notice notice--warn" role="alert">
          <p>{reason}</p>
        </div>
      ) : (
        <Form method="post">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
            Input geven
          </button>
        </Form>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={startPath}>
          Terug naar de startpagina
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
