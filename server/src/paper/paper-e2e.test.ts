/**
 * Acceptance (issue 7): a template deployed to a paper account runs in a real paper terminal (a
 * pg-boss job of this test server) that speaks the EA protocol over real HTTP to the server's
 * listener; the kill switch with "close positions" flattens and halts it within one heartbeat; a
 * daily-loss breach from reported trades halts the account. On PGlite, and on PostgreSQL with
 * DATABASE_URL.
 */
import { strategyTemplates } from '@tradeloom/compiler'
import { databaseTargets } from '@tradeloom/drizzle/testing'
import { eq, sql } from 'drizzle-orm'
import { deployments } from '@tradeloom/drizzle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { syntheticCsv } from '../test-support/csv'
import { sweepDeployments } from '../deployments/watchdog'
import { uploadCsv } from '../test-support/fixtures'
import { startTestServer, waitFor } from '../test-support/test-server'
import { restartStalePaperTerminals } from './restart'
import type { JsonResponse, TestServer } from '../test-support/test-server'

const HEARTBEAT_SECONDS = 5
/** Request round trips, the server's polling of our waitFor, a loaded CI machine. */
const MARGIN_MS = 2_500

/**
 * The MACD trend template: stop-and-reverse, so always in the market once it has crossed, and the
 * kill switch always finds a position to close.
 */
function macdTrendGraph(): unknown {
  const template = strategyTemplates.find((t) => t.id === 'macd-trend')
  if (template === undefined)
    throw new Error('The compiler no longer ships the macd-trend template')
  return structuredClone(template.graph)
}

/** Buys whenever flat, with a stop 40 points away that the next bar almost always hits: losses. */
const LOSING_STRATEGY = `export const defaultParams = {}
export function createStrategy() {
  return {
    warmupBars: 0,
    onBar(ctx) {
      if (ctx.positionVolume === 0) ctx.enterLong({ stopLoss: { kind: 'points', points: 40 } })
    },
  }
}
`

describe.each(databaseTargets())('paper terminal end to end ($name)', (target) => {
  let server: TestServer
  let datasetId: string

  beforeAll(async () => {
    server = await startTestServer(target, { listen: true })
    const upload = await uploadCsv(server, syntheticCsv(4_000, 11), 'symbol=EURUSD&name=Replay')
    expect(upload.status).toBe(201)
    datasetId = ((await upload.json()) as { id: string }).id
  })
  afterAll(async () => {
    await server?.close()
  })

  const call = async (method: string, path: string, body?: unknown): Promise<JsonResponse> => {
    const response = await server.call(method, path, body)
    if (response.status >= 400) {
      throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`)
    }
    return response
  }
  const deployment = async (id: string) => (await call('GET', `/api/deployments/${id}`)).body
  const trades = async (id: string) =>
    (await call('GET', `/api/deployments/${id}/trades?limit=500`)).body.trades as TradeLog[]
  /** Every timeline event type of a deployment or account, all pages. */
  const eventTypes = async (query: string): Promise<Set<string>> => {
    const types = new Set<string>()
    let cursor: string | null = null
    do {
      const page: JsonResponse = await call(
        'GET',
        `/api/events?${query}&limit=200${cursor === null ? '' : `&cursor=${cursor}`}`,
      )
      for (const event of page.body.events as { type: string }[]) types.add(event.type)
      cursor = page.body.nextCursor
    } while (cursor !== null)
    return types
  }

  /** A paper account with guardrails, a version, and a deployment of it fed from the data set. */
  async function deployPaper(
    version: { graph: unknown } | { code: string },
    maxDailyLoss: number,
  ): Promise<{ id: string; accountId: string }> {
    const account = await call('POST', '/api/trading-accounts', {
      name: `Paper ${maxDailyLoss}`,
      kind: 'paper',
      marginMode: 'netting',
      currency: 'USD',
      initialBalance: 10_000,
    })
    const accountId = account.body.id as string
    await call('PUT', `/api/trading-accounts/${accountId}/guardrails`, {
      maxDailyLossKind: 'money',
      maxDailyLoss,
      maxPositions: 5,
      maxCorrelation: 1,
      correlationLookbackDays: 60,
    })
    const strategy = await call('POST', '/api/strategies', { name: `Paper e2e ${maxDailyLoss}` })
    const saved = await call('POST', `/api/strategies/${strategy.body.id}/versions`, version)
    const created = await server.call('POST', '/api/deployments', {
      versionId: saved.body.id,
      accountId,
      symbol: 'EURUSD',
      lots: 0.1,
      heartbeatSeconds: HEARTBEAT_SECONDS,
      paperFeed: { kind: 'dataset', datasetId, barsPerSecond: 25 },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({ status: 'AWAITING_EA', accountKind: 'paper' })
    return { id: created.body.id, accountId }
  }

  /** The pg-boss states of a deployment's paper terminal jobs (more than one after a restart). */
  async function terminalJobStates(id: string): Promise<string[]> {
    // Both drivers answer { rows }; the Db union types it as unknown.
    const result = (await server.services.database.db.execute(
      sql.raw(
        `select state from ${server.services.jobs.schema}.job where name = 'paper.terminal' and data->>'deploymentId' = '${id}'`,
      ),
    )) as unknown as { rows: { state: string }[] }
    return result.rows.map((row) => row.state).sort()
  }

  /** Stops the deployment; its terminal then ends on 403 deployment_stopped and the job completes. */
  async function stop(id: string): Promise<void> {
    await call('POST', `/api/deployments/${id}/stop`, { closePositions: true })
    await waitFor(
      () => deployment(id),
      (d) => d.status === 'STOPPED',
      3 * HEARTBEAT_SECONDS * 1000,
    )
    await waitFor(
      () => terminalJobStates(id),
      (states) => states.length > 0 && states.every((state) => state === 'completed'),
      2 * HEARTBEAT_SECONDS * 1000 + MARGIN_MS,
    )
  }

  it('deploy → ACTIVE → trades → kill switch with close: flat and halted within one heartbeat → resolve', async () => {
    const { id } = await deployPaper({ graph: macdTrendGraph() }, 5_000)

    const active = await waitFor(
      () => deployment(id),
      (d) => d.status === 'ACTIVE',
      30_000,
    )
    expect(
      active.phases.map((p: { phase: string; status: string }) => [p.phase, p.status]),
    ).toEqual([
      ['preflight', 'passed'],
      ['handoff', 'passed'],
      ['confirmation', 'passed'],
    ])
    expect(active.heartbeatSeconds).toBe(HEARTBEAT_SECONDS)

    // Trades arrive, with execution quality, and a heartbeat shows the open position.
    const open = await waitFor(
      () => deployment(id),
      (d) => (d.lastHeartbeat?.positions as unknown[] | undefined)?.length === 1,
      60_000,
    )
    const position = open.lastHeartbeat.positions[0]
    const entries = await waitFor(
      () => trades(id),
      (list) => list.some((t) => t.entry === 'in' && t.position === position.ticket),
      10_000,
    )
    const entry = entries.find((t) => t.entry === 'in' && t.position === position.ticket)!
    expect(entry).toMatchObject({
      kind: 'deal',
      symbol: 'EURUSD',
      type: expect.stringMatching(/^(buy|sell)$/),
      reason: 'expert',
      volume: 0.1,
      retcode: 10009,
      slippagePoints: 0,
    })
    expect(entry.requestedPrice).toBe(entry.price)
    expect(entry.latencyMs).toBeGreaterThanOrEqual(0)
    expect(entry.spreadPoints).toBeGreaterThan(0)

    // The kill switch: close_all rides on the next heartbeat reply, the terminal closes, acks and
    // reports the closing deal in the same timer tick.
    const triggeredAt = Date.now()
    await call('POST', '/api/kill-switch/trigger', {
      reason: 'e2e: flatten everything',
      closePositions: true,
      revokeTokens: false,
    })
    const halted = await waitFor(
      () => deployment(id),
      (d) => d.commands.some((c: Command) => c.command === 'close_all' && c.ackedAt !== null),
      HEARTBEAT_SECONDS * 1000 + MARGIN_MS,
    )
    const confirmedAfterMs = Date.now() - triggeredAt
    expect(confirmedAfterMs).toBeLessThanOrEqual(HEARTBEAT_SECONDS * 1000 + MARGIN_MS)
    const closeAll = halted.commands.find((c: Command) => c.command === 'close_all')
    expect(closeAll).toMatchObject({
      source: 'kill_switch',
      ackResult: 'done',
      ackMessage: '1 position closed; halted',
    })
    expect(halted).toMatchObject({ halted: true, haltReasons: ['kill_switch'] })
    const closing = await waitFor(
      () => trades(id),
      (list) => list.some((t) => t.entry === 'out' && t.position === position.ticket),
      MARGIN_MS,
    )
    // Netting reversals keep the ticket: the direction closed is that of the position's newest
    // opening (or reversing) deal.
    const ofPosition = closing
      .filter((t) => t.position === position.ticket)
      .sort((a, b) => a.timeMsc - b.timeMsc || Number(BigInt(a.deal) - BigInt(b.deal)))
    const out = ofPosition.at(-1)!
    const opened = ofPosition.filter((t) => t.entry === 'in' || t.entry === 'inout').at(-1)!
    expect(out).toMatchObject({
      entry: 'out',
      reason: 'expert',
      type: opened.type === 'buy' ? 'sell' : 'buy',
      retcode: 10009,
      slippagePoints: 0,
    })
    // The next heartbeat (one interval later) shows the terminal flat and halted by close_all.
    const flat = await waitFor(
      () => deployment(id),
      (d) =>
        d.lastHeartbeat.lastCommandId === closeAll.commandId &&
        d.lastHeartbeat.positions.length === 0,
      HEARTBEAT_SECONDS * 1000 + MARGIN_MS,
    )
    expect(flat.lastHeartbeat).toMatchObject({ halted: true, haltReason: 'close_all' })
    const entriesWhenHalted = (await trades(id)).filter((t) => t.entry === 'in').length

    // Resolve: the kill switch's halt is lifted, the terminal acks resume and trades again.
    const resolved = await call('POST', '/api/kill-switch/resolve', { note: 'e2e over' })
    expect(resolved.body.state ?? resolved.body.current?.state ?? 'RESOLVED').toBe('RESOLVED')
    const resumed = await waitFor(
      () => deployment(id),
      (d) =>
        d.commands.some((c: Command) => c.command === 'resume' && c.ackResult === 'done') &&
        d.lastHeartbeat.haltReason === 'none',
      2 * HEARTBEAT_SECONDS * 1000 + MARGIN_MS,
    )
    expect(resumed).toMatchObject({ status: 'ACTIVE', halted: false, haltReasons: [] })
    expect((await call('GET', '/api/kill-switch')).body.state).toBe('RESOLVED')
    expect(entriesWhenHalted).toBeGreaterThan(0)

    const types = await eventTypes(`deploymentId=${id}`)
    for (const type of [
      'DEPLOYED',
      'ACTIVATED',
      'TRADE_EXECUTED',
      'KILL_SWITCH',
      'HALTED',
      'RESUMED',
    ]) {
      expect(types, type).toContain(type)
    }
    await stop(id)
  })

  it('a daily-loss breach from reported trades halts the account', async () => {
    // Independent of the test before: no kill switch left on.
    if ((await call('GET', '/api/kill-switch')).body.state === 'TRIGGERED') {
      await call('POST', '/api/kill-switch/resolve', {})
    }
    const { id, accountId } = await deployPaper({ code: LOSING_STRATEGY }, 10)
    const breached = await waitFor(
      () => call('GET', `/api/trading-accounts/${accountId}/guardrails`).then((r) => r.body),
      (g) => g.day?.breached === true,
      30_000,
    )
    expect(breached.day.realizedPnl).toBeLessThan(0)
    expect(breached.day.lossUsed).toBeGreaterThanOrEqual(10)
    const halted = await waitFor(
      () => deployment(id),
      (d) =>
        d.haltReasons.includes('daily_loss') &&
        d.commands.some(
          (c: Command) =>
            c.command === 'halt' && c.source === 'daily_loss' && c.ackResult === 'done',
        ) &&
        d.lastHeartbeat.halted === true,
      2 * HEARTBEAT_SECONDS * 1000 + MARGIN_MS,
    )
    expect(halted.lastHeartbeat.haltReason).toBe('halt')
    // Once the halt is acknowledged no new entry is made (stops may still close what is open).
    const ackedAt = Date.parse(
      halted.commands.find((c: Command) => c.source === 'daily_loss').ackedAt,
    )
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const late = (await trades(id)).filter((t) => t.entry === 'in' && t.timeMsc > ackedAt + 100)
    expect(late).toEqual([])
    expect(await eventTypes(`accountId=${accountId}`)).toContain('GUARDRAIL_BREACHED')
    await stop(id)
  })

  it('a silent paper terminal is restarted by the watchdog with a new token; the old one ends', async () => {
    if ((await call('GET', '/api/kill-switch')).body.state === 'TRIGGERED') {
      await call('POST', '/api/kill-switch/resolve', {})
    }
    const { id } = await deployPaper({ graph: macdTrendGraph() }, 1_000_000)
    await waitFor(
      () => deployment(id),
      (d) => d.status === 'ACTIVE',
      30_000,
    )
    const db = server.services.database.db
    const tokenHash = async () =>
      (await db.select().from(deployments).where(eq(deployments.id, id)))[0]!.tokenHash

    // Ten minutes on, the watchdog finds it silent (as if its worker had died) and restarts it.
    const later = new Date(Date.now() + 10 * 60_000)
    const swept = await sweepDeployments(db, later)
    expect(swept.stale).toContain(id)
    const before = await tokenHash()
    expect(await restartStalePaperTerminals(db, server.services.jobs, swept.stale, later)).toEqual([
      id,
    ])
    expect(await tokenHash()).not.toBe(before)

    // Only the new terminal holds the token: its heartbeat brings the deployment back, and the
    // old one, refused with 401, ends its job.
    await waitFor(
      () => deployment(id),
      (d) => d.status === 'ACTIVE',
      2 * HEARTBEAT_SECONDS * 1000 + MARGIN_MS,
    )
    expect(
      await waitFor(
        () => terminalJobStates(id),
        (states) => states.join() === 'active,completed',
        2 * HEARTBEAT_SECONDS * 1000 + MARGIN_MS,
      ),
    ).toEqual(['active', 'completed'])
    expect(await eventTypes(`deploymentId=${id}`)).toContain('HEARTBEAT_LOST')
    await stop(id)
  })
})

interface Command {
  commandId: number
  command: string
  source: string
  ackedAt: string | null
  ackResult: string | null
}

interface TradeLog {
  kind: string
  deal: string
  entry: string
  position: string
  type: string
  reason: string
  volume: number
  price: number
  requestedPrice: number | null
  slippagePoints: number | null
  spreadPoints: number | null
  latencyMs: number | null
  retcode: number | null
  timeMsc: number
}
