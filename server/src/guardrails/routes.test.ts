import { and, eq } from 'drizzle-orm'
import { robotEvents } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { createPrng } from '@tradeloom/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'
import { recordDealsForGuardrails, recordHeartbeatForGuardrails } from './enforce'
import {
  createPaperAccount,
  heartbeatWith,
  insertDailyDataset,
  insertDeployment,
  seedVersion,
} from './test-fixtures'

const LIMITS = {
  maxDailyLossKind: 'percent',
  maxDailyLoss: 3,
  maxPositions: 3,
  maxCorrelation: 0.8,
}

// GBPUSD's returns are EURUSD's negated: −1 up to rounding.
const minusOne = expect.closeTo(-1, 12)

describe.each(databaseTargets())('guardrail routes on $name', (target) => {
  let server: TestServer
  let db: Db

  beforeAll(async () => {
    server = await startTestServer(target, { workers: false })
    db = server.services.database.db
  })
  afterAll(() => server?.close())

  it('validates the limits, naming each bad field', async () => {
    const account = await createPaperAccount(server, db)
    const path = `/api/trading-accounts/${account.id}/guardrails`
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ maxDailyLoss: 101 }, 'maxDailyLoss', /percent limit must be from 0 to 100/],
      [{ maxDailyLoss: 0 }, 'maxDailyLoss', /above 0/],
      [{ maxCorrelation: 1.2 }, 'maxCorrelation', /from 0 to 1/],
      [{ maxCorrelation: -0.1 }, 'maxCorrelation', /from 0 to 1/],
      [{ maxPositions: 0 }, 'maxPositions', /at least 1/],
      [{ maxPositions: 1.5 }, 'maxPositions', /whole number/],
      [{ maxDailyLossKind: 'pips' }, 'maxDailyLossKind', /money|percent/],
      [{ correlationLookbackDays: 5 }, 'correlationLookbackDays', /at least 20/],
    ]
    for (const [change, field, message] of cases) {
      const response = await server.call('PUT', path, { ...LIMITS, ...change })
      expect(response.status, field).toBe(400)
      expect(response.body.error.details.issues[0].path).toBe(field)
      expect(response.body.error.details.issues[0].message).toMatch(message)
    }
    expect((await server.call('GET', path)).body.configured).toBe(false)
    // A money limit may be any positive amount.
    const money = await server.call('PUT', path, {
      ...LIMITS,
      maxDailyLossKind: 'money',
      maxDailyLoss: 2500,
    })
    expect(money.status).toBe(200)
    expect(money.body.config).toEqual({
      maxDailyLossKind: 'money',
      maxDailyLoss: 2500,
      maxPositions: 3,
      maxCorrelation: 0.8,
      correlationLookbackDays: 90,
    })
  })

  it('shows the day, resets it by hand and keeps the history', async () => {
    const account = await createPaperAccount(server, db)
    const version = await seedVersion(server)
    const deployment = await insertDeployment(db, {
      userId: server.user.id,
      accountId: account.id,
      ...version,
    })
    const base = `/api/trading-accounts/${account.id}/guardrails`
    await server.call('PUT', base, LIMITS)
    const now = new Date()
    await recordHeartbeatForGuardrails(db, account, { equity: 10_000, floatingPnl: 0 }, now)
    await recordDealsForGuardrails(
      db,
      account,
      [{ timeMsc: 0, profit: -250, commission: -5, swap: 0, fee: 0 }],
      now,
    )
    let status = (await server.call('GET', base)).body
    expect(status).toMatchObject({
      configured: true,
      day: {
        startEquity: 10_000,
        realizedPnl: -255,
        lossUsed: 255,
        lossLimit: 300,
        breached: false,
      },
      warnings: ['Daily loss at 85 % of the limit (255.00 USD of 300.00 USD)'],
    })
    await recordDealsForGuardrails(
      db,
      account,
      [{ timeMsc: 0, profit: -45, commission: 0, swap: 0, fee: 0 }],
      now,
    )
    status = (await server.call('GET', base)).body
    expect(status.day.breached).toBe(true)

    const reset = await server.call('POST', `${base}/reset`)
    expect(reset.status).toBe(200)
    expect(reset.body.day).toMatchObject({ breached: false, lossUsed: 0, startEquity: 9_700 })
    expect(reset.body.warnings).toEqual([])
    const resumed = await db
      .select()
      .from(robotEvents)
      .where(and(eq(robotEvents.accountId, account.id), eq(robotEvents.type, 'RESUMED')))
    expect(resumed.map((e) => [e.deploymentId, e.metadata.cause ?? e.metadata.reason])).toEqual([
      [deployment.id, 'daily_loss'],
      [null, 'guardrails_reset'],
    ])

    const days = await server.call('GET', `${base}/days?limit=10`)
    expect(
      days.body.map((d: { breached: boolean; endedBy: string | null }) => [d.breached, d.endedBy]),
    ).toEqual([
      [false, null],
      [true, 'manual'],
    ])
    expect(days.body[1]).toMatchObject({ realizedPnl: -300, lossUsed: 300, lossLimit: 300 })
    expect((await server.call('GET', `${base}/days?limit=0`)).status).toBe(400)
  })

  it('reports the correlation matrix from data sets, and what the exposure limit does', async () => {
    const { next: random } = createPrng(11)
    const common = Array.from({ length: 100 }, () => (random() - 0.5) * 0.02)
    const userId = server.user.id
    const eur = await insertDailyDataset(db, userId, 'EURUSD', common)
    await insertDailyDataset(
      db,
      userId,
      'GBPUSD',
      common.map((r) => -r),
    )
    const account = await createPaperAccount(server, db)
    await server.call('PUT', `/api/trading-accounts/${account.id}/guardrails`, {
      ...LIMITS,
      correlationLookbackDays: 60,
    })
    const version = await seedVersion(server)
    await insertDeployment(db, {
      userId,
      accountId: account.id,
      ...version,
      lastHeartbeat: heartbeatWith(2),
    })
    await insertDeployment(db, { userId, accountId: account.id, ...version, symbol: 'GBPUSD' })
    await insertDeployment(db, { userId, accountId: account.id, ...version, symbol: 'XAUUSD' })

    const report = (await server.call('GET', `/api/trading-accounts/${account.id}/correlation`))
      .body
    expect(report).toMatchObject({
      lookbackDays: 60,
      maxCorrelation: 0.8,
      symbols: ['EURUSD', 'GBPUSD', 'XAUUSD'],
      matrix: [
        [1, minusOne, null],
        [minusOne, 1, null],
        [null, null, 1],
      ],
      days: [
        [0, 60, 0],
        [60, 0, 0],
        [0, 0, 0],
      ],
      openSymbols: [{ symbol: 'EURUSD', positions: 2 }],
      exposure: [
        { symbol: 'EURUSD', against: 'EURUSD', correlation: 1, blocked: true },
        // A short hedge moves exactly against the long: |−1| counts as exposure too.
        { symbol: 'GBPUSD', against: 'EURUSD', correlation: minusOne, blocked: true },
        { symbol: 'XAUUSD', against: null, correlation: null, blocked: false },
      ],
      warnings: [
        'No data set for XAUUSD: upload one per symbol so the correlation limit can check it',
      ],
    })
    expect(report.datasets[0]).toMatchObject({
      symbol: 'EURUSD',
      datasetId: eur.id,
      timeframe: 'D1',
    })
    expect(report.datasets[2]).toMatchObject({ symbol: 'XAUUSD', datasetId: null })

    const chosen = await server.call(
      'GET',
      `/api/trading-accounts/${account.id}/correlation?symbols=GBPUSD,EURUSD`,
    )
    expect(chosen.body.symbols).toEqual(['GBPUSD', 'EURUSD'])
    expect(chosen.body.matrix).toEqual([
      [1, minusOne],
      [minusOne, 1],
    ])
  })
})
