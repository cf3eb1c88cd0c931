import type { LiveBar, LiveDeal, LiveSnapshot, LiveStep, SymbolSpec } from '@tradeloom/runtime'

/**
 * Messages between a paper terminal and the worker thread that runs its strategy (strategy code
 * never runs on a worker's main thread: server/README.md). Plain JSON-like values only.
 */

/** What the thread is started with (`workerData`). */
export interface SessionInit {
  readonly tsSource: string
  readonly symbol: SymbolSpec
  readonly config: {
    readonly initialCash: number
    readonly lots: number
    readonly accountMode: 'netting' | 'hedging'
  }
  readonly capacity: number
  readonly ticketBase: number
}

/** A call into the session; `id` pairs it with its reply. */
export type SessionCall =
  | { readonly id: number; readonly op: 'pushBar'; readonly bar: LiveBar }
  | { readonly id: number; readonly op: 'halt' }
  | { readonly id: number; readonly op: 'resume' }
  | { readonly id: number; readonly op: 'closeAll'; readonly timeMsc: number }
  | { readonly id: number; readonly op: 'snapshot' }

/** What each call answers. */
export interface SessionResults {
  pushBar: LiveStep
  halt: LiveSnapshot
  resume: LiveSnapshot
  closeAll: LiveDeal[]
  snapshot: LiveSnapshot
}

/** Messages from the thread: once `loaded` (or `load-failed`), then one reply per call. */
export type SessionMessage =
  | { readonly type: 'loaded' }
  | { readonly type: 'load-failed'; readonly message: string }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly message: string }
