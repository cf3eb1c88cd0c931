import { and, asc, eq } from 'drizzle-orm'
import { accountDays, deployments, robotEvents } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'
import { rollOverAccountDays, resetAccountDay } from './day-reset'
import { guardrailStatus, recordDealsForGuardrails, recordHeartbeatForGuardrails } from './enforce'
import {
  accountRow,
  createPaperAccount,
  guardrailKit,
  heartbeatWith,
  seedVersion,
} from './test-fixtures'

const deal = (money: number) => ({ timeMsc: 0, profit: money, commission: 0, swap: 0, fee: 0 })
const flat = { floatingPnl: 0 }

describe.each(databaseTargets())('guardrail enforcement on $name', (target) => {
  let server: TestServer
  let db: Db
  let version: { strategyId: string; versionId: string }

  beforeAll(async () => {
    server = await startTestServer(target, { workers: false })
    db = server.services.database.db
    version = await seedVersion(server)
  })
  afterAll(() => server?.close())

  const { guarded, deploy, reload, commandsOf, eventsOf } = guardrailKit(() => ({
    server,
    db,
    version,
  }))

  it('reports an account without guardrails as not configured', async () => {
    const account = await createPaperAccount(server, db)
    const status = await guardrailStatus(db, account, new Date())
    expect(status).toMatchObject({ configured: false, config: null, day: null })
    expect(status.warnings[0]).toMatch(/No guardrails are set/)
  })

  it('adds realised and floating results against a money limit, warning from 80 %', async () => {
    const account = await guarded({ maxDailyLoss: 500 })
    const now = new Date('2026-03-02T10:00:00Z')
    await recordHeartbeatForGuardrails(
      db,
      account,
      { ...flat, equity: 10_000, floatingPnl: -100 },
      now,
    )
    await recordDealsForGuardrails(
      db,
      account,
      [{ timeMsc: 1, profit: -250.123, commission: -1, swap: 0, fee: 0 }],
      now,
    )
    let status = await guardrailStatus(db, account, now)
    expect(status.day).toMatchObject({
      dayKey: '2026-03-02',
      startEquity: 10_000,
      realizedPnl: -251.12,
      floatingPnl: -100,
      lossUsed: 351.12,
      lossLimit: 500,
      breached: false,
    })
    expect(status.day!.usedFraction).toBeCloseTo(0.70224, 10)
    expect(status.warnings).toEqual([])

    await recordDealsForGuardrails(db, account, [deal(-60)], now)
    status = await guardrailStatus(db, account, now)
    expect(status.day).toMatchObject({ realizedPnl: -311.12, lossUsed: 411.12 })
    expect(status.warnings).toEqual(['Daily loss at 82 % of the limit (411.12 USD of 500.00 USD)'])

    // Gains offset losses; the loss used never goes below zero.
    await recordDealsForGuardrails(db, account, [deal(900)], now)
    status = await guardrailStatus(db, account, now)
    expect(status.day).toMatchObject({ realizedPnl: 588.88, lossUsed: 0, usedFraction: 0 })
  })

  it("takes a percent limit of the day's starting equity and breaches when it is reached", async () => {
    const account = await guarded({ maxDailyLossKind: 'percent', maxDailyLoss: 5 })
    const now = new Date('2026-03-02T10:00:00Z')
    let status = await guardrailStatus(db, account, now)
    expect(status.day).toBeNull()

    await recordDealsForGuardrails(db, account, [deal(-300)], now)
    status = await guardrailStatus(db, account, now)
    // Opened by a deal, before any heartbeat: the start is unknown, so is the limit.
    expect(status.day).toMatchObject({ startEquity: null, lossLimit: null, usedFraction: null })
    expect(status.warnings[0]).toMatch(/starting equity is not known/)

    // The heartbeat fills in the start: equity now minus today's result so far.
    await recordHeartbeatForGuardrails(db, account, { ...flat, equity: 19_700 }, now)
    status = await guardrailStatus(db, account, now)
    expect(status.day).toMatchObject({ startEquity: 20_000, lossLimit: 1000, lossUsed: 300 })

    await recordDealsForGuardrails(db, account, [deal(-700)], now)
    status = await guardrailStatus(db, account, now)
    expect(status.day).toMatchObject({ lossUsed: 1000, breached: true })
    expect(status.day!.breachReason).toBe(
      "loss of 1000.00 USD today reached the limit of 1000.00 USD (5 % of the day's starting equity 20000.00 USD)",
    )
    expect(status.warnings[0]).toMatch(/^Daily loss limit breached: loss of 1000\.00 USD/)
  })

  it('halts every running deployment of the account on a breach from deals, once', async () => {
    const account = await guarded({ maxDailyLoss: 200 })
    const a = await deploy(account)
    const b = await deploy(account, { symbol: 'GBPUSD', status: 'STALE' })
    const stopped = await deploy(account, { status: 'STOPPED' })
    const other = await deploy(await guarded({ maxDailyLoss: 200 }))
    const now = new Date('2026-03-02T12:00:00Z')

    await recordDealsForGuardrails(db, account, [deal(-150)], now)
    expect((await reload(a.id)).haltReasons).toEqual([])
    await recordDealsForGuardrails(db, account, [deal(-20), deal(-40)], now)

    for (const live of [a, b]) {
      expect((await reload(live.id)).haltReasons).toEqual(['daily_loss'])
      expect(await commandsOf(live.id)).toEqual([{ command: 'halt', source: 'daily_loss' }])
    }
    expect((await reload(stopped.id)).haltReasons).toEqual([])
    expect(await commandsOf(stopped.id)).toEqual([])
    expect((await reload(other.id)).haltReasons).toEqual([])

    const events = await eventsOf(account.id)
    // Deployments are halted in id order (the lock order), not creation order.
    expect(events.map((e) => [e.type, e.deploymentId])).toEqual([
      ['GUARDRAIL_BREACHED', null],
      ...[a.id, b.id].sort().map((id) => ['HALTED', id]),
    ])
    expect(events[0]!.metadata).toMatchObject({ lossUsed: 210, lossLimit: 200, realizedPnl: -210 })

    // Further losses the same day change nothing more.
    await recordDealsForGuardrails(db, account, [deal(-10)], now)
    expect(await eventsOf(account.id)).toHaveLength(3)
    expect(await commandsOf(a.id)).toHaveLength(1)
  })

  it('breaches on floating losses from heartbeats, summed over the account’s EAs', async () => {
    const account = await guarded({ maxDailyLoss: 300 })
    const a = await deploy(account, { lastHeartbeat: heartbeatWith(1, -120) })
    const b = await deploy(account, { symbol: 'GBPUSD', lastHeartbeat: heartbeatWith(1, -170) })
    const now = new Date('2026-03-02T12:00:00Z')
    // The reporting EA's own figure is superseded by the stored heartbeats of all of them.
    await recordHeartbeatForGuardrails(db, account, { equity: 9_710, floatingPnl: -120 }, now)
    let status = await guardrailStatus(db, account, now)
    expect(status.day).toMatchObject({ floatingPnl: -290, startEquity: 9_710, breached: false })

    await db
      .update(deployments)
      .set({ lastHeartbeat: heartbeatWith(2, -90) })
      .where(eq(deployments.id, a.id))
    await recordHeartbeatForGuardrails(db, account, { equity: 9_650, floatingPnl: -180 }, now)
    status = await guardrailStatus(db, account, now)
    expect(status.day).toMatchObject({ floatingPnl: -350, lossUsed: 350, breached: true })
    expect((await reload(a.id)).haltReasons).toContain('daily_loss')
    expect((await reload(b.id)).haltReasons).toContain('daily_loss')
  })

  it('a manual reset starts a new day and lifts daily_loss halts, keeping other reasons', async () => {
    const account = await guarded({ maxDailyLoss: 100 })
    const a = await deploy(account)
    const b = await deploy(account, { haltReasons: ['user'] })
    const now = new Date('2026-03-02T12:00:00Z')
    await recordHeartbeatForGuardrails(db, account, { ...flat, equity: 5_000 }, now)
    await recordDealsForGuardrails(db, account, [deal(-100)], now)
    expect((await reload(a.id)).haltReasons).toEqual(['daily_loss'])
    expect((await reload(b.id)).haltReasons).toEqual(['user', 'daily_loss'])

    const later = new Date('2026-03-02T12:30:00Z')
    const next = await db.transaction((tx) => resetAccountDay(tx, account, later))
    expect(next).toMatchObject({
      dayKey: '2026-03-02',
      breached: false,
      realizedPnl: 0,
      startEquity: 4_900,
    })
    const days = await db
      .select()
      .from(accountDays)
      .where(eq(accountDays.accountId, account.id))
      .orderBy(asc(accountDays.startedAt))
    expect(days.map((d) => [d.breached, d.endedBy])).toEqual([
      [true, 'manual'],
      [false, null],
    ])

    expect((await reload(a.id)).haltReasons).toEqual([])
    expect(await commandsOf(a.id)).toEqual([
      { command: 'halt', source: 'daily_loss' },
      { command: 'resume', source: 'daily_loss' },
    ])
    // Still halted by the trader: no resume for it.
    expect((await reload(b.id)).haltReasons).toEqual(['user'])
    expect(await commandsOf(b.id)).toEqual([])
    const types = (await eventsOf(account.id)).map((e) => [e.type, e.deploymentId])
    expect(types.slice(-2)).toEqual([
      ['RESUMED', a.id],
      ['RESUMED', null],
    ])
    expect((await guardrailStatus(db, account, later)).day).toMatchObject({
      breached: false,
      lossUsed: 0,
    })
  })

  it("rolls each account over at midnight in its own time zone and lifts the breach's halts", async () => {
    const athens = await guarded({ maxDailyLoss: 100 }, { dayTimeZone: 'Europe/Athens' })
    const utc = await guarded({ maxDailyLoss: 100 })
    const halted = await deploy(athens, { lastHeartbeat: heartbeatWith(0, 0, 7_777) })
    const evening = new Date('2026-01-05T21:50:00Z') // 23:50 in Athens
    await recordHeartbeatForGuardrails(db, athens, { ...flat, equity: 8_000 }, evening)
    await recordHeartbeatForGuardrails(db, utc, { ...flat, equity: 1_000 }, evening)
    await recordDealsForGuardrails(db, athens, [deal(-150)], evening)
    expect((await reload(halted.id)).haltReasons).toEqual(['daily_loss'])
    await db
      .update(deployments)
      .set({ lastHeartbeatAt: evening })
      .where(eq(deployments.id, halted.id))

    // Before midnight in Athens neither account is due (other tests' accounts may be).
    await rollOverAccountDays(db, new Date('2026-01-05T21:59:00Z'))
    const openDays = await db.select().from(accountDays).where(eq(accountDays.accountId, athens.id))
    expect(openDays.map((d) => d.endedBy)).toEqual([null])
    const afterMidnight = new Date('2026-01-05T22:01:00Z') // 00:01 in Athens, 22:01 in UTC
    expect(await rollOverAccountDays(db, afterMidnight)).toEqual({ rolled: 1 })

    const days = await db
      .select()
      .from(accountDays)
      .where(eq(accountDays.accountId, athens.id))
      .orderBy(asc(accountDays.startedAt))
    expect(days.map((d) => [d.dayKey, d.endedBy, d.breached, d.startEquity])).toEqual([
      ['2026-01-05', 'schedule', true, 8_000],
      // The last known equity: the newest heartbeat of the account's deployments.
      ['2026-01-06', null, false, 7_777],
    ])
    expect((await reload(halted.id)).haltReasons).toEqual([])
    expect(await commandsOf(halted.id)).toEqual([
      { command: 'halt', source: 'daily_loss' },
      { command: 'resume', source: 'daily_loss' },
    ])
    const utcDays = await db.select().from(accountDays).where(eq(accountDays.accountId, utc.id))
    expect(utcDays.map((d) => d.dayKey)).toEqual(['2026-01-05'])
    expect(await rollOverAccountDays(db, new Date('2026-01-05T22:02:00Z'))).toEqual({ rolled: 0 })
    const events = await eventsOf(athens.id)
    expect(events.at(-1)).toMatchObject({
      type: 'RESUMED',
      deploymentId: null,
      metadata: { cause: 'day_rollover', endedDay: '2026-01-05' },
    })
  })

  it('rolls the day over on the first report after midnight when the job has not run', async () => {
    const account = await guarded({ maxDailyLoss: 100 })
    await recordHeartbeatForGuardrails(
      db,
      account,
      { ...flat, equity: 3_000 },
      new Date('2026-02-10T23:00:00Z'),
    )
    await recordDealsForGuardrails(db, account, [deal(-40)], new Date('2026-02-10T23:30:00Z'))
    await recordHeartbeatForGuardrails(
      db,
      account,
      { ...flat, equity: 2_960 },
      new Date('2026-02-11T00:00:05Z'),
    )
    const days = await db
      .select()
      .from(accountDays)
      .where(eq(accountDays.accountId, account.id))
      .orderBy(asc(accountDays.startedAt))
    expect(days.map((d) => [d.dayKey, d.realizedPnl, d.startEquity, d.endedBy])).toEqual([
      ['2026-02-10', -40, 3_000, 'schedule'],
      ['2026-02-11', 0, 2_960, null],
    ])
    // A day from before midnight does not count as today.
    const stale = await createPaperAccount(server, db)
    await recordHeartbeatForGuardrails(
      db,
      stale,
      { ...flat, equity: 1 },
      new Date('2026-02-10T23:00:00Z'),
    )
    expect(
      (await guardrailStatus(db, await accountRow(db, stale.id), new Date('2026-02-11T00:00:05Z')))
        .day,
    ).toBeNull()
  })

  it('re-checks today against new limits when they are saved', async () => {
    const account = await guarded({ maxDailyLoss: 1_000 })
    const d = await deploy(account)
    const now = new Date()
    await recordHeartbeatForGuardrails(db, account, { ...flat, equity: 10_000 }, now)
    await recordDealsForGuardrails(db, account, [deal(-300)], now)
    expect((await reload(d.id)).haltReasons).toEqual([])
    const put = await server.call('PUT', `/api/trading-accounts/${account.id}/guardrails`, {
      maxDailyLossKind: 'money',
      maxDailyLoss: 250,
      maxPositions: 5,
      maxCorrelation: 1,
    })
    expect(put.body.day).toMatchObject({ breached: true, lossUsed: 300, lossLimit: 250 })
    expect((await reload(d.id)).haltReasons).toEqual(['daily_loss'])
    const breached = await db
      .select()
      .from(robotEvents)
      .where(and(eq(robotEvents.accountId, account.id), eq(robotEvents.type, 'GUARDRAIL_BREACHED')))
    expect(breached).toHaveLength(1)
  })
})
