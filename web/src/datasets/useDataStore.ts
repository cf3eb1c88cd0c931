import { create } from 'zustand'
import { listDatasets, uploadDataset } from '../api/datasets'
import type { Dataset } from '../api/datasets'
import type { PreviewData } from '../preview/run-preview'

/** The data the preview and full backtests run on, with a name for the status line. */
export type DataSelection =
  | { kind: 'synthetic'; seed: number; bars: number }
  | { kind: 'dataset'; datasetId: string; name: string; symbol: string; from?: number; to?: number }

type Upload =
  | { state: 'idle' }
  | { state: 'uploading'; fraction: number; fileName: string }
  | { state: 'done'; dataset: Dataset }
  | { state: 'error'; message: string; report?: Dataset['report'] }

export interface DataState {
  selection: DataSelection
  datasets: Dataset[]
  listing: { state: 'idle' | 'busy' } | { state: 'error'; message: string }
  upload: Upload
  select(selection: DataSelection): void
  refresh(): Promise<void>
  uploadFile(
    file: File,
    options: { name: string; symbol: string; skipBadRows: boolean },
  ): Promise<void>
}

export const SYNTHETIC_DEFAULT: DataSelection = { kind: 'synthetic', seed: 42, bars: 3000 }

/** The preview's view of a selection (the name is for people only). */
export function toPreviewData(selection: DataSelection): PreviewData {
  if (selection.kind === 'synthetic') return selection
  const { name: _name, ...data } = selection
  return data
}

/** Uploaded datasets and which data the preview runs on. */
export const useDataStore = create<DataState>()((set, get) => ({
  selection: SYNTHETIC_DEFAULT,
  datasets: [],
  listing: { state: 'idle' },
  upload: { state: 'idle' },
  select(selection) {
    set({ selection })
  },
  async refresh() {
    set({ listing: { state: 'busy' } })
    try {
      set({ datasets: await listDatasets(), listing: { state: 'idle' } })
    } catch (error) {
      set({
        listing: {
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        },
      })
    }
  },
  async uploadFile(file, options) {
    set({ upload: { state: 'uploading', fraction: 0, fileName: file.name } })
    try {
      const dataset = await uploadDataset(file, {
        ...options,
        onProgress: (fraction) =>
          set({ upload: { state: 'uploading', fraction, fileName: file.name } }),
      })
      set({ upload: { state: 'done', dataset } })
      get().select({
        kind: 'dataset',
        datasetId: dataset.id,
        name: dataset.name,
        symbol: dataset.symbol,
      })
      await get().refresh()
    } catch (error) {
      const report = (error as { cause?: { report?: Dataset['report'] } }).cause?.report
      set({
        upload: {
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
          ...(report ? { report } : {}),
        },
      })
    }
  },
}))
