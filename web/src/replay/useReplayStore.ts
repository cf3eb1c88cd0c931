import { create } from 'zustand'

export interface ReplayState {
  /** The bar whose values the canvas shows; undefined = the last bar of the preview. */
  bar?: number
  /** Teaching mode: a bar-by-bar walk through the backtest, large type for a projector. */
  teaching: boolean
  /** Set by a click in the trade list; the chart scrolls there once. */
  focus?: { from: number; to: number; seq: number }
  setBar(bar: number | undefined): void
  setTeaching(on: boolean): void
  focusRange(from: number, to: number): void
}

/** Which bar the canvas and chart look at, and whether teaching mode is on. */
export const useReplayStore = create<ReplayState>()((set, get) => ({
  teaching: false,
  setBar(bar) {
    set({ bar })
  },
  setTeaching(teaching) {
    set({ teaching })
  },
  focusRange(from, to) {
    set({ focus: { from, to, seq: (get().focus?.seq ?? 0) + 1 } })
  },
}))
