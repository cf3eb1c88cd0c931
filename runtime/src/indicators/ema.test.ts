import { describe, expect, it } from 'vitest'
import { createEma, ema, emaWarmup } from './ema'

describe('ema', () => {
  it('matches a hand-computed EMA(3) (alpha 0.5)', () => {
    expect(Array.from(ema(new Float64Array([2, 4, 8, 8]), 3))).toEqual([2, 3, 5.5, 6.75])
  })

  it('MT5 EMA is seeded with the first price, not an SMA', () => {
    const out = ema(new Float64Array([2, 4, 8]), 3)
    expect(out[0]).toBe(2) // TradingView / TA-Lib: undefined until bar 2
    expect(out[2]).not.toBe((2 + 4 + 8) / 3) // TA-Lib's SMA seed
    expect(emaWarmup(3)).toBe(0)
  })

  it('streams the same values and exposes the last one', () => {
    const e = createEma(3)
    expect([2, 4, 8].map((x) => e.update(x))).toEqual([2, 3, 5.5])
    expect(e.value).toBe(5.5)
  })

  it('skips a NaN after the start: the value holds and the next input continues from it', () => {
    // alpha 0.5: 2, hole, 4 * 0.5 + 2 * 0.5 = 3, hole, 8 * 0.5 + 3 * 0.5 = 5.5
    const p = [NaN, 2, NaN, 4, NaN, 8]
    const expected = [NaN, 2, 2, 3, 3, 5.5]
    expect(Array.from(ema(new Float64Array(p), 3))).toEqual(expected)
    const e = createEma(3)
    expect(p.map((x) => e.update(x))).toEqual(expected)
    expect(e.value).toBe(5.5)
  })

  it('rejects a bad period', () => {
    expect(() => createEma(0)).toThrow(/EMA: period/)
  })
})
