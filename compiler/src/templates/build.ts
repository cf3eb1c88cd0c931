import type { Edge, NodeInstance, StrategyGraph, Timeframe } from '../graph/schema'

/**
 * A tiny builder so each template file reads as the strategy it is: nodes laid out left to right
 * by column, edges written `from.port -> to.port`.
 */
export interface TemplateBuilder {
  node(
    id: string,
    kind: string,
    column: number,
    params?: NodeInstance['params'],
    label?: string,
  ): void
  wire(from: string, to: string): void
  build(): StrategyGraph
}

export function templateBuilder(name: string, timeframe: Timeframe = 'H1'): TemplateBuilder {
  const nodes: NodeInstance[] = []
  const edges: Edge[] = []
  const rows = new Map<number, number>()
  return {
    node(id, kind, column, params = {}, label) {
      const row = rows.get(column) ?? 0
      rows.set(column, row + 1)
      nodes.push({
        id,
        kind,
        params,
        position: { x: column * 280, y: row * 190 },
        ...(label ? { label } : {}),
      })
    },
    wire(from, to) {
      const [source, sourcePort] = from.split('.') as [string, string]
      const [target, targetPort] = to.split('.') as [string, string]
      edges.push({ id: `e${edges.length + 1}`, source, sourcePort, target, targetPort })
    },
    build: () => ({
      schemaVersion: 1,
      meta: { name, symbol: 'EURUSD', timeframe, strategyClass: 'RULE' },
      nodes,
      edges,
    }),
  }
}
