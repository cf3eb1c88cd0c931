import { describe, expect, it } from 'vitest'
import { adx, adxWarmup, createAdx } from './adx'
import { barsOf, randomBars } from './test-series'

const BARS = barsOf([10, 11, 12], [8, 9, 9.5], [9, 10, 11])

describe('adx (MetaQuotes variant)', () => {
  it('matches a hand-computed ADX(2) (alpha 2/3)', () => {
    const a = adx(BARS, 2)
    expect([a.adx[0], a.plusDi[0], a.minusDi[0]]).toEqual([NaN, NaN, NaN])
    // bar 1: +DM 1, TR 2 -> pd 50; +DI = 50 * 2/3; DX 100; ADX = 100 * 2/3
    expect(a.plusDi[1]).toBeCloseTo(100 / 3, 12)
    expect(a.minusDi[1]).toBe(0)
    expect(a.adx[1]).toBeCloseTo(200 / 3, 12)
    // bar 2: +DM 1, TR 2.5 -> pd 40; +DI = 40 * 2/3 + (100/3) / 3; ADX = 100 * 2/3 + (200/3) / 3
    expect(a.plusDi[2]).toBeCloseTo(80 / 3 + 100 / 9, 12)
    expect(a.adx[2]).toBeCloseTo(200 / 3 + 200 / 9, 12)
    expect(adxWarmup(2)).toBe(1)
  })

  it("MT5 ADX divides each bar's DM by that bar's own TR and starts from a 0 seed", () => {
    // Textbook ADX is undefined for 2n bars; MT5's exists from bar 1 and ramps up from 0.
    const a = adx(BARS, 2)
    expect(a.adx[1]).toBeLessThan(100)
    expect(a.adx[1]).toBeGreaterThan(0)
  })

  it('keeps ADX and the DIs within [0, 100] and streams the same values', () => {
    const bars = randomBars(51, 300)
    const a = adx(bars, 14)
    const s = createAdx(14)
    for (let i = 0; i < 300; i++) {
      s.update(bars.high[i]!, bars.low[i]!, bars.close[i]!)
      expect(Object.is(s.adx, a.adx[i])).toBe(true)
      expect(Object.is(s.plusDi, a.plusDi[i])).toBe(true)
      if (i >= 1) {
        for (const v of [a.adx[i]!, a.plusDi[i]!, a.minusDi[i]!]) {
          expect(v).toBeGreaterThanOrEqual(0)
          expect(v).toBeLessThanOrEqual(100)
        }
      }
    }
  })
})
