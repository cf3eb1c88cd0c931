import { and, eq, notInArray, sql } from 'drizzle-orm'
import { backtestRuns } from '@tradeloom/drizzle'
import type { BacktestRunRow, BacktestStatus, Db } from '@tradeloom/drizzle'

// Once a run is final, nothing may change it: every write below is guarded by this.
const FINAL: BacktestStatus[] = ['completed', 'failed']

export interface NewRun {
  id: string
  userId: string
  strategyId: string
  versionId: string
  config: Record<string, unknown>
}

export async function insertRun(db: Db, run: NewRun): Promise<BacktestRunRow> {
  const [row] = await db
    .insert(backtestRuns)
    .values({ ...run, log: ['Queued'] })
    .returning()
  if (row === undefined) throw new Error('Inserting a backtest run returned no row')
  return row
}

/** A run as its owner may see it. */
export async function findRun(
  db: Db,
  userId: string,
  runId: string,
): Promise<BacktestRunRow | undefined> {
  const [row] = await db
    .select()
    .from(backtestRuns)
    .where(and(eq(backtestRuns.id, runId), eq(backtestRuns.userId, userId)))
  return row
}

/** @internal For workers, which act on behalf of the run's owner (the row carries `userId`). */
export async function findRunForWorker(db: Db, runId: string): Promise<BacktestRunRow | undefined> {
  const [row] = await db.select().from(backtestRuns).where(eq(backtestRuns.id, runId))
  return row
}

function appendLog(line: string) {
  return sql`${backtestRuns.log} || ${JSON.stringify([line])}::jsonb`
}

/** Moves an unfinished run to `running` (again, on a retry) and notes it in the log. */
export async function markRunning(db: Db, runId: string, line: string): Promise<void> {
  await db
    .update(backtestRuns)
    .set({ status: 'running', progress: 5, startedAt: new Date(), log: appendLog(line) })
    .where(and(eq(backtestRuns.id, runId), notInArray(backtestRuns.status, FINAL)))
}

export async function recordProgress(
  db: Db,
  runId: string,
  progress: number,
  line: string,
): Promise<void> {
  await db
    .update(backtestRuns)
    .set({ progress, log: appendLog(line) })
    .where(and(eq(backtestRuns.id, runId), notInArray(backtestRuns.status, FINAL)))
}

export interface RunResults {
  stats: Record<string, unknown>
  trades: unknown[]
  equity: number[]
}

/**
 * Stores the results and completes the run, only if no attempt finished it before: a retried
 * job can never write results twice. Returns whether this call did the write.
 */
export async function completeRun(
  db: Db,
  runId: string,
  results: RunResults,
  line: string,
): Promise<boolean> {
  const rows = await db
    .update(backtestRuns)
    .set({
      ...results,
      status: 'completed',
      progress: 100,
      finishedAt: new Date(),
      log: appendLog(line),
    })
    .where(and(eq(backtestRuns.id, runId), notInArray(backtestRuns.status, FINAL)))
    .returning({ id: backtestRuns.id })
  return rows.length === 1
}

/** Fails an unfinished run with a reason the trader can act on. */
export async function failRun(db: Db, runId: string, reason: string): Promise<boolean> {
  const rows = await db
    .update(backtestRuns)
    .set({
      status: 'failed',
      error: reason,
      finishedAt: new Date(),
      log: appendLog(`Failed: ${reason}`),
    })
    .where(and(eq(backtestRuns.id, runId), notInArray(backtestRuns.status, FINAL)))
    .returning({ id: backtestRuns.id })
  return rows.length === 1
}
