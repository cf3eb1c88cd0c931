import { defineNode } from '../define-node'
import { intParam } from '../params'
import { warmMax, warmSum } from '../../targets/warmup-expr'

/** The runtime's `createLag` and `TlLag` (Include/Tradeloom/Series.mqh) keep the same ring. */
export const barsAgo = defineNode({
  kind: 'bars-ago',
  version: 1,
  category: 'math',
  label: 'Value N bars ago',
  description:
    'The input as it was N closed bars earlier, e.g. yesterday’s close on a daily chart.',
  inputs: { value: 'series' },
  outputs: { value: 'series' },
  params: { bars: intParam({ label: 'Bars ago', default: 1, min: 1, max: 5000, unit: 'bars' }) },
  sentence: ({ bars }, inputs) =>
    `${inputs.value ?? 'the value'} ${bars} bar${bars === 1 ? '' : 's'} ago`,
  warmup: ({ bars }, inputs) => warmSum(warmMax(inputs), bars),
  emitTs: ({ name, params, inputs }) => ({
    imports: ['createLag'],
    setup: [`const ${name}Lag = createLag(${params.bars.ts})`],
    onBar: [`const ${name} = ${name}Lag.update(${inputs.value!.ts})`],
    outputs: { value: name },
  }),
  emitMql5: ({ name, params, inputs }) => ({
    includes: ['Tradeloom/Series.mqh'],
    globals: [`TlLag g_${name}Lag;`],
    reset: [`TlLagInit(g_${name}Lag, ${params.bars.mql5});`],
    onBar: [`const double ${name} = TlLagUpdate(g_${name}Lag, ${inputs.value!.mql5});`],
    outputs: { value: name },
  }),
})
