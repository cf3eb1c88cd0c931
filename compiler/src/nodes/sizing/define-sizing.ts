import type { NodeDefinition } from '../define-node'
import { defineNode } from '../define-node'
import type { NumberParamSpec } from '../params'
import { numberParam } from '../params'
import { warmConst } from '../../targets/warmup-expr'

interface SizingSpec {
  readonly kind: 'fixed-lots' | 'percent-equity' | 'risk-percent'
  readonly runtimeKind: 'fixed' | 'percent-equity' | 'risk-percent'
  readonly field: 'lots' | 'percent'
  readonly mql5Kind: string
  readonly label: string
  readonly description: string
  readonly param: NumberParamSpec
  sentence(value: number): string
}

/**
 * Sizing rules wired into an entry's `sizing` input. Both targets round the volume down to the
 * symbol's step and refuse it below the minimum (runtime `sizeEntry`, `TlSizeEntry`).
 */
export function defineSizing(spec: SizingSpec): NodeDefinition<{ value: NumberParamSpec }> {
  return defineNode({
    kind: spec.kind,
    version: 1,
    category: 'sizing',
    label: spec.label,
    description: spec.description,
    inputs: {},
    outputs: { sizing: 'sizing' },
    params: { value: spec.param },
    sentence: ({ value }) => spec.sentence(value),
    warmup: () => warmConst(0),
    emitTs: ({ params }) => ({
      outputs: { sizing: `{ kind: '${spec.runtimeKind}', ${spec.field}: ${params.value.ts} }` },
    }),
    emitMql5: ({ name, params }) => ({
      includes: ['Tradeloom/Orders.mqh'],
      globals: [`TlSizing g_${name};`],
      reset: [`g_${name}.kind = ${spec.mql5Kind};`, `g_${name}.value = ${params.value.mql5};`],
      outputs: { sizing: `g_${name}` },
    }),
  })
}

export function percentParam(label: string, defaultValue: number, max: number): NumberParamSpec {
  return numberParam({ label, default: defaultValue, min: 0.01, max, unit: '%' })
}
