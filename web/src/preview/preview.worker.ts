import { expose, transfer } from 'comlink'
import { dataKey, loadBars } from './load-bars'
import { runPreview, transferablesOf } from './run-preview'
import type { PreviewData, PreviewResult, PreviewSource } from './run-preview'

/**
 * The preview runs here so that compiling and backtesting thousands of bars never blocks the
 * canvas. Typed arrays are transferred back, not copied.
 */
const api = {
  async runPreview(source: PreviewSource, data: PreviewData): Promise<PreviewResult> {
    let bars
    try {
      bars = await loadBars(data)
    } catch (error) {
      return {
        ok: false,
        diagnostics: [],
        error: error instanceof Error ? error.message : String(error),
      }
    }
    const symbol = data.kind === 'dataset' ? data.symbol : undefined
    const result = runPreview(source, bars, { barsKey: dataKey(data), symbol })
    return transfer(result, transferablesOf(result))
  },
}

/** What the main thread sees through comlink's `wrap`. */
export type PreviewWorkerApi = typeof api

expose(api)
