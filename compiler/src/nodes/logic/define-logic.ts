import type { NodeDefinition } from '../define-node'
import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

/** And / or: two conditions in, one out; the same operator in both languages. */
export function defineLogic(kind: 'and' | 'or'): NodeDefinition<Record<string, never>> {
  const operator = kind === 'and' ? '&&' : '||'
  return defineNode({
    kind,
    version: 1,
    category: 'logic',
    label: kind === 'and' ? 'And' : 'Or',
    description:
      kind === 'and'
        ? 'True when both conditions are true.'
        : 'True when either condition is true.',
    inputs: { a: 'condition', b: 'condition' },
    outputs: { result: 'condition' },
    params: {},
    sentence: (_params, inputs) => `${inputs.a ?? 'A'} ${kind} ${inputs.b ?? 'B'}`,
    warmup: (_params, inputs) => warmMax(inputs),
    emitTs: ({ name, inputs }) => ({
      onBar: [`const ${name} = ${inputs.a!.ts} ${operator} ${inputs.b!.ts}`],
      outputs: { result: name },
    }),
    emitMql5: ({ name, inputs }) => ({
      onBar: [`const bool ${name} = ${inputs.a!.mql5} ${operator} ${inputs.b!.mql5};`],
      outputs: { result: name },
    }),
  })
}
