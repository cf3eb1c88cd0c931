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

  it('rejects bad periods and NaN after the start', () => {
    expect(() => createEma(0)).toThrow(/EMA: period/)
    expect(() => ema(new Float64Array([1, NaN]), 3)).toThrow(/EMA: input is NaN at position 1/)
  })
})
