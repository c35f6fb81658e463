// Rules for what the product mails. A link that acts as a credential (an invitation, a password reset)
// must not stay readable where the database or a backup can be read; mail to the demo's addresses must
// never leave the machine.

/** Paths whose last part is a single-use token: whoever holds the link can act as its owner. */
export const CREDENTIAL_LINK_PATHS = ["uitnodiging", "wachtwoord-herstellen", "bijdrage"] as const;

const CREDENTIAL_LINK = new RegExp(`(?:https?://[^\\s/]+)?/(?:${CREDENTIAL_LINK_PATHS.join("|")})/[A-Za-z0-9_-]{20,}`, "g");

/** What a stored mail says where its credential link was. */
export const LINK_REMOVED = "[link verwijderd]";

/** A mail's text with every credential link taken out: what the outbox keeps once a mail is sent or held. */
export function withoutCredentialLinks(body: string): string {
  return body.replace(CREDENTIAL_LINK, LINK_REMOVED);
}

/** A request path with its credential token replaced, for the request log. */
export function pathWithoutToken(path: string): string {
  return path.replace(new RegExp(`^/(${CREDENTIAL_LINK_PATHS.join("|")})/[^/]+`), "/$1/…");
}

/** The demo's accounts live under this domain, reserved by RFC 2606: no mail server accepts it. */
export const DEMO_EMAIL_DOMAIN = "demo.example";

/** An address at a domain reserved for examples and tests (RFC 2606, RFC 6761): never mailed. */
export function isReservedAddress(email: string): boolean {
  const domain = email.slice(email.lastIndexOf("@") + 1).toLowerCase();
  return /(^|\.)(example|invalid|test|localhost)$/.test(domain) || /^(.+\.)?example\.(com|net|org)$/.test(domain);
}
