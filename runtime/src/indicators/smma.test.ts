import { describe, expect, it } from 'vitest'
import { createSmma, smma, smmaWarmup } from './smma'

describe('smma', () => {
  it('matches a hand-computed SMMA(3): SMA seed, then (prev * 2 + p) / 3', () => {
    const out = Array.from(smma(new Float64Array([1, 2, 3, 4, 5]), 3))
    expect(out.slice(0, 2)).toEqual([NaN, NaN])
    expect(out[2]).toBe(2)
    expect(out[3]).toBeCloseTo(8 / 3, 15)
    expect(out[4]).toBeCloseTo(31 / 9, 15)
    expect(smmaWarmup(3)).toBe(2)
  })

  it('MT5 SMMA seeds with the SMA of the first n values (Wilder/RMA, not the EMA seed)', () => {
    const out = smma(new Float64Array([10, 20, 30, 40]), 3)
    expect(out[2]).toBe(20)
    expect(out[3]).toBe((20 * 2 + 40) / 3)
  })

  it('streams the same values', () => {
    const m = createSmma(3)
    const p = [1, 2, 3, 4, 5]
    expect(p.map((x) => m.update(x))).toEqual(Array.from(smma(new Float64Array(p), 3)))
  })
})
