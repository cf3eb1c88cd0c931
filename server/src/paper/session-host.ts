import { Worker } from 'node:worker_threads'
import type { LiveBar, LiveDeal, LiveSession, LiveSnapshot, LiveStep } from '@tradeloom/runtime'
import type { SessionCall, SessionInit, SessionMessage, SessionResults } from './session-protocol'

/** A paper terminal's strategy session, wherever it runs (a worker thread, or in-process in tests). */
export interface PaperSession {
  pushBar(bar: LiveBar): Promise<LiveStep>
  halt(): Promise<LiveSnapshot>
  resume(): Promise<LiveSnapshot>
  /** Closes every position at the last close, the deals stamped `timeMsc`. */
  closeAll(timeMsc: number): Promise<LiveDeal[]>
  snapshot(): Promise<LiveSnapshot>
  close(): Promise<void>
}

/** The strategy failed (did not load, threw, or took too long): the session is unusable or the call failed. */
export class PaperSessionError extends Error {
  constructor(
    message: string,
    /** True when the thread is gone and every later call fails too. */
    readonly fatal: boolean,
  ) {
    super(message)
  }
}

export interface SessionThreadLimits {
  /** Longest a call (one bar of the strategy) may take before the thread is terminated. */
  readonly callTimeoutMs: number
  /** Longest the strategy may take to load. */
  readonly loadTimeoutMs: number
  readonly memoryMb: number
}

export const DEFAULT_SESSION_LIMITS: SessionThreadLimits = {
  callTimeoutMs: 10_000,
  loadTimeoutMs: 30_000,
  memoryMb: 256,
}

const ENTRY = new URL('./session-entry.mjs', import.meta.url)

type Op = SessionCall['op']
type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void }

/**
 * Starts the strategy's live session in a worker thread (heap limit, empty environment) and
 * resolves once the strategy loaded; rejects with a {@link PaperSessionError} when it does not.
 */
export async function startSessionThread(
  init: SessionInit,
  limits: SessionThreadLimits = DEFAULT_SESSION_LIMITS,
): Promise<PaperSession> {
  const worker = new Worker(ENTRY, {
    workerData: init,
    env: {},
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32 },
  })
  const pending = new Map<number, Pending>()
  let nextId = 1
  let dead: string | null = null
  let loaded: Pending | null = null

  const die = (why: string) => {
    if (dead !== null) return
    dead = why
    const error = new PaperSessionError(why, true)
    loaded?.reject(error)
    for (const p of pending.values()) p.reject(error)
    pending.clear()
    void worker.terminate()
  }
  worker.on('message', (message: SessionMessage) => {
    if (message.type === 'loaded') loaded?.resolve(undefined)
    else if (message.type === 'load-failed') die(`The strategy does not load: ${message.message}`)
    else {
      const p = pending.get(message.id)
      pending.delete(message.id)
      if (message.ok) p?.resolve(message.value)
      else p?.reject(new PaperSessionError(message.message, false))
    }
  })
  worker.on('error', (error) => die(`The strategy's thread crashed: ${error.message}`))
  worker.on('exit', (code) => die(`The strategy's thread ended (exit code ${code})`))

  await withTimeout(
    new Promise((resolve, reject) => (loaded = { resolve, reject })),
    limits.loadTimeoutMs,
    () => die(`The strategy took longer than ${limits.loadTimeoutMs / 1000} s to load`),
  )

  const call = <K extends Op>(
    op: K,
    extra: Record<string, unknown> = {},
  ): Promise<SessionResults[K]> => {
    if (dead !== null) return Promise.reject(new PaperSessionError(dead, true))
    const id = nextId++
    const promise = new Promise<unknown>((resolve, reject) => pending.set(id, { resolve, reject }))
    worker.postMessage({ id, op, ...extra })
    return withTimeout(promise, limits.callTimeoutMs, () =>
      die(
        `The strategy took longer than ${limits.callTimeoutMs / 1000} s on one bar and was stopped`,
      ),
    ) as Promise<SessionResults[K]>
  }

  return {
    pushBar: (bar) => call('pushBar', { bar }),
    halt: () => call('halt'),
    resume: () => call('resume'),
    closeAll: (timeMsc) => call('closeAll', { timeMsc }),
    snapshot: () => call('snapshot'),
    async close() {
      dead ??= 'The session was closed'
      await worker.terminate()
    },
  }
}

/** A session running in this thread: for tests of the terminal, with a trusted strategy. */
export function inProcessSession(session: LiveSession): PaperSession {
  const wrap = <T>(run: () => T): Promise<T> => {
    try {
      return Promise.resolve(run())
    } catch (error) {
      return Promise.reject(new PaperSessionError((error as Error).message, false))
    }
  }
  return {
    pushBar: (bar) => wrap(() => session.pushBar(bar)),
    halt: () => wrap(() => (session.halt(), session.snapshot())),
    resume: () => wrap(() => (session.resume(), session.snapshot())),
    closeAll: (timeMsc) => wrap(() => session.closeAll(undefined, timeMsc)),
    snapshot: () => wrap(() => session.snapshot()),
    close: () => Promise.resolve(),
  }
}

/** Rejects (after calling `onTimeout`) when `promise` has not settled within `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout()
      reject(new PaperSessionError('timed out', true))
    }, ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
