import type { AppLoadContext } from "@remix-run/node";

/**
 * The three cookies of signing in (session, second step, organisation sign-in state) follow one shape: HttpOnly,
 * SameSite=Lax (the provider's redirect back is a top-level GET from another site, which Lax lets through),
 * the whole site, and behind HTTPS the `__Host-` prefix with Secure, so no subdomain or plain page can set one.
 */
export type CookieConfig = Pick<AppLoadContext["config"], "secureCookies">;

/** A random token as this application makes them: 32 bytes in base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const cookieName = (config: CookieConfig, name: string) => (config.secureCookies ? `__Host-${name}` : name);

/** The Set-Cookie value; `maxAgeSeconds` 0 clears it. */
export function cookieHeader(config: CookieConfig, name: string, value: string, maxAgeSeconds: number): string {
  const parts = [`${cookieName(config, name)}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (config.secureCookies) parts.push("Secure");
  return parts.join("; ");
}

/** The cookie's token when the request carries one in the form this application makes them, else null. */
export function readCookie(request: Request, config: CookieConfig, name: string): string | null {
  const wanted = cookieName(config, name);
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === wanted) {
      const value = rest.join("=");
      return TOKEN_PATTERN.test(value) ? value : null;
    }
  }
  return null;
}
