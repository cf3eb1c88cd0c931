import { eq } from 'drizzle-orm'
import { deployments } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { createPrng } from '@tradeloom/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'
import { evaluateEntryGuards } from './enforce'
import { guardrailKit, heartbeatWith, insertDailyDataset, seedVersion } from './test-fixtures'

describe.each(databaseTargets())('entry guards on $name', (target) => {
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

  it('halts flat deployments while the account holds its maximum of positions', async () => {
    const account = await guarded({ maxPositions: 2 })
    const holder = await deploy(account, { lastHeartbeat: heartbeatWith(2) })
    const waiting = await deploy(account, { symbol: 'USDJPY' })
    const now = new Date()
    await evaluateEntryGuards(db, account, now)
    expect((await reload(holder.id)).haltReasons).toEqual([])
    const halted = await reload(waiting.id)
    expect(halted.haltReasons).toEqual(['max_positions'])
    expect(await commandsOf(waiting.id)).toEqual([{ command: 'halt', source: 'max_positions' }])

    await db
      .update(deployments)
      .set({ lastHeartbeat: heartbeatWith(1) })
      .where(eq(deployments.id, holder.id))
    await evaluateEntryGuards(db, account, now)
    expect((await reload(waiting.id)).haltReasons).toEqual([])
    expect(await commandsOf(waiting.id)).toEqual([
      { command: 'halt', source: 'max_positions' },
      { command: 'resume', source: 'max_positions' },
    ])
    const events = (await eventsOf(account.id)).filter((e) => e.deploymentId === waiting.id)
    expect(events.map((e) => [e.type, e.metadata.reason])).toEqual([
      ['HALTED', 'max_positions'],
      ['RESUMED', 'max_positions'],
    ])
    expect(events[0]!.metadata.message).toBe(
      'The account holds 2 open position(s), its maximum of 2: no new entries until one closes',
    )
  })

  it('halts a flat deployment whose symbol correlates above the limit with a held one', async () => {
    // EURUSD and GBPUSD move together (same shocks, a little noise); USDJPY moves on its own.
    const { next: random } = createPrng(7)
    const shocks = Array.from({ length: 120 }, () => (random() - 0.5) * 0.02)
    const noise = Array.from({ length: 120 }, () => (random() - 0.5) * 0.004)
    const own = Array.from({ length: 120 }, () => (random() - 0.5) * 0.02)
    const userId = server.user.id
    await insertDailyDataset(db, userId, 'EURUSD', shocks)
    await insertDailyDataset(
      db,
      userId,
      'GBPUSD',
      shocks.map((s, i) => s * 0.9 + noise[i]!),
    )
    await insertDailyDataset(db, userId, 'USDJPY', own)
    // An older EURUSD set that says otherwise: the newest one counts.
    await insertDailyDataset(db, userId, 'EURUSD', own, 19_000)

    const account = await guarded({ maxCorrelation: 0.7, correlationLookbackDays: 90 })
    const eur = await deploy(account, { lastHeartbeat: heartbeatWith(1) })
    const gbp = await deploy(account, { symbol: 'GBPUSD' })
    const jpy = await deploy(account, { symbol: 'USDJPY' })
    const secondEur = await deploy(account)
    await evaluateEntryGuards(db, account, new Date())

    expect((await reload(eur.id)).haltReasons).toEqual([])
    expect((await reload(jpy.id)).haltReasons).toEqual([])
    expect((await reload(gbp.id)).haltReasons).toEqual(['correlation'])
    expect((await reload(secondEur.id)).haltReasons).toEqual(['correlation'])
    const halted = (await eventsOf(account.id)).filter((e) => e.type === 'HALTED')
    expect(halted.find((e) => e.deploymentId === gbp.id)!.metadata.message).toMatch(
      /^An entry in GBPUSD would correlate 0\.9\d with the account's open EURUSD position\(s\) \(daily returns over 90 days; limit 0\.7\)$/,
    )
    expect(halted.find((e) => e.deploymentId === secondEur.id)!.metadata.message).toMatch(
      /would add to the account's open EURUSD position\(s\) \(correlation 1, limit 0\.7\)/,
    )

    // The EURUSD position closes: nothing is held, every guard lifts.
    await db
      .update(deployments)
      .set({ lastHeartbeat: heartbeatWith(0) })
      .where(eq(deployments.id, eur.id))
    await evaluateEntryGuards(db, account, new Date())
    for (const d of [gbp, secondEur]) {
      expect((await reload(d.id)).haltReasons).toEqual([])
      expect((await commandsOf(d.id)).map((c) => c.command)).toEqual(['halt', 'resume'])
    }
  })
})
