import { describe, expect, it } from 'vitest'
import { createMomentum, momentum, momentumWarmup } from './momentum'

describe('momentum', () => {
  it('MT5 Momentum is a ratio around 100, not a difference', () => {
    expect(Array.from(momentum(new Float64Array([2, 4, 3]), 2))).toEqual([NaN, NaN, 150])
    expect(momentumWarmup(2)).toBe(2)
  })

  it('is 100 when the price is unchanged after n bars', () => {
    expect(momentum(new Float64Array([5, 7, 5]), 2)[2]).toBe(100)
  })

  it('streams the same values', () => {
    const m = createMomentum(2)
    expect([2, 4, 3, 8].map((x) => m.update(x))).toEqual([NaN, NaN, 150, 200])
  })
})
