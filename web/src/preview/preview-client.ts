import { wrap } from 'comlink'
import type { Remote } from 'comlink'
import type { PreviewWorkerApi } from './preview.worker'

let remote: Remote<PreviewWorkerApi> | undefined

/** The preview worker, started on first use and shared by the whole page. */
export function getPreviewWorker(): Remote<PreviewWorkerApi> {
  if (!remote) {
    const worker = new Worker(new URL('./preview.worker.ts', import.meta.url), {
      type: 'module',
      name: 'tradeloom-preview',
    })
    remote = wrap<PreviewWorkerApi>(worker)
  }
  return remote
}
