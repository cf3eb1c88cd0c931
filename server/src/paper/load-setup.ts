import { and, eq } from 'drizzle-orm'
import { datasets, deployments, strategies, tradingAccounts } from '@tradeloom/drizzle'
import type { Db, DeploymentRow, PaperFeed, TradingAccountRow } from '@tradeloom/drizzle'
import { defineSymbol } from '@tradeloom/runtime'
import type { SymbolSpec } from '@tradeloom/runtime'
import { timeframeSeconds } from '../backtests/timeframe-seconds'
import { readBars } from '../datasets/queries'
import { findVersionForWorker } from '../versions/queries'
import { datasetFeed, syntheticFeed } from './feed'
import type { BarFeed } from './feed'

/** Everything a paper terminal reads from the database before it starts. */
export interface PaperSetup {
  readonly deployment: DeploymentRow
  readonly account: TradingAccountRow
  readonly strategyName: string
  readonly tsSource: string
  readonly contentHash: string
  readonly compilerVersion: string
  readonly symbol: SymbolSpec
  readonly feed: BarFeed
  /** The balance to start from: the last one the terminal reported, else the account's. */
  readonly initialCash: number
}

export type SetupResult =
  | { readonly kind: 'ready'; readonly setup: PaperSetup }
  /** Deleted, or no longer running: nothing to do. */
  | { readonly kind: 'gone' }
  /** Cannot run; the reason is for the trader. */
  | { readonly kind: 'invalid'; readonly deployment: DeploymentRow; readonly reason: string }

const FINAL_STATUSES = new Set(['STOPPED', 'FAILED'])

/**
 * Reads a paper deployment, its version's TypeScript, the account's symbol and the bar feed.
 * A restarted terminal resumes the feed after the newest bar its last heartbeat reported.
 */
export async function loadPaperSetup(db: Db, deploymentId: string): Promise<SetupResult> {
  const [deployment] = await db.select().from(deployments).where(eq(deployments.id, deploymentId))
  if (deployment === undefined || FINAL_STATUSES.has(deployment.status)) return { kind: 'gone' }
  const invalid = (reason: string): SetupResult => ({ kind: 'invalid', deployment, reason })
  const { userId } = deployment
  const [account] = await db
    .select()
    .from(tradingAccounts)
    .where(and(eq(tradingAccounts.id, deployment.accountId), eq(tradingAccounts.userId, userId)))
  if (account === undefined) return { kind: 'gone' }
  if (account.kind !== 'paper') return invalid(`Account "${account.name}" is not a paper account`)
  const version = await findVersionForWorker(db, userId, deployment.versionId)
  if (version === undefined) return { kind: 'gone' }
  const [strategy] = await db
    .select({ name: strategies.name })
    .from(strategies)
    .where(eq(strategies.id, deployment.strategyId))

  const stored = account.symbols.find((s) => s.name === deployment.symbol)
  if (stored === undefined) {
    return invalid(
      `${deployment.symbol} is no longer in the catalogue of account "${account.name}"`,
    )
  }
  let symbol: SymbolSpec
  try {
    symbol = defineSymbol(stored)
  } catch (error) {
    return invalid(`The catalogue's ${deployment.symbol} is invalid: ${(error as Error).message}`)
  }

  const last = deployment.lastHeartbeat
  const afterTime = typeof last?.lastBarTime === 'number' ? last.lastBarTime : 0
  const feed = await openFeed(db, deployment, afterTime)
  if (typeof feed === 'string') return invalid(feed)
  const balance = typeof last?.balance === 'number' && last.balance > 0 ? last.balance : null
  return {
    kind: 'ready',
    setup: {
      deployment,
      account,
      strategyName: strategy?.name ?? 'strategy',
      tsSource: version.tsSource,
      contentHash: version.contentHash,
      compilerVersion: version.compilerVersion,
      symbol,
      feed,
      initialCash: balance ?? account.initialBalance,
    },
  }
}

/** The deployment's feed, or why it cannot be read. */
async function openFeed(
  db: Db,
  deployment: DeploymentRow,
  afterTime: number,
): Promise<BarFeed | string> {
  const tf = timeframeSeconds(deployment.timeframe)
  const feed: PaperFeed = deployment.paperFeed ?? { kind: 'synthetic', seed: 1, barSeconds: tf }
  if (feed.kind === 'synthetic') {
    // Anchored at the hand-off, on a bar boundary, so every run of this terminal sees one market.
    const handedOff = (deployment.handedOffAt ?? deployment.createdAt).getTime() / 1000
    return syntheticFeed({
      seed: feed.seed,
      barSeconds: feed.barSeconds,
      timeframeSeconds: tf,
      startTime: Math.floor(handedOff / tf) * tf,
      afterTime,
    })
  }
  const [dataset] = await db
    .select()
    .from(datasets)
    .where(and(eq(datasets.id, feed.datasetId), eq(datasets.userId, deployment.userId)))
  if (dataset === undefined) return 'The data set of the paper feed was deleted'
  const bars = await readBars(db, deployment.userId, dataset)
  const replay = datasetFeed(bars, feed.barsPerSecond, afterTime, dataset.name)
  if (replay.remaining === 0) {
    return `The data set "${dataset.name}" has no bars after the last one this terminal ran`
  }
  return replay
}
