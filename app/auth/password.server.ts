import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt from node:crypto: a vetted memory-hard algorithm with no native dependency to build.
// Parameters follow OWASP's Password Storage Cheat Sheet (N=2^17, r=8, p=1) and are stored in
// each hash, so they can be raised later without invalidating existing passwords.
const DEFAULT_COST = 2 ** 17;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize("NFC"), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

const maxmem = (N: number, r: number) => 256 * N * r;

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N: cost, r: BLOCK_SIZE, p: PARALLELISM, maxmem: maxmem(cost, BLOCK_SIZE) });
  return ["scrypt", cost, BLOCK_SIZE, PARALLELISM, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/**
 * Whether the password matches the stored hash. When there is no usable hash (an unknown account, an
 * invitation not yet accepted) scrypt still runs, against a dummy hash, so that every failure takes
 * the same time and timing does not tell which accounts exist.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : null;
  if (!parsed) {
    await verifyPassword(password, await dummyPasswordHash());
    return false;
  }
  const { N, r, p, salt, key } = parsed;
  const actual = await scrypt(password, salt, { N, r, p, maxmem: maxmem(N, r) });
  return actual.length === key.length && timingSafeEqual(actual, key);
}

function parseHash(stored: string) {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !key || !/^\d+$/.test(n + r + p)) return null;
  return { N: Number(n), r: Number(r), p: Number(p), salt: Buffer.from(salt, "base64url"), key: Buffer.from(key, "base64url") };
}

/** A hash to verify against when the account does not exist, so timing does not reveal which emails exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  return dummyHash;
}
