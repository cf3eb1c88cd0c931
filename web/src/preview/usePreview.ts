import { useEffect, useRef, useState } from 'react'
import type { StrategyGraph } from '@tradeloom/compiler'
import { getPreviewWorker } from './preview-client'
import type { PreviewOptions, PreviewResult } from './run-preview'

export interface PreviewState {
  running: boolean
  /** The latest finished run; kept while a newer one runs so the chart does not flash. */
  result?: PreviewResult
  /** The worker itself failed (not the strategy: strategy errors are in `result`). */
  error?: string
}

export const DEFAULT_PREVIEW: PreviewOptions = { seed: 42, bars: 3000 }
const DEBOUNCE_MS = 250

/**
 * Runs the preview backtest in the worker whenever `runKey` changes, debounced. `runKey` should
 * change only when the strategy's behaviour can (the compiled code's hash), so dragging a node
 * does not re-run the backtest. Results of superseded runs are dropped by run id.
 */
export function usePreview(
  graph: StrategyGraph,
  runKey: string | undefined,
  options: PreviewOptions = DEFAULT_PREVIEW,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ running: false })
  const latestRun = useRef(0)
  const graphRef = useRef(graph)
  graphRef.current = graph
  const { seed, bars } = options

  useEffect(() => {
    if (runKey === undefined) return
    const runId = ++latestRun.current
    setState((previous) => ({ ...previous, running: true }))
    const timer = setTimeout(() => {
      getPreviewWorker()
        .runPreview(graphRef.current, { seed, bars })
        .then((result) => {
          if (runId === latestRun.current) setState({ running: false, result })
        })
        .catch((error: unknown) => {
          if (runId !== latestRun.current) return
          const message = error instanceof Error ? error.message : String(error)
          setState((previous) => ({ ...previous, running: false, error: message }))
        })
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [runKey, seed, bars])

  return state
}
