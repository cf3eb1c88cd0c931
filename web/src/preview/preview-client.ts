import { releaseProxy, wrap } from 'comlink'
import type { Remote } from 'comlink'
import type { PreviewWorkerApi } from './preview.worker'

let worker: Worker | undefined
let remote: Remote<PreviewWorkerApi> | undefined

/** The preview worker, started on first use and shared by the whole page. */
export function getPreviewWorker(): Remote<PreviewWorkerApi> {
  if (!remote) {
    worker = new Worker(new URL('./preview.worker.ts', import.meta.url), {
      type: 'module',
      name: 'tradeloom-preview',
    })
    remote = wrap<PreviewWorkerApi>(worker)
  }
  return remote
}

/**
 * Stops a run that is still computing (a backtest cannot be interrupted from inside): the worker
 * is terminated and the next call starts a fresh one. Its pending promise never settles, which
 * is fine because its result is stale by definition.
 */
export function cancelPreviewWorker(): void {
  remote?.[releaseProxy]()
  worker?.terminate()
  worker = undefined
  remote = undefined
}
