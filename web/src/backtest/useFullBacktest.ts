import { create } from 'zustand'
import { cancelBacktest, followBacktest, getBacktest, startBacktest } from '../api/backtests'
import type { BacktestRun, RunStatus, StartBacktest } from '../api/backtests'

export interface FullBacktestState {
  runId?: string
  status?: RunStatus
  /** 0..100 from the server's events. */
  progress: number
  log: string[]
  run?: BacktestRun
  error?: string
  start(strategyId: string, versionId: string, input: StartBacktest): Promise<void>
  /** Asks the server to stop the run; the events stream then reports `cancelled`. */
  cancel(): Promise<void>
  reset(): void
}

let stopFollowing: (() => void) | undefined

/**
 * A server backtest: queued through the API, followed over server-sent events (real progress
 * from the worker), and read back with its results when the server says it is done.
 */
export const useFullBacktest = create<FullBacktestState>()((set, get) => ({
  progress: 0,
  log: [],
  async start(strategyId, versionId, input) {
    stopFollowing?.()
    set({
      runId: undefined,
      status: 'queued',
      progress: 0,
      log: [],
      run: undefined,
      error: undefined,
    })
    try {
      const queued = await startBacktest(strategyId, versionId, input)
      set({ runId: queued.id, status: queued.status, progress: queued.progress })
      stopFollowing = followBacktest(queued.id, {
        onProgress: (progress, status) => {
          if (get().runId === queued.id) set({ progress, status })
        },
        onLog: (line) => {
          if (get().runId === queued.id) set({ log: [...get().log, line].slice(-200) })
        },
        onDone: (status, error) => {
          if (get().runId !== queued.id) return
          set({
            status,
            ...(error ? { error } : {}),
            ...(status === 'completed' ? { progress: 100 } : {}),
          })
          void getBacktest(queued.id)
            .then((run) => get().runId === queued.id && set({ run }))
            .catch((cause: unknown) =>
              set({ error: cause instanceof Error ? cause.message : String(cause) }),
            )
        },
        onError: (message) => set({ error: message }),
      })
    } catch (error) {
      set({ status: 'failed', error: error instanceof Error ? error.message : String(error) })
    }
  },
  async cancel() {
    const { runId } = get()
    if (!runId) return
    try {
      await cancelBacktest(runId)
    } catch (error) {
      set({ error: error instanceof Error ? error.message : String(error) })
    }
  },
  reset() {
    stopFollowing?.()
    set({
      runId: undefined,
      status: undefined,
      progress: 0,
      log: [],
      run: undefined,
      error: undefined,
    })
  },
}))
