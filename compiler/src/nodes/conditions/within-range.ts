import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

export const withinRange = defineNode({
  kind: 'within-range',
  version: 1,
  category: 'condition',
  label: 'Within range',
  description:
    'True on bars where the value lies between the lower and upper bounds (both included).',
  inputs: { value: 'series', lower: 'series', upper: 'series' },
  outputs: { result: 'condition' },
  params: {},
  sentence: (_params, inputs) =>
    `${inputs.value ?? 'the value'} is between ${inputs.lower ?? 'the lower bound'} and ${inputs.upper ?? 'the upper bound'}`,
  warmup: (_params, inputs) => warmMax(inputs),
  emitTs: ({ name, inputs }) => ({
    onBar: [
      `const ${name} = ${inputs.lower!.ts} <= ${inputs.value!.ts} && ${inputs.value!.ts} <= ${inputs.upper!.ts}`,
    ],
    outputs: { result: name },
  }),
  emitMql5: ({ name, inputs }) => ({
    includes: ['Tradeloom/Conditions.mqh'],
    onBar: [
      `const bool ${name} = TlWithin(${inputs.value!.mql5}, ${inputs.lower!.mql5}, ${inputs.upper!.mql5});`,
    ],
    outputs: { result: name },
  }),
})
