import type { NodeDefinition } from '../define-node'
import { defineNode } from '../define-node'
import { warmMax } from '../../targets/warmup-expr'

interface BinaryMathSpec {
  readonly kind: string
  readonly label: string
  readonly description: string
  /** TypeScript expression; NaN must propagate (it does for + - * and Math.min/max). */
  ts(a: string, b: string): string
  /** The NaN-propagating helper in Include/Tradeloom/Math.mqh. */
  readonly mql5Function: string
  sentence(a: string, b: string): string
}

/** Shared shape of add, subtract, multiply, divide, min and max: two series in, one out. */
export function defineBinaryMath(spec: BinaryMathSpec): NodeDefinition<Record<string, never>> {
  return defineNode({
    kind: spec.kind,
    version: 1,
    category: 'math',
    label: spec.label,
    description: spec.description,
    inputs: { a: 'series', b: 'series' },
    outputs: { value: 'series' },
    params: {},
    sentence: (_params, inputs) => spec.sentence(inputs.a ?? 'A', inputs.b ?? 'B'),
    warmup: (_params, inputs) => warmMax(inputs),
    emitTs: ({ name, inputs }) => ({
      onBar: [`const ${name} = ${spec.ts(inputs.a!.ts, inputs.b!.ts)}`],
      outputs: { value: name },
    }),
    emitMql5: ({ name, inputs }) => ({
      includes: ['Tradeloom/Math.mqh'],
      onBar: [`const double ${name} = ${spec.mql5Function}(${inputs.a!.mql5}, ${inputs.b!.mql5});`],
      outputs: { value: name },
    }),
  })
}
