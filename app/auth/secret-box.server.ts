import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * What the product must read back but nobody else should (an authenticator app's secret) is encrypted with
 * AES-256-GCM under the installation's SECRET_KEY, which lives in the configuration, not the database: a
 * stolen database or backup does not give the secrets away. Stored as "v1." + base64url(iv | tag | ciphertext).
 */
export function seal(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plain text, or an error when the key is not the one it was sealed with (or the text was changed). */
export function open(key: Buffer, sealed: string): string {
  if (!sealed.startsWith("v1.")) throw new Error("onbekende versleuteling");
  const raw = Buffer.from(sealed.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** A hash only the holder of the key can compute: guessing a recovery code offline needs the key too. */
export const keyedHash = (key: Buffer, text: string) => createHmac("sha256", key).update(text).digest("hex");
