import { describe, expect, it } from 'vitest'
import { createRsi, rsi, rsiWarmup } from './rsi'
import { randomBars } from './test-series'

describe('rsi', () => {
  it('matches a hand-computed RSI(2)', () => {
    // changes +1, -1, +2, 0: seed AU = AD = 0.5 -> 50; then AU 1.25, AD 0.25 -> RS 5
    const out = Array.from(rsi(new Float64Array([10, 11, 10, 12, 12]), 2))
    expect(out.slice(0, 2)).toEqual([NaN, NaN])
    expect(out[2]).toBe(50)
    expect(out[3]).toBeCloseTo(100 - 100 / 6, 12)
    expect(out[4]).toBeCloseTo(100 - 100 / 6, 12)
    expect(rsiWarmup(2)).toBe(2)
  })

  it('MT5 RSI is 50, not 100, when both averages are 0 (flat market)', () => {
    expect(Array.from(rsi(new Float64Array([5, 5, 5, 5]), 2))).toEqual([NaN, NaN, 50, 50])
  })

  it('is 100 when prices only rise and 0 when they only fall', () => {
    expect(rsi(new Float64Array([1, 2, 3, 4]), 2)[3]).toBe(100)
    expect(rsi(new Float64Array([4, 3, 2, 1]), 2)[3]).toBe(0)
  })

  it('stays within [0, 100] on random data', () => {
    const out = rsi(randomBars(11, 500).close, 14)
    for (let i = 14; i < out.length; i++) {
      expect(out[i]).toBeGreaterThanOrEqual(0)
      expect(out[i]).toBeLessThanOrEqual(100)
    }
  })

  it('skips a NaN: the value holds and the next change is from the last input before it', () => {
    // RSI(2): changes +1, (hole), 4 - 2 = +2 -> AU 1.5, AD 0 -> 100; then -1 -> AU 0.75, AD 0.5
    const p = [1, 2, NaN, 4, NaN, 3]
    const expected = [NaN, NaN, NaN, 100, 100, 100 - 100 / (1 + 0.75 / 0.5)]
    expect(Array.from(rsi(new Float64Array(p), 2))).toEqual(expected)
    const r = createRsi(2)
    expect(p.map((x) => r.update(x))).toEqual(expected)
  })

  it('streams the same values', () => {
    const r = createRsi(2)
    const p = [10, 11, 10, 12, 12]
    expect(p.map((x) => r.update(x))).toEqual(Array.from(rsi(new Float64Array(p), 2)))
  })
})
