import fc from 'fast-check'
import type { Edge, NodeDefinition, NodeInstance, ParamSpec, StrategyGraph } from '../../src/index'
import { nodeDefinitions } from '../../src/index'

const definitions = Object.values(nodeDefinitions) as unknown as NodeDefinition[]

/** A value for one param: usually within its spec, sometimes at or beyond the edges. */
function paramValue(spec: ParamSpec, pick: (n: number) => number): number | string {
  if (spec.type === 'enum') return spec.options[pick(spec.options.length)]!.value
  const span = Math.min(spec.max, spec.min + 60) - spec.min
  const raw = spec.min + (pick(1000) / 1000) * span
  return spec.type === 'int' ? Math.round(raw) : Math.round(raw * 100) / 100
}

/**
 * Graphs built the way a user builds them: nodes added one by one, each input wired to an earlier
 * output of the same type (so there are no loops), ending in at least one entry. Every graph this
 * yields is valid by construction; the property is that it compiles, typechecks and runs.
 */
export const validGraphArbitrary: fc.Arbitrary<StrategyGraph> = fc
  .record({
    size: fc.integer({ min: 1, max: 12 }),
    choices: fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
  })
  .map(({ size, choices }) => {
    let cursor = 0
    const pick = (n: number) => choices[cursor++ % choices.length]! % n
    const nodes: NodeInstance[] = [
      { id: 'n0', kind: 'price', params: { field: 'close' }, position: { x: 0, y: 0 } },
    ]
    const edges: Edge[] = []
    const outputs: { id: string; port: string; type: string }[] = [
      { id: 'n0', port: 'value', type: 'series' },
    ]
    const nonActions = definitions.filter((d) => d.category !== 'action')
    const addNode = (definition: NodeDefinition) => {
      const id = `n${nodes.length}`
      const params: Record<string, number | string> = {}
      for (const [name, spec] of Object.entries(definition.params))
        params[name] = paramValue(spec, pick)
      const wired: Edge[] = []
      for (const [port, type] of Object.entries(definition.inputs)) {
        const candidates = outputs.filter((o) => o.type === type)
        const optional = definition.optionalInputs?.includes(port)
        if (candidates.length === 0) {
          if (optional) continue
          return false
        }
        if (optional && pick(2) === 0) continue
        const from = candidates[pick(candidates.length)]!
        wired.push({
          id: `e${edges.length + wired.length}`,
          source: from.id,
          sourcePort: from.port,
          target: id,
          targetPort: port,
        })
      }
      nodes.push({ id, kind: definition.kind, params, position: { x: nodes.length * 10, y: 0 } })
      edges.push(...wired)
      for (const [port, type] of Object.entries(definition.outputs))
        outputs.push({ id, port, type })
      return true
    }
    for (let i = 0; i < size; i++) addNode(nonActions[pick(nonActions.length)]!)
    // A condition to trade on: a cross of the latest series with the price, unless one exists.
    if (!outputs.some((o) => o.type === 'condition'))
      addNode(nodeDefinitions['cross-above'] as unknown as NodeDefinition)
    const entry = nodeDefinitions[
      pick(2) === 0 ? 'enter-long' : 'enter-short'
    ] as unknown as NodeDefinition
    addNode(entry)
    // Risk sizing without a stop is a (tested) diagnostic; keep these graphs valid.
    const entryId = nodes[nodes.length - 1]!.id
    const sizing = edges.find((e) => e.target === entryId && e.targetPort === 'sizing')
    if (
      sizing &&
      nodes.find((n) => n.id === sizing.source)?.kind === 'risk-percent' &&
      !edges.some((e) => e.target === entryId && e.targetPort === 'stopLoss')
    ) {
      edges.splice(edges.indexOf(sizing), 1)
    }
    // Nodes that feed nothing are legal but warned about; wire spare conditions into an exit.
    return {
      schemaVersion: 1,
      meta: { name: 'fuzz', symbol: 'EURUSD', timeframe: 'H1', strategyClass: 'RULE' },
      nodes,
      edges,
    } satisfies StrategyGraph
  })

/** Anything at all, and valid graphs with one random corruption: the compiler must not throw. */
export const hostileInputArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything(),
  fc
    .tuple(validGraphArbitrary, fc.nat(), fc.anything())
    .map(([graph, which, junk]) => corrupt(graph, which, junk)),
)

function corrupt(graph: StrategyGraph, which: number, junk: unknown): unknown {
  const copy = structuredClone(graph) as unknown as Record<string, unknown[]> &
    Record<string, unknown>
  const node = graph.nodes[which % graph.nodes.length]!
  switch (which % 7) {
    case 0:
      return { ...copy, nodes: [...graph.nodes, { ...node }] } // duplicate id
    case 1:
      return {
        ...copy,
        nodes: graph.nodes.map((n) =>
          n === node ? { ...n, params: { ...n.params, period: junk } } : n,
        ),
      }
    case 2:
      return {
        ...copy,
        edges: graph.edges.map((e, i) => (i === 0 ? { ...e, target: 'nowhere' } : e)),
      }
    case 3:
      return { ...copy, edges: graph.edges.slice(1) }
    case 4:
      return {
        ...copy,
        nodes: graph.nodes.map((n) => (n === node ? { ...n, kind: String(junk) } : n)),
      }
    case 5:
      return {
        ...copy,
        edges: [
          ...graph.edges,
          { id: 'loop', source: node.id, sourcePort: 'value', target: 'n0', targetPort: 'source' },
        ],
      }
    default:
      return { ...copy, meta: junk }
  }
}
