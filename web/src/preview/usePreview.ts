import { useEffect, useRef, useState } from 'react'
import { cancelPreviewWorker, getPreviewWorker } from './preview-client'
import type { PreviewData, PreviewResult, PreviewSource } from './run-preview'

export interface PreviewState {
  running: boolean
  /** The latest finished run; kept while a newer one runs so the chart does not flash. */
  result?: PreviewResult
  /** The worker itself failed (not the strategy: strategy errors are in `result`). */
  error?: string
}

export const DEFAULT_DATA: PreviewData = { kind: 'synthetic', seed: 42, bars: 3000 }
/** Edits closer together than this are coalesced into one run (typing "50" is one run, not two). */
const DEBOUNCE_MS = 150

/**
 * Runs the preview backtest in the worker whenever `runKey` or the data change. An isolated edit
 * runs at once; a burst of edits runs once after it settles (trailing debounce). A run still
 * computing when a newer one starts is cancelled by terminating the worker, and results of
 * superseded runs are dropped by run id. `runKey` should change only when behaviour can (the
 * generated code), so dragging a block does not re-run the backtest.
 */
export function usePreview(
  source: PreviewSource | undefined,
  runKey: string | undefined,
  data: PreviewData = DEFAULT_DATA,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ running: false })
  const latestRun = useRef(0)
  const inFlight = useRef(false)
  const lastChange = useRef(0)
  const sourceRef = useRef(source)
  sourceRef.current = source
  const dataJson = JSON.stringify(data)

  useEffect(() => {
    if (runKey === undefined || sourceRef.current === undefined) return
    const runId = ++latestRun.current
    const now = performance.now()
    const burst = now - lastChange.current < DEBOUNCE_MS
    lastChange.current = now
    setState((previous) => ({ ...previous, running: true }))
    const start = () => {
      if (inFlight.current) cancelPreviewWorker()
      inFlight.current = true
      // User-timing marks: the benchmark splits edit→chart time into worker and drawing.
      performance.mark('tradeloom:preview-start')
      getPreviewWorker()
        .runPreview(sourceRef.current!, JSON.parse(dataJson) as PreviewData)
        .then((result) => {
          if (runId !== latestRun.current) return
          inFlight.current = false
          performance.mark('tradeloom:preview-result')
          setState({ running: false, result })
        })
        .catch((error: unknown) => {
          if (runId !== latestRun.current) return
          inFlight.current = false
          const message = error instanceof Error ? error.message : String(error)
          setState((previous) => ({ ...previous, running: false, error: message }))
        })
    }
    if (!burst && !inFlight.current) {
      start()
      return
    }
    const timer = setTimeout(start, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [runKey, dataJson])

  return state
}
