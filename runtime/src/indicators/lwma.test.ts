import { describe, expect, it } from 'vitest'
import { createLwma, lwma, lwmaWarmup } from './lwma'

describe('lwma', () => {
  it('matches a hand-computed LWMA(3): newest weight 3, oldest 1', () => {
    // (1*1 + 2*2 + 3*3) / 6 and (2*1 + 3*2 + 4*3) / 6
    expect(Array.from(lwma(new Float64Array([1, 2, 3, 4]), 3))).toEqual([NaN, NaN, 14 / 6, 20 / 6])
    expect(lwmaWarmup(3)).toBe(2)
  })

  it('keeps running sums like MT5 and stays within 1e-12 of a fresh weighted sum', () => {
    const p = new Float64Array(300).map((_, i) => 1.1 + Math.sin(i / 7) * 0.01)
    const out = lwma(p, 10)
    for (let i = 9; i < p.length; i++) {
      let s = 0
      for (let k = 0; k < 10; k++) s += p[i - k]! * (10 - k)
      expect(Math.abs(out[i]! - s / 55)).toBeLessThan(1e-12)
    }
  })

  it('streams the same values', () => {
    const w = createLwma(3)
    expect([1, 2, 3, 4].map((x) => w.update(x))).toEqual([NaN, NaN, 14 / 6, 20 / 6])
  })
})
