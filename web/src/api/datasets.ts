import type { DataReport } from '@tradeloom/runtime'
import { ApiError, currentCsrfToken, errorFromResponse, request } from './client'

/** An uploaded dataset as the server describes it. */
export interface Dataset {
  id: string
  name: string
  symbol: string
  timeframe: string | null
  barCount: number
  from: string
  to: string
  source: string
  format?: string
  sizeBytes?: number
  createdAt: string
  /** Present on upload and on `GET /datasets/:id`; lists carry counts instead. */
  report?: DataReport
  warningCount?: number
  skippedCount?: number
}

/** The user's datasets, newest first. */
export async function listDatasets(): Promise<Dataset[]> {
  return request<Dataset[]>('GET', '/datasets')
}

/** One dataset with its quality report. */
export async function getDataset(id: string): Promise<Dataset> {
  return request<Dataset>('GET', `/datasets/${encodeURIComponent(id)}`)
}

/** Deletes a dataset (runs that used it keep their results). */
export async function deleteDataset(id: string): Promise<void> {
  await request<void>('DELETE', `/datasets/${encodeURIComponent(id)}`)
}

export interface UploadOptions {
  name: string
  symbol: string
  skipBadRows: boolean
  /** Called with 0..1 as the file is sent. */
  onProgress(fraction: number): void
  signal?: AbortSignal
}

/**
 * Uploads a CSV as the raw request body. XMLHttpRequest rather than fetch because only XHR
 * reports upload progress. A rejected file comes back as an ApiError whose `cause` holds the
 * importer's report (`{ report }`), so the page can list the bad lines.
 */
export function uploadDataset(file: File, options: UploadOptions): Promise<Dataset> {
  return new Promise((resolve, reject) => {
    const query = new URLSearchParams({
      name: options.name,
      symbol: options.symbol,
      skipBadRows: String(options.skipBadRows),
    })
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/datasets?${query.toString()}`)
    xhr.setRequestHeader('content-type', 'text/csv')
    const token = currentCsrfToken()
    if (token) xhr.setRequestHeader('x-csrf-token', token)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        options.onProgress(1)
        resolve(JSON.parse(xhr.responseText) as Dataset)
      } else {
        reject(errorFromResponse(xhr.status, xhr.responseText, 'Upload'))
      }
    }
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'The upload failed: the server cannot be reached.'))
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Upload cancelled.'))
    options.signal?.addEventListener('abort', () => xhr.abort())
    xhr.send(file)
  })
}
