import { asc, eq, isNull } from 'drizzle-orm'
import { deploymentCommands, deployments, robotEvents } from '@tradeloom/drizzle'
import type { Db, DeploymentRow } from '@tradeloom/drizzle'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPaperAccount, insertDeployment, seedVersion } from '../guardrails/test-fixtures'
import { startTestServer } from '../test-support/test-server'
import type { Agent, TestServer } from '../test-support/test-server'
import { activeKillSwitch } from './state'

describe.each(databaseTargets())('kill switch on $name', (target) => {
  let server: TestServer
  let db: Db
  let other: Agent
  let otherDeployment: DeploymentRow

  beforeAll(async () => {
    server = await startTestServer(target, { workers: false })
    db = server.services.database.db
    other = await server.asUser('bystander@tradeloom.test')
    const account = await createPaperAccount(other, db)
    otherDeployment = await insertDeployment(db, {
      userId: other.user.id,
      accountId: account.id,
      ...(await seedVersion(other)),
    })
  })
  afterAll(() => server?.close())

  async function deploymentsOfOwner() {
    const account = await createPaperAccount(server, db)
    const version = await seedVersion(server)
    const make = (extra: Partial<DeploymentRow>) =>
      insertDeployment(db, { userId: server.user.id, accountId: account.id, ...version, ...extra })
    return {
      active: await make({ status: 'ACTIVE' }),
      lossHalted: await make({ status: 'STALE', haltReasons: ['daily_loss'] }),
      awaiting: await make({ status: 'AWAITING_EA' }),
      stopped: await make({ status: 'STOPPED' }),
    }
  }

  const reload = async (id: string) =>
    (await db.select().from(deployments).where(eq(deployments.id, id)))[0]!
  const commandsOf = async (id: string) =>
    (
      await db
        .select()
        .from(deploymentCommands)
        .where(eq(deploymentCommands.deploymentId, id))
        .orderBy(asc(deploymentCommands.commandId))
    ).map((c) => `${c.command}:${c.source}`)
  const killEvents = () =>
    db
      .select()
      .from(robotEvents)
      .where(eq(robotEvents.type, 'KILL_SWITCH'))
      .orderBy(asc(robotEvents.seq))

  it('starts OFF, and wants a reason', async () => {
    expect((await server.call('GET', '/api/kill-switch')).body).toEqual({
      state: 'OFF',
      current: null,
      history: [],
    })
    const refused = await server.call('POST', '/api/kill-switch/trigger', { reason: ' ' })
    expect(refused.status).toBe(400)
    expect(refused.body.error.details.issues[0]).toMatchObject({ path: 'reason' })
    expect(await activeKillSwitch(db, server.user.id)).toBeNull()
  })

  it('halts every running deployment of the user, and only those', async () => {
    const d = await deploymentsOfOwner()
    const triggered = await server.call('POST', '/api/kill-switch/trigger', {
      reason: 'NFP in 5 minutes',
    })
    expect(triggered.status).toBe(201)
    expect(triggered.body).toMatchObject({
      state: 'TRIGGERED',
      current: {
        state: 'TRIGGERED',
        reason: 'NFP in 5 minutes',
        closePositions: false,
        revokeTokens: false,
        resolvedAt: null,
      },
    })
    expect(triggered.body.history).toHaveLength(1)
    expect(
      [...triggered.body.affected].sort(
        (a: { deploymentId: string }, b: { deploymentId: string }) =>
          a.deploymentId.localeCompare(b.deploymentId),
      ),
    ).toEqual(
      [
        { deploymentId: d.active.id, commandId: 1, command: 'halt' },
        // Already halted by its daily loss: the reason is added, no second halt is sent.
        { deploymentId: d.lossHalted.id, commandId: null, command: null },
        { deploymentId: d.awaiting.id, commandId: 1, command: 'halt' },
      ].sort((a, b) => a.deploymentId.localeCompare(b.deploymentId)),
    )
    expect((await reload(d.active.id)).haltReasons).toEqual(['kill_switch'])
    expect((await reload(d.lossHalted.id)).haltReasons).toEqual(['daily_loss', 'kill_switch'])
    expect(await commandsOf(d.active.id)).toEqual(['halt:kill_switch'])
    expect(await commandsOf(d.stopped.id)).toEqual([])
    expect(await commandsOf(otherDeployment.id)).toEqual([])
    expect((await reload(otherDeployment.id)).haltReasons).toEqual([])
    expect((await activeKillSwitch(db, server.user.id))?.reason).toBe('NFP in 5 minutes')
    expect(await activeKillSwitch(db, other.user.id)).toBeNull()

    const events = await killEvents()
    expect(
      events
        .map((e) => e.deploymentId)
        .filter((id) => id !== null)
        .sort(),
    ).toEqual([d.active.id, d.lossHalted.id, d.awaiting.id].sort())
    const userWide = events.filter((e) => e.deploymentId === null)
    expect(userWide).toHaveLength(1)
    expect(userWide[0]).toMatchObject({
      accountId: null,
      strategyId: null,
      metadata: { action: 'triggered', deployments: 3 },
    })

    const again = await server.call('POST', '/api/kill-switch/trigger', { reason: 'twice' })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('kill_switch_triggered')

    const resolved = await server.call('POST', '/api/kill-switch/resolve', {
      note: 'numbers are out',
    })
    expect(resolved.status).toBe(200)
    expect(resolved.body).toMatchObject({
      state: 'RESOLVED',
      current: null,
      history: [{ state: 'RESOLVED', resolutionNote: 'numbers are out' }],
    })
    expect(await commandsOf(d.active.id)).toEqual(['halt:kill_switch', 'resume:kill_switch'])
    expect(await commandsOf(d.awaiting.id)).toEqual(['halt:kill_switch', 'resume:kill_switch'])
    // Its daily loss still holds it.
    expect((await reload(d.lossHalted.id)).haltReasons).toEqual(['daily_loss'])
    expect(await commandsOf(d.lossHalted.id)).toEqual([])

    const notAgain = await server.request('/api/kill-switch/resolve', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(notAgain.status).toBe(409)
    expect(((await notAgain.json()) as { error: { code: string } }).error.code).toBe(
      'kill_switch_not_triggered',
    )
  })

  it('closes positions and revokes tokens when asked; revoked EAs stay halted after resolve', async () => {
    // Leftovers of the test before are running too; they are part of "every deployment".
    const d = await deploymentsOfOwner()
    const before = await commandsOf(d.active.id)
    expect(before).toEqual([])
    const triggered = await server.call('POST', '/api/kill-switch/trigger', {
      reason: 'broker outage',
      closePositions: true,
      revokeTokens: true,
    })
    expect(triggered.status).toBe(201)
    for (const row of [d.active, d.lossHalted, d.awaiting]) {
      expect(await commandsOf(row.id)).toEqual(['close_all:kill_switch'])
      const after = await reload(row.id)
      expect(after.tokenRevokedAt).not.toBeNull()
      expect(after.haltReasons).toContain('kill_switch')
    }
    expect((await reload(d.stopped.id)).tokenRevokedAt).toBeNull()
    const unrevoked = await db
      .select({ id: deployments.id })
      .from(deployments)
      .where(isNull(deployments.tokenRevokedAt))
    expect(unrevoked.map((r) => r.id)).toContain(otherDeployment.id)

    // Without a body (no note) is fine too.
    const resolved = await server.request('/api/kill-switch/resolve', { method: 'POST' })
    expect(resolved.status).toBe(200)
    expect(((await resolved.json()) as { affected: unknown[] }).affected).toEqual([])
    expect(await commandsOf(d.active.id)).toEqual(['close_all:kill_switch'])
    expect((await reload(d.active.id)).haltReasons).toEqual(['kill_switch'])

    const state = (await server.call('GET', '/api/kill-switch')).body
    expect(state.state).toBe('RESOLVED')
    expect(
      state.history.map((h: { reason: string; closePositions: boolean; revokeTokens: boolean }) => [
        h.reason,
        h.closePositions,
        h.revokeTokens,
      ]),
    ).toEqual([
      ['broker outage', true, true],
      ['NFP in 5 minutes', false, false],
    ])
    expect((await other.call('GET', '/api/kill-switch')).body.state).toBe('OFF')
  })
})
