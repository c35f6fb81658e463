import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt from node:crypto: a vetted memory-hard algorithm with no native dependency to build.
// Parameters follow OWASP's Password Storage Cheat Sheet (N=2^17, r=8, p=1) and are stored in
// each hash, so they can be raised later without invalidating existing passwords. The cost of new
// hashes is PASSWORD_HASH_COST (app/server/config.server.ts): the tests set a low one there, since on a
// busy machine a test that hashes a few passwords at 2^17 spends seconds in scrypt alone.

/** OWASP's cost, the default of PASSWORD_HASH_COST. */
export const DEFAULT_PASSWORD_HASH_COST = 2 ** 17;
const DEFAULT_COST = DEFAULT_PASSWORD_HASH_COST;
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
export async function verifyPassword(password: string, stored: string | null, cost = DEFAULT_COST): Promise<boolean> {
  const parsed = stored ? parseHash(stored) : null;
  if (!parsed) {
    await verifyPassword(password, await dummyPasswordHash(cost));
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

/**
 * A hash to verify against when the account does not exist, so timing does not reveal which emails
 * exist: made once per cost, at the cost new passwords get (so it takes as long as a real account's).
 */
const dummyHashes = new Map<number, Promise<string>>();
function dummyPasswordHash(cost: number): Promise<string> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    hash = hashPassword(randomBytes(16).toString("hex"), cost);
    dummyHashes.set(cost, hash);
  }
  return hash;
}
