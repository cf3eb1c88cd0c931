import { describe, expect, it } from 'vitest'
import { bytesToFloat64, float64Bytes } from './columns'

describe('float64 columns', () => {
  it('round-trips values exactly, NaN and infinities included', () => {
    const values = new Float64Array([1.10012, -0, NaN, Infinity, 1e-300, 1_700_000_000])
    const back = bytesToFloat64(float64Bytes(values))
    expect(Object.is(back[1], -0)).toBe(true)
    expect([...back]).toEqual([...values])
  })

  it('reads unaligned driver buffers and rejects torn ones', () => {
    const bytes = new Uint8Array(17)
    bytes.set(float64Bytes(new Float64Array([2.5, 3.5])), 1)
    expect([...bytesToFloat64(bytes.subarray(1))]).toEqual([2.5, 3.5])
    expect(() => bytesToFloat64(bytes.subarray(0, 12))).toThrow('12 bytes, not a multiple of 8')
  })
})
