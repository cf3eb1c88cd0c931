import { Worker } from 'node:worker_threads'
import type { SandboxMessage, SandboxRequest, SandboxResult } from './protocol'

/** Limits of one sandboxed run. */
export interface SandboxLimits {
  /** Wall-clock limit; the thread is terminated past it. */
  readonly timeoutMs: number
  /** V8 heap limit of the thread, in MB. */
  readonly memoryMb?: number
}

export interface SandboxOptions extends SandboxLimits {
  /** Called with the bar just simulated, about 100 times a run. */
  readonly onProgress?: (barIndex: number, total: number) => void
  /** Aborting terminates the thread; the promise rejects with `SandboxCancelled`. */
  readonly signal?: AbortSignal
}

/**
 * The strategy's own fault (it does not load, throws, runs too long or allocates too much): a
 * retry would fail the same way, so callers store it as the run's failure.
 */
export class StrategyRunError extends Error {}

/** The run was cancelled through its AbortSignal. */
export class SandboxCancelled extends Error {}

const ENTRY = new URL('./sandbox-entry.mjs', import.meta.url)
const DEFAULT_MEMORY_MB = 512

/**
 * Runs a strategy's TypeScript on bars in a fresh worker thread: `loadStrategyModule` and
 * `runBacktest` happen there, under a heap limit and a wall-clock timeout, so a strategy that
 * loops forever or eats memory costs one thread, never the server. The thread gets an empty
 * environment (no DATABASE_URL to read). It bounds resources; it is not a security boundary
 * against code written to escape (see server/README.md).
 */
export function runInSandbox(
  request: SandboxRequest,
  options: SandboxOptions,
): Promise<SandboxResult> {
  const memoryMb = options.memoryMb ?? DEFAULT_MEMORY_MB
  const { bars } = request
  const transfer = [
    bars.time,
    bars.open,
    bars.high,
    bars.low,
    bars.close,
    bars.tickVolume,
    bars.spread,
  ].map((column) => column.buffer as ArrayBuffer)
  return new Promise((resolve, reject) => {
    const worker = new Worker(ENTRY, {
      workerData: request,
      transferList: [...new Set(transfer)],
      env: {},
      stdout: true,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 64 },
    })
    let settled = false
    const finish = (error: Error | null, result?: SandboxResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      if (error === null) resolve(result!)
      else reject(error)
    }
    const seconds = Math.round(options.timeoutMs / 100) / 10
    const timer = setTimeout(
      () =>
        finish(new StrategyRunError(`The strategy ran longer than ${seconds} s and was stopped`)),
      options.timeoutMs,
    )
    const onAbort = () => finish(new SandboxCancelled('The run was cancelled'))
    if (options.signal?.aborted) onAbort()
    options.signal?.addEventListener('abort', onAbort)

    worker.on('message', (message: SandboxMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.barIndex, message.total)
      else if (message.type === 'result') finish(null, message.result)
      else {
        const what = message.stage === 'load' ? 'could not be loaded' : 'stopped with an error'
        finish(new StrategyRunError(`The strategy ${what}: ${message.message}`))
      }
    })
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        finish(new StrategyRunError(`The strategy used more than ${memoryMb} MB and was stopped`))
      } else {
        // An uncaught throw from the strategy's own asynchronous code, or the thread failing to
        // start; both end this run.
        finish(new StrategyRunError(`The strategy stopped with an error: ${error.message}`))
      }
    })
    worker.on('exit', (code) => {
      finish(new StrategyRunError(`The strategy's sandbox exited (code ${code}) before finishing`))
    })
  })
}
