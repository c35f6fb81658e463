import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useLocation, useRouteLoaderData } from "@remix-run/react";
import { managesAccounts } from "./domain/policy.ts";
import { ROLE_LABEL } from "./domain/roles.ts";
import { startPathFor } from "./domain/user.ts";
import { GeneralErrorBoundary } from "./components/GeneralErrorBoundary.tsx";
import { optionalUser } from "./auth/guards.server.ts";
import { isPublicPicturePath } from "./domain/public-paths.ts";
import { useNonce } from "./components/nonce.tsx";
import { lookupSession } from "./auth/session.server.ts";
import { isDemoInstallation } from "./models/app-settings.server.ts";
import { SessionWarning } from "./components/SessionWarning.tsx";
import { FocusOnNavigation } from "./components/FocusOnNavigation.tsx";
import { errorTitle } from "./components/GeneralErrorBoundary.tsx";
import stylesheet from "./styles/index.css?url";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "stylesheet", href: stylesheet },
];

// A page no route matches (or an error the root catches) still has a title saying what happened.
export const meta: MetaFunction = ({ error }) => (error ? [{ title: `${errorTitle(error)} – Werken aan veiligheid` }] : []);

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The public picture reads no session: the same page for everyone, whatever cookie the browser sends.
  if (isPublicPicturePath(new URL(request.url).pathname)) {
    return { user: null, idleMinutes: context.config.sessionIdleMinutes, sessionAbsoluteEnd: null, demo: await isDemoInstallation(context.db) };
  }
  const user = await optionalUser(request, context);
  const session = await lookupSession(context, request);
  return {
    user: user && { name: user.name, roleLabel: ROLE_LABEL[user.role], startPath: startPathFor(user), managesAccounts: managesAccounts(user) },
    idleMinutes: context.config.sessionIdleMinutes,
    sessionAbsoluteEnd: session.state === "active" ? session.absoluteEnd : null,
    demo: await isDemoInstallation(context.db),
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  const nonce = useNonce();
  const { pathname } = useLocation();
  return (
    <html lang="nl" className="utrecht-html">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="voorbeeld-theme utrecht-document utrecht-body">
        <a className="utrecht-skip-link" href="#inhoud">
          Naar de inhoud
        </a>
        {data?.demo ? (
          <p className="demo-banner">
            <strong>Demo-omgeving.</strong> De accounts en gegevens hier zijn verzonnen; vul geen echte gegevens in.
          </p>
        ) : null}
        <header className="site-header">
          <div className="site-header__inner">
            <Link to={user?.startPath ?? "/"} className="site-header__title">
              Werken aan veiligheid
              <span className="site-header__subtitle">Zelfscan kwaliteitskader · Geweld hoort nergens thuis</span>
            </Link>
            {user ? (
              <div className="site-header__user">
                <Link to="/account" className="site-header__account">
                  {user.name}
                  {/* The role, unless the name already says it ("Teammanager Zaandam Oost"). */}
                  {user.name.toLowerCase().includes(user.roleLabel.toLowerCase()) ? null : <span className="site-header__role"> ({user.roleLabel})</span>}
                </Link>
                {user.managesAccounts ? (
                  <Link to="/beheer/accounts" className="site-header__account">
                    Accounts
                  </Link>
                ) : null}
                <Form method="post" action="/logout">
                  <button type="submit" className="site-header__logout">
                    Uitloggen
                  </button>
                </Form>
              </div>
            ) : null}
          </div>
        </header>
        <main id="inhoud" className="site-main" tabIndex={-1}>
          {user && data ? <SessionWarning idleMinutes={data.idleMinutes} absoluteEnd={data.sessionAbsoluteEnd} /> : null}
          {children}
        </main>
        <footer className="site-footer">
          <nav aria-label="Over deze website">
            <ul className="site-footer__links">
              <li>
                <Link className="utrecht-link" to="/toegankelijkheid">
                  Toegankelijkheidsverklaring
                </Link>
              </li>
              <li>
                <Link className="utrecht-link" to="/privacy">
                  Privacyverklaring
                </Link>
              </li>
              <li>
                <Link className="utrecht-link" to="/contact">
                  Contact en hulp
                </Link>
              </li>
            </ul>
          </nav>
          <p className="utrecht-paragraph utrecht-paragraph--small">
            Werkversie van de zelfscan bij het VNG Kwaliteitskader Werken aan veiligheid voor lokale (wijk)teams en gemeenten.
          </p>
        </footer>
        {/* The public picture is a document, not an application: no scripts, so it is the same bytes for everyone
            and the server sends it as kept (decision 92); printing is the browser's own. */}
        {isPublicPicturePath(pathname) ? null : (
          <>
            <FocusOnNavigation />
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
