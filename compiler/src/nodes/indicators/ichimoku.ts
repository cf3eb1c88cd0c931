import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmMax, warmSum } from '../../targets/warmup-expr'

const LINES = ['tenkan', 'kijun', 'spanA', 'spanB', 'chikou', 'cloudA', 'cloudB'] as const

/** `tenkan` -> `ichimokuTenkan`: the local each line is snapshotted into, in both targets. */
function local(name: string, line: string): string {
  return `${name}${line[0]!.toUpperCase()}${line.slice(1)}`
}

/**
 * Ichimoku as MT5 computes it, with the runtime's shift convention: every line is the value
 * computed at the bar (unshifted); `cloudA`/`cloudB` are the spans of `kijun` bars ago, i.e. the
 * cloud MT5 draws under the current bar. Reads the bar's high, low and close. Both targets run the
 * same state machine: the runtime's `createIchimoku` and `TlIchimoku` in `Ichimoku.mqh`.
 */
export const ichimoku = defineNode({
  kind: 'ichimoku',
  version: 1,
  category: 'indicator',
  label: 'Ichimoku',
  description:
    "Ichimoku Kinko Hyo: midpoints of the recent high-low range over three horizons. Tenkan and Kijun act like a fast and a slow average; Cloud A and B are the spans drawn under the current bar, and a price above the cloud is read as an uptrend. Span A and B are today's values (drawn Kijun bars ahead); Chikou is today's close (drawn Kijun bars back).",
  inputs: {},
  outputs: {
    tenkan: 'series',
    kijun: 'series',
    spanA: 'series',
    spanB: 'series',
    chikou: 'series',
    cloudA: 'series',
    cloudB: 'series',
  },
  pane: 'price',
  params: {
    tenkanPeriod: intParam({
      label: 'Tenkan-sen period',
      default: 9,
      min: 1,
      max: 1000,
      unit: 'bars',
    }),
    kijunPeriod: intParam({
      label: 'Kijun-sen period',
      default: 26,
      min: 1,
      max: 1000,
      unit: 'bars',
    }),
    senkouPeriod: intParam({
      label: 'Senkou span B period',
      default: 52,
      min: 1,
      max: 1000,
      unit: 'bars',
    }),
  },
  sentence: ({ tenkanPeriod, kijunPeriod, senkouPeriod }) =>
    `Ichimoku(${tenkanPeriod}, ${kijunPeriod}, ${senkouPeriod})`,
  // Every line valid: the longest window, then kijun bars more for the cloud (`ichimokuWarmup`).
  warmup: ({ tenkanPeriod, kijunPeriod, senkouPeriod }) =>
    warmSum(warmMax([tenkanPeriod, kijunPeriod, senkouPeriod]), kijunPeriod, warmConst(-1)),
  emitTs: ({ name, params }) => ({
    imports: ['createIchimoku'],
    setup: [
      `const ${name} = createIchimoku(${params.tenkanPeriod.ts}, ${params.kijunPeriod.ts}, ${params.senkouPeriod.ts})`,
    ],
    onBar: [
      `const ${local(name, 'tenkan')} = ${name}.update(ctx.high, ctx.low, ctx.close)`,
      ...LINES.slice(1).map((line) => `const ${local(name, line)} = ${name}.${line}`),
    ],
    outputs: Object.fromEntries(LINES.map((line) => [line, local(name, line)])),
  }),
  emitMql5: ({ name, params }) => ({
    includes: ['Tradeloom/Indicators/Ichimoku.mqh'],
    globals: [`TlIchimoku g_${name};`],
    reset: [
      `TlIchimokuInit(g_${name}, ${params.tenkanPeriod.mql5}, ${params.kijunPeriod.mql5}, ${params.senkouPeriod.mql5});`,
    ],
    onBar: [
      `const double ${local(name, 'tenkan')} = TlIchimokuUpdate(g_${name}, bar.high, bar.low, bar.close);`,
      ...LINES.slice(1).map((line) => `const double ${local(name, line)} = g_${name}.${line};`),
    ],
    outputs: Object.fromEntries(LINES.map((line) => [line, local(name, line)])),
  }),
})
