import { defineNode } from '../define-node'
import { crossWarmup, emitCrossMql5, emitCrossTs } from './cross'

export const crossBelow = defineNode({
  kind: 'cross-below',
  version: 1,
  category: 'condition',
  label: 'Crosses below',
  description: 'True on the bar where A moves from at or above B to below B.',
  inputs: { a: 'series', b: 'series' },
  outputs: { result: 'condition' },
  params: {},
  sentence: (_params, inputs) => `${inputs.a ?? 'A'} crosses below ${inputs.b ?? 'B'}`,
  warmup: (_params, inputs) => crossWarmup(inputs),
  emitTs: (ctx) => emitCrossTs(ctx, 'below'),
  emitMql5: (ctx) => emitCrossMql5(ctx, 'below'),
})
