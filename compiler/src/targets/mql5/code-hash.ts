import { sha256Hex } from '../../hash/sha256'

/** The line that holds a deployment EA's own code hash (see deployment-slots.ts). */
const CODE_HASH_LINE = /^(const string TL_CODE_HASH\s*=\s*")([0-9a-f]{64})(";)/m

/** What `TL_CODE_HASH` holds while the hash is computed. */
export const CODE_HASH_PLACEHOLDER = '0'.repeat(64)

/**
 * SHA-256 of an EA's source, with the value of its `TL_CODE_HASH` constant (if it has one)
 * counted as 64 zeros: a file cannot contain its own hash, but a deployment EA reports its code
 * hash in `hello`. So anyone holding the downloaded .mq5 can check it: zero that value, hash,
 * compare. For an EA without the constant this is plain SHA-256 of the file.
 */
export function mql5CodeHash(source: string): string {
  return sha256Hex(source.replace(CODE_HASH_LINE, `$1${CODE_HASH_PLACEHOLDER}$3`))
}

/** Computes the code hash and writes it into `TL_CODE_HASH` when the EA has that constant. */
export function stampCodeHash(source: string): {
  readonly mql5: string
  readonly codeHash: string
} {
  const codeHash = mql5CodeHash(source)
  return { mql5: source.replace(CODE_HASH_LINE, `$1${codeHash}$3`), codeHash }
}
