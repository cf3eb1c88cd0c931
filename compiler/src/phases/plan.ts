import type { Edge, NodeInstance, StrategyGraph } from '../graph/schema'
import type { NodeDefinition, ParamRef } from '../nodes/define-node'
import type { ParamSpec } from '../nodes/params'
import { getNodeDefinition } from '../nodes/registry'
import type { WarmupExpr } from '../targets/warmup-expr'
import { warmMax } from '../targets/warmup-expr'
import { createNamer, toCamelIdentifier, toPascal } from './names'
import { resolveParams } from './validate-params'

/** A strategy input: a tunable parameter of one node. */
export interface PlanInput {
  readonly nodeId: string
  readonly nodeName: string
  readonly group: string
  readonly param: string
  readonly spec: ParamSpec
  readonly value: number
  readonly tsName: string
  readonly mql5Name: string
}

export interface PlannedNode {
  readonly node: NodeInstance
  readonly definition: NodeDefinition
  readonly name: string
  readonly displayName: string
  readonly params: Readonly<Record<string, ParamRef>>
  readonly paramValues: Readonly<Record<string, number | string>>
  /** For each input port, the edge that feeds it. */
  readonly inputEdges: Readonly<Record<string, Edge>>
}

/** The IR: live nodes in topological order with stable names, the inputs and the warm-up. */
export interface Plan {
  readonly graph: StrategyGraph
  readonly nodes: readonly PlannedNode[]
  readonly inputs: readonly PlanInput[]
  readonly warmup: WarmupExpr
  /** Strategy-wide features nodes switch on (see EmitContext.features). */
  readonly features: ReadonlySet<string>
}

/**
 * Orders a VALID graph (validate first) topologically, breaking ties by node id so the output is
 * stable, drops nodes that feed no action (they would be dead code), and names everything.
 */
export function planStrategy(graph: StrategyGraph): Plan {
  const live = findLiveNodes(graph)
  const order = topologicalOrder(graph, live)
  const byId = new Map(graph.nodes.map((n) => [n.id, n]))
  const nameFor = createNamer()
  const inputs: PlanInput[] = []
  const planned: PlannedNode[] = []
  const warmups = new Map<string, WarmupExpr>()

  for (const id of order) {
    const node = byId.get(id)!
    const definition = getNodeDefinition(node.kind)!
    const values = resolveParams(node, definition)
    // A label names the node; else a price is named by its field and anything else by its id.
    const preferred = node.label ?? (node.kind === 'price' ? String(values.field) : node.id)
    const name = nameFor(preferred, toCamelIdentifier(node.kind))
    const displayName = node.label ?? definition.label
    const params: Record<string, ParamRef> = {}
    const disabled = new Set<string>()
    for (const [param, spec] of Object.entries(definition.params)) {
      const value = values[param]!
      if (spec.type === 'enum') {
        params[param] = { value, ts: JSON.stringify(value), mql5: JSON.stringify(value) }
        continue
      }
      if (spec.onlyWhen && !spec.onlyWhen.equals.includes(String(values[spec.onlyWhen.param]))) {
        // Irrelevant in this configuration: a literal, so it adds no input and no dead code.
        params[param] = { value, ts: String(value), mql5: String(value) }
        disabled.add(param)
        continue
      }
      const tsName = `${name}${toPascal(param)}`
      const mql5Name = `Inp${toPascal(name)}${toPascal(param)}`
      params[param] = { value, ts: `params.${tsName}`, mql5: mql5Name }
      inputs.push({
        nodeId: id,
        nodeName: name,
        group: displayName,
        param,
        spec,
        value: value as number,
        tsName,
        mql5Name,
      })
    }
    const inputEdges: Record<string, Edge> = {}
    for (const edge of graph.edges) if (edge.target === id) inputEdges[edge.targetPort] = edge
    const paramWarmups: Record<string, WarmupExpr> = {}
    for (const [param, ref] of Object.entries(params)) {
      paramWarmups[param] =
        typeof ref.value === 'number' && !disabled.has(param)
          ? { kind: 'param', ts: ref.ts, mql5: ref.mql5, value: ref.value }
          : { kind: 'const', value: 0 }
    }
    const upstream = Object.keys(definition.inputs)
      .filter((port) => inputEdges[port] !== undefined)
      .map((port) => warmups.get(inputEdges[port]!.source)!)
    warmups.set(id, definition.warmup(paramWarmups, upstream))
    planned.push({ node, definition, name, displayName, params, paramValues: values, inputEdges })
  }

  const actionWarmups = planned
    .filter((p) => p.definition.category === 'action')
    .map((p) => warmups.get(p.node.id)!)
  const features = new Set(
    planned.some((p) => p.node.kind === 'max-trades-per-day') ? ['entries-today'] : [],
  )
  return { graph, nodes: planned, inputs, warmup: warmMax(actionWarmups), features }
}

/** Nodes from which an action can be reached (actions included). */
function findLiveNodes(graph: StrategyGraph): Set<string> {
  const live = new Set(
    graph.nodes.filter((n) => getNodeDefinition(n.kind)?.category === 'action').map((n) => n.id),
  )
  const incoming = new Map<string, string[]>()
  for (const edge of graph.edges)
    incoming.set(edge.target, [...(incoming.get(edge.target) ?? []), edge.source])
  const queue = [...live]
  while (queue.length > 0) {
    for (const source of incoming.get(queue.pop()!) ?? []) {
      if (!live.has(source)) {
        live.add(source)
        queue.push(source)
      }
    }
  }
  return live
}

/** Kahn's algorithm, always taking the smallest ready id, so equal graphs give equal orders. */
function topologicalOrder(graph: StrategyGraph, live: Set<string>): string[] {
  const indegree = new Map<string, number>()
  const outgoing = new Map<string, string[]>()
  for (const id of live) indegree.set(id, 0)
  for (const edge of graph.edges) {
    if (!live.has(edge.source) || !live.has(edge.target)) continue
    indegree.set(edge.target, indegree.get(edge.target)! + 1)
    outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge.target])
  }
  const ready = [...live].filter((id) => indegree.get(id) === 0).sort()
  const order: string[] = []
  while (ready.length > 0) {
    const id = ready.shift()!
    order.push(id)
    for (const target of outgoing.get(id) ?? []) {
      const left = indegree.get(target)! - 1
      indegree.set(target, left)
      if (left === 0) insertSorted(ready, target)
    }
  }
  return order
}

function insertSorted(list: string[], id: string): void {
  let i = 0
  while (i < list.length && list[i]! < id) i++
  list.splice(i, 0, id)
}
