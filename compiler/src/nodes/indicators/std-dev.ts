import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmConst, warmMax, warmSum } from '../../targets/warmup-expr'
import { wilderBurnIn } from './burn-in'
import { MA_METHODS, maMethodParam } from './ma-methods'

/**
 * Standard deviation as MT5 computes it (iStdDev): population deviation around an average of the
 * chosen method, which for EMA and SMMA is its own recursive, SMA-seeded average. Both targets run
 * the same state machine: the runtime's `createStdDev` and `TlStdDev` in `StdDev.mqh`.
 */
export const stdDev = defineNode({
  kind: 'std-dev',
  version: 1,
  category: 'indicator',
  label: 'Standard deviation',
  description:
    'How widely values spread around their average over the last N bars, in the units of the input. It rises when the market gets more volatile and falls when it calms down.',
  inputs: { source: 'series' },
  outputs: { value: 'series' },
  pane: 'oscillator',
  params: {
    period: intParam({ label: 'Period', default: 20, min: 1, max: 5000, unit: 'bars' }),
    method: maMethodParam(),
  },
  sentence: ({ period, method }, inputs) => {
    const how = method === 'sma' ? '' : `, ${MA_METHODS[method]?.short ?? method}`
    return `StdDev(${period}${how}) of ${inputs.source ?? 'its input'}`
  },
  // The warm-up cannot see the method (enum params reach it as constants), so it always allows
  // the burn-in of the slowest recursive method (SMMA), which also covers EMA.
  warmup: ({ period }, inputs) =>
    warmSum(warmMax(inputs), period, warmConst(-1), wilderBurnIn(period)),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createStdDev'],
    setup: [`const ${name} = createStdDev(${params.period.ts}, '${params.method.value}')`],
    onBar: [`const ${name}Value = ${name}.update(${inputs.source!.ts})`],
    outputs: { value: `${name}Value` },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Indicators/StdDev.mqh'],
    globals: [`TlStdDev g_${name};`],
    reset: [
      `TlStdDevInit(g_${name}, ${params.period.mql5}, ${MA_METHODS[params.method.value]!.mql5});`,
    ],
    onBar: [`const double ${name}Value = TlStdDevUpdate(g_${name}, ${inputs.source!.mql5});`],
    outputs: { value: `${name}Value` },
  }),
})
