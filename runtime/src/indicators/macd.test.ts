import { describe, expect, it } from 'vitest'
import { ema } from './ema'
import { createMacd, macd, macdWarmup } from './macd'
import { sma } from './sma'
import { randomBars } from './test-series'

describe('macd', () => {
  it('matches a hand-computed MACD(2, 3, 2)', () => {
    // fast EMA(2): 1, 3*(2/3) + 1*(1/3); slow EMA(3): 1, 3*0.5 + 1*0.5 = 2
    const m = macd(new Float64Array([1, 3]), 2, 3, 2)
    expect(m.main[0]).toBe(0)
    expect(m.main[1]).toBeCloseTo(1 / 3, 15)
    expect(m.signal[0]).toBeNaN()
    expect(m.signal[1]).toBeCloseTo(1 / 6, 15)
    expect(m.histogram[1]).toBeCloseTo(1 / 6, 15)
    expect(macdWarmup(2, 3, 2)).toBe(1)
  })

  it('MT5 MACD signal is an SMA of main, not an EMA', () => {
    const close = randomBars(5, 200).close
    const m = macd(close, 12, 26, 9)
    const fast = ema(close, 12)
    const slow = ema(close, 26)
    const main = fast.map((f, i) => f - slow[i]!)
    expect(m.main).toEqual(main)
    expect(m.signal).toEqual(sma(main, 9))
    expect(m.signal[50]).not.toBeCloseTo(ema(main, 9)[50]!, 12)
  })

  it('histogram is main - signal (MT5 iOsMA)', () => {
    const m = macd(randomBars(6, 100).close, 12, 26, 9)
    for (let i = 8; i < 100; i++) expect(m.histogram[i]).toBe(m.main[i]! - m.signal[i]!)
  })

  it('streams the same lines', () => {
    const s = createMacd(2, 3, 2)
    expect(s.update(1)).toBe(0)
    expect(Number.isNaN(s.signal)).toBe(true)
    s.update(3)
    expect(s.signal).toBe(macd(new Float64Array([1, 3]), 2, 3, 2).signal[1])
  })
})
