import { Link } from "@remix-run/react";

/** What the login page says about how the visitor got there: an expired session, a logout, a reset, a refusal. */
export function LoginNotices({
  expired,
  loggedOut,
  passwordReset,
  stepExpired,
  organisationRefusal,
  organisationLogout,
  leaving,
}: {
  expired: boolean;
  loggedOut: boolean;
  passwordReset: boolean;
  stepExpired: boolean;
  organisationRefusal: string | null;
  /** The organisation's own logout, offered after logging out of a session that began there. */
  organisationLogout: { name: string; url: string } | null;
  /** On the way to the organisation's provider: the link, for a browser without JavaScript. */
  leaving: { name: string; url: string } | null;
}) {
  return (
    <>
      {leaving ? (
        <div className="notice notice--ok" role="status">
          <p>
            U logt in met uw organisatieaccount.{" "}
            <a className="utrecht-link" href={leaving.url}>
              Verder naar de inlogdienst van {leaving.name}
            </a>
          </p>
        </div>
      ) : null}
      {expired ? (
        <div className="notice notice--warn" role="status">
          <p>
            <strong>Uw sessie is verlopen.</strong> Log opnieuw in. U komt terug op de pagina waar u was; antwoorden in een vragenlijst die u had verstuurd,
            zijn bewaard.
          </p>
        </div>
      ) : null}
      {loggedOut ? (
        <div className="notice notice--ok" role="status">
          <p>U bent uitgelogd.</p>
          {organisationLogout ? (
            <p>
              U logde in met uw organisatieaccount.{" "}
              <a className="utrecht-link" href={organisationLogout.url}>
                Ook uitloggen bij {organisationLogout.name}
              </a>
            </p>
          ) : null}
        </div>
      ) : null}
      {stepExpired ? (
        <div className="notice notice--warn" role="status">
          <p>De tweede stap bij inloggen is verlopen of al afgerond. Log opnieuw in.</p>
        </div>
      ) : null}
      {organisationRefusal ? (
        <div className="notice notice--warn" role="status">
          <p>{organisationRefusal}</p>
        </div>
      ) : null}
      {passwordReset ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Uw wachtwoord is gewijzigd.</strong> U bent overal uitgelogd. Log in met uw nieuwe wachtwoord.
          </p>
        </div>
      ) : null}
    </>
  );
}

/** Under the login form: a new password, and what anyone may read without an account. */
export function LoginLinks() {
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/wachtwoord-vergeten">
          Wachtwoord vergeten?
        </Link>
      </p>
      <p className="utrecht-paragraph">
        Zonder account:{" "}
        <Link className="utrecht-link" to="/cijfers" reloadDocument>
          het landelijk beeld van Geweld hoort nergens thuis
        </Link>
        , per jaar.
      </p>
    </>
  );
}
