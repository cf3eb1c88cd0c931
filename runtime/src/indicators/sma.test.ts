import { describe, expect, it } from 'vitest'
import { createSma, sma, smaWarmup } from './sma'

function stream(values: number[], period: number): number[] {
  const s = createSma(period)
  return values.map((x) => s.update(x))
}

describe('sma', () => {
  it('matches a hand-computed SMA(3)', () => {
    const out = sma(new Float64Array([1, 2, 3, 4, 5, 7]), 3)
    expect(Array.from(out)).toEqual([NaN, NaN, 2, 3, 4, 16 / 3])
  })

  it('MT5 SMA is a running sum S[i-1] + (p[i] - p[i-n]) / n, not a fresh windowed mean', () => {
    // 0.1 + 0.2 + 0.3 style values expose the difference in the last bit.
    const p = [0.1, 0.2, 0.3, 0.7, 0.11, 0.13]
    const out = sma(new Float64Array(p), 3)
    let s = (p[0]! + p[1]! + p[2]!) / 3
    const expected = [NaN, NaN, s]
    for (let i = 3; i < p.length; i++) {
      s = s + (p[i]! - p[i - 3]!) / 3
      expected.push(s)
    }
    expect(Array.from(out)).toEqual(expected)
    const fresh = (p[3]! + p[4]! + p[5]!) / 3
    expect(Math.abs(out[5]! - fresh)).toBeLessThan(1e-15)
  })

  it('streaming equals batch bit for bit', () => {
    const p = [1.1, 1.3, 1.25, 1.4, 1.37, 1.38, 1.5, 1.2, 1.21]
    expect(stream(p, 4)).toEqual(Array.from(sma(new Float64Array(p), 4)))
    expect(createSma(4).value).toBeNaN()
  })

  it('skips leading NaNs like MT5 begin, then warms up for period - 1 values', () => {
    const p = [NaN, NaN, 2, 4, 6, 8]
    expect(Array.from(sma(new Float64Array(p), 2))).toEqual([NaN, NaN, NaN, 3, 5, 7])
    expect(stream(p, 2)).toEqual([NaN, NaN, NaN, 3, 5, 7])
  })

  it('skips a NaN after the start: the value holds and the window ignores the hole', () => {
    // SMA(2): (1 + 2) / 2 = 1.5, hole holds 1.5, then 1.5 + (4 - 1) / 2 = 3, 3 + (6 - 2) / 2 = 5
    const p = [1, 2, NaN, 4, 6]
    expect(Array.from(sma(new Float64Array(p), 2))).toEqual([NaN, 1.5, 1.5, 3, 5])
    expect(stream(p, 2)).toEqual([NaN, 1.5, 1.5, 3, 5])
  })

  it('skips a NaN during the warm-up: the window still needs period values', () => {
    const p = [1, NaN, 3, NaN, NaN, 5]
    expect(Array.from(sma(new Float64Array(p), 2))).toEqual([NaN, NaN, 2, 2, 2, 4])
    expect(stream(p, 2)).toEqual([NaN, NaN, 2, 2, 2, 4])
  })

  it('rejects a bad period', () => {
    expect(() => createSma(0)).toThrow(RangeError)
    expect(() => sma(new Float64Array(3), 2.5)).toThrow(/period must be an integer/)
  })

  it('period 1 returns the input and warm-up is period - 1', () => {
    expect(Array.from(sma(new Float64Array([3, 5, 9]), 1))).toEqual([3, 5, 9])
    expect(smaWarmup(20)).toBe(19)
  })

  it('returns all NaN when the series is shorter than the period', () => {
    expect(Array.from(sma(new Float64Array([1, 2]), 3))).toEqual([NaN, NaN])
  })
})
