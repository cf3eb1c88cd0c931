import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { backtestResults, backtestRuns } from '@tradeloom/drizzle'
import type { BacktestResultRow, BacktestRunRow, BacktestStatus, Db } from '@tradeloom/drizzle'

// A run still open to a worker; every worker write below requires it.
const OPEN: BacktestStatus[] = ['queued', 'running']

export interface NewRun {
  id: string
  userId: string
  strategyId: string
  versionId: string
  datasetId: string | null
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

/** A run as its owner may see it, with its results once it completed. */
export async function findRun(
  db: Db,
  userId: string,
  runId: string,
): Promise<{ run: BacktestRunRow; result: BacktestResultRow | null } | undefined> {
  const [row] = await db
    .select({ run: backtestRuns, result: backtestResults })
    .from(backtestRuns)
    .leftJoin(backtestResults, eq(backtestResults.runId, backtestRuns.id))
    .where(and(eq(backtestRuns.id, runId), eq(backtestRuns.userId, userId)))
  return row
}

/** A strategy's runs, newest first, without results. */
export function listRuns(db: Db, userId: string, strategyId: string): Promise<BacktestRunRow[]> {
  return db
    .select()
    .from(backtestRuns)
    .where(and(eq(backtestRuns.strategyId, strategyId), eq(backtestRuns.userId, userId)))
    .orderBy(desc(backtestRuns.createdAt))
    .limit(100)
}

/** @internal For workers, which act on behalf of the run's owner (the row carries `userId`). */
export async function findRunForWorker(db: Db, runId: string): Promise<BacktestRunRow | undefined> {
  const [row] = await db.select().from(backtestRuns).where(eq(backtestRuns.id, runId))
  return row
}

function appendLog(line: string) {
  return sql`${backtestRuns.log} || ${JSON.stringify([line])}::jsonb`
}

/**
 * Claims an open run for a new job attempt: bumps `attempt`, marks it running and logs
 * "Attempt N started on <worker>". Returns N, or undefined when the run is final (finished or
 * cancelled).
 */
export async function claimRun(db: Db, runId: string, worker: string): Promise<number | undefined> {
  const next = sql`(${backtestRuns.attempt} + 1)`
  const [row] = await db
    .update(backtestRuns)
    .set({
      attempt: next,
      status: 'running',
      progress: 0,
      startedAt: new Date(),
      log: sql`${backtestRuns.log} || jsonb_build_array('Attempt ' || ${next}::text || ${` started on ${worker}`}::text)`,
    })
    .where(and(eq(backtestRuns.id, runId), inArray(backtestRuns.status, OPEN)))
    .returning({ attempt: backtestRuns.attempt })
  return row?.attempt
}

/**
 * Progress of the attempt that owns the run. False when it no longer does (a newer attempt took
 * over, or the run was cancelled): the caller stops working on it.
 */
export async function recordProgress(
  db: Db,
  runId: string,
  attempt: number,
  progress: number,
  line?: string,
): Promise<boolean> {
  const rows = await db
    .update(backtestRuns)
    .set(line === undefined ? { progress } : { progress, log: appendLog(line) })
    .where(ownedBy(runId, attempt))
    .returning({ id: backtestRuns.id })
  return rows.length === 1
}

/** True while `attempt` still owns the open run (not cancelled, not taken over). */
export async function stillOwned(db: Db, runId: string, attempt: number): Promise<boolean> {
  const rows = await db
    .select({ id: backtestRuns.id })
    .from(backtestRuns)
    .where(ownedBy(runId, attempt))
  return rows.length === 1
}

function ownedBy(runId: string, attempt: number) {
  return and(
    eq(backtestRuns.id, runId),
    eq(backtestRuns.attempt, attempt),
    eq(backtestRuns.status, 'running'),
  )
}

export type NewResults = Omit<BacktestResultRow, 'runId' | 'userId' | 'attempt' | 'createdAt'>

/**
 * Stores the results and completes the run in one transaction, only while `attempt` still owns
 * the run: a retried job, or a worker that was given up on, can never write results twice.
 * Returns whether this call did the write.
 */
export async function completeRun(
  db: Db,
  run: Pick<BacktestRunRow, 'id' | 'userId'>,
  attempt: number,
  results: NewResults,
  line: string,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(backtestRuns)
      .set({ status: 'completed', progress: 100, finishedAt: new Date(), log: appendLog(line) })
      .where(ownedBy(run.id, attempt))
      .returning({ id: backtestRuns.id })
    if (rows.length === 0) return false
    await tx
      .insert(backtestResults)
      .values({ ...results, runId: run.id, userId: run.userId, attempt })
    return true
  })
}

/** Fails an open run with a reason the trader can act on (`attempt` guards like `completeRun`). */
export async function failRun(
  db: Db,
  runId: string,
  reason: string,
  attempt?: number,
): Promise<boolean> {
  const rows = await db
    .update(backtestRuns)
    .set({
      status: 'failed',
      error: reason,
      finishedAt: new Date(),
      log: appendLog(`Failed: ${reason}`),
    })
    .where(
      attempt === undefined
        ? and(eq(backtestRuns.id, runId), inArray(backtestRuns.status, OPEN))
        : ownedBy(runId, attempt),
    )
    .returning({ id: backtestRuns.id })
  return rows.length === 1
}

/** Cancels the user's open run; false when it is not theirs or already final. */
export async function cancelRun(db: Db, userId: string, runId: string): Promise<boolean> {
  const rows = await db
    .update(backtestRuns)
    .set({ status: 'cancelled', finishedAt: new Date(), log: appendLog('Cancelled') })
    .where(
      and(
        eq(backtestRuns.id, runId),
        eq(backtestRuns.userId, userId),
        inArray(backtestRuns.status, OPEN),
      ),
    )
    .returning({ id: backtestRuns.id })
  return rows.length === 1
}
