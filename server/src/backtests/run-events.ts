import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'
import type { AppEnv } from '../app-env'
import { NotFoundError } from '../errors'
import { findRunForWorker } from './queries'

const POLL_MS = 400
const KEEPALIVE_MS = 15_000
const FINAL = new Set(['completed', 'failed', 'cancelled'])

/**
 * Server-sent events for one run: the current state at once, then `progress` on every change,
 * `log` for every stored line (id = line number, so `Last-Event-ID` resumes), and `done` when
 * the run is final. The run is polled rather than pushed because its worker may be another
 * process, and polling works on PGlite and PostgreSQL alike.
 */
export async function streamRunEvents(c: Context<AppEnv>, runId: string): Promise<Response> {
  const { db, user } = c.var
  const first = await findRunForWorker(db, runId)
  if (first === undefined || first.userId !== user.id) {
    throw new NotFoundError(`Backtest ${runId} not found`)
  }
  const resumeAt = Number(c.req.header('last-event-id') ?? 0)
  return streamSSE(c, async (stream) => {
    let sentLines = Number.isInteger(resumeAt) && resumeAt > 0 ? resumeAt : 0
    let sent = ''
    let lastWrite = Date.now()
    let run = first
    for (;;) {
      const state = JSON.stringify({ status: run.status, progress: run.progress })
      if (state !== sent) {
        await stream.writeSSE({ event: 'progress', data: state })
        sent = state
        lastWrite = Date.now()
      }
      for (; sentLines < run.log.length; sentLines++) {
        await stream.writeSSE({
          event: 'log',
          id: String(sentLines + 1),
          data: JSON.stringify({ index: sentLines, line: run.log[sentLines] }),
        })
        lastWrite = Date.now()
      }
      if (FINAL.has(run.status)) {
        await stream.writeSSE({
          event: 'done',
          data: JSON.stringify({ status: run.status, error: run.error }),
        })
        return
      }
      if (Date.now() - lastWrite > KEEPALIVE_MS) {
        await stream.write(': keep-alive\n\n')
        lastWrite = Date.now()
      }
      await stream.sleep(POLL_MS)
      if (stream.aborted || stream.closed) return
      const next = await findRunForWorker(db, runId)
      if (next === undefined) return
      run = next
    }
  })
}
