import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/**
 * Authenticator apps (TOTP, RFC 6238) through `otpauth`: SHA-1, six digits, 30-second steps, which every
 * app reads. A code of the previous or next step is accepted too (a phone's clock a little off, or a code
 * typed as it changed); which step matched is returned, so the caller can refuse a step used before.
 */
const PERIOD_SECONDS = 30;
const ISSUER = "Werken aan veiligheid";

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totpFor = (secret: string, label = "") => new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS });

/** The time step a code belongs to, or null when it is not a code of now (give or take one step). */
export function matchingStep(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpFor(secret).validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

/** The code of a moment (tests, and the demo's explanation). */
export const codeAt = (secret: string, at: Date) => totpFor(secret).generate({ timestamp: at.getTime() });

/** The key in groups of four, as a person types it into an app that cannot scan. */
export const groupedKey = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

/** The otpauth:// address an app scans, as a QR code (an SVG data URL for an <img>). */
export async function setupQrCode(secret: string, email: string): Promise<string> {
  const svg = await QRCode.toString(totpFor(secret, email).toString(), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
