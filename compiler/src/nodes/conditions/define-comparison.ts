import type { NodeDefinition } from '../define-node'
import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

interface ComparisonSpec {
  readonly kind: string
  readonly label: string
  readonly operator: '>' | '<' | '>=' | '<='
  readonly mql5Function: string
  readonly words: string
}

/**
 * Greater, less and their "or equal" forms. TypeScript compares directly (NaN compares false);
 * MQL5 calls a helper that tests validity first, which gives the same truth table.
 */
export function defineComparison(spec: ComparisonSpec): NodeDefinition<Record<string, never>> {
  return defineNode({
    kind: spec.kind,
    version: 1,
    category: 'condition',
    label: spec.label,
    description: `True on bars where A is ${spec.words} B.`,
    inputs: { a: 'series', b: 'series' },
    outputs: { result: 'condition' },
    params: {},
    sentence: (_params, inputs) => `${inputs.a ?? 'A'} is ${spec.words} ${inputs.b ?? 'B'}`,
    warmup: (_params, inputs) => warmMax(inputs),
    emitTs: ({ name, inputs }) => ({
      onBar: [`const ${name} = ${inputs.a!.ts} ${spec.operator} ${inputs.b!.ts}`],
      outputs: { result: name },
    }),
    emitMql5: ({ name, inputs }) => ({
      includes: ['Tradeloom/Conditions.mqh'],
      onBar: [`const bool ${name} = ${spec.mql5Function}(${inputs.a!.mql5}, ${inputs.b!.mql5});`],
      outputs: { result: name },
    }),
  })
}
