import { parentPort, workerData } from 'node:worker_threads'
import * as runtime from '@tradeloom/runtime'
import { createLiveSession, loadStrategyModule } from '@tradeloom/runtime'
import type { LiveSession } from '@tradeloom/runtime'
import type { SessionCall, SessionInit, SessionMessage } from './session-protocol'

// Runs one paper terminal's strategy inside a worker thread with a heap limit; the terminal on
// the main thread calls it bar by bar and gives up on a call that takes too long (terminating
// this thread), so a strategy that loops or allocates without end costs only this thread.
const init = workerData as SessionInit
const post = (message: SessionMessage) => parentPort!.postMessage(message)

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

let session: LiveSession
try {
  const module = loadStrategyModule(init.tsSource, runtime)
  session = createLiveSession({
    symbol: init.symbol,
    config: init.config,
    strategy: module.createStrategy(),
    capacity: init.capacity,
    ticketBase: init.ticketBase,
  })
  post({ type: 'loaded' })
} catch (error) {
  post({ type: 'load-failed', message: describe(error) })
  process.exit(0)
}

parentPort!.on('message', (call: SessionCall) => {
  try {
    post({ type: 'reply', id: call.id, ok: true, value: run(call) })
  } catch (error) {
    post({ type: 'reply', id: call.id, ok: false, message: describe(error) })
  }
})

function run(call: SessionCall): unknown {
  switch (call.op) {
    case 'pushBar':
      return session.pushBar(call.bar)
    case 'halt':
      session.halt()
      return session.snapshot()
    case 'resume':
      session.resume()
      return session.snapshot()
    case 'closeAll':
      return session.closeAll(undefined, call.timeMsc)
    case 'snapshot':
      return session.snapshot()
  }
}
