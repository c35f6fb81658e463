import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: { title: "Dit verzoek klopt niet", text: "De gegevens die zijn verstuurd kunnen we niet verwerken." },
  403: { title: "Geen toegang", text: "U bent ingelogd, maar u mag dit niet doen." },
  404: { title: "Pagina niet gevonden", text: "Deze pagina bestaat niet, of u heeft er geen toegang toe." },
  405: { title: "Dit kan hier niet", text: "Deze pagina ondersteunt deze handeling niet." },
  409: { title: "Inmiddels gewijzigd", text: "Iemand anders heeft dit intussen gewijzigd. Laad de pagina opnieuw." },
  413: { title: "Te veel gegevens", text: "Wat u verstuurde is te groot." },
  415: { title: "Onbekend formaat", text: "Verstuur het formulier vanaf de pagina zelf." },
  503: { title: "Even te druk", text: "Het is nu erg druk. Probeer het over een paar seconden opnieuw." },
};

/** The heading (and page title) for an error: by its status, in Dutch. */
export function errorTitle(error: unknown): string {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return MESSAGES[status]?.title ?? "Er ging iets mis";
}

/** One boundary renders every status in Dutch; routes export it as their ErrorBoundary. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = MESSAGES[status];
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" && status !== 404 ? error.data : null;
  return (
    <section aria-labelledby="error-title" className="page-section">
      <h1 id="error-title" className="utrecht-heading-1">
        {known?.title ?? "Er ging iets mis"}
      </h1>
      <p className="utrecht-paragraph">{detail ?? known?.text ?? "Probeer het later opnieuw. Wat u had opgeslagen, is bewaard."}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/">
          Naar de startpagina
        </Link>
      </p>
    </section>
  );
}
