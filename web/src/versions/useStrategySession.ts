import { create } from 'zustand'
import { parseGraph, strategyTemplates } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'
import { ApiError, createStrategy, getVersion, listVersions, saveVersion } from '../api/client'
import type { StrategyVersion } from '../api/client'
import { useGraphStore } from '../canvas/useGraphStore'
import { forgetStrategyId, readStrategyId, rememberStrategyId } from './strategy-id'

type Status = { state: 'idle' } | { state: 'busy' } | { state: 'error'; message: string }

export interface StrategySession {
  /** The server's id for this strategy; undefined until the first save. */
  strategyId?: string
  versions: StrategyVersion[]
  /** True until `open()` has put a graph on the canvas (the template or the saved one). */
  opening: boolean
  /**
   * Why the strategy in the URL could not be opened (server down, unreadable graph). The canvas
   * stays empty rather than showing the template: saving that would bury the real history.
   */
  openError?: string
  /** Refreshing the versions list. */
  load: Status
  save: Status
  /** Something the user should know about how the page opened (e.g. a stale link). */
  notice?: string
  /** What the last successful save said, for the top bar. */
  savedMessage?: string
  open(): Promise<void>
  /** Abandons the strategy that failed to open and starts from the template. */
  startFresh(): void
  saveCurrent(message: string): Promise<void>
  refreshVersions(): Promise<void>
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Reads a saved version's graph, migrated to the current schema by the compiler's parser. */
async function loadGraph(strategyId: string, versionId: string): Promise<StrategyGraph> {
  const version = await getVersion(strategyId, versionId)
  const parsed = parseGraph(version.graph)
  if (!parsed.ok) {
    const problems = parsed.diagnostics.map((diagnostic) => diagnostic.message).join('; ')
    throw new Error(`Version ${version.version} holds a graph this editor cannot open: ${problems}`)
  }
  return parsed.graph
}

/** The SMA-cross template: what a first visit shows. */
export function starterGraph(): StrategyGraph {
  const template = strategyTemplates[0]
  if (!template) throw new Error('The compiler ships no strategy templates')
  return structuredClone(template.graph)
}

/**
 * Which strategy is open and its saved versions. Opening reads the id from the URL or local
 * storage and loads the newest version's graph into the graph store; saving creates the
 * strategy on first use, then appends an immutable version.
 */
export const useStrategySession = create<StrategySession>()((set, get) => ({
  versions: [],
  opening: true,
  load: { state: 'idle' },
  save: { state: 'idle' },

  async open() {
    const strategyId = readStrategyId()
    if (strategyId === undefined) {
      useGraphStore.getState().load(starterGraph())
      set({ opening: false })
      return
    }
    set({ strategyId, opening: true, openError: undefined })
    try {
      const versions = await listVersions(strategyId)
      const newest = versions[0]
      const graph = newest ? await loadGraph(strategyId, newest.id) : starterGraph()
      useGraphStore.getState().load(graph)
      set({ versions, opening: false })
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        // The remembered strategy is gone (a fresh database) or the id is malformed (an edited
        // URL): start over from the template rather than showing a broken page.
        forgetStrategyId()
        useGraphStore.getState().load(starterGraph())
        set({
          strategyId: undefined,
          versions: [],
          opening: false,
          notice: `Strategy ${strategyId} was not found (${error.message}); opened the template instead.`,
        })
        return
      }
      set({ opening: false, openError: messageOf(error) })
    }
  },

  startFresh() {
    forgetStrategyId()
    useGraphStore.getState().load(starterGraph())
    set({ strategyId: undefined, versions: [], openError: undefined, notice: undefined })
  },

  async saveCurrent(message) {
    const { graph } = useGraphStore.getState()
    set({ save: { state: 'busy' } })
    try {
      let strategyId = get().strategyId
      if (strategyId === undefined) {
        strategyId = (await createStrategy(graph.meta)).id
        rememberStrategyId(strategyId)
        set({ strategyId })
      }
      const trimmed = message.trim()
      const known = new Set(get().versions.map((version) => version.id))
      const saved = await saveVersion(strategyId, { graph, message: trimmed })
      useGraphStore.getState().markSaved()
      // The server answers an unchanged graph with the version that already holds it.
      const savedMessage = known.has(saved.id)
        ? `No changes since v${saved.version}`
        : `v${saved.version}${trimmed ? ` · ${trimmed}` : ''}`
      set({ save: { state: 'idle' }, savedMessage })
      await get().refreshVersions()
    } catch (error) {
      set({ save: { state: 'error', message: messageOf(error) } })
    }
  },

  async refreshVersions() {
    const { strategyId } = get()
    if (strategyId === undefined) return
    set({ load: { state: 'busy' } })
    try {
      set({ versions: await listVersions(strategyId), load: { state: 'idle' } })
    } catch (error) {
      set({ load: { state: 'error', message: messageOf(error) } })
    }
  },
}))
