import {
  createAdx,
  createAdxWilder,
  createAtr,
  createBollingerBands,
  createCci,
  createDonchian,
  createEma,
  createEnvelopes,
  createHighest,
  createIchimoku,
  createLowest,
  createLwma,
  createMacd,
  createMomentum,
  createParabolicSar,
  createRsi,
  createSma,
  createSmma,
  createStdDev,
  createStochastic,
  createWilliamsR,
} from '@tradeloom/runtime'
import { MQL5_CONSTANTS } from './mql5-runtime'

/** A runtime streaming indicator: `update` plus the other lines as fields. */
export interface TsIndicator {
  update(...inputs: number[]): number
}

/**
 * One indicator with one parameter set, as the runtime creates it and as the EA sets up its MQL5
 * twin (`Tl<Struct>Init(s, ...init)`, then `Tl<Struct>Update(s, ...inputs)` per bar). `fields`
 * are the other lines, read after each update under the same name on both sides.
 */
export interface ParityCase {
  readonly name: string
  /** File under Include/Tradeloom/Indicators/ and the struct it defines. */
  readonly file: string
  readonly struct: string
  /** What `update` takes: one value (an applied price or another indicator), or bar prices. */
  readonly input: 'value' | 'high-low-close' | 'high-low'
  readonly init: readonly number[]
  readonly fields: readonly string[]
  create(): TsIndicator
}

const { MODE_SMA, MODE_EMA, MODE_SMMA, MODE_LWMA, STO_LOWHIGH, STO_CLOSECLOSE } = MQL5_CONSTANTS

const METHODS = [
  ['sma', MODE_SMA],
  ['ema', MODE_EMA],
  ['smma', MODE_SMMA],
  ['lwma', MODE_LWMA],
] as const

function simple(
  name: string,
  file: string,
  period: number,
  create: (n: number) => TsIndicator,
): ParityCase {
  return {
    name: `${name}(${period})`,
    file,
    struct: `Tl${file}`,
    input: 'value',
    init: [period],
    fields: [],
    create: () => create(period),
  }
}

function barCase(
  name: string,
  file: string,
  period: number,
  fields: readonly string[],
  create: (n: number) => TsIndicator,
): ParityCase {
  return {
    name: `${name}(${period})`,
    file,
    struct: `Tl${file}`,
    input: 'high-low-close',
    init: [period],
    fields,
    create: () => create(period),
  }
}

/** Defaults plus edge parameters (period 1, fast > slow, close/close, ...) for every indicator. */
export const PARITY_CASES: readonly ParityCase[] = [
  ...[20, 1].map((n) => simple('SMA', 'Sma', n, createSma)),
  ...[20, 1].map((n) => simple('EMA', 'Ema', n, createEma)),
  ...[14, 1].map((n) => simple('SMMA', 'Smma', n, createSmma)),
  ...[20, 1].map((n) => simple('LWMA', 'Lwma', n, createLwma)),
  ...[14, 2, 1].map((n) => simple('RSI', 'Rsi', n, createRsi)),
  ...[14, 1].map((n) => simple('CCI', 'Cci', n, createCci)),
  ...[14, 1].map((n) => simple('Momentum', 'Momentum', n, createMomentum)),
  ...[20, 1].map((n) => simple('Highest', 'Highest', n, createHighest)),
  ...[20, 1].map((n) => simple('Lowest', 'Lowest', n, createLowest)),
  ...[
    [12, 26, 9],
    [26, 12, 1],
  ].map(([f, s, g]) => ({
    name: `MACD(${f}, ${s}, ${g})`,
    file: 'Macd',
    struct: 'TlMacd',
    input: 'value' as const,
    init: [f!, s!, g!],
    fields: ['signal', 'histogram'],
    create: () => createMacd(f!, s!, g!),
  })),
  ...[
    [20, 2],
    [2, 0.5],
  ].map(([n, d]) => ({
    name: `Bollinger Bands(${n}, ${d})`,
    file: 'BollingerBands',
    struct: 'TlBollingerBands',
    input: 'value' as const,
    init: [n!, d!],
    fields: ['upper', 'lower'],
    create: () => createBollingerBands(n!, d!),
  })),
  ...METHODS.map(([method, mode]) => ({
    name: `StdDev(20, ${method})`,
    file: 'StdDev',
    struct: 'TlStdDev',
    input: 'value' as const,
    init: [20, mode],
    fields: ['ma'],
    create: () => createStdDev(20, method),
  })),
  ...METHODS.map(([method, mode]) => ({
    name: `Envelopes(14, 0.1, ${method})`,
    file: 'Envelopes',
    struct: 'TlEnvelopes',
    input: 'value' as const,
    init: [14, 0.1, mode],
    fields: ['lower', 'ma'],
    create: () => createEnvelopes(14, 0.1, method),
  })),
  ...[
    [5, 3, 3, 'lowhigh', STO_LOWHIGH],
    [14, 1, 1, 'closeclose', STO_CLOSECLOSE],
  ].map(([k, d, s, field, mode]) => ({
    name: `Stochastic(${k}, ${d}, ${s}, ${field})`,
    file: 'Stochastic',
    struct: 'TlStochastic',
    input: 'high-low-close' as const,
    init: [k as number, d as number, s as number, mode as number],
    fields: ['signal'],
    create: () => createStochastic(k as number, d as number, s as number, field as 'lowhigh'),
  })),
  ...[14, 1].map((n) => barCase('ATR', 'Atr', n, [], createAtr)),
  ...[14, 3, 1].map((n) => barCase('Williams %R', 'WilliamsR', n, [], createWilliamsR)),
  ...[14, 1].map((n) => barCase('ADX', 'Adx', n, ['plusDi', 'minusDi'], createAdx)),
  ...[14, 1].map((n) =>
    barCase('ADX Wilder', 'AdxWilder', n, ['plusDi', 'minusDi'], createAdxWilder),
  ),
  ...[
    [9, 26, 52],
    [26, 9, 5],
  ].map(([t, k, s]) => ({
    name: `Ichimoku(${t}, ${k}, ${s})`,
    file: 'Ichimoku',
    struct: 'TlIchimoku',
    input: 'high-low-close' as const,
    init: [t!, k!, s!],
    fields: ['kijun', 'spanA', 'spanB', 'chikou', 'cloudA', 'cloudB'],
    create: () => createIchimoku(t!, k!, s!),
  })),
  ...[
    [0.02, 0.2],
    [0.1, 0.15],
  ].map(([step, max]) => ({
    name: `Parabolic SAR(${step}, ${max})`,
    file: 'ParabolicSar',
    struct: 'TlParabolicSar',
    input: 'high-low' as const,
    init: [step!, max!],
    fields: ['next', 'isLong'],
    create: () => createParabolicSar(step!, max!),
  })),
  ...[20, 1].map((n) => ({
    name: `Donchian(${n})`,
    file: 'Donchian',
    struct: 'TlDonchian',
    input: 'high-low' as const,
    init: [n],
    fields: ['upper', 'lower'],
    create: () => createDonchian(n),
  })),
]
