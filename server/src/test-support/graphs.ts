import { compile, strategyTemplates } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'

/** A fresh, mutable copy of the SMA-cross template's graph (the product's first strategy). */
export function smaCrossGraph(): StrategyGraph {
  const template = strategyTemplates.find((t) => t.id === 'sma-cross')
  if (template === undefined) throw new Error('The compiler no longer ships the sma-cross template')
  return structuredClone(template.graph) as StrategyGraph
}

/** The TypeScript the compiler emits for the SMA-cross template. */
export function smaCrossTs(): string {
  const result = compile(smaCrossGraph())
  if (!result.ok) throw new Error('The sma-cross template no longer compiles')
  return result.ts
}
