import type { Diagnostic } from '../diagnostics'
import * as d from '../diagnostics'
import type { StrategyGraph } from '../graph/schema'
import type { NodeDefinition, PortType } from '../nodes/define-node'
import { PORT_TYPE_NAMES } from '../nodes/define-node'
import { getNodeDefinition } from '../nodes/registry'
import { findCycle } from './find-cycle'
import { validateParams } from './validate-params'

/**
 * Checks a parsed graph and returns every problem found, errors and warnings, each naming the
 * node, edge or parameter it concerns. Never throws.
 */
export function validateGraph(graph: StrategyGraph): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const definitions = new Map<string, NodeDefinition>()

  const seenNodes = new Set<string>()
  graph.nodes.forEach((node, index) => {
    if (seenNodes.has(node.id)) diagnostics.push(d.duplicateNodeId(node.id, index))
    seenNodes.add(node.id)
    const definition = getNodeDefinition(node.kind)
    if (!definition) {
      diagnostics.push(d.unknownNodeKind(node.id, node.kind))
      return
    }
    definitions.set(node.id, definition)
    diagnostics.push(...validateParams(node, definition))
  })

  const seenEdges = new Set<string>()
  const connectedInputs = new Set<string>()
  const touched = new Set<string>()
  graph.edges.forEach((edge, index) => {
    if (seenEdges.has(edge.id)) diagnostics.push(d.duplicateEdgeId(edge.id, index))
    seenEdges.add(edge.id)
    if (!seenNodes.has(edge.source))
      return diagnostics.push(d.edgeToMissingNode(edge.id, 'source', edge.source))
    if (!seenNodes.has(edge.target))
      return diagnostics.push(d.edgeToMissingNode(edge.id, 'target', edge.target))
    touched.add(edge.source)
    touched.add(edge.target)
    const from = definitions.get(edge.source)
    const to = definitions.get(edge.target)
    if (!from || !to) return // unknown kinds are already reported
    const fromType = from.outputs[edge.sourcePort]
    if (!fromType)
      return diagnostics.push(
        d.edgeToMissingPort(edge.id, edge.source, edge.sourcePort, Object.keys(from.outputs)),
      )
    const toType = to.inputs[edge.targetPort]
    if (!toType)
      return diagnostics.push(
        d.edgeToMissingPort(edge.id, edge.target, edge.targetPort, Object.keys(to.inputs)),
      )
    if (fromType !== toType)
      diagnostics.push(
        d.portTypeMismatch(edge.id, edge.target, describe(fromType), describe(toType)),
      )
    const inputKey = `${edge.target}\u0000${edge.targetPort}`
    if (connectedInputs.has(inputKey))
      diagnostics.push(d.inputAlreadyConnected(edge.id, edge.target, edge.targetPort))
    connectedInputs.add(inputKey)
  })

  for (const node of graph.nodes) {
    const definition = definitions.get(node.id)
    if (!definition) continue
    const label = node.label ?? definition.label
    for (const port of Object.keys(definition.inputs)) {
      if (definition.optionalInputs?.includes(port)) continue
      if (!connectedInputs.has(`${node.id}\u0000${port}`))
        diagnostics.push(d.missingRequiredInput(node.id, label, port))
    }
    if (!touched.has(node.id)) diagnostics.push(d.unconnectedNode(node.id, label))
  }

  const loop = findCycle(graph)
  if (loop) diagnostics.push(d.cycle(loop))

  diagnostics.push(...validateActions(graph))
  diagnostics.push(...validateSizing(graph))
  return diagnostics
}

/** An entry sized by risk needs a stop loss on the same entry, or there is nothing to risk to. */
function validateSizing(graph: StrategyGraph): Diagnostic[] {
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]))
  return graph.nodes
    .filter((n) => n.kind === 'enter-long' || n.kind === 'enter-short')
    .filter((entry) => {
      const feeds = graph.edges.filter((e) => e.target === entry.id)
      const sizing = feeds.find((e) => e.targetPort === 'sizing')
      return (
        sizing &&
        kinds.get(sizing.source) === 'risk-percent' &&
        !feeds.some((e) => e.targetPort === 'stopLoss')
      )
    })
    .map((entry) => d.sizingNeedsStopLoss(entry.id))
}

function describe(type: PortType): string {
  return PORT_TYPE_NAMES[type]
}

/** Entry and exit checks, keyed on kinds: a strategy must open something to be worth running. */
function validateActions(graph: StrategyGraph): Diagnostic[] {
  const kinds = new Set(graph.nodes.map((n) => n.kind))
  const diagnostics: Diagnostic[] = []
  if (!kinds.has('enter-long') && !kinds.has('enter-short')) diagnostics.push(d.noEntryAction())
  for (const node of graph.nodes) {
    if (node.kind === 'exit-long' && !kinds.has('enter-long'))
      diagnostics.push(d.exitWithoutEntry(node.id, 'long'))
    if (node.kind === 'exit-short' && !kinds.has('enter-short'))
      diagnostics.push(d.exitWithoutEntry(node.id, 'short'))
  }
  return diagnostics
}
