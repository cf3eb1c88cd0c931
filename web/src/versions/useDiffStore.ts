import { create } from 'zustand'
import { getVersion } from '../api/client'
import type { StrategyVersionDetail } from '../api/client'

export interface DiffState {
  /** The older and newer version being compared; set once both are loaded. */
  pair?: { before: StrategyVersionDetail; after: StrategyVersionDetail }
  loading: boolean
  error?: string
  open(strategyId: string, beforeId: string, afterId: string): Promise<void>
  close(): void
}

/** The version comparison shown over the workspace. */
export const useDiffStore = create<DiffState>()((set) => ({
  loading: false,
  async open(strategyId, beforeId, afterId) {
    set({ loading: true, error: undefined, pair: undefined })
    try {
      const [a, b] = await Promise.all([
        getVersion(strategyId, beforeId),
        getVersion(strategyId, afterId),
      ])
      // Older on the left whatever order they were picked in.
      const [before, after] = a.version <= b.version ? [a, b] : [b, a]
      set({ loading: false, pair: { before, after } })
    } catch (error) {
      set({ loading: false, error: error instanceof Error ? error.message : String(error) })
    }
  },
  close() {
    set({ pair: undefined, loading: false, error: undefined })
  },
}))
