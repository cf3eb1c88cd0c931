import { describe, expect, it } from 'vitest'
import { createParabolicSar, parabolicSar, parabolicSarWarmup } from './parabolic-sar'
import { barsOf, randomBars } from './test-series'

const HIGH = [10, 10.5, 11, 12]
const LOW = [9, 9.5, 10, 11]

describe('parabolicSar', () => {
  it('MT5 Parabolic SAR starts short at bar 0', () => {
    const s = createParabolicSar(0.02, 0.2)
    expect(s.update(10, 9)).toBeNaN()
    expect(s.update(10.5, 9.5)).toBe(10.5) // max(high[0], high[1]) even though prices rise
    expect(s.isLong).toBe(false)
    // 10.5 + 0.02 * (9.5 - 10.5) = 10.48 is below high[1], so it is clamped to 10.5
    expect(s.next).toBe(10.5)
    expect(parabolicSarWarmup()).toBe(1)
  })

  it('matches a hand-computed reversal and acceleration', () => {
    const out = parabolicSar(barsOf(HIGH, LOW, LOW), 0.02, 0.2)
    // bar 2: 10.5 < high 11 -> long, SAR = lowest low since bar 0 = 9; next = 9 + 0.02 * (11 - 9)
    expect(out[2]).toBe(9)
    expect(out[3]).toBe(9 + 0.02 * (11 - 9))
    const s = createParabolicSar()
    HIGH.forEach((h, i) => s.update(h, LOW[i]!))
    expect(s.isLong).toBe(true)
    // bar 3 makes a new high: EP 12, AF 0.04
    expect(s.next).toBe(out[3]! + 0.04 * (12 - out[3]!))
  })

  it('lies below the low when long and above the high when short', () => {
    const bars = randomBars(71, 400)
    const s = createParabolicSar()
    for (let i = 0; i < 400; i++) {
      const v = s.update(bars.high[i]!, bars.low[i]!)
      if (i === 0) continue
      if (s.isLong) expect(v).toBeLessThanOrEqual(bars.low[i]!)
      else expect(v).toBeGreaterThanOrEqual(bars.high[i]!)
    }
  })

  it('rejects a negative step', () => {
    expect(() => createParabolicSar(-0.02)).toThrow(/step must be a finite number >= 0/)
  })
})
