import { describe, expect, it } from 'vitest'
import { barsOf, randomBars } from './test-series'
import { createWilliamsR, williamsR, williamsRWarmup } from './williams-r'

describe('williamsR', () => {
  it('matches a hand-computed %R(2)', () => {
    const out = williamsR(barsOf([3, 4, 4], [1, 2, 2], [2, 3, 3]), 2)
    // bar 1: HH 4, LL 1 -> -(4 - 3) * 100 / 3; bar 2: HH 4, LL 2 -> -50
    expect(Array.from(out)).toEqual([NaN, (-1 * 100) / 3, -50])
    expect(williamsRWarmup(2)).toBe(1)
  })

  it('MT5 Williams %R repeats the previous value when highest high = lowest low', () => {
    const bars = barsOf([3, 4, 4, 3, 3], [1, 2, 2, 3, 3], [2, 3, 3, 3, 3])
    const out = williamsR(bars, 2)
    expect(out[3]).toBe(-50) // bars 2..3: HH 4, LL 2, close 3
    expect(out[4]).toBe(-50) // bars 3..4 are flat at 3: repeat
  })

  it('is 0 (MT5 placeholder) when the very first window is flat', () => {
    expect(williamsR(barsOf([2, 2], [2, 2], [2, 2]), 2)[1]).toBe(0)
  })

  it('stays within [-100, 0] and streams the same values', () => {
    const bars = randomBars(41, 300)
    const out = williamsR(bars, 14)
    const s = createWilliamsR(14)
    for (let i = 0; i < 300; i++) {
      expect(Object.is(s.update(bars.high[i]!, bars.low[i]!, bars.close[i]!), out[i])).toBe(true)
      if (i >= 13) {
        expect(out[i]).toBeGreaterThanOrEqual(-100)
        expect(out[i]).toBeLessThanOrEqual(0)
      }
    }
  })
})
