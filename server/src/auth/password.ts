import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import type { ScryptOptions } from 'node:crypto'

// scrypt's cost: N = 2^14, r = 8 (16 MiB and ~50 ms a hash here), as OWASP suggests for scrypt.
const COST = 16_384
const BLOCK_SIZE = 8
const PARALLELISM = 1
const KEY_BYTES = 32
const SALT_BYTES = 16

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    )
  })
}

/**
 * Hashes a password with scrypt and a fresh random salt, into one self-describing string
 * `scrypt$N$r$p$<salt>$<hash>` (base64), so the cost can rise later without breaking old hashes.
 */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES)
  const options = { N: COST, r: BLOCK_SIZE, p: PARALLELISM }
  const key = await derive(password, salt, options)
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64'), key.toString('base64')]
    .map(String)
    .join('$')
}

/** True when `password` matches a hash made by `hashPassword`; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false
  const expected = Buffer.from(hash, 'base64')
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: 256 * 1024 * 1024 }
  const key = await derive(password, Buffer.from(salt, 'base64'), options)
  return key.length === expected.length && timingSafeEqual(key, expected)
}

/**
 * A hash of a password nobody has, checked when the email is unknown so that a failed login
 * takes as long whether or not the account exists.
 */
export const DUMMY_PASSWORD_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='
