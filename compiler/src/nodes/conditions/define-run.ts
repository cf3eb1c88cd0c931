import type { NodeDefinition } from '../define-node'
import { defineNode } from '../define-node'
import type { NumberParamSpec } from '../params'
import { intParam } from '../params'
import { warmMax, warmSum } from '../../targets/warmup-expr'

/** Rising and falling for N bars: a run counter in both targets (`createRunLength`, `TlRun`). */
export function defineRun(direction: 1 | -1): NodeDefinition<{ bars: NumberParamSpec }> {
  const verb = direction > 0 ? 'rising' : 'falling'
  return defineNode({
    kind: verb,
    version: 1,
    category: 'condition',
    label: direction > 0 ? 'Rising' : 'Falling',
    description: `True when the value has been ${verb} on each of the last N bars (each bar ${direction > 0 ? 'above' : 'below'} the one before).`,
    inputs: { value: 'series' },
    outputs: { result: 'condition' },
    params: { bars: intParam({ label: 'For bars', default: 3, min: 1, max: 500, unit: 'bars' }) },
    sentence: ({ bars }, inputs) =>
      `${inputs.value ?? 'the value'} has been ${verb} for ${bars} bar${bars === 1 ? '' : 's'}`,
    warmup: ({ bars }, inputs) => warmSum(warmMax(inputs), bars),
    emitTs: ({ name, params, inputs }) => ({
      imports: ['createRunLength'],
      setup: [`const ${name}Run = createRunLength(${direction})`],
      onBar: [`const ${name} = ${name}Run.update(${inputs.value!.ts}) >= ${params.bars.ts}`],
      outputs: { result: name },
    }),
    emitMql5: ({ name, params, inputs }) => ({
      includes: ['Tradeloom/Series.mqh'],
      globals: [`TlRun g_${name}Run;`],
      reset: [`TlRunInit(g_${name}Run, ${direction});`],
      onBar: [
        `const bool ${name} = TlRunUpdate(g_${name}Run, ${inputs.value!.mql5}) >= ${params.bars.mql5};`,
      ],
      outputs: { result: name },
    }),
  })
}
