import { hostname } from 'node:os'
import { COMPILER_VERSION, compile, parseGraph } from '@tradeloom/compiler'
import { generateSyntheticBars } from '@tradeloom/runtime'
import type { Db } from '@tradeloom/drizzle'
import { recordEvent } from '../events/record-event'
import type { JobDefinition } from '../jobs/job-definition'
import { BUILD_RUN_QUEUE, buildRunPayloadSchema } from '../jobs/queues'
import type { BuildRunPayload } from '../jobs/queues'
import { runInSandbox, StrategyRunError } from '../sandbox/run-in-sandbox'
import { findVersionForWorker } from '../versions/queries'
import { claimBuild, findBuildForWorker, finishBuild, recordBuildProgress } from './queries'

const WORKER = `${hostname()}:${process.pid}`
const SMOKE_BARS = 500
const SMOKE_TIMEOUT_MS = 60_000

/**
 * `build.run`: compiles and checks one version. A graph is compiled again (its diagnostics and
 * whether today's compiler still produces the stored code); then the version's TypeScript is
 * loaded in the sandbox and run on 500 synthetic bars, which catches code that does not load or
 * throws. Each attempt claims the task; outcomes are written once.
 */
export const buildJob: JobDefinition<BuildRunPayload> = {
  queue: BUILD_RUN_QUEUE,
  payloadSchema: buildRunPayloadSchema,
  queueOptions: { retryLimit: 2, retryDelay: 1, expireInSeconds: 5 * 60 },

  async handle({ buildId }, { db, isLastAttempt }) {
    const task = await findBuildForWorker(db, buildId)
    if (task === undefined) return
    const attempt = await claimBuild(db, buildId, WORKER)
    if (attempt === undefined) return
    const { userId, strategyId } = task
    const finish = async (outcome: Parameters<typeof finishBuild>[3]) => {
      if (await finishBuild(db, buildId, attempt, outcome)) {
        await recordEvent(db, {
          userId,
          strategyId,
          type: 'build.finished',
          metadata: {
            buildId,
            versionId: task.versionId,
            status: outcome.status,
            error: outcome.error,
          },
        })
      }
    }
    try {
      await recordEvent(db, {
        userId,
        strategyId,
        type: 'build.started',
        metadata: { buildId, versionId: task.versionId, attempt },
      })
      await runBuild(db, task, attempt, finish)
    } catch (error) {
      if (isLastAttempt) {
        const reason = 'The build could not be completed after several attempts; see the worker log'
        await finish({
          status: 'FAILED',
          result: null,
          error: reason,
          line: `Failed: ${reason}`,
        }).catch(() => undefined)
      }
      throw error
    }
  },
}

async function runBuild(
  db: Db,
  task: { id: string; userId: string; versionId: string },
  attempt: number,
  finish: (outcome: Parameters<typeof finishBuild>[3]) => Promise<void>,
): Promise<void> {
  const failed = (error: string, result: Record<string, unknown> | null = null) =>
    finish({ status: 'FAILED', result, error, line: `Failed: ${error}` })
  const version = await findVersionForWorker(db, task.userId, task.versionId)
  if (version === undefined) return failed('The strategy version no longer exists')

  const result: Record<string, unknown> = { kind: version.kind, compilerVersion: COMPILER_VERSION }
  if (version.kind === 'graph') {
    await recordBuildProgress(
      db,
      task.id,
      attempt,
      20,
      `Compiling the graph with compiler ${COMPILER_VERSION}`,
    )
    const parsed = parseGraph(version.graph)
    const compiled = parsed.ok ? compile(parsed.graph) : parsed
    if (!compiled.ok) {
      const errors = compiled.diagnostics.filter((d) => d.severity === 'error')
      return failed(
        `The graph has ${errors.length} error(s): ${errors[0]?.message ?? 'see diagnostics'}`,
        {
          ...result,
          diagnostics: compiled.diagnostics,
        },
      )
    }
    result.diagnostics = compiled.diagnostics
    result.warmupBars = compiled.warmupBars
    result.upToDate = compiled.ts === version.tsSource && compiled.mql5 === version.mql5Source
    const note = result.upToDate
      ? `Compiled: ${compiled.diagnostics.length} warning(s); the stored code is what this compiler produces`
      : `Compiled: ${compiled.diagnostics.length} warning(s); this compiler produces different code than the stored version (saved with ${version.compilerVersion}); save again to update it`
    await recordBuildProgress(db, task.id, attempt, 50, note)
  } else {
    await recordBuildProgress(db, task.id, attempt, 50, 'Code version: nothing to compile')
  }

  await recordBuildProgress(
    db,
    task.id,
    attempt,
    60,
    `Loading the TypeScript in the sandbox and running it on ${SMOKE_BARS} synthetic bars`,
  )
  try {
    const smoke = await runInSandbox(
      {
        tsSource: version.tsSource,
        bars: generateSyntheticBars({ seed: 1, count: SMOKE_BARS }),
        config: { initialCash: 10_000, lots: 0.1, symbol: 'EURUSD' },
      },
      { timeoutMs: SMOKE_TIMEOUT_MS },
    )
    result.smokeTest = {
      bars: SMOKE_BARS,
      trades: smoke.trades.length,
      netProfit: smoke.stats.netProfit,
    }
  } catch (error) {
    if (error instanceof StrategyRunError) return failed(error.message, result)
    throw error
  }
  await finish({
    status: 'COMPLETE',
    result,
    error: null,
    line: `Complete: the strategy loads and ran ${SMOKE_BARS} bars (${String((result.smokeTest as { trades: number }).trades)} trades)`,
  })
}
