import { expose, transfer } from 'comlink'
import { runPreview, transferablesOf } from './run-preview'
import type { PreviewOptions, PreviewResult } from './run-preview'

/**
 * The preview runs here so that compiling and backtesting thousands of bars never blocks the
 * canvas. Typed arrays are transferred back, not copied.
 */
const api = {
  runPreview(graph: unknown, options: PreviewOptions): PreviewResult {
    const result = runPreview(graph, options)
    return transfer(result, transferablesOf(result))
  },
}

/** What the main thread sees through comlink's `wrap`. */
export type PreviewWorkerApi = typeof api

expose(api)
