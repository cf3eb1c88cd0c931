import { createLiveSession, generateSyntheticBars, getSymbol } from '@tradeloom/runtime'
import type { BarContext, Strategy } from '@tradeloom/runtime'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { datasetFeed } from './feed'
import { createProtocolClient } from './protocol-client'
import type { ProtocolMessage } from './protocol-client'
import { inProcessSession } from './session-host'
import { runTerminal } from './terminal'
import type { TerminalEnd, TerminalOptions } from './terminal'

const EURUSD = getSymbol('EURUSD')
const DEPLOYMENT = '3f2c0000-0000-4000-8000-000000000001'
const TOKEN = 'a'.repeat(43)

/** Goes long every 20 bars and out 10 bars later: entries to block while offline. */
function inAndOut(): Strategy {
  return {
    warmupBars: 0,
    onBar(ctx: BarContext) {
      if (ctx.index % 20 === 3) ctx.enterLong()
      if (ctx.index % 20 === 13) ctx.exitLong()
    },
  }
}

/** Goes long on bar 3 and stays: one open position to report, close and watch. */
function longFromBar3(): Strategy {
  return {
    warmupBars: 0,
    onBar(ctx: BarContext) {
      if (ctx.index === 3) ctx.enterLong()
    },
  }
}

interface Received {
  readonly message: ProtocolMessage
  // Bodies as the terminal sent them; tests read members freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any
  readonly at: number
  readonly authorization: string | null
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> }
type Script = (message: ProtocolMessage, body: unknown, n: number) => Answer | undefined

/**
 * An EA-protocol server in the test: records every request with the terminal's virtual time and
 * answers 200 with protocol replies unless `script` answers otherwise. Commands to deliver are
 * pushed onto `commands`.
 */
function fakeServer(clock: { t: number }, script: Script = () => undefined) {
  const received: Received[] = []
  const commands: { commandId: number; command: string }[] = []
  const counts = new Map<string, number>()
  const app = new Hono().post('/api/ea/v1/deployments/:id/:message', async (c) => {
    const message = c.req.param('message') as ProtocolMessage
    const text = await c.req.text()
    expect(/^[\x20-\x7e]*$/.test(text), 'bodies are pure ASCII').toBe(true)
    const body = JSON.parse(text)
    received.push({
      message,
      body,
      at: clock.t,
      authorization: c.req.header('authorization') ?? null,
    })
    const n = (counts.get(message) ?? 0) + 1
    counts.set(message, n)
    const scripted = script(message, body, n)
    if (scripted !== undefined) {
      return c.json(scripted.body as object, scripted.status as 200, scripted.headers)
    }
    if (message === 'hello') return c.json({ heartbeatSeconds: 5 })
    if (message === 'heartbeat') {
      const next = commands[0]
      return c.json({
        commandId: next?.commandId ?? null,
        command: next?.command ?? 'run',
        heartbeatSeconds: 5,
      })
    }
    if (message === 'ack') {
      commands.shift()
      return c.json({})
    }
    if (message === 'trades') return c.json({ accepted: body.reports.length, duplicates: 0 })
    return c.json({})
  })
  const of = (message: ProtocolMessage) => received.filter((r) => r.message === message)
  return { app, received, commands, of }
}

/** A terminal on a virtual clock (sleeping advances it) talking to `app` through app.request. */
function startTerminal(
  app: Hono,
  clock: { t: number },
  until: (clock: { t: number }) => boolean,
  extra: Partial<TerminalOptions> = {},
  strategy: Strategy = longFromBar3(),
): Promise<TerminalEnd> {
  const controller = new AbortController()
  const bars = generateSyntheticBars({ seed: 7, count: 20_000 })
  const session = createLiveSession({
    symbol: EURUSD,
    config: { slippage: 1 },
    strategy,
    capacity: 20_000,
  })
  return runTerminal({
    client: createProtocolClient({
      serverUrl: 'http://127.0.0.1:9',
      deploymentId: DEPLOYMENT,
      token: TOKEN,
      fetch: ((url: string, init: RequestInit) => app.request(url, init)) as typeof fetch,
    }),
    session: inProcessSession(session),
    feed: datasetFeed(bars, 10, 0, 'synthetic'),
    symbol: EURUSD,
    hello: {
      deploymentId: DEPLOYMENT,
      login: '12345678',
      server: 'Tradeloom-Paper',
      company: 'Tradeloom Paper',
      currency: 'USD',
      marginMode: 'netting',
      symbol: 'EURUSD',
      timeframe: 'H1',
      magic: '42',
      program: 'test',
      codeHash: 'c'.repeat(64),
      contentHash: 'd'.repeat(64),
      compilerVersion: '0.1.0',
    },
    lots: 0.1,
    heartbeatSeconds: 15,
    offlinePolicy: 'stop_entries',
    offlineMinutes: 15,
    runKey: 'run1',
    signal: controller.signal,
    now: () => clock.t,
    sleep: async (ms) => {
      clock.t += ms
      if (until(clock)) controller.abort('cancelled')
    },
    ...extra,
  })
}

const T0 = 1_767_225_600_000

describe('paper terminal protocol loop', () => {
  it('says hello, ready and a first heartbeat in one tick, then trades, reports and obeys close_all', async () => {
    const clock = { t: T0 }
    const server = fakeServer(clock)
    let commandSentAt = 0
    const end = await startTerminal(server.app, clock, (c) => {
      // Once a position shows in a heartbeat, ask for close_all (once).
      if (commandSentAt === 0 && server.of('heartbeat').some((h) => h.body.positions.length > 0)) {
        commandSentAt = c.t
        server.commands.push({ commandId: 1, command: 'close_all' })
      }
      return c.t > T0 + 40_000
    })
    expect(end).toBe('aborted')

    const [hello] = server.of('hello')
    expect(hello).toMatchObject({ at: T0, authorization: `Bearer ${TOKEN}` })
    expect(hello!.body).toMatchObject({
      protocol: 1,
      deploymentId: DEPLOYMENT,
      login: '12345678',
      symbol: 'EURUSD',
      accountType: 'demo',
      magic: '42',
      codeHash: 'c'.repeat(64),
      timeGmt: T0 / 1000,
      serverTime: T0 / 1000,
    })
    expect(server.received.slice(0, 3).map((r) => [r.message, r.at])).toEqual([
      ['hello', T0],
      ['ready', T0],
      ['heartbeat', T0],
    ])
    expect(server.of('ready')[0]!.body).toMatchObject({
      protocol: 1,
      halted: false,
      haltReason: 'none',
      lastCommandId: 0,
    })

    // Heartbeats every 5 s (the hello reply's heartbeatSeconds, not the configured 15), seq from 1.
    const beats = server.of('heartbeat')
    expect(beats.slice(0, 3).map((h) => [h.body.seq, h.at - T0])).toEqual([
      [1, 0],
      [2, 5_000],
      [3, 10_000],
    ])

    // The entry: a deal report with the execution-quality members (1 point of slippage).
    const deals = server.of('trades').flatMap((t) => t.body.reports)
    const entry = deals.find((d) => d.entry === 'in')
    expect(entry).toMatchObject({
      kind: 'deal',
      type: 'buy',
      reason: 'expert',
      symbol: 'EURUSD',
      magic: '42',
      volume: 0.1,
      slippagePoints: 1,
      retcode: 10009,
      fee: 0,
    })
    expect(entry.requestedPrice).toBeCloseTo(entry.price - 0.00001, 10)
    expect(typeof entry.deal).toBe('string')
    expect(entry.latencyMs).toBeGreaterThanOrEqual(0)
    expect(Number.isInteger(entry.spreadPoints)).toBe(true)
    const withPosition = beats.find((h) => h.body.positions.length > 0)!
    expect(withPosition.body.positions[0]).toMatchObject({
      ticket: entry.position,
      type: 'buy',
      volume: 0.1,
      priceOpen: entry.price,
      timeMsc: entry.timeMsc,
    })

    // close_all: run at the heartbeat that brought it, acked in the same tick, closing deal right after.
    const delivered = beats.find((h) => h.at >= commandSentAt && h.at > withPosition.at)!
    const [ack] = server.of('ack')
    expect(ack).toMatchObject({
      at: delivered.at,
      body: {
        commandId: 1,
        command: 'close_all',
        result: 'done',
        message: '1 position closed; halted',
      },
    })
    const closing = deals.find((d) => d.entry === 'out')
    expect(closing).toMatchObject({
      position: entry.position,
      type: 'sell',
      reason: 'expert',
      timeMsc: delivered.at,
      slippagePoints: 0,
    })
    expect(closing.requestedPrice).toBe(closing.price)
    const after = beats.find((h) => h.at > delivered.at)!
    expect(after.body).toMatchObject({
      positions: [],
      halted: true,
      haltReason: 'close_all',
      lastCommandId: 1,
    })
    expect(deals.filter((d) => d.entry === 'in')).toHaveLength(1) // halted: no new entry
  })

  it('backs off 2, 4 s without an answer, honours Retry-After on 429, retries 404 after 300 s', async () => {
    const clock = { t: T0 }
    const server = fakeServer(clock, (message, _body, n) => {
      if (message !== 'hello') return undefined
      if (n <= 2) return { status: 503, body: { error: { code: 'unavailable', message: 'down' } } }
      if (n === 3)
        return {
          status: 429,
          body: { error: { code: 'rate_limited', message: 'slow down' } },
          headers: { 'retry-after': '7' },
        }
      if (n === 4) return { status: 404, body: { error: { code: 'not_found', message: 'who?' } } }
      return undefined
    })
    await startTerminal(server.app, clock, (c) => c.t > T0 + 320_000)
    expect(server.of('hello').map((h) => (h.at - T0) / 1000)).toEqual([0, 2, 6, 13, 313])
    expect(server.of('ready')[0]!.at - T0).toBe(313_000)
  })

  it('halts on a 403 refusal, tells so in its heartbeats, and lifts it at the next accepted one', async () => {
    const clock = { t: T0 }
    const server = fakeServer(clock, (message, _body, n) =>
      message === 'heartbeat' && n === 2
        ? { status: 403, body: { error: { code: 'account_mismatch', message: 'wrong login' } } }
        : undefined,
    )
    await startTerminal(server.app, clock, (c) => c.t > T0 + 320_000)
    const beats = server.of('heartbeat')
    expect(beats.slice(0, 4).map((h) => [(h.at - T0) / 1000, h.body.haltReason])).toEqual([
      [0, 'none'],
      [5, 'none'],
      [305, 'refused'],
      [310, 'none'],
    ])
    expect(beats[2]!.body.lastError.message).toMatch(
      /^heartbeat: HTTP 403 account_mismatch: wrong login/,
    )
  })

  it('acks a repeated command again instead of running it twice; 409 counts as delivered', async () => {
    const clock = { t: T0 }
    let acks = 0
    const server = fakeServer(clock, (message) => {
      if (message === 'heartbeat')
        return { status: 200, body: { commandId: 4, command: 'halt', heartbeatSeconds: 5 } }
      if (message === 'ack' && ++acks >= 2)
        return { status: 409, body: { error: { code: 'ack_replayed', message: 'again' } } }
      return undefined
    })
    await startTerminal(server.app, clock, (c) => c.t > T0 + 11_000)
    expect(
      server.of('ack').map((a) => [(a.at - T0) / 1000, a.body.commandId, a.body.result]),
    ).toEqual([
      [0, 4, 'done'],
      [5, 4, 'done'],
      [10, 4, 'done'],
    ])
    expect(server.of('heartbeat').at(-1)!.body).toMatchObject({
      halted: true,
      haltReason: 'halt',
      lastCommandId: 4,
    })
  })

  it('ends on 403 deployment_stopped, and on token_revoked once nothing is left to deliver', async () => {
    for (const code of ['deployment_stopped', 'token_revoked']) {
      const clock = { t: T0 }
      const server = fakeServer(clock, (message, _body, n) =>
        message === 'heartbeat' && n === 3
          ? { status: 403, body: { error: { code, message: 'no' } } }
          : undefined,
      )
      const end = await startTerminal(server.app, clock, (c) => c.t > T0 + 60_000)
      expect(end).toBe(code === 'deployment_stopped' ? 'stopped' : 'revoked')
      expect(server.of('heartbeat')).toHaveLength(3)
    }
  })

  it('ends as replaced on 401: the watchdog gave its deployment a new token and a new terminal', async () => {
    const clock = { t: T0 }
    const server = fakeServer(clock, (message, _body, n) =>
      message === 'heartbeat' && n === 2
        ? { status: 401, body: { error: { code: 'unauthorized', message: 'unknown token' } } }
        : undefined,
    )
    const end = await startTerminal(server.app, clock, (c) => c.t > T0 + 60_000)
    expect(end).toBe('replaced')
    expect(server.of('heartbeat')).toHaveLength(2)
  })

  it('sets aside a trades batch the server cannot read', async () => {
    const clock = { t: T0 }
    const server = fakeServer(clock, (message, _body, n) =>
      message === 'trades' && n === 1
        ? { status: 400, body: { error: { code: 'validation_failed', message: 'bad batch' } } }
        : undefined,
    )
    await startTerminal(server.app, clock, (c) => c.t > T0 + 30_000, {}, inAndOut())
    const [first, second] = server.of('trades')
    expect(first!.body.reports[0]).toMatchObject({ kind: 'deal', entry: 'in' })
    expect(second!.body.reports[0].deal).not.toBe(first!.body.reports[0].deal)
    expect(server.of('heartbeat')[1]!.body.lastError.message).toBe(
      '1 trade reports set aside: 400 bad batch',
    )
  })

  it('stops entries after offlineMinutes without a heartbeat (stop_entries), exits go on', async () => {
    const clock = { t: T0 }
    const offline = { from: T0 + 10_000, to: T0 + 5 * 60_000 }
    const server = fakeServer(clock, (message) =>
      message === 'heartbeat' && clock.t >= offline.from && clock.t < offline.to
        ? { status: 503, body: { error: { code: 'down', message: 'down' } } }
        : undefined,
    )
    await startTerminal(
      server.app,
      clock,
      (c) => c.t > T0 + 8 * 60_000,
      { offlineMinutes: 1 },
      inAndOut(),
    )
    const deals = server.of('trades').flatMap((t) => t.body.reports)
    // The last accepted heartbeat was at 5 s: from 65 s on no entry, until one gets through again.
    const blocked = (d: { timeMsc: number }) => d.timeMsc > T0 + 66_000 && d.timeMsc < offline.to
    expect(deals.filter((d) => d.entry === 'in' && blocked(d))).toEqual([])
    expect(deals.filter((d) => d.entry === 'out' && blocked(d)).length).toBeGreaterThan(0)
    expect(
      deals.filter((d) => d.entry === 'in' && d.timeMsc > offline.to + 10_000).length,
    ).toBeGreaterThan(0)
    expect(
      deals.filter((d) => d.entry === 'in' && d.timeMsc < offline.from).length,
    ).toBeGreaterThan(0)
  })
})
