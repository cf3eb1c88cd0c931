import { eq } from 'drizzle-orm'
import { deploymentCommands, deployments, tradeLogs, tradingAccounts } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issueCommand } from '../deployments/control'
import {
  dbOf,
  dealReport,
  deployLive,
  FakeEa,
  postDeployment,
  seedDeployFixture,
} from '../deployments/test-fixtures'
import type { DeployFixture } from '../deployments/test-fixtures'
import { sweepDeployments } from '../deployments/watchdog'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'

describe.each(databaseTargets())('EA control protocol on $name', (target) => {
  let server: TestServer
  let fixture: DeployFixture

  beforeAll(async () => {
    server = await startTestServer(target, { workers: false })
    fixture = await seedDeployFixture(server)
  })
  afterAll(() => server?.close())

  /** A fresh live deployment and its EA (each test its own, so rate limits never mix). */
  async function freshEa(overrides: Record<string, unknown> = {}) {
    const { deployment, token } = await deployLive(server, fixture, overrides)
    return new FakeEa(server, deployment.id, token, deployment.receipt.codeHash)
  }
  const read = async (id: string) => (await server.call('GET', `/api/deployments/${id}`)).body
  const eventTypes = async (id: string) =>
    (await server.call('GET', `/api/events?deploymentId=${id}`)).body.events.map(
      (e: { type: string }) => e.type,
    )

  describe('authentication', () => {
    it('answers the same 401 for a wrong token, another deployment’s token and an unknown deployment', async () => {
      const ea = await freshEa()
      const other = await freshEa()
      const unknown = new FakeEa(
        server,
        '3f2c0000-0000-4000-8000-000000000000',
        ea.token,
        ea.codeHash,
      )
      const notUuid = new FakeEa(server, 'not-a-uuid', ea.token, ea.codeHash)
      const answers = [
        await ea.post('heartbeat', {}, 'A'.repeat(43)),
        await ea.post('heartbeat', {}, other.token),
        await unknown.heartbeat(),
        await notUuid.heartbeat(),
        await ea.post('heartbeat', {}, null),
        await ea.post('heartbeat', {}, 'short'),
      ]
      for (const answer of answers) {
        expect(answer.status).toBe(401)
        expect(answer.body).toEqual(answers[0]!.body)
      }
      expect(answers[0]!.body.error.code).toBe('unauthorized')
      // The right token still works: nothing above was held against it.
      expect((await ea.hello()).status).toBe(200)
    })

    it('refuses a revoked token with 403 token_revoked', async () => {
      const ea = await freshEa()
      await ea.connect()
      await dbOf(server)
        .update(deployments)
        .set({ tokenRevokedAt: new Date() })
        .where(eq(deployments.id, ea.deploymentId))
      const answer = await ea.heartbeat()
      expect(answer.status).toBe(403)
      expect(answer.body.error.code).toBe('token_revoked')
    })

    it('still serves a revoked token while a kill-switch command waits for its ack', async () => {
      const ea = await freshEa()
      await ea.connect()
      const db = dbOf(server)
      const [row] = await db.select().from(deployments).where(eq(deployments.id, ea.deploymentId))
      await db.transaction(async (tx) => {
        await issueCommand(tx, row!, 'close_all', 'kill_switch', 'Kill switch: test')
        await tx
          .update(deployments)
          .set({ tokenRevokedAt: new Date() })
          .where(eq(deployments.id, ea.deploymentId))
      })
      expect((await ea.hello()).body.error.code).toBe('token_revoked')
      const beat = await ea.heartbeat()
      expect(beat.body).toMatchObject({ commandId: 1, command: 'close_all' })
      expect((await ea.ack(1)).status).toBe(200)
      // The closing deals follow the ack in the same timer tick.
      const trades = await ea.trades([dealReport('7001', { entry: 'out', profit: -3 })])
      expect(trades.body).toEqual({ accepted: 1, duplicates: 0 })
      expect((await ea.heartbeat()).body.error.code).toBe('token_revoked')
    })

    it('limits a deployment to 30 requests at once, answering 429 with Retry-After', async () => {
      const ea = await freshEa()
      let accepted = 0
      let limited: Awaited<ReturnType<FakeEa['post']>> | undefined
      for (let i = 0; i < 100 && limited === undefined; i++) {
        const answer = await ea.ready()
        if (answer.status === 429) limited = answer
        else {
          expect(answer.status).toBe(200)
          accepted += 1
        }
      }
      expect(limited).toBeDefined()
      expect(accepted).toBeGreaterThanOrEqual(30)
      expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
      expect(limited!.body.error.message).toMatch(/Too many requests/)
      // Another deployment has its own bucket.
      expect((await (await freshEa()).ready()).status).toBe(200)
    })

    it('refuses a body over 256 KiB with 413', async () => {
      const ea = await freshEa()
      const answer = await ea.post(
        'trades',
        JSON.stringify({ reports: [], pad: 'x'.repeat(300_000) }),
      )
      expect(answer.status).toBe(413)
      expect(answer.body.error.code).toBe('payload_too_large')
    })
  })

  describe('confirmation', () => {
    it('checks login, symbol and code hash in hello', async () => {
      const ea = await freshEa()
      const wrongLogin = await ea.hello({ login: '999' })
      expect(wrongLogin.status).toBe(403)
      expect(wrongLogin.body.error.code).toBe('account_mismatch')
      expect((await read(ea.deploymentId)).statusReason).toMatch(/runs on login 999/)
      expect((await ea.hello({ symbol: 'GBPUSD' })).body.error.code).toBe('symbol_mismatch')
      expect((await ea.hello({ codeHash: 'a'.repeat(64) })).body.error.code).toBe('code_mismatch')
      const bad = await ea.hello({ protocol: 2 })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.issues[0].path).toBe('protocol')
      const ok = await ea.hello()
      expect(ok.body).toEqual({ heartbeatSeconds: 15 })
      expect((await read(ea.deploymentId)).statusReason).toBeNull()
    })

    it('turns ACTIVE after ready and a first heartbeat, not before', async () => {
      const before = new Date()
      const ea = await freshEa({ heartbeatSeconds: 20 })
      await dbOf(server)
        .update(tradingAccounts)
        .set({ terminalSeenAt: new Date(0) })
        .where(eq(tradingAccounts.id, fixture.liveAccountId))
      expect((await ea.hello()).status).toBe(200)
      const early = await ea.heartbeat()
      expect(early.body).toEqual({ commandId: null, command: 'run', heartbeatSeconds: 20 })
      expect((await read(ea.deploymentId)).status).toBe('AWAITING_EA')
      expect((await ea.ready()).body).toEqual({})
      await ea.heartbeat({ equity: 10_012.5, positions: [] })
      const active = await read(ea.deploymentId)
      expect(active.status).toBe('ACTIVE')
      expect(active.heartbeatAgeSeconds).toBeLessThan(20)
      expect(active.activatedAt).not.toBeNull()
      expect(active.lastHeartbeat).toMatchObject({ seq: 2, equity: 10_012.5 })
      expect(active.phases[2]).toMatchObject({ phase: 'confirmation', status: 'passed' })
      expect(active.phases[2].details).toMatchObject({ terminalBuild: 4755, accountType: 'demo' })
      const [account] = await dbOf(server)
        .select()
        .from(tradingAccounts)
        .where(eq(tradingAccounts.id, fixture.liveAccountId))
      expect(account!.terminalSeenAt!.getTime()).toBeGreaterThanOrEqual(before.getTime())
      expect(await eventTypes(ea.deploymentId)).toEqual(['ACTIVATED', 'DEPLOYED'])
    })

    it('marks a silent deployment STALE with HEARTBEAT_LOST, and ACTIVE again on a heartbeat', async () => {
      const ea = await freshEa({ heartbeatSeconds: 30 })
      await ea.connect()
      const db = dbOf(server)
      // 4 × 30 s = 120 s of silence (more than the 60 s minimum).
      expect((await sweepDeployments(db, new Date(Date.now() + 100_000))).stale).not.toContain(
        ea.deploymentId,
      )
      expect((await sweepDeployments(db, new Date(Date.now() + 125_000))).stale).toContain(
        ea.deploymentId,
      )
      const stale = await read(ea.deploymentId)
      expect(stale.status).toBe('STALE')
      expect(stale.statusReason).toMatch(/^No heartbeat since .* \(expected every 30 s\)/)
      expect((await ea.heartbeat()).status).toBe(200)
      expect((await read(ea.deploymentId)).status).toBe('ACTIVE')
      expect(await eventTypes(ea.deploymentId)).toEqual([
        'HEARTBEAT_RESTORED',
        'HEARTBEAT_LOST',
        'ACTIVATED',
        'DEPLOYED',
      ])
    })
  })

  describe('commands', () => {
    it('delivers the newest command until acknowledged; the first ack wins', async () => {
      const ea = await freshEa()
      await ea.connect()
      await server.call('POST', `/api/deployments/${ea.deploymentId}/halt`)
      const first = await ea.heartbeat()
      expect(first.body).toMatchObject({ commandId: 1, command: 'halt' })
      expect((await ea.heartbeat()).body).toMatchObject({ commandId: 1, command: 'halt' })
      const [sent] = await dbOf(server)
        .select()
        .from(deploymentCommands)
        .where(eq(deploymentCommands.deploymentId, ea.deploymentId))
      expect(sent!.sentAt).not.toBeNull()

      expect((await ea.ack(1, 'done', 'halt')).status).toBe(200)
      const replay = await ea.ack(1, 'failed', 'halt')
      expect(replay.status).toBe(409)
      expect(replay.body.error.code).toBe('ack_replayed')
      const unknown = await ea.ack(99)
      expect(unknown.status).toBe(400)
      expect(unknown.body.error.code).toBe('unknown_command')
      expect((await ea.heartbeat()).body).toMatchObject({ commandId: null, command: 'run' })
      const deployment = await read(ea.deploymentId)
      expect(deployment.commands[0]).toMatchObject({ ackResult: 'done', ackMessage: 'done' })
      expect(await eventTypes(ea.deploymentId)).toEqual([
        'HALTED',
        'HALTED',
        'ACTIVATED',
        'DEPLOYED',
      ])
    })
  })

  describe('trades', () => {
    it('stores each deal once, names bad reports, and aggregates execution quality', async () => {
      const ea = await freshEa()
      await ea.connect()
      const refusal = {
        kind: 'rejected',
        key: 'req-1',
        timeMsc: 1_767_229_300_000,
        symbol: 'EURUSD',
        magic: '149838660',
        type: 'sell',
        action: 'open',
        position: null,
        volume: 0.1,
        requestedPrice: 1.0849,
        spreadPoints: 14,
        latencyMs: 120,
        retcode: 10006,
        message: 'Request rejected',
      }
      const first = await ea.trades([
        dealReport('5001'),
        dealReport('5001'),
        { kind: 'deal', deal: 'x' },
        refusal,
        dealReport('5002', { entry: 'out', slippagePoints: -1, latencyMs: 60, profit: 12.345 }),
      ])
      expect(first.status).toBe(200)
      expect(first.body.accepted).toBe(3)
      expect(first.body.duplicates).toBe(1)
      expect(first.body.rejected).toEqual([{ index: 2, reason: expect.stringMatching(/^deal: /) }])
      const again = await ea.trades([dealReport('5001'), refusal])
      expect(again.body).toEqual({ accepted: 0, duplicates: 2 })

      const rows = await dbOf(server)
        .select()
        .from(tradeLogs)
        .where(eq(tradeLogs.deploymentId, ea.deploymentId))
      expect(rows).toHaveLength(3)
      expect(rows.find((r) => r.deal === '5002')!.profit).toBe(12.35)

      const page = await server.call('GET', `/api/deployments/${ea.deploymentId}/trades?limit=2`)
      expect(
        page.body.trades.map((t: { deal: string | null; key: string | null }) => t.deal ?? t.key),
      ).toEqual(['req-1', '5002'])
      const rest = await server.call(
        'GET',
        `/api/deployments/${ea.deploymentId}/trades?limit=2&cursor=${page.body.nextCursor}`,
      )
      expect(rest.body).toMatchObject({
        nextCursor: null,
        trades: [{ deal: '5001', order: '6001' }],
      })

      const types = await eventTypes(ea.deploymentId)
      expect(types.filter((t: string) => t === 'TRADE_EXECUTED')).toHaveLength(2)

      const quality = await server.call(
        'GET',
        `/api/execution-quality?deploymentId=${ea.deploymentId}`,
      )
      expect(quality.status).toBe(200)
      expect(quality.body.byDeployment).toEqual([
        {
          key: ea.deploymentId,
          label: 'SMA cross live · EURUSD · Live demo',
          deals: 2,
          rejected: 1,
          failureRate: 0.3333,
          avgLatencyMs: 88.2,
          avgSlippagePoints: 0.5,
          maxSlippagePoints: 2,
          avgSpreadPoints: 12.7,
        },
      ])
      expect(quality.body.bySymbol).toEqual([
        expect.objectContaining({ key: 'EURUSD', deals: 2, rejected: 1 }),
      ])
    })

    it('halts the account’s deployments when reported deals breach the daily loss', async () => {
      const ea = await freshEa()
      await ea.connect()
      const loss = await ea.trades([dealReport('8001', { entry: 'out', profit: -600 })])
      expect(loss.body).toEqual({ accepted: 1, duplicates: 0 })
      const deployment = await read(ea.deploymentId)
      expect(deployment.haltReasons).toContain('daily_loss')
      expect(deployment.pendingCommand).toMatchObject({ command: 'halt' })
      expect((await ea.heartbeat()).body).toMatchObject({ command: 'halt' })
      const blocked = await postDeployment(server, fixture)
      expect(blocked.body.status).toBe('FAILED')
      expect(blocked.body.statusReason).toMatch(/breached its daily loss limit today/)
    })
  })
})
