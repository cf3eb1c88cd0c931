import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import { buildTasks } from '@tradeloom/drizzle'
import type { BuildStatus, BuildTaskRow, Db } from '@tradeloom/drizzle'

const OPEN: BuildStatus[] = ['PENDING', 'BUILDING']

function appendLog(line: string) {
  return sql`${buildTasks.log} || ${JSON.stringify([line])}::jsonb`
}

function ownedBy(id: string, attempt: number) {
  return and(
    eq(buildTasks.id, id),
    eq(buildTasks.attempt, attempt),
    eq(buildTasks.status, 'BUILDING'),
  )
}

export async function insertBuild(
  db: Db,
  task: Pick<BuildTaskRow, 'id' | 'userId' | 'strategyId' | 'versionId'>,
): Promise<BuildTaskRow> {
  const [row] = await db
    .insert(buildTasks)
    .values({ ...task, log: ['Queued'] })
    .returning()
  if (row === undefined) throw new Error('Inserting a build task returned no row')
  return row
}

export async function findBuild(
  db: Db,
  userId: string,
  id: string,
): Promise<BuildTaskRow | undefined> {
  const [row] = await db
    .select()
    .from(buildTasks)
    .where(and(eq(buildTasks.id, id), eq(buildTasks.userId, userId)))
  return row
}

export function listBuilds(db: Db, userId: string, strategyId: string): Promise<BuildTaskRow[]> {
  return db
    .select()
    .from(buildTasks)
    .where(and(eq(buildTasks.strategyId, strategyId), eq(buildTasks.userId, userId)))
    .orderBy(desc(buildTasks.createdAt))
    .limit(50)
}

/** @internal For workers, acting for the task's owner. */
export async function findBuildForWorker(db: Db, id: string): Promise<BuildTaskRow | undefined> {
  const [row] = await db.select().from(buildTasks).where(eq(buildTasks.id, id))
  return row
}

/** Claims an open task for a job attempt (see backtests' `claimRun`); undefined when final. */
export async function claimBuild(db: Db, id: string, worker: string): Promise<number | undefined> {
  const next = sql`(${buildTasks.attempt} + 1)`
  const [row] = await db
    .update(buildTasks)
    .set({
      attempt: next,
      status: 'BUILDING',
      progress: 5,
      startedAt: new Date(),
      log: sql`${buildTasks.log} || jsonb_build_array('Attempt ' || ${next}::text || ${` started on ${worker}`}::text)`,
    })
    .where(and(eq(buildTasks.id, id), inArray(buildTasks.status, OPEN)))
    .returning({ attempt: buildTasks.attempt })
  return row?.attempt
}

export async function recordBuildProgress(
  db: Db,
  id: string,
  attempt: number,
  progress: number,
  line: string,
): Promise<boolean> {
  const rows = await db
    .update(buildTasks)
    .set({ progress, log: appendLog(line) })
    .where(ownedBy(id, attempt))
    .returning({ id: buildTasks.id })
  return rows.length === 1
}

/** Ends the task COMPLETE or FAILED, once, while `attempt` owns it. */
export async function finishBuild(
  db: Db,
  id: string,
  attempt: number | undefined,
  outcome: {
    status: 'COMPLETE' | 'FAILED'
    result: Record<string, unknown> | null
    error: string | null
    line: string
  },
): Promise<boolean> {
  const rows = await db
    .update(buildTasks)
    .set({
      status: outcome.status,
      progress: 100,
      result: outcome.result,
      error: outcome.error,
      finishedAt: new Date(),
      log: appendLog(outcome.line),
    })
    .where(
      attempt === undefined
        ? and(eq(buildTasks.id, id), inArray(buildTasks.status, OPEN))
        : ownedBy(id, attempt),
    )
    .returning({ id: buildTasks.id })
  return rows.length === 1
}
