import { describe, expect, it } from 'vitest'
import { bollingerBands, bollingerBandsWarmup, createBollingerBands } from './bollinger-bands'
import { randomBars } from './test-series'

describe('bollingerBands', () => {
  it('matches a hand-computed BB(3, 2)', () => {
    const b = bollingerBands(new Float64Array([1, 2, 3, 4]), 3, 2)
    expect(b.middle[3]).toBe(3)
    expect(b.upper[3]).toBe(3 + 2 * Math.sqrt(2 / 3))
    expect(b.lower[3]).toBe(3 - 2 * Math.sqrt(2 / 3))
    expect(bollingerBandsWarmup(3)).toBe(3)
  })

  it('MT5 Bollinger sigma is 0 on the first middle-line bar (n - 1)', () => {
    const b = bollingerBands(new Float64Array([1, 2, 3, 4]), 3, 2)
    expect([b.middle[1], b.upper[1], b.lower[1]]).toEqual([NaN, NaN, NaN])
    expect([b.middle[2], b.upper[2], b.lower[2]]).toEqual([2, 2, 2])
  })

  it('MT5 Bollinger uses the population sigma (divisor n, not n - 1)', () => {
    const b = bollingerBands(new Float64Array([1, 2, 3, 4]), 3, 1)
    expect(b.upper[3]! - b.middle[3]!).toBeCloseTo(Math.sqrt(2 / 3), 15)
    expect(b.upper[3]! - b.middle[3]!).not.toBeCloseTo(1, 5) // sample sigma would be 1
  })

  it('keeps upper >= middle >= lower on random data', () => {
    const b = bollingerBands(randomBars(12, 400).close, 20, 2)
    for (let i = 19; i < 400; i++) {
      expect(b.upper[i]).toBeGreaterThanOrEqual(b.middle[i]!)
      expect(b.middle[i]).toBeGreaterThanOrEqual(b.lower[i]!)
    }
  })

  it('streams the same lines and validates parameters', () => {
    const s = createBollingerBands(3, 2)
    ;[1, 2, 3, 4].forEach((x) => s.update(x))
    expect(s.upper).toBe(3 + 2 * Math.sqrt(2 / 3))
    expect(() => createBollingerBands(20, -1)).toThrow(/deviation must be a finite number >= 0/)
  })
})
