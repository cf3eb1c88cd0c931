import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

export const absolute = defineNode({
  kind: 'absolute',
  version: 1,
  category: 'math',
  label: 'Absolute value',
  description: 'The size of a value without its sign: −3 becomes 3.',
  inputs: { value: 'series' },
  outputs: { value: 'series' },
  params: {},
  sentence: (_params, inputs) => `|${inputs.value ?? 'value'}|`,
  warmup: (_params, inputs) => warmMax(inputs),
  emitTs: ({ name, inputs }) => ({
    onBar: [`const ${name} = Math.abs(${inputs.value!.ts})`],
    outputs: { value: name },
  }),
  emitMql5: ({ name, inputs }) => ({
    includes: ['Tradeloom/Math.mqh'],
    onBar: [`const double ${name} = TlAbs(${inputs.value!.mql5});`],
    outputs: { value: name },
  }),
})
