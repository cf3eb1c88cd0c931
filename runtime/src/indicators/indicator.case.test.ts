/**
 * Shared conformance suite: every indicator goes through the same checks.
 *   - warm-up: exactly `nanPrefix` leading NaNs, every line finite from `warmup` on
 *   - streaming == batch, bit for bit
 *   - no lookahead: values up to bar k do not change when later bars change
 *   - MT5 `begin`: for single-series inputs, leading NaNs just delay the output
 *   - missing inputs: NaN holes after the start are skipped (streaming == batch, and every line
 *     at a hole repeats its previous value)
 */
import { describe, expect, it } from 'vitest'
import type { Bars } from '../bars'
import { adx, adxWarmup, createAdx } from './adx'
import { adxWilder, adxWilderWarmup, createAdxWilder } from './adx-wilder'
import { atr, atrWarmup, createAtr } from './atr'
import { bollingerBands, bollingerBandsWarmup, createBollingerBands } from './bollinger-bands'
import { cci, cciWarmup, createCci } from './cci'
import {
  createDonchian,
  createHighest,
  createLowest,
  donchian,
  donchianWarmup,
  highest,
  lowest,
} from './donchian'
import { createEma, ema, emaWarmup } from './ema'
import { createEnvelopes, envelopes, envelopesWarmup } from './envelopes'
import { createIchimoku, ichimoku, ichimokuWarmup } from './ichimoku'
import { createLwma, lwma, lwmaWarmup } from './lwma'
import { createMacd, macd, macdWarmup } from './macd'
import { createMomentum, momentum, momentumWarmup } from './momentum'
import { createParabolicSar, parabolicSar, parabolicSarWarmup } from './parabolic-sar'
import { createRsi, rsi, rsiWarmup } from './rsi'
import { createSma, sma, smaWarmup } from './sma'
import { createSmma, smma, smmaWarmup } from './smma'
import { createStdDev, stdDev, stdDevWarmup } from './std-dev'
import { createStochastic, stochastic, stochasticWarmup } from './stochastic'
import { randomBars, seededRandom } from './test-series'
import { createWilliamsR, williamsR, williamsRWarmup } from './williams-r'

type Lines = Record<string, Float64Array>

interface Case {
  name: string
  /** First index at which every line is valid. */
  warmup: number
  /** Number of leading NaNs in every line (Bollinger shows sigma-0 bands one bar early). */
  nanPrefix?: number
  batch(bars: Bars): Lines
  stream(bars: Bars): Lines
  /** Set for indicators over one value series: the series they read. */
  series?: (bars: Bars) => Float64Array
  batchOf?: (values: Float64Array) => Float64Array
  /** Bar columns `update` takes: the close for series indicators, else high, low, close. */
  reads?: readonly ('high' | 'low' | 'close')[]
}

/** Runs a streaming indicator over the bars, collecting the named fields after each update. */
function collect<T>(bars: Bars, s: T, step: (s: T, i: number) => void, fields: (keyof T)[]): Lines {
  const out: Lines = {}
  for (const f of fields) out[String(f)] = new Float64Array(bars.length)
  for (let i = 0; i < bars.length; i++) {
    step(s, i)
    for (const f of fields) out[String(f)]![i] = s[f] as number
  }
  return out
}

function single(
  name: string,
  warmup: number,
  batchOf: (v: Float64Array) => Float64Array,
  create: () => { update(x: number): number; readonly value: number },
): Case {
  const series = (b: Bars) => b.close
  return {
    name,
    warmup,
    series,
    batchOf,
    batch: (b) => ({ value: batchOf(series(b)) }),
    stream: (b) => collect(b, create(), (s, i) => s.update(series(b)[i]!), ['value']),
  }
}

const cases: Case[] = [
  single(
    'sma',
    smaWarmup(10),
    (v) => sma(v, 10),
    () => createSma(10),
  ),
  single(
    'ema',
    emaWarmup(10),
    (v) => ema(v, 10),
    () => createEma(10),
  ),
  single(
    'smma',
    smmaWarmup(10),
    (v) => smma(v, 10),
    () => createSmma(10),
  ),
  single(
    'lwma',
    lwmaWarmup(10),
    (v) => lwma(v, 10),
    () => createLwma(10),
  ),
  single(
    'rsi',
    rsiWarmup(14),
    (v) => rsi(v, 14),
    () => createRsi(14),
  ),
  single(
    'cci',
    cciWarmup(14),
    (v) => cci(v, 14),
    () => createCci(14),
  ),
  single(
    'momentum',
    momentumWarmup(14),
    (v) => momentum(v, 14),
    () => createMomentum(14),
  ),
  single(
    'highest',
    donchianWarmup(20),
    (v) => highest(v, 20),
    () => createHighest(20),
  ),
  single(
    'lowest',
    donchianWarmup(20),
    (v) => lowest(v, 20),
    () => createLowest(20),
  ),
  ...(['sma', 'ema', 'smma', 'lwma'] as const).map((m) =>
    single(
      `stdDev(${m})`,
      stdDevWarmup(20),
      (v) => stdDev(v, 20, m),
      () => createStdDev(20, m),
    ),
  ),
  {
    name: 'macd',
    warmup: macdWarmup(12, 26, 9),
    nanPrefix: 0,
    series: (b) => b.close,
    batchOf: (v) => macd(v, 12, 26, 9).signal,
    batch: (b) => ({ ...macd(b.close, 12, 26, 9) }),
    stream: (b) =>
      collect(b, createMacd(12, 26, 9), (s, i) => s.update(b.close[i]!), [
        'main',
        'signal',
        'histogram',
      ]),
  },
  {
    name: 'bollingerBands',
    warmup: bollingerBandsWarmup(20),
    nanPrefix: 19,
    series: (b) => b.close,
    batchOf: (v) => bollingerBands(v, 20, 2).upper,
    batch: (b) => ({ ...bollingerBands(b.close, 20, 2) }),
    stream: (b) =>
      collect(b, createBollingerBands(20, 2), (s, i) => s.update(b.close[i]!), [
        'middle',
        'upper',
        'lower',
      ]),
  },
  ...(['sma', 'ema', 'smma', 'lwma'] as const).map((m): Case => ({
    name: `envelopes(${m})`,
    warmup: envelopesWarmup(14),
    series: (b) => b.close,
    batchOf: (v) => envelopes(v, 14, 0.1, m).upper,
    batch: (b) => {
      const e = envelopes(b.close, 14, 0.1, m)
      return { upper: e.upper, lower: e.lower }
    },
    stream: (b) =>
      collect(b, createEnvelopes(14, 0.1, m), (s, i) => s.update(b.close[i]!), ['upper', 'lower']),
  })),
  ...(['lowhigh', 'closeclose'] as const).map((f): Case => ({
    name: `stochastic(${f})`,
    warmup: stochasticWarmup(5, 3, 3),
    nanPrefix: 5 + 3 - 2,
    batch: (b) => ({ ...stochastic(b, 5, 3, 3, f) }),
    stream: (b) =>
      collect(
        b,
        createStochastic(5, 3, 3, f),
        (s, i) => s.update(b.high[i]!, b.low[i]!, b.close[i]!),
        ['main', 'signal'],
      ),
  })),
  {
    name: 'atr',
    warmup: atrWarmup(14),
    batch: (b) => ({ value: atr(b, 14) }),
    stream: (b) =>
      collect(b, createAtr(14), (s, i) => s.update(b.high[i]!, b.low[i]!, b.close[i]!), ['value']),
  },
  {
    name: 'adx',
    warmup: adxWarmup(14),
    batch: (b) => ({ ...adx(b, 14) }),
    stream: (b) =>
      collect(b, createAdx(14), (s, i) => s.update(b.high[i]!, b.low[i]!, b.close[i]!), [
        'adx',
        'plusDi',
        'minusDi',
      ]),
  },
  {
    name: 'adxWilder',
    warmup: adxWilderWarmup(14),
    batch: (b) => ({ ...adxWilder(b, 14) }),
    stream: (b) =>
      collect(b, createAdxWilder(14), (s, i) => s.update(b.high[i]!, b.low[i]!, b.close[i]!), [
        'adx',
        'plusDi',
        'minusDi',
      ]),
  },
  {
    name: 'williamsR',
    warmup: williamsRWarmup(14),
    batch: (b) => ({ value: williamsR(b, 14) }),
    stream: (b) =>
      collect(b, createWilliamsR(14), (s, i) => s.update(b.high[i]!, b.low[i]!, b.close[i]!), [
        'value',
      ]),
  },
  {
    name: 'parabolicSar',
    warmup: parabolicSarWarmup(),
    reads: ['high', 'low'],
    batch: (b) => ({ value: parabolicSar(b) }),
    stream: (b) =>
      collect(b, createParabolicSar(), (s, i) => s.update(b.high[i]!, b.low[i]!), ['value']),
  },
  {
    name: 'donchian',
    warmup: donchianWarmup(20),
    reads: ['high', 'low'],
    batch: (b) => ({ ...donchian(b, 20) }),
    stream: (b) =>
      collect(b, createDonchian(20), (s, i) => s.update(b.high[i]!, b.low[i]!), [
        'upper',
        'lower',
        'middle',
      ]),
  },
  {
    name: 'ichimoku',
    warmup: ichimokuWarmup(9, 26, 52),
    nanPrefix: 0,
    batch: (b) => ({ ...ichimoku(b, 9, 26, 52) }),
    stream: (b) =>
      collect(
        b,
        createIchimoku(9, 26, 52),
        (s, i) => s.update(b.high[i]!, b.low[i]!, b.close[i]!),
        ['tenkan', 'kijun', 'spanA', 'spanB', 'chikou', 'cloudA', 'cloudB'],
      ),
  },
]

function expectIdentical(actual: Float64Array, expected: Float64Array, label: string): void {
  expect(actual.length, label).toBe(expected.length)
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      expect.fail(`${label}: index ${i}: ${actual[i]} !== ${expected[i]}`)
    }
  }
}

const BARS = randomBars(7, 400)

describe.each(cases)('$name', (c) => {
  it('has NaN exactly during its documented warm-up', () => {
    const lines = c.batch(BARS)
    const prefix = c.nanPrefix ?? c.warmup
    for (const [key, line] of Object.entries(lines)) {
      for (let i = 0; i < prefix; i++) expect(line[i], `${key}[${i}]`).toBeNaN()
      for (let i = c.warmup; i < line.length; i++) {
        if (!Number.isFinite(line[i])) expect.fail(`${key}[${i}] is ${line[i]} after warm-up`)
      }
    }
    // Lines with nanPrefix 0 (ichimoku chikou, macd main) still start valid at warm-up at most.
    expect(Object.keys(lines).length).toBeGreaterThan(0)
  })

  it('streaming equals batch bit for bit', () => {
    const batch = c.batch(BARS)
    const stream = c.stream(BARS)
    for (const key of Object.keys(stream)) expectIdentical(stream[key]!, batch[key]!, key)
  })

  it('does not look ahead: values up to bar k ignore later bars', () => {
    const k = 250
    const before = c.batch(BARS)
    const changed = randomBars(7, 400)
    const rnd = seededRandom(99)
    for (let i = k + 1; i < changed.length; i++) {
      const bump = 1 + (rnd() - 0.5) * 0.2
      changed.open[i] = changed.open[i]! * bump
      changed.high[i] = changed.high[i]! * bump * 1.01
      changed.low[i] = changed.low[i]! * bump * 0.99
      changed.close[i] = changed.close[i]! * bump
    }
    const after = c.batch(changed)
    for (const key of Object.keys(before)) {
      expectIdentical(after[key]!.subarray(0, k + 1), before[key]!.subarray(0, k + 1), key)
      expect(Object.is(after[key]![399], before[key]![399]), `${key} reacts to new bars`).toBe(
        false,
      )
    }
  })
})

const seriesCases = cases.filter((c) => c.batchOf !== undefined)

describe.each(seriesCases)('$name over a series', (c) => {
  it('treats leading NaNs as MT5 begin: the output just starts later', () => {
    const values = c.series!(BARS)
    const padded = new Float64Array(values.length + 3).fill(NaN)
    padded.set(values, 3)
    const plain = c.batchOf!(values)
    const shifted = c.batchOf!(padded)
    expectIdentical(shifted.subarray(3), plain, c.name)
    for (let i = 0; i < 3; i++) expect(shifted[i]).toBeNaN()
  })
})

/**
 * The conformance bars with NaN holes: three leading NaN closes, then holes in the close (one in
 * the warm-up, a pair, a run longer than any period here, the last bar), and in the high or the
 * low alone on other bars, as a division by zero upstream would leave them.
 */
function holeyBars(): Bars {
  const b = randomBars(7, 400)
  const holes = (col: Float64Array, rows: number[]) => rows.forEach((i) => (col[i] = NaN))
  const run = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, k) => from + k)
  holes(b.close, [0, 1, 2, 7, 62, 63, ...run(120, 180), 399])
  holes(b.high, [5, 60, 200])
  holes(b.low, [6, 61, ...run(250, 260)])
  return b
}

const HOLEY = holeyBars()

describe.each(cases)('$name with NaN holes after the start', (c) => {
  const reads = c.reads ?? (c.series ? ['close'] : ['high', 'low', 'close'])
  const isHole = (i: number) => reads.some((col) => Number.isNaN(HOLEY[col][i]))

  it('skips them: streaming equals batch, and every line holds at a hole', () => {
    const batch = c.batch(HOLEY)
    const stream = c.stream(HOLEY)
    for (const key of Object.keys(stream)) expectIdentical(stream[key]!, batch[key]!, key)
    let holeCount = 0
    for (let i = 0; i < HOLEY.length; i++) {
      if (!isHole(i)) continue
      holeCount++
      for (const [key, line] of Object.entries(batch)) {
        const previous = i === 0 ? NaN : line[i - 1]!
        if (!Object.is(line[i], previous)) {
          expect.fail(`${key}[${i}] is ${line[i]} at a hole, previous output ${previous}`)
        }
      }
    }
    expect(holeCount).toBeGreaterThan(10)
    // Not vacuous: the lines still have values on most bars.
    for (const [key, line] of Object.entries(batch)) {
      expect(line.filter(Number.isFinite).length, key).toBeGreaterThan(HOLEY.length / 2)
    }
  })
})
