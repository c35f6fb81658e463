import type { AppLoadContext } from "@remix-run/node";
import type { UserAccount } from "../../db/schema.ts";
import {
  createLoginChallenge,
  endLoginChallenge,
  findLoginChallenge,
  hasSecondFactor,
  LOGIN_CHALLENGE_MINUTES,
  secondFactorOf,
} from "../models/second-factor.server.ts";
import { audit, type Changes } from "../models/audit.server.ts";
import { mustHaveSecondFactor } from "../domain/policy.ts";
import { createSession, destroySession } from "./session.server.ts";
import { type CookieConfig, cookieHeader, readCookie } from "./cookies.server.ts";

/**
 * Between password and session (decision 90): who has an authenticator app, or whose role must have one, is not
 * signed in after the password. The browser gets a cookie with a challenge token (10 minutes, HttpOnly, the
 * __Host- prefix over HTTPS) and the second step (/login/tweede-stap) asks the code, or leads to setting the app up.
 */
const CHALLENGE_COOKIE = "wav_tweede_stap";

export const clearChallengeCookie = (config: CookieConfig) => cookieHeader(config, CHALLENGE_COOKIE, "", 0);

/** What the person must do after the password: give a code ("code"), set an app up ("setup"), or nothing. */
export async function secondStepFor(context: AppLoadContext, user: Pick<UserAccount, "id" | "role">): Promise<"code" | "setup" | null> {
  if (hasSecondFactor(await secondFactorOf(context.db, user.id))) return "code";
  return mustHaveSecondFactor(context.config.secondFactorRoles, user.role) ? "setup" : null;
}

/** Starts the second step: the Set-Cookie of its challenge. */
export async function startSecondStep(context: AppLoadContext, userId: number, redirectTo: string, identityProviderId: number | null = null): Promise<string> {
  const token = await createLoginChallenge(context.db, userId, redirectTo, identityProviderId);
  return cookieHeader(context.config, CHALLENGE_COOKIE, token, LOGIN_CHALLENGE_MINUTES * 60);
}

/** The challenge this browser is in the middle of, or null (none, expired, or already finished). */
export async function currentChallenge(context: AppLoadContext, request: Request) {
  const token = readCookie(request, context.config, CHALLENGE_COOKIE);
  const challenge = token ? await findLoginChallenge(context.db, token) : undefined;
  return challenge && token ? { ...challenge, token } : null;
}

/**
 * Signs the person in: a new session (the browser's old one ends: no session fixation), the audit log saying
 * how. With a challenge token, only the request that ends the challenge signs in (the same code posted twice at
 * once gives one session). The Set-Cookie headers to send, or null when the challenge was already used.
 */
/** The first step (password or the organisation's provider), and the second where there was one. */
export type SignInMethod = `${"wachtwoord" | "organisatie"}${"" | "+authenticator" | "+herstelcode" | "+passkey"}`;

export async function signIn(
  context: AppLoadContext,
  request: Request,
  userId: number,
  how: { method: SignInMethod; challengeToken?: string; provider?: { id: number; name: string } | null },
): Promise<string[] | null> {
  const { method, challengeToken, provider } = how;
  if (challengeToken && !(await endLoginChallenge(context.db, challengeToken))) return null;
  await destroySession(context, request);
  const cookie = await createSession(context, userId, new Date(), provider?.id ?? null);
  const changes: Changes = provider ? { method: [null, method], provider: [null, provider.name] } : { method: [null, method] };
  await audit(context.db, { actorId: userId, action: "login", entity: "session", changes, address: context.clientAddress });
  return challengeToken ? [cookie, clearChallengeCookie(context.config)] : [cookie];
}
