import { describe, expect, it } from 'vitest'
import { createStdDev, stdDev, stdDevWarmup } from './std-dev'

describe('stdDev', () => {
  it('matches a hand-computed population StdDev(3) from the first full window', () => {
    const out = stdDev(new Float64Array([1, 2, 3, 4]), 3)
    expect(out[1]).toBeNaN()
    // Unlike Bollinger Bands, iStdDev has no sigma-0 bar at n - 1.
    expect(out[2]).toBe(Math.sqrt(2 / 3))
    expect(out[3]).toBe(Math.sqrt(2 / 3))
    expect(stdDevWarmup(3)).toBe(2)
  })

  it('is 0 for a constant series', () => {
    expect(Array.from(stdDev(new Float64Array([5, 5, 5, 5]), 3))).toEqual([NaN, NaN, 0, 0])
  })

  it('MT5 StdDev with MODE_EMA seeds its EMA with the SMA, unlike iMA', () => {
    const s = createStdDev(3, 'ema')
    ;[1, 2, 3].forEach((x) => s.update(x))
    expect(s.ma).toBe(2) // SMA seed; iMA's EMA would be 2.25 here
    s.update(5)
    expect(s.ma).toBe(5 * 0.5 + 2 * 0.5)
    expect(s.value).toBeCloseTo(
      Math.sqrt(((5 - 3.5) ** 2 + (3 - 3.5) ** 2 + (2 - 3.5) ** 2) / 3),
      15,
    )
  })

  it('measures around an SMMA or LWMA when asked', () => {
    const p = new Float64Array([1, 2, 3, 6])
    const smma = createStdDev(3, 'smma')
    const lwma = createStdDev(3, 'lwma')
    p.forEach((x) => {
      smma.update(x)
      lwma.update(x)
    })
    expect(smma.ma).toBe((2 * 2 + 6) / 3)
    expect(lwma.ma).toBe((2 * 1 + 3 * 2 + 6 * 3) / 6)
  })

  it('names an unknown method', () => {
    expect(() => createStdDev(3, 'x' as never)).toThrow(/StdDev: unknown method "x"/)
  })
})
