/**
 * Deterministic pseudo-random price data for the indicator tests (property and conformance
 * suites). Pure and seeded, so every run sees the same bars.
 * @internal
 */
import type { Bars } from '../bars'

/** @internal mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * @internal A random walk of OHLC bars with some flat bars (high = low) and repeated closes, the
 * edge cases where MT5's special rules (RSI 50, WPR repeat, stochastic 100) apply.
 */
export function randomBars(seed: number, length: number, start = 1.1): Bars {
  const rnd = seededRandom(seed)
  const open = new Float64Array(length)
  const high = new Float64Array(length)
  const low = new Float64Array(length)
  const close = new Float64Array(length)
  let price = start
  for (let i = 0; i < length; i++) {
    const o = price
    const flat = rnd() < 0.05
    const c = flat ? o : Math.max(0.01, o + (rnd() - 0.5) * 0.01)
    const h = flat ? o : Math.max(o, c) + rnd() * 0.003
    const l = flat ? o : Math.min(o, c) - rnd() * 0.003
    open[i] = o
    high[i] = h
    low[i] = l
    close[i] = c
    price = c
  }
  const time = new Float64Array(length)
  for (let i = 0; i < length; i++) time[i] = 1_600_000_000 + i * 60
  return {
    length,
    time,
    open,
    high,
    low,
    close,
    tickVolume: new Float64Array(length),
    spread: new Float64Array(length),
  }
}

/** @internal Bars from literal high/low/close columns (open = previous close) for hand-computed cases. */
export function barsOf(high: number[], low: number[], close: number[]): Bars {
  const n = close.length
  return {
    length: n,
    time: Float64Array.from({ length: n }, (_, i) => 1_600_000_000 + i * 60),
    open: Float64Array.from(close, (_, i) => (i === 0 ? close[0]! : close[i - 1]!)),
    high: Float64Array.from(high),
    low: Float64Array.from(low),
    close: Float64Array.from(close),
    tickVolume: new Float64Array(n),
    spread: new Float64Array(n),
  }
}
