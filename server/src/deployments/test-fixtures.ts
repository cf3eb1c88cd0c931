import { eq } from 'drizzle-orm'
import { guardrails, tradingAccounts } from '@tradeloom/drizzle'
import type { AccountSymbol, Db } from '@tradeloom/drizzle'
import { SYMBOLS } from '@tradeloom/runtime'
import { smaCrossGraph } from '../test-support/graphs'
import type { Agent, JsonResponse, TestServer } from '../test-support/test-server'

/**
 * Test support for deployments and the EA protocol: a user's strategy with a graph and a code
 * version, a live and a paper account (with guardrails and the built-in symbol catalogue), and
 * an EA simulated with plain HTTP requests through the app.
 */

export const LIVE_LOGIN = '51234567'

export const CODE_STRATEGY = `export const defaultParams = {}
export function createStrategy() {
  return { warmupBars: 0, onBar(ctx) { if (ctx.index === 5) ctx.enterLong() } }
}
`

export interface DeployFixture {
  readonly strategyId: string
  readonly graphVersionId: string
  readonly codeVersionId: string
  readonly liveAccountId: string
  readonly paperAccountId: string
}

export function dbOf(server: TestServer): Db {
  return server.services.database.db
}

/** The runtime's built-in symbols as an account catalogue. */
export function builtInSymbols(): AccountSymbol[] {
  return Object.values(SYMBOLS).map((spec) => ({ ...spec }))
}

/** Inserts a trading account (live accounts with a terminal seen just now) and its guardrails. */
export async function insertAccount(
  db: Db,
  userId: string,
  kind: 'live' | 'paper',
  options: { terminalSeenAt?: Date | null; guardrails?: boolean; name?: string } = {},
): Promise<string> {
  const [account] = await db
    .insert(tradingAccounts)
    .values({
      userId,
      name: options.name ?? (kind === 'live' ? 'Live demo' : 'Paper'),
      kind,
      broker: kind === 'live' ? 'Broker Ltd' : 'Tradeloom Paper',
      server: kind === 'live' ? 'Broker-Demo' : 'Tradeloom-Paper',
      login: kind === 'live' ? LIVE_LOGIN : '10000001',
      marginMode: 'hedging',
      currency: 'USD',
      symbols: builtInSymbols(),
      terminalSeenAt:
        options.terminalSeenAt === undefined
          ? kind === 'live'
            ? new Date()
            : null
          : options.terminalSeenAt,
    })
    .returning({ id: tradingAccounts.id })
  if (options.guardrails !== false) {
    await db.insert(guardrails).values({
      accountId: account!.id,
      userId,
      maxDailyLossKind: 'money',
      maxDailyLoss: 500,
      maxPositions: 10,
      // 1 disables the correlation guard: these tests have no data sets to correlate.
      maxCorrelation: 1,
    })
  }
  return account!.id
}

/** A strategy with a graph version (SMA cross) and a code version, and both kinds of account. */
export async function seedDeployFixture(
  server: TestServer,
  agent: Agent = server,
): Promise<DeployFixture> {
  const strategy = await agent.call('POST', '/api/strategies', { name: 'SMA cross live' })
  const strategyId = strategy.body.id as string
  const graph = await agent.call('POST', `/api/strategies/${strategyId}/versions`, {
    graph: smaCrossGraph(),
  })
  const code = await agent.call('POST', `/api/strategies/${strategyId}/versions`, {
    code: CODE_STRATEGY,
  })
  if (graph.status !== 201 || code.status !== 201) {
    throw new Error(`Saving versions failed: ${JSON.stringify([graph.body, code.body])}`)
  }
  const db = dbOf(server)
  return {
    strategyId,
    graphVersionId: graph.body.id,
    codeVersionId: code.body.id,
    liveAccountId: await insertAccount(db, agent.user.id, 'live'),
    paperAccountId: await insertAccount(db, agent.user.id, 'paper'),
  }
}

/** The token baked into a generated EA (`TL_DEPLOYMENT_TOKEN`). */
export function tokenOf(eaSource: string): string {
  const match = /TL_DEPLOYMENT_TOKEN\s*=\s*"([A-Za-z0-9_-]+)"/.exec(eaSource)
  if (match === null) throw new Error('The EA source holds no TL_DEPLOYMENT_TOKEN')
  return match[1]!
}

/** Deploys the fixture's graph version to its live account and returns the answer and token. */
/** `POST /api/deployments` of the fixture's graph version to its live account, EURUSD 0.1 lots. */
export function postDeployment(
  agent: Agent,
  fixture: DeployFixture,
  overrides: Record<string, unknown> = {},
): Promise<JsonResponse> {
  return agent.call('POST', '/api/deployments', {
    versionId: fixture.graphVersionId,
    accountId: fixture.liveAccountId,
    symbol: 'EURUSD',
    lots: 0.1,
    ...overrides,
  })
}

export async function deployLive(
  agent: Agent,
  fixture: DeployFixture,
  overrides: Record<string, unknown> = {},
): Promise<{ deployment: JsonResponse['body']; token: string }> {
  const response = await postDeployment(agent, fixture, overrides)
  if (response.status !== 201 || response.body.status !== 'AWAITING_EA') {
    throw new Error(`Deploying failed: ${response.status} ${JSON.stringify(response.body)}`)
  }
  return { deployment: response.body, token: tokenOf(response.body.ea.source) }
}

export interface EaResponse extends JsonResponse {
  readonly headers: Headers
}

/** An EA speaking protocol v1 through the app, with one deployment's id and token. */
export class FakeEa {
  private seq = 0

  constructor(
    private readonly server: TestServer,
    readonly deploymentId: string,
    readonly token: string,
    readonly codeHash: string,
  ) {}

  async post(
    message: string,
    body: unknown,
    token: string | null = this.token,
  ): Promise<EaResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (token !== null) headers.authorization = `Bearer ${token}`
    const response = await this.server.anonymous(
      `/api/ea/v1/deployments/${this.deploymentId}/${message}`,
      { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
    )
    const text = await response.text()
    return {
      status: response.status,
      body: text === '' ? null : JSON.parse(text),
      headers: response.headers,
    }
  }

  hello(overrides: Record<string, unknown> = {}) {
    this.seq = 0
    return this.post('hello', {
      protocol: 1,
      deploymentId: this.deploymentId,
      login: LIVE_LOGIN,
      server: 'Broker-Demo',
      company: 'Broker Ltd',
      currency: 'USD',
      accountType: 'demo',
      marginMode: 'hedging',
      terminalBuild: 4755,
      tradeAllowed: { terminal: true, program: true, account: true, expert: true },
      symbol: 'EURUSD',
      timeframe: 'H1',
      magic: '149838660',
      program: 'strategy',
      codeHash: this.codeHash,
      contentHash: 'c'.repeat(64),
      compilerVersion: '0.1.0',
      timeGmt: 1_767_225_600,
      serverTime: 1_767_232_800,
      somethingNewer: { ignored: true },
      ...overrides,
    })
  }

  ready() {
    return this.post('ready', {
      protocol: 1,
      halted: false,
      haltReason: 'none',
      lastCommandId: 0,
      outboxSize: 0,
      tradeAllowed: { terminal: true, program: true, account: true, expert: true },
      timeGmt: 1_767_225_601,
    })
  }

  heartbeat(overrides: Record<string, unknown> = {}) {
    this.seq += 1
    return this.post('heartbeat', {
      seq: this.seq,
      serverTime: 1_767_232_810,
      timeGmt: 1_767_225_610,
      equity: 10_000,
      balance: 10_000,
      margin: 0,
      freeMargin: 10_000,
      positions: [],
      lastBarTime: 1_767_229_200,
      halted: false,
      haltReason: 'none',
      dailyLossBreached: false,
      tradeAllowed: true,
      lastError: null,
      outboxSize: 0,
      lastCommandId: 0,
      ...overrides,
    })
  }

  ack(commandId: number, result: 'done' | 'failed' = 'done', command?: string) {
    return this.post('ack', {
      commandId,
      ...(command !== undefined && { command }),
      result,
      message: result === 'done' ? 'done' : 'could not close',
      timeGmt: 1_767_225_620,
    })
  }

  trades(reports: unknown[]) {
    return this.post('trades', { reports })
  }

  /** hello, ready and a first heartbeat: the deployment is then ACTIVE. */
  async connect(): Promise<void> {
    for (const step of [() => this.hello(), () => this.ready(), () => this.heartbeat()]) {
      const response = await step()
      if (response.status !== 200) {
        throw new Error(`EA connect failed: ${response.status} ${JSON.stringify(response.body)}`)
      }
    }
  }
}

/** A deal report as protocol §5 describes it. */
export function dealReport(deal: string, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'deal',
    deal,
    order: String(Number(deal) + 1000),
    position: '90001',
    timeMsc: 1_767_229_200_123 + Number(deal),
    symbol: 'EURUSD',
    magic: '149838660',
    type: 'buy',
    entry: 'in',
    reason: 'expert',
    volume: 0.1,
    price: 1.08512,
    requestedPrice: 1.0851,
    slippagePoints: 2,
    spreadPoints: 12,
    latencyMs: 84.5,
    retcode: 10009,
    profit: 0,
    commission: -0.7,
    swap: 0,
    fee: 0,
    comment: '',
    ...overrides,
  }
}

/** Sets a live account's terminal as never seen, for the preflight's terminal check. */
export async function forgetTerminal(db: Db, accountId: string): Promise<void> {
  await db
    .update(tradingAccounts)
    .set({ terminalSeenAt: null })
    .where(eq(tradingAccounts.id, accountId))
}
