import { addEdge, applyEdgeChanges, applyNodeChanges } from '@xyflow/react'
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react'
import { create } from 'zustand'
import { canConnect } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'
import { toFlow, toGraph } from './graph-adapter'
import type { FlowEdge, FlowNode } from './graph-adapter'

type ParamValue = StrategyGraph['nodes'][number]['params'][string]

/** Result of trying to connect two ports; `reason` is the compiler's explanation. */
export type ConnectResult = { ok: true } | { ok: false; reason: string }

export interface GraphState {
  meta: StrategyGraph['meta']
  nodes: FlowNode[]
  edges: FlowEdge[]
  /**
   * The persisted document, kept in step with nodes/edges/meta. Its reference changes only when
   * the document does (not on selection or measuring), so it is safe as an effect dependency.
   */
  graph: StrategyGraph
  /** True when the document changed since it was loaded or last saved. */
  dirty: boolean
  load(graph: StrategyGraph): void
  onNodesChange(changes: NodeChange<FlowNode>[]): void
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void
  connect(connection: Connection): ConnectResult
  setParam(nodeId: string, name: string, value: ParamValue): void
  rename(name: string): void
  markSaved(): void
}

const EMPTY_GRAPH: StrategyGraph = {
  schemaVersion: 1,
  meta: { name: 'Untitled', symbol: 'EURUSD', timeframe: 'H1', strategyClass: 'RULE' },
  nodes: [],
  edges: [],
}

// Selecting or measuring a node is UI state; everything else edits the document.
const UI_ONLY_CHANGES = new Set(['select', 'dimensions'])

function editsDocument(changes: readonly { type: string }[]): boolean {
  return changes.some((change) => !UI_ONLY_CHANGES.has(change.type))
}

/** The strategy document being edited, in React Flow's shape plus its persisted twin. */
export const useGraphStore = create<GraphState>()((set, get) => ({
  ...toFlow(EMPTY_GRAPH),
  graph: EMPTY_GRAPH,
  dirty: false,

  load(graph) {
    set({ ...toFlow(graph), graph, dirty: false })
  },

  onNodesChange(changes) {
    const { meta, edges } = get()
    const nodes = applyNodeChanges(changes, get().nodes)
    if (!editsDocument(changes)) return set({ nodes })
    // Removing a node removes its edges too, so the graph never points at a missing node.
    const ids = new Set(nodes.map((node) => node.id))
    const kept = edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target))
    set({ nodes, edges: kept, graph: toGraph(meta, nodes, kept), dirty: true })
  },

  onEdgesChange(changes) {
    const { meta, nodes } = get()
    const edges = applyEdgeChanges(changes, get().edges)
    if (!editsDocument(changes)) return set({ edges })
    set({ edges, graph: toGraph(meta, nodes, edges), dirty: true })
  },

  connect(connection) {
    const { meta, nodes, graph } = get()
    const { source, sourceHandle, target, targetHandle } = connection
    if (!sourceHandle || !targetHandle) return { ok: false, reason: 'Connect a named port.' }
    const verdict = canConnect(graph, {
      source,
      sourcePort: sourceHandle,
      target,
      targetPort: targetHandle,
    })
    if (!verdict.ok) return { ok: false, reason: verdict.reason }
    const id = nextEdgeId(get().edges, source, sourceHandle, target, targetHandle)
    const edges = addEdge({ ...connection, id }, get().edges)
    set({ edges, graph: toGraph(meta, nodes, edges), dirty: true })
    return { ok: true }
  },

  setParam(nodeId, name, value) {
    const { meta, edges } = get()
    const nodes = get().nodes.map((node) =>
      node.id === nodeId
        ? { ...node, data: { ...node.data, params: { ...node.data.params, [name]: value } } }
        : node,
    )
    set({ nodes, graph: toGraph(meta, nodes, edges), dirty: true })
  },

  rename(name) {
    const { nodes, edges } = get()
    const meta = { ...get().meta, name }
    set({ meta, graph: toGraph(meta, nodes, edges), dirty: true })
  },

  markSaved() {
    set({ dirty: false })
  },
}))

/** Readable, collision-free edge ids (`e-sma_1.value-cross_1.a`), stable across sessions. */
function nextEdgeId(
  edges: readonly FlowEdge[],
  source: string,
  sourcePort: string,
  target: string,
  targetPort: string,
): string {
  const base = `e-${source}.${sourcePort}-${target}.${targetPort}`
  const taken = new Set(edges.map((edge) => edge.id))
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}
