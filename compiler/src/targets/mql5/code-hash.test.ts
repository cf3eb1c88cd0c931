import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../hash/sha256'
import { CODE_HASH_PLACEHOLDER, mql5CodeHash, stampCodeHash } from './code-hash'

const EA = [
  '// header',
  `const string TL_CODE_HASH         = "${CODE_HASH_PLACEHOLDER}"; // sha256 of this file`,
  'void OnTick() {}',
].join('\n')

describe('code hash', () => {
  it('is plain SHA-256 for a file without TL_CODE_HASH', () => {
    const source = 'void OnTick() {}\n'
    expect(stampCodeHash(source)).toEqual({ mql5: source, codeHash: sha256Hex(source) })
  })

  it('is written into TL_CODE_HASH and can be checked from the stamped file alone', () => {
    const { mql5, codeHash } = stampCodeHash(EA)
    expect(codeHash).toBe(sha256Hex(EA))
    expect(mql5).toBe(EA.replace(CODE_HASH_PLACEHOLDER, codeHash))
    expect(mql5CodeHash(mql5)).toBe(codeHash)
  })

  it('changes when anything else in the file changes', () => {
    const { mql5, codeHash } = stampCodeHash(EA)
    expect(mql5CodeHash(mql5.replace('OnTick', 'OnTock'))).not.toBe(codeHash)
  })
})
