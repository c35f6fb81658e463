import type { AppLoadContext } from "@remix-run/node";
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { findPasskey, passkeyCredentials, recordPasskeyUse, storePasskey, storeWebauthnChallenge, takeWebauthnChallenge } from "../models/passkeys.server.ts";
import { attemptSucceeded, claimAttempt } from "../models/login-throttle.server.ts";
import { secondFactorRules } from "./second-factor.server.ts";

/**
 * Passkeys as a second factor (decision 90), through `@simplewebauthn/server`: the relying party is this
 * installation's public origin (APP_ORIGIN) and its host name, never a request header. Registration asks no
 * attestation (the product trusts any authenticator the person chooses); every ceremony's challenge is stored
 * server-side and taken once.
 */

type Ctx = Pick<AppLoadContext, "db" | "config">;

const relyingParty = (config: Ctx["config"]) => ({ origin: config.publicOrigin, id: new URL(config.publicOrigin).hostname });

export async function passkeyRegistrationOptions(context: Ctx, user: { id: number; email: string; name: string }) {
  const options = await generateRegistrationOptions({
    rpName: "Werken aan veiligheid",
    rpID: relyingParty(context.config).id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(`wav-${user.id}`),
    attestationType: "none",
    excludeCredentials: await passkeyCredentials(context.db, user.id),
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await storeWebauthnChallenge(context.db, user.id, "registreren", options.challenge);
  return options;
}

/** Verifies a new passkey's registration and keeps it; false when it does not verify (or its challenge was used). */
export async function registerPasskey(context: Ctx, userId: number, response: RegistrationResponseJSON, name: string): Promise<boolean> {
  const challenge = await takeWebauthnChallenge(context.db, userId, "registreren");
  if (!challenge) return false;
  const rp = relyingParty(context.config);
  try {
    const { verified, registrationInfo } = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
    });
    if (!verified) return false;
    const { credential } = registrationInfo;
    await storePasskey(context.db, {
      userId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name,
      now: new Date(),
    });
    return true;
  } catch {
    return false;
  }
}

export async function passkeySignInOptions(context: Ctx, userId: number) {
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(context.config).id,
    allowCredentials: await passkeyCredentials(context.db, userId),
    userVerification: "preferred",
  });
  await storeWebauthnChallenge(context.db, userId, "inloggen", options.challenge);
  return options;
}

/** Checks a passkey's answer at the second step, throttled like a code; a repeated counter (a cloned key) is refused. */
export async function checkPasskey(context: Ctx, userId: number, response: AuthenticationResponseJSON): Promise<{ ok: boolean; waitMs?: number }> {
  const rules = secondFactorRules(userId);
  const claim = await claimAttempt(context.db, rules);
  if (!claim.ok) return { ok: false, waitMs: claim.waitMs };
  const challenge = await takeWebauthnChallenge(context.db, userId, "inloggen");
  const passkey = typeof response?.id === "string" ? await findPasskey(context.db, userId, response.id) : undefined;
  if (!challenge || !passkey) return { ok: false };
  const rp = relyingParty(context.config);
  try {
    const { verified, authenticationInfo } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.credential_id,
        publicKey: new Uint8Array(Buffer.from(passkey.public_key, "base64url")),
        counter: passkey.counter,
        transports: passkey.transports?.split(","),
      },
    });
    if (!verified || !(await recordPasskeyUse(context.db, passkey.id, passkey.counter, authenticationInfo.newCounter, new Date()))) return { ok: false };
  } catch {
    return { ok: false };
  }
  await attemptSucceeded(context.db, rules);
  return { ok: true };
}
