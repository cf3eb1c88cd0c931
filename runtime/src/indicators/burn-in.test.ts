import { describe, expect, it } from 'vitest'
import { burnInBars } from './burn-in'

describe('burnInBars', () => {
  it('matches mt5-semantics 1.16 (eps 1e-10)', () => {
    expect(burnInBars('wilder', 14)).toBe(311) // "n=14 -> ~310 bars"
    expect(burnInBars('ema', 26)).toBe(300) // "n=26 -> ~300"
    expect(burnInBars('ema', 1)).toBe(0)
  })

  it('grows with the period and with a tighter tolerance', () => {
    expect(burnInBars('ema', 50)).toBeGreaterThan(burnInBars('ema', 20))
    expect(burnInBars('wilder', 14, 1e-12)).toBeGreaterThan(burnInBars('wilder', 14, 1e-6))
  })

  it('rejects nonsense', () => {
    expect(() => burnInBars('ema', 0)).toThrow(/period/)
    expect(() => burnInBars('ema', 10, 2)).toThrow(/epsilon/)
  })
})
