import { and, eq } from 'drizzle-orm'
import { TIMEFRAMES } from '@tradeloom/compiler'
import {
  datasets,
  deployments,
  strategies,
  strategyVersions,
  tradingAccounts,
} from '@tradeloom/drizzle'
import type { Db, DeploymentRow, PaperFeed, TradingAccountRow } from '@tradeloom/drizzle'
import { z } from 'zod'
import { timeframeSeconds } from '../backtests/timeframe-seconds'
import { NotFoundError, ValidationError } from '../errors'
import { recordEvent } from '../events/record-event'
import type { JobEngine } from '../jobs/job-engine'
import { activeKillSwitch } from '../kill-switch/state'
import { startPaperTerminal } from '../paper/start'
import { setHaltReason } from './control'
import { paperFeedSchema } from './dto'
import { prepareHandoff } from './handoff'
import { finishOpenPhase, finishPhase, startPhase } from './phases'
import { runPreflight } from './preflight'
import { CONFIRMATION_TIMEOUT_MINUTES } from './timeouts'

export const createDeploymentBody = z.object({
  versionId: z.uuid('must be a version id'),
  accountId: z.uuid('must be a trading account id'),
  symbol: z.string().trim().min(1, 'must name a symbol').max(64),
  timeframe: z.enum(TIMEFRAMES).optional(),
  lots: z.number().positive('must be above 0').max(1_000_000),
  heartbeatSeconds: z.number().int().min(5).max(300).default(15),
  offlinePolicy: z
    .enum(['stop_entries', 'keep_trading', 'stop-entries', 'keep-trading'])
    .optional()
    .describe('what the EA does after offlineMinutes without the server (default stop_entries)'),
  offlineMinutes: z.number().int().min(1).max(1440).default(15),
  paperFeed: paperFeedSchema
    .optional()
    .describe('paper accounts only; default: synthetic bars in real time (one per timeframe)'),
})
export type CreateDeploymentBody = z.infer<typeof createDeploymentBody>

export interface CreateDeploymentContext {
  readonly db: Db
  readonly jobs: JobEngine
  readonly userId: string
  /** `settings.publicUrl`: the URL baked into EAs. */
  readonly serverUrl: string
  /** `settings.paperTerminalUrl`: the URL paper terminals call. */
  readonly paperServerUrl: string
  readonly now: Date
}

export interface CreatedDeployment {
  readonly deploymentId: string
  /** Live and handed off: the EA source (holds the token), returned once, never stored. */
  readonly ea: { readonly fileName: string; readonly source: string } | null
}

/**
 * Creates a deployment and runs it as far as the server can on its own: preflight, then the code
 * hand-off, leaving it AWAITING_EA with the confirmation phase running (or FAILED with the first
 * failed check's message). A paper deployment's terminal is queued here.
 */
export async function createDeployment(
  ctx: CreateDeploymentContext,
  body: CreateDeploymentBody,
): Promise<CreatedDeployment> {
  const { db, userId, now } = ctx
  const version = await requireOwnVersion(db, userId, body.versionId)
  const [strategy] = await db
    .select({ name: strategies.name, timeframe: strategies.timeframe })
    .from(strategies)
    .where(and(eq(strategies.id, version.strategyId), eq(strategies.userId, userId)))
  if (strategy === undefined) throw new NotFoundError(`Version ${body.versionId} not found`)
  const account = await requireOwnAccount(db, userId, body.accountId)
  const graphTimeframe = (version.graph?.meta as { timeframe?: string } | undefined)?.timeframe
  const timeframe = body.timeframe ?? graphTimeframe ?? strategy.timeframe
  const paperFeed = await resolvePaperFeed(db, userId, account, body.paperFeed, timeframe)

  const [created] = await db
    .insert(deployments)
    .values({
      userId,
      strategyId: version.strategyId,
      versionId: version.id,
      accountId: account.id,
      symbol: body.symbol,
      timeframe,
      lots: body.lots,
      heartbeatSeconds: body.heartbeatSeconds,
      offlinePolicy: body.offlinePolicy?.replace('-', '_') ?? 'stop_entries',
      offlineMinutes: body.offlineMinutes,
      paperFeed,
      status: 'PENDING',
      createdAt: now,
      updatedAt: now,
    })
    .returning()
  if (created === undefined) throw new Error('Inserting a deployment returned no row')

  // 1. Preflight.
  const preflightId = await db.transaction(async (tx) => {
    await setStatus(tx, created.id, { status: 'VALIDATING' }, now)
    return startPhase(tx, created, 'preflight', now)
  })
  const checks = await runPreflight(db, {
    userId,
    account,
    version,
    symbol: body.symbol,
    lots: body.lots,
    now,
  })
  const failed = checks.find((c) => !c.ok)
  if (failed !== undefined) {
    await db.transaction(async (tx) => {
      await finishPhase(tx, preflightId, 'failed', { reason: failed.message, checks }, now)
      await fail(tx, created, 'preflight', failed.message, now)
    })
    return { deploymentId: created.id, ea: null }
  }

  // 2. Code hand-off.
  const handoffId = await db.transaction(async (tx) => {
    await finishPhase(tx, preflightId, 'passed', { checks }, now)
    return startPhase(tx, created, 'handoff', now)
  })
  const prepared = prepareHandoff({
    deployment: created,
    version,
    strategyName: strategy.name,
    accountKind: account.kind,
    serverUrl: ctx.serverUrl,
  })
  if (!prepared.ok) {
    await db.transaction(async (tx) => {
      await finishPhase(tx, handoffId, 'failed', { reason: prepared.reason }, now)
      await fail(tx, created, 'handoff', prepared.reason, now)
    })
    return { deploymentId: created.id, ea: null }
  }
  const { handoff } = prepared

  // 3. Confirmation: the EA (or paper terminal) must now send ready and a first heartbeat.
  await db.transaction(async (tx) => {
    await setStatus(
      tx,
      created.id,
      {
        status: 'AWAITING_EA',
        statusReason: null,
        tokenHash: handoff.tokenHash,
        codeHash: handoff.receipt.codeHash,
        contentHash: handoff.receipt.contentHash,
        magic: handoff.receipt.magic,
        handedOffAt: now,
      },
      now,
    )
    // A paper terminal's server URL is kept (it is no secret) so the watchdog can restart it.
    const details = {
      ...handoff.receipt,
      ...(account.kind === 'paper' && { paperServerUrl: ctx.paperServerUrl }),
    }
    await finishPhase(tx, handoffId, 'passed', { details }, now)
    await startPhase(tx, created, 'confirmation', now, {
      timeoutMinutes: CONFIRMATION_TIMEOUT_MINUTES,
    })
    await recordEvent(tx, {
      userId,
      strategyId: created.strategyId,
      deploymentId: created.id,
      accountId: account.id,
      type: 'DEPLOYED',
      metadata: {
        versionId: version.id,
        version: version.version,
        accountKind: account.kind,
        symbol: body.symbol,
        lots: body.lots,
        codeHash: handoff.receipt.codeHash,
      },
    })
    // The kill switch may have been pulled while the preflight ran: a deployment that slipped
    // through starts halted rather than trading.
    const killSwitch = await activeKillSwitch(tx, userId)
    if (killSwitch !== null) {
      await setHaltReason(tx, created.id, 'kill_switch', true, `Kill switch: ${killSwitch.reason}`)
    }
  })

  if (account.kind === 'paper') {
    try {
      await startPaperTerminal(ctx.jobs, {
        deploymentId: created.id,
        token: handoff.token,
        serverUrl: ctx.paperServerUrl,
      })
    } catch (error) {
      const reason = 'The paper terminal could not be queued; deploy again'
      await db.transaction(async (tx) => {
        await finishOpenPhase(tx, created.id, 'confirmation', 'failed', reason, now)
        await fail(tx, created, 'confirmation', reason, now)
      })
      throw error
    }
  }
  return { deploymentId: created.id, ea: handoff.ea }
}

async function requireOwnVersion(db: Db, userId: string, versionId: string) {
  const [version] = await db
    .select()
    .from(strategyVersions)
    .where(and(eq(strategyVersions.id, versionId), eq(strategyVersions.userId, userId)))
  if (version === undefined) throw new NotFoundError(`Version ${versionId} not found`)
  return version
}

async function requireOwnAccount(
  db: Db,
  userId: string,
  accountId: string,
): Promise<TradingAccountRow> {
  const [account] = await db
    .select()
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.id, accountId), eq(tradingAccounts.userId, userId)))
  if (account === undefined) throw new NotFoundError(`Trading account ${accountId} not found`)
  return account
}

/**
 * The paper feed to store: null for live accounts (where one is an error), the given feed (its
 * data set must be the user's), or synthetic bars in real time, one per timeframe.
 */
async function resolvePaperFeed(
  db: Db,
  userId: string,
  account: TradingAccountRow,
  feed: PaperFeed | undefined,
  timeframe: string,
): Promise<PaperFeed | null> {
  if (account.kind !== 'paper') {
    if (feed === undefined) return null
    throw new ValidationError('paperFeed is for paper accounts only', [
      { path: 'paperFeed', message: `account "${account.name}" is a live account` },
    ])
  }
  if (feed === undefined)
    return { kind: 'synthetic', seed: 1, barSeconds: timeframeSeconds(timeframe) }
  if (feed.kind === 'dataset') {
    const [dataset] = await db
      .select({ id: datasets.id })
      .from(datasets)
      .where(and(eq(datasets.id, feed.datasetId), eq(datasets.userId, userId)))
    if (dataset === undefined) throw new NotFoundError(`Data set ${feed.datasetId} not found`)
  }
  return feed
}

async function setStatus(
  tx: Db,
  deploymentId: string,
  changes: Partial<typeof deployments.$inferInsert>,
  now: Date,
): Promise<void> {
  await tx
    .update(deployments)
    .set({ ...changes, updatedAt: now })
    .where(eq(deployments.id, deploymentId))
}

/** Marks the deployment FAILED with a reason a person can act on, and puts it on the timeline. */
async function fail(
  tx: Db,
  deployment: DeploymentRow,
  phase: string,
  reason: string,
  now: Date,
): Promise<void> {
  await setStatus(tx, deployment.id, { status: 'FAILED', statusReason: reason }, now)
  await recordEvent(tx, {
    userId: deployment.userId,
    strategyId: deployment.strategyId,
    deploymentId: deployment.id,
    accountId: deployment.accountId,
    type: 'ERROR',
    metadata: { phase, reason },
  })
}
