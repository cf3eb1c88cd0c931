import { eq } from 'drizzle-orm'
import { accountDays, deployments, killSwitches, strategyVersions } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'
import {
  dbOf,
  forgetTerminal,
  insertAccount,
  postDeployment,
  seedDeployFixture,
} from './test-fixtures'
import type { DeployFixture } from './test-fixtures'

// Each preflight failure, with the reason a person reads (acceptance 2).
describe.each(databaseTargets())('deployment preflight on $name', (target) => {
  let server: TestServer
  let fixture: DeployFixture

  beforeAll(async () => {
    server = await startTestServer(target, { workers: false })
    fixture = await seedDeployFixture(server)
  })
  afterAll(() => server?.close())

  const deploy = (body: Record<string, unknown>) => postDeployment(server, fixture, body)

  describe('preflight', () => {
    /** Deploys and expects FAILED with the named check as the first failure. */
    async function expectFailure(body: Record<string, unknown>, check: string, message: RegExp) {
      const response = await deploy(body)
      expect(response.status).toBe(201)
      const { status, statusReason, phases, receipt } = response.body
      expect(status).toBe('FAILED')
      expect(receipt).toBeNull()
      expect(response.body).not.toHaveProperty('ea')
      expect(phases).toHaveLength(1)
      expect(phases[0]).toMatchObject({ phase: 'preflight', status: 'failed' })
      const failed = phases[0].checks.find((c: { ok: boolean }) => !c.ok)
      expect(failed.check).toBe(check)
      expect(failed.message).toMatch(message)
      expect(statusReason).toBe(failed.message)
      expect(phases[0].reason).toBe(failed.message)
      const [row] = await dbOf(server)
        .select()
        .from(deployments)
        .where(eq(deployments.id, response.body.id))
      expect(row!.tokenHash).toBeNull()
      return response.body
    }

    it('fails while the kill switch is on', async () => {
      const db = dbOf(server)
      const [row] = await db
        .insert(killSwitches)
        .values({
          userId: server.user.id,
          reason: 'news spike',
          closePositions: true,
          revokeTokens: false,
        })
        .returning()
      try {
        await expectFailure({}, 'kill_switch', /kill switch is on .*"news spike".*resolve it/)
      } finally {
        await db.delete(killSwitches).where(eq(killSwitches.id, row!.id))
      }
    })

    it('fails without guardrails, and on a breached day', async () => {
      const db = dbOf(server)
      const bare = await insertAccount(db, server.user.id, 'live', { guardrails: false })
      await expectFailure({ accountId: bare }, 'guardrails', /has no guardrails: set its maximum/)

      const breached = await insertAccount(db, server.user.id, 'live', { name: 'Breached' })
      await db.insert(accountDays).values({
        accountId: breached,
        userId: server.user.id,
        dayKey: new Date().toISOString().slice(0, 10),
        startEquity: 10_000,
        realizedPnl: -650,
        breached: true,
        breachedAt: new Date(),
        breachReason: 'loss of 650.00 USD today reached the limit of 500.00 USD',
      })
      await expectFailure(
        { accountId: breached },
        'guardrails',
        /"Breached" breached its daily loss limit today \(loss of 650\.00 USD.*\): deployments are blocked until its day resets at midnight UTC/,
      )
    })

    it('fails when the version does not compile, listing the first errors', async () => {
      const [broken] = await dbOf(server)
        .insert(strategyVersions)
        .values({
          strategyId: fixture.strategyId,
          userId: server.user.id,
          version: 90,
          kind: 'graph',
          schemaVersion: 1,
          graph: { schemaVersion: 1, meta: { name: 'broken' }, nodes: 'not a list', edges: [] },
          tsSource: '',
          mql5Source: '',
          compilerVersion: '0.0.1',
          contentHash: 'f'.repeat(64),
          warmupBars: 0,
        })
        .returning()
      await expectFailure(
        { versionId: broken!.id },
        'compiles',
        /^Version 90 does not compile: .+Fix the graph in the editor/,
      )
    })

    it('fails for TypeScript code on a live account', async () => {
      await expectFailure(
        { versionId: fixture.codeVersionId },
        'compiles',
        /TypeScript code, which has no MQL5 EA.*deploy it to a paper account/,
      )
    })

    it('fails for a symbol outside the catalogue', async () => {
      const body = await expectFailure(
        { symbol: 'NOPE' },
        'symbol',
        /^NOPE is not in the symbol catalogue of account "Live demo": add it/,
      )
      const lots = body.phases[0].checks.filter((c: { check: string }) => c.check.startsWith('lot'))
      expect(lots.every((c: { ok: boolean }) => !c.ok)).toBe(true)
    })

    it('fails for a lot below the minimum', async () => {
      await expectFailure(
        { lots: 0.001 },
        'lot_min_max',
        /^0\.001 lots is below the minimum of 0\.01 lots for EURUSD: use at least 0\.01$/,
      )
    })

    it('fails for a lot above the maximum', async () => {
      await expectFailure(
        { lots: 5000 },
        'lot_min_max',
        /above the maximum of 100 lots .*use at most 100/,
      )
    })

    it('fails for a lot that is not a multiple of the step, suggesting the nearest', async () => {
      await expectFailure(
        { lots: 0.017 },
        'lot_step',
        /^0\.017 lots is not a multiple of the volume step 0\.01 of EURUSD: use 0\.02/,
      )
    })

    it('accepts a lot that is a multiple of the step up to float noise', async () => {
      const response = await deploy({ lots: 0.1 + 0.2 })
      expect(response.body.status).toBe('AWAITING_EA')
    })

    it('fails for a live account without a terminal seen in the last 30 minutes', async () => {
      const db = dbOf(server)
      const silent = await insertAccount(db, server.user.id, 'live', { name: 'Silent' })
      await forgetTerminal(db, silent)
      await expectFailure(
        { accountId: silent },
        'terminal',
        /No MetaTrader terminal on login 51234567 .* \(never\): run the TradeloomConnect script/,
      )
    })
  })
})
