import { createHash } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { mql5CodeHash } from '@tradeloom/compiler'
import { deploymentPhases, deployments, strategyVersions } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from '../test-support/test-server'
import type { TestServer } from '../test-support/test-server'
import { PREFLIGHT_CHECKS } from './preflight'
import {
  dbOf,
  dealReport,
  deployLive,
  FakeEa,
  postDeployment,
  seedDeployFixture,
  tokenOf,
} from './test-fixtures'
import type { DeployFixture } from './test-fixtures'
import { sweepDeployments } from './watchdog'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')
const MINUTE = 60_000

describe.each(databaseTargets())('deployments on $name', (target) => {
  let server: TestServer
  let fixture: DeployFixture

  beforeAll(async () => {
    // No workers: paper terminals stay queued (their payload is checked), nothing runs on its own.
    server = await startTestServer(target, { workers: false })
    fixture = await seedDeployFixture(server)
  })
  afterAll(() => server?.close())

  const deploy = (body: Record<string, unknown>) => postDeployment(server, fixture, body)

  describe('hand-off', () => {
    it('hands a live EA off once, storing only the hash of its token', async () => {
      const response = await deploy({ heartbeatSeconds: 10 })
      expect(response.status).toBe(201)
      const body = response.body
      expect(body).toMatchObject({
        status: 'AWAITING_EA',
        statusReason: null,
        strategyName: 'SMA cross live',
        versionNumber: 1,
        accountName: 'Live demo',
        accountKind: 'live',
        symbol: 'EURUSD',
        timeframe: 'H1',
        lots: 0.1,
        heartbeatSeconds: 10,
        halted: false,
        pendingCommand: null,
      })
      expect(
        body.phases.map((p: { phase: string; status: string }) => `${p.phase}:${p.status}`),
      ).toEqual(['preflight:passed', 'handoff:passed', 'confirmation:running'])
      expect(body.phases[0].checks.map((c: { check: string }) => c.check)).toEqual([
        ...PREFLIGHT_CHECKS,
      ])
      expect(body.phases[0].checks.every((c: { ok: boolean }) => c.ok)).toBe(true)

      const { source, fileName } = body.ea
      expect(fileName).toMatch(/^SMA_cross_live_v1_[0-9a-f]{8}\.mq5$/)
      expect(source).toContain(`"${body.id}"`)
      expect(source).toContain('"http://127.0.0.1:8787"')
      expect(mql5CodeHash(source)).toBe(body.receipt.codeHash)
      expect(body.receipt).toMatchObject({
        fileName,
        whitelistUrl: 'http://127.0.0.1:8787',
        magic: expect.stringMatching(/^\d{9}$/),
      })

      const token = tokenOf(source)
      const [row] = await dbOf(server).select().from(deployments).where(eq(deployments.id, body.id))
      expect(row!.tokenHash).toBe(sha256(token))
      expect(row!.codeHash).toBe(body.receipt.codeHash)
      const phases = await dbOf(server)
        .select()
        .from(deploymentPhases)
        .where(eq(deploymentPhases.deploymentId, body.id))
      expect(JSON.stringify([row, phases])).not.toContain(token)

      // The source is answered once: reading the deployment again shows no EA.
      const read = await server.call('GET', `/api/deployments/${body.id}`)
      expect(read.status).toBe(200)
      expect(read.body).not.toHaveProperty('ea')
      expect(read.body.receipt).toEqual(body.receipt)

      const events = await server.call('GET', `/api/events?deploymentId=${body.id}`)
      expect(events.body.events.map((e: { type: string }) => e.type)).toEqual(['DEPLOYED'])
      expect(events.body.events[0]).toMatchObject({
        strategyId: fixture.strategyId,
        deploymentId: body.id,
        accountId: fixture.liveAccountId,
      })
    })

    it('queues a paper terminal with the token, and receipts the TypeScript module', async () => {
      const response = await deploy({
        versionId: fixture.codeVersionId,
        accountId: fixture.paperAccountId,
        paperFeed: { kind: 'synthetic', seed: 7, barSeconds: 2 },
      })
      expect(response.status).toBe(201)
      expect(response.body).toMatchObject({
        status: 'AWAITING_EA',
        accountKind: 'paper',
        paperFeed: { kind: 'synthetic', seed: 7, barSeconds: 2 },
        receipt: { magic: null, whitelistUrl: null },
      })
      expect(response.body).not.toHaveProperty('ea')
      const [version] = await dbOf(server)
        .select()
        .from(strategyVersions)
        .where(eq(strategyVersions.id, fixture.codeVersionId))
      expect(response.body.receipt.codeHash).toBe(sha256(version!.tsSource))

      const schema = server.services.jobs.schema
      // Both drivers answer { rows }; the Db union types it as unknown.
      const jobs = (await dbOf(server).execute(
        sql.raw(`select data from ${schema}.job where name = 'paper.terminal'`),
      )) as unknown as { rows: { data: Record<string, string> }[] }
      const payload = jobs.rows.find((j) => j.data.deploymentId === response.body.id)?.data
      expect(payload).toBeDefined()
      expect(payload!.serverUrl).toBe('http://127.0.0.1:8787')
      const [row] = await dbOf(server)
        .select()
        .from(deployments)
        .where(eq(deployments.id, response.body.id))
      expect(row!.tokenHash).toBe(sha256(payload!.token!))
    })

    it('re-issues the EA while awaiting it, rotating the token', async () => {
      const { deployment, token } = await deployLive(server, fixture)
      const response = await server.request(`/api/deployments/${deployment.id}/ea`, {
        method: 'POST',
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="${deployment.ea.fileName}"`,
      )
      const bytes = new Uint8Array(await response.arrayBuffer())
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      // TextDecoder drops the byte-order mark.
      const source = new TextDecoder().decode(bytes)
      const fresh = tokenOf(source)
      expect(fresh).not.toBe(token)
      const read = await server.call('GET', `/api/deployments/${deployment.id}`)
      expect(read.body.receipt.codeHash).toBe(mql5CodeHash(source))
      expect(response.headers.get('x-tradeloom-code-hash')).toBe(read.body.receipt.codeHash)

      const old = new FakeEa(server, deployment.id, token, deployment.receipt.codeHash)
      expect((await old.hello()).status).toBe(401)
      const current = new FakeEa(server, deployment.id, fresh, read.body.receipt.codeHash)
      expect((await current.hello()).status).toBe(200)
    })

    it('answers 404 for a version or an account of another user', async () => {
      const other = await server.asUser('other-deployer@tradeloom.test')
      const theirs = await seedDeployFixture(server, other)
      expect((await deploy({ versionId: theirs.graphVersionId })).status).toBe(404)
      expect((await deploy({ accountId: theirs.liveAccountId })).status).toBe(404)
      const list = await other.call('GET', '/api/deployments')
      expect(list.body).toEqual([])
    })

    it('refuses a paper feed on a live account, naming the field', async () => {
      const response = await deploy({ paperFeed: { kind: 'synthetic', seed: 1, barSeconds: 5 } })
      expect(response.status).toBe(400)
      expect(response.body.error.details.issues[0].path).toBe('paperFeed')
    })
  })

  describe('stop, halt and resume', () => {
    it('stops a deployment still awaiting its EA at once', async () => {
      const { deployment, token } = await deployLive(server, fixture)
      const stop = await server.call('POST', `/api/deployments/${deployment.id}/stop`, {})
      expect(stop.status).toBe(200)
      expect(stop.body).toMatchObject({
        status: 'STOPPED',
        statusReason: expect.stringContaining('before the EA confirmed'),
      })
      expect(stop.body.tokenRevokedAt).not.toBeNull()
      expect(stop.body.stoppedAt).not.toBeNull()
      expect(stop.body.phases[2]).toMatchObject({ phase: 'confirmation', status: 'failed' })
      const ea = new FakeEa(server, deployment.id, token, deployment.receipt.codeHash)
      const refused = await ea.hello()
      expect(refused.status).toBe(403)
      expect(refused.body.error.code).toBe('deployment_stopped')
      const again = await server.call('POST', `/api/deployments/${deployment.id}/stop`, {})
      expect(again.status).toBe(409)
    })

    it('stops a running deployment when its EA acknowledges close_all', async () => {
      const { deployment, token } = await deployLive(server, fixture)
      const ea = new FakeEa(server, deployment.id, token, deployment.receipt.codeHash)
      await ea.connect()
      const stop = await server.call('POST', `/api/deployments/${deployment.id}/stop`, {
        closePositions: true,
      })
      expect(stop.body).toMatchObject({
        status: 'STOPPING',
        haltReasons: ['stop'],
        pendingCommand: { commandId: 1, command: 'close_all' },
      })
      const beat = await ea.heartbeat()
      expect(beat.body).toEqual({ commandId: 1, command: 'close_all', heartbeatSeconds: 15 })
      expect((await ea.ack(1, 'done', 'close_all')).status).toBe(200)
      const read = await server.call('GET', `/api/deployments/${deployment.id}`)
      expect(read.body).toMatchObject({
        status: 'STOPPED',
        statusReason: 'Stopped: the EA confirmed "close_all" (done)',
        pendingCommand: null,
      })
      expect(read.body.commands[0]).toMatchObject({
        command: 'close_all',
        source: 'stop',
        ackResult: 'done',
      })
      const events = await server.call('GET', `/api/events?deploymentId=${deployment.id}`)
      expect(events.body.events.map((e: { type: string }) => e.type)).toEqual([
        'STOPPED',
        'HALTED',
        'ACTIVATED',
        'DEPLOYED',
      ])
      expect((await ea.heartbeat()).body.error.code).toBe('deployment_stopped')
      // The deals close_all produced follow its ack in the same timer tick: still stored.
      const closing = await ea.trades([dealReport('9101', { entry: 'out', profit: 4.2 })])
      expect(closing.status).toBe(200)
      expect(closing.body).toMatchObject({ accepted: 1, duplicates: 0 })
      const stored = await server.call('GET', `/api/deployments/${deployment.id}/trades`)
      expect(stored.body.trades.map((t: { deal: string }) => t.deal)).toEqual(['9101'])
    })

    it('stops without the EA after two heartbeats, saying it did not confirm', async () => {
      const { deployment, token } = await deployLive(server, fixture, { heartbeatSeconds: 5 })
      const ea = new FakeEa(server, deployment.id, token, deployment.receipt.codeHash)
      await ea.connect()
      const stop = await server.call('POST', `/api/deployments/${deployment.id}/stop`, {})
      expect(stop.body.pendingCommand.command).toBe('halt')
      const db = dbOf(server)
      const early = await sweepDeployments(db, new Date(Date.now() + 5_000))
      expect(early.stopped).not.toContain(deployment.id)
      const late = await sweepDeployments(db, new Date(Date.now() + 11_000))
      expect(late.stopped).toContain(deployment.id)
      const read = await server.call('GET', `/api/deployments/${deployment.id}`)
      expect(read.body.status).toBe('STOPPED')
      expect(read.body.statusReason).toMatch(
        /^Stopped without confirmation: the EA did not acknowledge "halt" \(command 1\) within two heartbeats \(10 s\)/,
      )
    })

    it('halts and resumes for the trader, without lifting other reasons', async () => {
      const { deployment, token } = await deployLive(server, fixture)
      const ea = new FakeEa(server, deployment.id, token, deployment.receipt.codeHash)
      await ea.connect()
      const halt = await server.call('POST', `/api/deployments/${deployment.id}/halt`)
      expect(halt.body).toMatchObject({
        halted: true,
        haltReasons: ['user'],
        pendingCommand: { commandId: 1, command: 'halt' },
      })
      const resume = await server.call('POST', `/api/deployments/${deployment.id}/resume`)
      expect(resume.body).toMatchObject({
        halted: false,
        haltReasons: [],
        pendingCommand: { commandId: 2, command: 'resume' },
      })
      expect(resume.body.commands.map((c: { command: string }) => c.command)).toEqual([
        'resume',
        'halt',
      ])
    })
  })

  describe('watchdog', () => {
    it('fails a deployment whose EA never confirmed within 15 minutes', async () => {
      const { deployment } = await deployLive(server, fixture)
      const db = dbOf(server)
      expect((await sweepDeployments(db, new Date(Date.now() + 14 * MINUTE))).failed).not.toContain(
        deployment.id,
      )
      expect((await sweepDeployments(db, new Date(Date.now() + 16 * MINUTE))).failed).toContain(
        deployment.id,
      )
      const read = await server.call('GET', `/api/deployments/${deployment.id}`)
      expect(read.body.status).toBe('FAILED')
      expect(read.body.statusReason).toMatch(
        /^No ready\/heartbeat from the EA within 15 minutes \(nothing arrived\): check that http:\/\/127\.0\.0\.1:8787 is allowed in Tools → Options → Expert Advisors/,
      )
      expect(read.body.phases[2]).toMatchObject({
        phase: 'confirmation',
        status: 'failed',
        reason: read.body.statusReason,
      })
    })

    it('lists deployments by status and account', async () => {
      const failed = await server.call('GET', '/api/deployments?status=FAILED')
      expect(failed.body.length).toBeGreaterThan(0)
      expect(failed.body.every((d: { status: string }) => d.status === 'FAILED')).toBe(true)
      const paper = await server.call('GET', `/api/deployments?accountId=${fixture.paperAccountId}`)
      expect(paper.body.every((d: { accountKind: string }) => d.accountKind === 'paper')).toBe(true)
    })
  })
})
