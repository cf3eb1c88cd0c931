import { asc, eq } from 'drizzle-orm'
import { deploymentCommands, deployments, robotEvents, tradingAccounts } from '@tradeloom/drizzle'
import type { Db, DeploymentRow, NewDeploymentRow, TradingAccountRow } from '@tradeloom/drizzle'
import { createBars } from '@tradeloom/runtime'
import { insertDataset } from '../datasets/queries'
import { smaCrossGraph } from '../test-support/graphs'
import type { Agent } from '../test-support/test-server'

/*
 * Test support for the risk routes (accounts, guardrails, kill switch): accounts through the API,
 * and deployment rows written directly, since a deployment's life is the deployments module's.
 */

/** A paper account through the API; returns its row. */
export async function createPaperAccount(
  agent: Agent,
  db: Db,
  body: Record<string, unknown> = {},
): Promise<TradingAccountRow> {
  const response = await agent.call('POST', '/api/trading-accounts', {
    name: 'Paper',
    kind: 'paper',
    ...body,
  })
  if (response.status !== 201) throw new Error(`create account: ${JSON.stringify(response.body)}`)
  return accountRow(db, response.body.id)
}

export async function accountRow(db: Db, id: string): Promise<TradingAccountRow> {
  const [row] = await db.select().from(tradingAccounts).where(eq(tradingAccounts.id, id))
  if (row === undefined) throw new Error(`no account ${id}`)
  return row
}

/** A strategy with one saved version, through the API. */
export async function seedVersion(
  agent: Agent,
): Promise<{ strategyId: string; versionId: string }> {
  const strategy = await agent.call('POST', '/api/strategies', { name: 'Deployed' })
  const version = await agent.call('POST', `/api/strategies/${strategy.body.id}/versions`, {
    graph: smaCrossGraph(),
  })
  if (version.status !== 201) throw new Error(`save version: ${JSON.stringify(version.body)}`)
  return { strategyId: strategy.body.id, versionId: version.body.id }
}

/** A deployment row as the deployments module would leave it (ACTIVE unless told otherwise). */
export async function insertDeployment(
  db: Db,
  values: Pick<NewDeploymentRow, 'userId' | 'strategyId' | 'versionId' | 'accountId'> &
    Partial<NewDeploymentRow>,
): Promise<DeploymentRow> {
  const [row] = await db
    .insert(deployments)
    .values({
      symbol: 'EURUSD',
      timeframe: 'H1',
      lots: 0.1,
      status: 'ACTIVE',
      tokenHash: 'f'.repeat(64),
      ...values,
    })
    .returning()
  return row!
}

/** A heartbeat as the protocol stores it, holding `count` positions of the given profit each. */
export function heartbeatWith(count: number, profit = 0, equity = 10_000): Record<string, unknown> {
  return {
    seq: 1,
    equity,
    balance: equity - count * profit,
    positions: Array.from({ length: count }, (_, i) => ({
      ticket: String(90_000 + i),
      type: 'buy',
      volume: 0.1,
      priceOpen: 1.1,
      sl: 0,
      tp: 0,
      profit,
      swap: 0,
      timeMsc: 0,
    })),
  }
}

/**
 * Stores a daily data set whose closes follow `returns` (log returns per day) from 100, ending
 * on `lastDay` (UTC day number).
 */
export async function insertDailyDataset(
  db: Db,
  userId: string,
  symbol: string,
  returns: readonly number[],
  lastDay = 20_000,
) {
  const n = returns.length + 1
  const bars = createBars(n)
  let close = 100
  for (let i = 0; i < n; i++) {
    if (i > 0) close *= Math.exp(returns[i - 1]!)
    const time = (lastDay - (n - 1) + i) * 86_400
    bars.time[i] = time
    bars.open[i] = close
    bars.high[i] = close
    bars.low[i] = close
    bars.close[i] = close
  }
  return insertDataset(
    db,
    {
      userId,
      name: `${symbol} daily`,
      symbol,
      timeframe: 'D1',
      barCount: n,
      firstTime: bars.time[0]!,
      lastTime: bars.time[n - 1]!,
      source: 'test',
      format: 'test',
      sizeBytes: n * 56,
      report: {},
    },
    bars,
  )
}

/** What a guardrail suite has once its `beforeAll` ran. */
export interface GuardrailSuite {
  readonly server: Agent
  readonly db: Db
  readonly version: { strategyId: string; versionId: string }
}

/**
 * The helpers every guardrail suite needs: an account with limits set through the API,
 * deployment rows on it, and what they were told. `suite` is read at call time, because the
 * helpers are made when the suite is declared, before its `beforeAll` runs.
 */
export function guardrailKit(suite: () => GuardrailSuite) {
  return {
    async guarded(
      limits: Record<string, unknown>,
      account: Record<string, unknown> = {},
    ): Promise<TradingAccountRow> {
      const { server, db } = suite()
      const row = await createPaperAccount(server, db, account)
      const put = await server.call('PUT', `/api/trading-accounts/${row.id}/guardrails`, {
        maxDailyLossKind: 'money',
        maxDailyLoss: 500,
        maxPositions: 10,
        maxCorrelation: 1,
        ...limits,
      })
      if (put.status !== 200) throw new Error(`set guardrails: ${JSON.stringify(put.body)}`)
      return row
    },
    deploy(account: TradingAccountRow, extra: Partial<NewDeploymentRow> = {}) {
      const { server, db, version } = suite()
      return insertDeployment(db, {
        userId: server.user.id,
        accountId: account.id,
        ...version,
        ...extra,
      })
    },
    async reload(id: string): Promise<DeploymentRow> {
      const [row] = await suite().db.select().from(deployments).where(eq(deployments.id, id))
      return row!
    },
    commandsOf: (id: string) =>
      suite()
        .db.select({ command: deploymentCommands.command, source: deploymentCommands.source })
        .from(deploymentCommands)
        .where(eq(deploymentCommands.deploymentId, id))
        .orderBy(asc(deploymentCommands.commandId)),
    eventsOf: (accountId: string) =>
      suite()
        .db.select({
          type: robotEvents.type,
          deploymentId: robotEvents.deploymentId,
          metadata: robotEvents.metadata,
        })
        .from(robotEvents)
        .where(eq(robotEvents.accountId, accountId))
        .orderBy(asc(robotEvents.seq)),
  }
}
