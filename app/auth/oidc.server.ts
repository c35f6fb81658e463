import type { AppLoadContext } from "@remix-run/node";
import * as client from "openid-client";
import { open, seal } from "./secret-box.server.ts";
import { type CookieConfig, cookieHeader, readCookie } from "./cookies.server.ts";
import { domainOf, type OrganisationRefusal } from "../domain/sign-in.ts";
import {
  accountWithinProvider,
  createIdentityProvider,
  getIdentityProvider,
  OIDC_LOGIN_MINUTES,
  providerCoversDomain,
  providerForEmail,
  storeOidcLogin,
  takeOidcLogin,
  type IdentityProvider,
  type NewIdentityProvider,
} from "../models/identity-providers.server.ts";

/**
 * Signing in with an organisation's account (decision 91): OpenID Connect's authorization code flow with PKCE,
 * state and nonce, through `openid-client`, which checks the ID token's signature, issuer, audience, expiry and
 * nonce (and the `iss` of the answer where the provider sends it). The state also sits in a short-lived cookie,
 * so a callback another browser started signs nobody in. Nothing of the provider's answer is logged: a failure
 * is reported by its kind only.
 */

type Ctx = Pick<AppLoadContext, "db" | "config">;

/** Where providers send the browser back: built from APP_ORIGIN, never from a request header. */
export const CALLBACK_PATH = "/login/organisatie";
const callbackUrl = (config: Ctx["config"]) => new URL(CALLBACK_PATH, config.publicOrigin).href;
const STATE_COOKIE = "wav_organisatie";
/** Seconds a provider may take to answer the product (discovery, token). */
const PROVIDER_TIMEOUT_SECONDS = 10;
/** Discovery is kept for an hour per process: a provider's keys and endpoints rarely change. */
const DISCOVERY_TTL_MS = 3_600_000;

const LOOPBACK_ISSUER = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/;

const discovered = new Map<string, { at: number; configuration: Promise<client.Configuration> }>();

/** The provider's client secret: sealed in its row, or configured as OIDC_SECRET_<NAME>; none for a public client. */
function secretOf(provider: IdentityProvider, config: Ctx["config"]): string | undefined {
  if (provider.client_secret) return open(config.secretKey, provider.client_secret);
  return provider.secret_name ? config.oidcSecrets[provider.secret_name] : undefined;
}

/** The provider's configuration (its discovery document with the client), or a rejection when it cannot be reached. */
export function configurationFor(provider: Pick<IdentityProvider, "id" | "issuer" | "client_id" | "client_secret" | "secret_name">, config: Ctx["config"]) {
  const key = `${provider.id}|${provider.issuer}|${provider.client_id}`;
  const cached = discovered.get(key);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached.configuration;
  const secret = secretOf(provider as IdentityProvider, config);
  const configuration = client.discovery(new URL(provider.issuer), provider.client_id, undefined, secret ? client.ClientSecretPost(secret) : client.None(), {
    // The ID token's signature is checked against the provider's published keys too (not only TLS to its token
    // endpoint): a token signed by anyone else is refused. Plain HTTP only for a provider on this machine (tests,
    // a local trial); anything else must be HTTPS.
    execute: [client.enableNonRepudiationChecks, ...(LOOPBACK_ISSUER.test(provider.issuer) ? [client.allowInsecureRequests] : [])],
    timeout: PROVIDER_TIMEOUT_SECONDS,
  });
  discovered.set(key, { at: Date.now(), configuration });
  configuration.catch(() => discovered.delete(key));
  return configuration;
}

export const clearStateCookie = (config: CookieConfig) => cookieHeader(config, STATE_COOKIE, "", 0);

/** Sends the person to their provider: the address to go to and the state cookie. Rejects when the provider is unreachable. */
export async function beginOrganisationSignIn(context: Ctx, provider: IdentityProvider, email: string, redirectTo: string) {
  const configuration = await configurationFor(provider, context.config);
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  await storeOidcLogin(context.db, { providerId: provider.id, state, nonce, sealedVerifier: seal(context.config.secretKey, verifier), redirectTo });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: callbackUrl(context.config),
    scope: "openid email profile",
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: email,
  });
  return { url: url.href, cookie: cookieHeader(context.config, STATE_COOKIE, state, OIDC_LOGIN_MINUTES * 60) };
}

export type OrganisationSignIn =
  { ok: true; userId: number; provider: IdentityProvider; redirectTo: string } | { ok: false; refusal: OrganisationRefusal; provider?: IdentityProvider };

/** The provider's answer at the callback, checked; the person's account, or why not. */
export async function finishOrganisationSignIn(context: Ctx, request: Request): Promise<OrganisationSignIn> {
  const query = new URL(request.url).searchParams;
  const state = query.get("state");
  const cookieState = readCookie(request, context.config, STATE_COOKIE);
  // Only the browser that left for the provider comes back: the state in the cookie must be the one returned.
  if (!state || !cookieState || state !== cookieState) return { ok: false, refusal: "state" };
  const login = await takeOidcLogin(context.db, state);
  const provider = login ? await getIdentityProvider(context.db, login.provider_id) : undefined;
  if (!login || !provider) return { ok: false, refusal: "state" };
  if (query.has("error")) return { ok: false, refusal: "cancelled", provider };
  let configuration: client.Configuration;
  try {
    configuration = await configurationFor(provider, context.config);
  } catch {
    return { ok: false, refusal: "unreachable", provider };
  }
  let person: Record<string, unknown> | undefined;
  try {
    const tokens = await client.authorizationCodeGrant(configuration, new URL(`${CALLBACK_PATH}?${query}`, context.config.publicOrigin), {
      pkceCodeVerifier: open(context.config.secretKey, login.code_verifier),
      expectedState: state,
      expectedNonce: login.nonce,
      idTokenExpected: true,
    });
    const claims = tokens.claims()!;
    person = claims;
    // A provider may give the address only at its userinfo endpoint (claims asked by scope, OIDC Core 5.4);
    // that answer must be about the same subject as the ID token.
    if (claims.email === undefined && configuration.serverMetadata().userinfo_endpoint) {
      person = await client.fetchUserInfo(configuration, tokens.access_token, claims.sub);
    }
  } catch {
    // The library's message may quote the provider's answer: it is not logged, only its kind counted.
    return { ok: false, refusal: "token", provider };
  }
  const email = typeof person?.email === "string" ? person.email : "";
  // Verified: the standard claim, or Microsoft Entra ID's own for it ("e-mail domain owner verified"), which
  // Entra sends instead of email_verified.
  const verified = person?.email_verified === true || person?.xms_edov === true || person?.xms_edov === "1";
  if (!email || !verified) return { ok: false, refusal: "unverified", provider };
  // A provider speaks only for the domains it was registered for.
  if (!(await providerCoversDomain(context.db, provider.id, domainOf(email)))) return { ok: false, refusal: "outside", provider };
  const found = await accountWithinProvider(context.db, provider, email);
  if ("refusal" in found) return { ok: false, refusal: found.refusal!, provider };
  return { ok: true, userId: found.account.id, provider, redirectTo: login.redirect_to };
}

/** After logging out of a session that began at this provider: its own logout page, where it has one (else null). */
export async function organisationLogout(context: Ctx, providerParam: string | null): Promise<{ name: string; url: string } | null> {
  const provider = providerParam && /^\d+$/.test(providerParam) ? await getIdentityProvider(context.db, Number(providerParam)) : undefined;
  const url = provider ? await providerLogoutUrl(context, provider) : null;
  return provider && url ? { name: provider.name, url } : null;
}

async function providerLogoutUrl(context: Ctx, provider: IdentityProvider): Promise<string | null> {
  try {
    const configuration = await configurationFor(provider, context.config);
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, {
      client_id: provider.client_id,
      post_logout_redirect_uri: new URL("/login?uitgelogd=1", context.config.publicOrigin).href,
    }).href;
  } catch {
    return null;
  }
}

/**
 * The provider to send a login to: the one covering the address's domain, unless it lets passwords in and
 * one was typed. Null: the password decides.
 */
export async function organisationForLogin(context: Ctx, email: string, password: string): Promise<IdentityProvider | null> {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email.trim())) return null;
  const provider = await providerForEmail(context.db, email);
  if (!provider || (provider.password_allowed === 1 && password !== "")) return null;
  return provider;
}

/**
 * Registers a provider for programma: the issuer must answer as an OpenID Provider (its discovery document,
 * with the issuer it names), a configured secret must exist, a typed secret is stored sealed.
 */
export async function registerProvider(
  context: Ctx,
  input: Omit<NewIdentityProvider, "sealedSecret"> & { secret: string },
  actorId: number,
): Promise<{ ok: true; id: number } | { ok: false; errors: Record<string, string> }> {
  if (input.secretName && !context.config.oidcSecrets[input.secretName]) {
    return { ok: false, errors: { secretName: `OIDC_SECRET_${input.secretName} is niet ingesteld op deze server.` } };
  }
  try {
    await client.discovery(new URL(input.issuer), input.clientId, undefined, client.None(), {
      execute: LOOPBACK_ISSUER.test(input.issuer) ? [client.allowInsecureRequests] : [],
      timeout: PROVIDER_TIMEOUT_SECONDS,
    });
  } catch {
    return { ok: false, errors: { issuer: "Dit adres antwoordt niet als OpenID Provider (of noemt een andere uitgever). Controleer het adres." } };
  }
  const { secret, ...rest } = input;
  return createIdentityProvider(context.db, { ...rest, sealedSecret: secret ? seal(context.config.secretKey, secret) : null }, actorId);
}
