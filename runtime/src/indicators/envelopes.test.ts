import { describe, expect, it } from 'vitest'
import { createEnvelopes, envelopes, envelopesWarmup } from './envelopes'

describe('envelopes', () => {
  it('matches a hand-computed Envelopes(2, 10 %) around an SMA', () => {
    const e = envelopes(new Float64Array([1, 2, 3]), 2, 10)
    expect(Array.from(e.ma)).toEqual([NaN, 1.5, 2.5])
    expect(Array.from(e.upper)).toEqual([NaN, NaN, (1 + 10 / 100) * 2.5])
    expect(Array.from(e.lower)).toEqual([NaN, NaN, (1 - 10 / 100) * 2.5])
    expect(envelopesWarmup(2)).toBe(2)
  })

  it('MT5 Envelopes start one bar after the moving average (index n), whatever the method', () => {
    const e = envelopes(new Float64Array([1, 2, 3, 4]), 3, 1, 'ema')
    expect(e.ma[0]).toBe(1)
    expect(e.upper[2]).toBeNaN()
    expect(e.upper[3]).toBe((1 + 1 / 100) * e.ma[3]!)
  })

  it('streams the same lines', () => {
    const s = createEnvelopes(2, 10)
    ;[1, 2, 3].forEach((x) => s.update(x))
    expect([s.upper, s.lower, s.ma]).toEqual([1.1 * 2.5, 0.9 * 2.5, 2.5])
  })
})
