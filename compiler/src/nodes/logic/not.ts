import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

export const not = defineNode({
  kind: 'not',
  version: 1,
  category: 'logic',
  label: 'Not',
  description: 'True when the condition is false, and false when it is true.',
  inputs: { value: 'condition' },
  outputs: { result: 'condition' },
  params: {},
  sentence: (_params, inputs) => `not (${inputs.value ?? 'the condition'})`,
  warmup: (_params, inputs) => warmMax(inputs),
  emitTs: ({ name, inputs }) => ({
    onBar: [`const ${name} = !${inputs.value!.ts}`],
    outputs: { result: name },
  }),
  emitMql5: ({ name, inputs }) => ({
    onBar: [`const bool ${name} = !${inputs.value!.mql5};`],
    outputs: { result: name },
  }),
})
