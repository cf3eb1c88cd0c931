import { createBars } from '../bars'
import type { Bars } from '../bars'
import { createPrng } from './prng'
import type { Prng } from './prng'

/** Options of {@link generateSyntheticBars}. */
export interface SyntheticBarsOptions {
  /** Any integer; the same seed always gives the same bars. */
  readonly seed: number
  readonly count: number
  /** Bar length; default 3600 (H1). */
  readonly timeframeSeconds?: number
  /** First bar's open time in epoch seconds; default 2024-01-01 00:00 UTC (a Monday). */
  readonly startTime?: number
  /** Default 1.1 (an EURUSD-like level). */
  readonly startPrice?: number
  /** Price digits; default 5. */
  readonly digits?: number
}

/** The kind of market a stretch of synthetic bars was drawn from. */
export type SyntheticRegimeKind = 'trend-up' | 'trend-down' | 'range' | 'volatile'

/** One stretch of bars `[startIndex, endIndex)` drawn from one regime. */
export interface SyntheticRegime {
  readonly kind: SyntheticRegimeKind
  readonly startIndex: number
  readonly endIndex: number
}

/** Bars plus the regimes they were drawn from (for tests and demos of regime analysis). */
export interface SyntheticMarket {
  readonly bars: Bars
  readonly regimes: SyntheticRegime[]
}

const DEFAULT_START = 1_704_067_200 // 2024-01-01T00:00:00Z, a Monday
const DAILY_VOLATILITY = 0.006 // about an EURUSD day
const KINDS: readonly SyntheticRegimeKind[] = ['trend-up', 'trend-down', 'range', 'volatile']

/**
 * Seeded synthetic OHLC bars with trending, ranging and volatile stretches, so that a first run
 * shows something meaningful without market data. See {@link generateSyntheticMarket}.
 *
 * @example
 * const bars = generateSyntheticBars({ seed: 42, count: 2000 })
 */
export function generateSyntheticBars(options: SyntheticBarsOptions): Bars {
  return generateSyntheticMarket(options).bars
}

/**
 * Generates the bars and reports the regime of every stretch. The model, per bar:
 * - stretches of 50–250 bars; the kinds come from a shuffled bag, so every kind appears within
 *   the first four stretches and no kind follows itself;
 * - log-return = drift + σ·z with σ = 0.6 % · √(timeframe / 1 day); trends drift ±0.08σ per bar,
 *   ranges pull back to the price where they started, volatile stretches have 2.5σ;
 * - open = previous close (plus a gap after a weekend); high/low extend beyond open/close by
 *   |z|·σ/2; prices rounded to `digits`; tick volume grows with the move; spread 8–12 points,
 *   doubled in volatile stretches;
 * - like forex, no bar opens on a Saturday or Sunday (UTC) for timeframes below one week.
 */
export function generateSyntheticMarket(options: SyntheticBarsOptions): SyntheticMarket {
  const { seed, count } = options
  const tf = options.timeframeSeconds ?? 3600
  const digits = options.digits ?? 5
  const startPrice = options.startPrice ?? 1.1
  const startTime = options.startTime ?? DEFAULT_START
  check(Number.isInteger(seed), `seed must be an integer, got ${seed}`)
  check(Number.isInteger(count) && count >= 0, `count must be an integer >= 0, got ${count}`)
  check(Number.isInteger(tf) && tf > 0, `timeframeSeconds must be a positive integer, got ${tf}`)
  check(Number.isFinite(startTime), `startTime must be epoch seconds, got ${startTime}`)
  check(startPrice > 0 && Number.isFinite(startPrice), `startPrice must be > 0, got ${startPrice}`)
  check(Number.isInteger(digits) && digits >= 0 && digits <= 8, `digits must be 0-8, got ${digits}`)

  const rng = createPrng(seed)
  const bars = createBars(count)
  const regimes: SyntheticRegime[] = []
  const sigma = DAILY_VOLATILITY * Math.sqrt(tf / 86_400)
  const factor = 10 ** digits
  const round = (p: number): number => Math.round(p * factor) / factor
  const skipWeekends = tf < 7 * 86_400
  const bag: SyntheticRegimeKind[] = []

  let kind: SyntheticRegimeKind = 'range'
  let left = 0
  let anchor = startPrice
  let price = startPrice
  let t = startTime
  for (let i = 0; i < count; i++) {
    if (left === 0) {
      kind = nextKind(rng, bag, i === 0 ? null : kind)
      left = 50 + Math.floor(rng.next() * 201)
      anchor = price
      regimes.push({ kind, startIndex: i, endIndex: Math.min(i + left, count) })
    }
    left--
    let gap = false
    while (skipWeekends && isWeekend(t)) {
      t += tf
      gap = i > 0
    }
    const vol = kind === 'volatile' ? 2.5 * sigma : sigma
    const open = gap ? price * Math.exp(2 * sigma * rng.normal()) : price
    let drift = 0
    if (kind === 'trend-up') drift = 0.08 * sigma
    else if (kind === 'trend-down') drift = -0.08 * sigma
    else if (kind === 'range') drift = -0.05 * Math.log(open / anchor)
    const move = drift + vol * rng.normal()
    const close = open * Math.exp(move)
    const o = round(open)
    const c = round(close)
    bars.time[i] = t
    bars.open[i] = o
    bars.close[i] = c
    bars.high[i] = round(Math.max(open, close) * (1 + (Math.abs(rng.normal()) * vol) / 2))
    bars.low[i] = round(Math.min(open, close) * (1 - (Math.abs(rng.normal()) * vol) / 2))
    bars.tickVolume[i] = Math.max(1, Math.round((tf / 36) * (0.5 + Math.abs(move) / sigma)))
    bars.spread[i] = (8 + Math.floor(rng.next() * 5)) * (kind === 'volatile' ? 2 : 1)
    price = close
    t += tf
  }
  return { bars, regimes }
}

function nextKind(
  rng: Prng,
  bag: SyntheticRegimeKind[],
  previous: SyntheticRegimeKind | null,
): SyntheticRegimeKind {
  if (bag.length === 0) {
    bag.push(...KINDS)
    for (let k = bag.length - 1; k > 0; k--) {
      const j = Math.floor(rng.next() * (k + 1))
      ;[bag[k], bag[j]] = [bag[j]!, bag[k]!]
    }
    // Never repeat the previous stretch's kind across a refill.
    if (bag[bag.length - 1] === previous)
      [bag[0], bag[bag.length - 1]] = [bag[bag.length - 1]!, bag[0]!]
  }
  return bag.pop()!
}

/** Saturday or Sunday in UTC (1970-01-01 was a Thursday). */
function isWeekend(epochSeconds: number): boolean {
  const weekday = (((Math.floor(epochSeconds / 86_400) + 4) % 7) + 7) % 7 // 0 = Sunday
  return weekday === 0 || weekday === 6
}

function check(ok: boolean, message: string): void {
  if (!ok) throw new RangeError(`generateSyntheticBars: ${message}`)
}
