import { create } from 'zustand'
import { parseGraph, strategyTemplates } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'
import {
  ApiError,
  createStrategy,
  getStrategy,
  getVersion,
  listVersions,
  rollbackTo,
  saveVersion,
  updateStrategy,
} from '../api/client'
import type { StrategyVersion, StrategyVersionDetail } from '../api/client'
import { useGraphStore } from '../canvas/useGraphStore'
import { useCodeStore } from '../code/useCodeStore'
import { openShareLink } from '../api/share'
import { forgetStrategyId, readStrategyId, rememberStrategyId } from './strategy-id'
import { messageOf } from '../app/message-of'

type Status = { state: 'idle' } | { state: 'busy' } | { state: 'error'; message: string }

export interface StrategySession {
  /** The server's id for this strategy; undefined until the first save. */
  strategyId?: string
  versions: StrategyVersion[]
  /** The version on the canvas (the newest after opening, or the one rolled back to). */
  currentVersionId?: string
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
  rollback: Status
  /** Something the user should know about how the page opened (e.g. a stale link). */
  notice?: string
  /** What the last successful save said, for the top bar. */
  savedMessage?: string
  open(): Promise<void>
  /** Abandons the strategy that failed to open and starts from the template. */
  startFresh(graph?: StrategyGraph): void
  saveCurrent(message: string): Promise<void>
  refreshVersions(): Promise<void>
  /** Makes a new version equal to an older one and opens it. */
  rollbackTo(versionId: string): Promise<void>
  /** A version opened through a share link: read-only, no session needed. */
  shared?: { name: string; version: number }
  openShared(token: string): Promise<void>
}

/** Reads a version's graph, migrated to the current schema by the compiler's parser. */
export function graphOf(version: StrategyVersionDetail): StrategyGraph {
  const parsed = parseGraph(version.graph)
  if (!parsed.ok) {
    const problems = parsed.diagnostics.map((diagnostic) => diagnostic.message).join('; ')
    throw new Error(`Version ${version.version} holds a graph this editor cannot open: ${problems}`)
  }
  return parsed.graph
}

/**
 * Puts a saved version in the editor: a graph version on the canvas, a code version in the code
 * editor (the canvas then shows an empty graph carrying the strategy's name).
 */
export function showVersion(version: StrategyVersionDetail, meta?: StrategyGraph['meta']): void {
  if (version.kind === 'code' || version.graph === null) {
    const base = starterGraph()
    useGraphStore.getState().load({ ...base, meta: meta ?? base.meta, nodes: [], edges: [] })
    useCodeStore.getState().loadCode(version.tsSource, version.plots ?? [])
    return
  }
  useCodeStore.getState().reset()
  useGraphStore.getState().load(graphOf(version))
}

/** The SMA-cross template: what a first visit shows. */
export function starterGraph(): StrategyGraph {
  const template = strategyTemplates[0]
  if (!template) throw new Error('The compiler ships no strategy templates')
  return structuredClone(template.graph)
}

/**
 * Which strategy is open and its saved versions. Opening reads the id from the URL or local
 * storage and loads the newest version into the editor; saving creates the strategy on first
 * use, then appends an immutable version (a graph, or code once taken over).
 */
export const useStrategySession = create<StrategySession>()((set, get) => ({
  versions: [],
  opening: true,
  load: { state: 'idle' },
  save: { state: 'idle' },
  rollback: { state: 'idle' },

  async open() {
    const strategyId = readStrategyId()
    if (strategyId === undefined) {
      useCodeStore.getState().reset()
      useGraphStore.getState().load(starterGraph())
      set({ opening: false })
      return
    }
    set({ strategyId, opening: true, openError: undefined })
    try {
      const versions = await listVersions(strategyId)
      const newest = versions[0]
      if (newest) {
        const [detail, strategy] = await Promise.all([
          getVersion(strategyId, newest.id),
          getStrategy(strategyId),
        ])
        const meta = {
          name: strategy.name,
          symbol: strategy.symbol,
          timeframe: strategy.timeframe as StrategyGraph['meta']['timeframe'],
          strategyClass: strategy.strategyClass as StrategyGraph['meta']['strategyClass'],
        }
        showVersion(detail, meta)
      } else {
        useCodeStore.getState().reset()
        useGraphStore.getState().load(starterGraph())
      }
      set({ versions, opening: false, currentVersionId: newest?.id })
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
        // The remembered strategy is gone (a fresh database) or the id is malformed (an edited
        // URL): start over from the template rather than showing a broken page.
        forgetStrategyId()
        useCodeStore.getState().reset()
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

  startFresh(graph) {
    forgetStrategyId()
    useCodeStore.getState().reset()
    useGraphStore.getState().load(graph ? structuredClone(graph) : starterGraph())
    set({
      strategyId: undefined,
      versions: [],
      currentVersionId: undefined,
      openError: undefined,
      notice: undefined,
      savedMessage: undefined,
      save: { state: 'idle' },
    })
  },

  async saveCurrent(message) {
    const { graph } = useGraphStore.getState()
    const code = useCodeStore.getState()
    set({ save: { state: 'busy' } })
    try {
      let strategyId = get().strategyId
      if (strategyId === undefined) {
        strategyId = (await createStrategy(graph.meta)).id
        rememberStrategyId(strategyId)
        set({ strategyId })
      } else if (useGraphStore.getState().dirty) {
        // The name lives on the strategy too (lists show it); keep it in step with the graph.
        await updateStrategy(strategyId, { name: graph.meta.name })
      }
      const trimmed = message.trim()
      const known = new Set(get().versions.map((version) => version.id))
      const saved = await saveVersion(
        strategyId,
        code.mode === 'code' ? { code: code.code, message: trimmed } : { graph, message: trimmed },
      )
      useGraphStore.getState().markSaved()
      useCodeStore.getState().markSaved()
      // The server answers an unchanged graph with the version that already holds it.
      const savedMessage = known.has(saved.id)
        ? `No changes since v${saved.version}`
        : `v${saved.version}${trimmed ? ` · ${trimmed}` : ''}`
      set({ save: { state: 'idle' }, savedMessage, currentVersionId: saved.id })
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

  async openShared(token) {
    set({ opening: true, openError: undefined })
    try {
      const { strategy, version } = await openShareLink(token)
      const meta = {
        name: strategy.name,
        symbol: strategy.symbol,
        timeframe: strategy.timeframe as StrategyGraph['meta']['timeframe'],
        strategyClass: 'RULE' as const,
      }
      showVersion(version, meta)
      set({ opening: false, shared: { name: strategy.name, version: version.version } })
    } catch (error) {
      set({ opening: false, openError: messageOf(error) })
    }
  },

  async rollbackTo(versionId) {
    const { strategyId, versions } = get()
    if (strategyId === undefined) return
    const target = versions.find((version) => version.id === versionId)
    set({ rollback: { state: 'busy' } })
    try {
      const created = await rollbackTo(
        strategyId,
        versionId,
        `Rolled back to v${target?.version ?? '?'}`,
      )
      showVersion(created, useGraphStore.getState().meta)
      set({
        rollback: { state: 'idle' },
        currentVersionId: created.id,
        savedMessage: `v${created.version} · rolled back to v${target?.version ?? '?'}`,
      })
      await get().refreshVersions()
    } catch (error) {
      set({ rollback: { state: 'error', message: messageOf(error) } })
    }
  },
}))
