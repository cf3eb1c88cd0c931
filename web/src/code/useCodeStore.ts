import { create } from 'zustand'
import type { Plot } from '@tradeloom/compiler'

export interface CodeState {
  /** `graph`: the canvas drives the strategy. `code`: the user owns the TypeScript. */
  mode: 'graph' | 'code'
  code: string
  /** Plots of the graph the code came from; the preview draws those the code still records. */
  plots: readonly Plot[]
  /** True when the code changed since it was loaded or last saved. */
  dirty: boolean
  /** Turns the strategy into a code strategy starting from the generated TypeScript. */
  takeOver(ts: string, plots: readonly Plot[]): void
  setCode(code: string): void
  /** Opens a saved code version. */
  loadCode(code: string, plots?: readonly Plot[]): void
  /** Back to a graph strategy (opening a graph version). */
  reset(): void
  markSaved(): void
}

/** Whether the strategy is a graph or code the user took over, and that code. */
export const useCodeStore = create<CodeState>()((set) => ({
  mode: 'graph',
  code: '',
  plots: [],
  dirty: false,
  takeOver(code, plots) {
    set({ mode: 'code', code, plots, dirty: true })
  },
  setCode(code) {
    set({ code, dirty: true })
  },
  loadCode(code, plots = []) {
    set({ mode: 'code', code, plots, dirty: false })
  },
  reset() {
    set({ mode: 'graph', code: '', plots: [], dirty: false })
  },
  markSaved() {
    set({ dirty: false })
  },
}))
