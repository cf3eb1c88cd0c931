import { describe, expect, it } from 'vitest'
import { cci, cciWarmup, createCci } from './cci'

describe('cci', () => {
  it('matches a hand-computed CCI(3)', () => {
    // SMA 3, mean deviation 2, (6 - 3) / (0.015 * 2) = 100
    expect(Array.from(cci(new Float64Array([1, 2, 6]), 3))).toEqual([NaN, NaN, 100])
    expect(cciWarmup(3)).toBe(2)
  })

  it('MT5 CCI is 0 when the mean deviation is 0 (flat prices)', () => {
    expect(cci(new Float64Array([4, 4, 4]), 3)[2]).toBe(0)
  })

  it('streams the same values', () => {
    const c = createCci(3)
    expect([1, 2, 6, 3].map((x) => c.update(x))).toEqual(
      Array.from(cci(new Float64Array([1, 2, 6, 3]), 3)),
    )
  })
})
