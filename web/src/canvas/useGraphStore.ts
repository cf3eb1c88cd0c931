import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react'
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react'
import { create } from 'zustand'
import { canConnect } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'
import { autoLayout } from './auto-layout'
import { toFlow, toGraph } from './graph-adapter'
import type { FlowEdge, FlowNode } from './graph-adapter'
import { copyFragment, createNode, pasteFragment, removeFromGraph, edgeId } from './graph-edits'
import type { GraphFragment } from './graph-edits'

type ParamValue = StrategyGraph['nodes'][number]['params'][string]

/** Result of trying to connect two ports; `reason` is the compiler's explanation. */
export type ConnectResult = { ok: true } | { ok: false; reason: string }

const HISTORY_LIMIT = 100
const PASTE_OFFSET = { x: 40, y: 40 }

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
  /** Earlier documents for undo (oldest first) and undone ones for redo. */
  past: StrategyGraph[]
  future: StrategyGraph[]
  clipboard?: GraphFragment
  /** A drag is in progress: its many position changes make one undo step. */
  dragging: boolean
  load(graph: StrategyGraph): void
  onNodesChange(changes: NodeChange<FlowNode>[]): void
  onEdgesChange(changes: EdgeChange<FlowEdge>[]): void
  connect(connection: Connection): ConnectResult
  addNode(kind: string, position: { x: number; y: number }): string
  setParam(nodeId: string, name: string, value: ParamValue): void
  setLabel(nodeId: string, label: string): void
  rename(name: string): void
  setMeta(meta: Partial<StrategyGraph['meta']>): void
  select(nodeIds: readonly string[]): void
  selectAll(): void
  deleteSelection(): void
  copySelection(): void
  paste(): void
  duplicateSelection(): void
  layout(): void
  undo(): void
  redo(): void
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

/**
 * Rebuilds canvas nodes from a document, keeping what React Flow measured and what is selected,
 * so an undo or a paste does not make every node flash or lose the selection.
 */
function flowFrom(graph: StrategyGraph, previous: readonly FlowNode[], selected?: Set<string>) {
  const byId = new Map(previous.map((node) => [node.id, node]))
  const flow = toFlow(graph)
  const nodes = flow.nodes.map((node): FlowNode => {
    const old = byId.get(node.id)
    const isSelected = selected ? selected.has(node.id) : (old?.selected ?? false)
    return {
      ...node,
      ...(old?.measured ? { measured: old.measured } : {}),
      selected: isSelected,
    }
  })
  return { meta: flow.meta, nodes, edges: flow.edges }
}

/** The strategy document being edited, in React Flow's shape plus its persisted twin. */
export const useGraphStore = create<GraphState>()((set, get) => {
  /** Replaces the document as one undoable step. */
  function commit(graph: StrategyGraph, selected?: Set<string>) {
    const { past, nodes, graph: before } = get()
    set({
      ...flowFrom(graph, nodes, selected),
      graph,
      dirty: true,
      past: [...past, before].slice(-HISTORY_LIMIT),
      future: [],
    })
  }

  function selectedIds(): Set<string> {
    return new Set(
      get()
        .nodes.filter((node) => node.selected)
        .map((node) => node.id),
    )
  }

  return {
    ...toFlow(EMPTY_GRAPH),
    graph: EMPTY_GRAPH,
    dirty: false,
    past: [],
    future: [],
    dragging: false,

    load(graph) {
      set({ ...toFlow(graph), graph, dirty: false, past: [], future: [], dragging: false })
    },

    onNodesChange(changes) {
      const { meta, edges, graph: before, past } = get()
      const nodes = applyNodeChanges(changes, get().nodes)
      if (!editsDocument(changes)) return set({ nodes })
      // Removing a node removes its edges too, so the graph never points at a missing node.
      const ids = new Set(nodes.map((node) => node.id))
      const kept = edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      const moving = changes.some((c) => c.type === 'position' && c.dragging === true)
      const stillDragging = changes.some((c) => c.type === 'position' && c.dragging !== false)
      // A drag is one undo step: remember the document only when it starts.
      const startsStep = !(get().dragging && changes.every((c) => c.type === 'position'))
      set({
        nodes,
        edges: kept,
        graph: toGraph(meta, nodes, kept),
        dirty: true,
        dragging: moving || (get().dragging && stillDragging),
        ...(startsStep ? { past: [...past, before].slice(-HISTORY_LIMIT), future: [] } : {}),
      })
    },

    onEdgesChange(changes) {
      const { meta, nodes, graph: before, past } = get()
      const edges = applyEdgeChanges(changes, get().edges)
      if (!editsDocument(changes)) return set({ edges })
      set({
        edges,
        graph: toGraph(meta, nodes, edges),
        dirty: true,
        past: [...past, before].slice(-HISTORY_LIMIT),
        future: [],
      })
    },

    connect(connection) {
      const { graph } = get()
      const { source, sourceHandle, target, targetHandle } = connection
      if (!sourceHandle || !targetHandle) return { ok: false, reason: 'Connect a named port.' }
      const edge = { source, sourcePort: sourceHandle, target, targetPort: targetHandle }
      const verdict = canConnect(graph, edge)
      if (!verdict.ok) return { ok: false, reason: verdict.reason }
      const taken = new Set(graph.edges.map((e) => e.id))
      const id = edgeId(source, sourceHandle, target, targetHandle, taken)
      commit({ ...graph, edges: [...graph.edges, { id, ...edge }] })
      return { ok: true }
    },

    addNode(kind, position) {
      const { graph } = get()
      const node = createNode(kind, position, new Set(graph.nodes.map((n) => n.id)))
      commit({ ...graph, nodes: [...graph.nodes, node] }, new Set([node.id]))
      return node.id
    },

    setParam(nodeId, name, value) {
      const { graph } = get()
      commit({
        ...graph,
        nodes: graph.nodes.map((node) =>
          node.id === nodeId ? { ...node, params: { ...node.params, [name]: value } } : node,
        ),
      })
    },

    setLabel(nodeId, label) {
      const { graph } = get()
      const trimmed = label.trim()
      commit({
        ...graph,
        nodes: graph.nodes.map((node) => {
          if (node.id !== nodeId) return node
          const { label: _old, ...rest } = node
          return trimmed === '' ? rest : { ...rest, label: trimmed }
        }),
      })
    },

    rename(name) {
      get().setMeta({ name })
    },

    setMeta(patch) {
      const { graph } = get()
      commit({ ...graph, meta: { ...graph.meta, ...patch } })
    },

    select(nodeIds) {
      const wanted = new Set(nodeIds)
      set({
        nodes: get().nodes.map((node) => ({ ...node, selected: wanted.has(node.id) })),
        edges: get().edges.map((edge) => ({ ...edge, selected: false })),
      })
    },

    selectAll() {
      get().select(get().nodes.map((node) => node.id))
    },

    deleteSelection() {
      const nodeIds = selectedIds()
      const edgeIds = new Set(
        get()
          .edges.filter((e) => e.selected)
          .map((e) => e.id),
      )
      if (nodeIds.size === 0 && edgeIds.size === 0) return
      commit(removeFromGraph(get().graph, nodeIds, edgeIds), new Set())
    },

    copySelection() {
      const ids = selectedIds()
      if (ids.size > 0) set({ clipboard: copyFragment(get().graph, ids) })
    },

    paste() {
      const { clipboard, graph } = get()
      if (!clipboard || clipboard.nodes.length === 0) return
      const { graph: next, pastedIds } = pasteFragment(graph, clipboard, PASTE_OFFSET)
      commit(next, new Set(pastedIds))
      // Pasting again steps further down-right instead of stacking on the same spot.
      set({
        clipboard: pasteFragment({ ...graph, nodes: [], edges: [] }, clipboard, PASTE_OFFSET).graph,
      })
    },

    duplicateSelection() {
      const ids = selectedIds()
      if (ids.size === 0) return
      const { graph: next, pastedIds } = pasteFragment(
        get().graph,
        copyFragment(get().graph, ids),
        PASTE_OFFSET,
      )
      commit(next, new Set(pastedIds))
    },

    layout() {
      const heights = new Map<string, number>()
      for (const node of get().nodes) {
        if (node.measured?.height) heights.set(node.id, node.measured.height)
      }
      commit(autoLayout(get().graph, heights))
    },

    undo() {
      const { past, future, graph, nodes } = get()
      const previous = past.at(-1)
      if (!previous) return
      set({
        ...flowFrom(previous, nodes),
        graph: previous,
        past: past.slice(0, -1),
        future: [graph, ...future],
        dirty: true,
      })
    },

    redo() {
      const { past, future, graph, nodes } = get()
      const next = future[0]
      if (!next) return
      set({
        ...flowFrom(next, nodes),
        graph: next,
        past: [...past, graph],
        future: future.slice(1),
        dirty: true,
      })
    },

    markSaved() {
      set({ dirty: false })
    },
  }
})
