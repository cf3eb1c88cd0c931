import { defineNode } from '../define-node'
import { crossWarmup, emitCrossMql5, emitCrossTs } from './cross'

export const crossAbove = defineNode({
  kind: 'cross-above',
  version: 1,
  category: 'condition',
  label: 'Crosses above',
  description: 'True on the bar where A moves from at or below B to above B.',
  inputs: { a: 'series', b: 'series' },
  outputs: { result: 'condition' },
  params: {},
  sentence: (_params, inputs) => `${inputs.a ?? 'A'} crosses above ${inputs.b ?? 'B'}`,
  warmup: (_params, inputs) => crossWarmup(inputs),
  emitTs: (ctx) => emitCrossTs(ctx, 'above'),
  emitMql5: (ctx) => emitCrossMql5(ctx, 'above'),
})
