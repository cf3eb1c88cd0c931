import { performance } from 'node:perf_hooks'
import type { LiveDeal, LiveSnapshot, SymbolSpec } from '@tradeloom/runtime'
import { Backoff } from './backoff'
import { EntryBlock } from './entry-block'
import type { BarFeed } from './feed'
import { heartbeatBody, helloBody, readyBody } from './messages'
import type { AckBody, HelloFacts, TerminalStatus } from './messages'
import type { ProtocolClient, ProtocolMessage, ProtocolOutcome } from './protocol-client'
import { dealReport, rejectedReport } from './reports'
import type { TradeReport } from './reports'
import { PaperSessionError } from './session-host'
import type { PaperSession } from './session-host'

/** Why a terminal ended. */
export type TerminalEnd =
  /** 403 `deployment_stopped`: the deployment is over. */
  | 'stopped'
  /** 403 `token_revoked` with nothing left to deliver (ack, trade reports). */
  | 'revoked'
  /** The job was cancelled or the worker is stopping. */
  | 'aborted'
  /** Ran `maxRunMs`: a fresh attempt takes over (see run-paper-terminal.ts). */
  | 'handover'
  /**
   * 401: the token this terminal was started with is no longer the deployment's, because the
   * watchdog restarted the terminal with a new one (paper/restart.ts). Unlike an EA, which a person
   * must fix, a paper terminal was replaced: it ends, so two never trade one deployment.
   */
  | 'replaced'

export interface TerminalOptions {
  readonly client: ProtocolClient
  readonly session: PaperSession
  readonly feed: BarFeed
  readonly symbol: SymbolSpec
  readonly hello: HelloFacts
  /** The deployment's lots (for rejected reports; the session sizes entries itself). */
  readonly lots: number
  readonly heartbeatSeconds: number
  readonly offlinePolicy: 'stop_entries' | 'keep_trading'
  readonly offlineMinutes: number
  /** Makes rejected-report keys unique per terminal run. */
  readonly runKey: string
  readonly signal: AbortSignal
  /** Wall clock, ms. */
  readonly now?: () => number
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  /** The EA's timer period (protocol §4: every second). */
  readonly tickMs?: number
  /** End with `handover` after this long. */
  readonly maxRunMs?: number
  readonly log?: (line: string) => void
}

const MAX_REPORTS_PER_BATCH = 50
const MIN_HEARTBEAT_SECONDS = 5
const MAX_HEARTBEAT_SECONDS = 300

/**
 * A MetaTrader terminal with the deployed EA attached, simulated: bars arrive from the feed and
 * run through the strategy's live session; every timer tick speaks the EA control protocol to the
 * server in the protocol's order (hello until accepted, ready until accepted, a pending ack, the
 * heartbeat when due with the ack of the command it brought, one batch of trade reports), stopping
 * at the first failure and backing off as §3 says; commands halt, close all, resume.
 */
export async function runTerminal(options: TerminalOptions): Promise<TerminalEnd> {
  return new PaperTerminal(options).run()
}

class PaperTerminal {
  private readonly now: () => number
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>
  private readonly tickMs: number
  private readonly log: (line: string) => void
  private readonly backoff = new Backoff()
  private readonly outbox: TradeReport[] = []
  /** Position ticket → wall-clock ms it opened at (heartbeats report it). */
  private readonly openedAt = new Map<number, number>()
  private helloAccepted = false
  private readyAccepted = false
  private seq = 0
  private heartbeatSeconds: number
  private heartbeatDueAt = 0
  private retryAt = 0
  private lastCommandId = 0
  private pendingAck: AckBody | null = null
  private lastAck: AckBody | null = null
  /** The strategy failed: no more bars; commands still run. */
  private sessionBroken = false
  private feedDone = false
  private lastError: { message: string; timeGmt: number } | null = null
  private lastHeartbeatOkAt: number
  private unauthorizedLogged = false
  private rejectedSeq = 0
  private end: TerminalEnd | null = null
  private readonly block: EntryBlock
  private lastSnapshot: LiveSnapshot | null = null

  constructor(private readonly o: TerminalOptions) {
    this.now = o.now ?? Date.now
    this.sleep = o.sleep ?? abortableSleep
    this.tickMs = o.tickMs ?? 1000
    this.log = o.log ?? (() => undefined)
    this.heartbeatSeconds = clampHeartbeat(o.heartbeatSeconds)
    this.lastHeartbeatOkAt = this.now()
    this.block = new EntryBlock(o.session, o.offlineMinutes, (message) => this.error(message))
  }

  async run(): Promise<TerminalEnd> {
    const startedAt = this.now()
    let nextTickAt = startedAt
    let nextBarAt = Number.POSITIVE_INFINITY
    for (;;) {
      if (this.o.signal.aborted) return 'aborted'
      if (this.o.maxRunMs !== undefined && this.now() - startedAt >= this.o.maxRunMs)
        return 'handover'
      let t = this.now()
      if (this.trading() && nextBarAt === Number.POSITIVE_INFINITY)
        nextBarAt = t + this.o.feed.intervalMs
      if (this.trading() && t >= nextBarAt) {
        await this.processBar()
        nextBarAt += this.o.feed.intervalMs
        // After a stall (a slow strategy, a paused machine), go on at the pace, not in a burst.
        if (nextBarAt < t - 10 * this.o.feed.intervalMs) nextBarAt = t + this.o.feed.intervalMs
      }
      t = this.now()
      if (t >= nextTickAt) {
        await this.tick()
        if (this.end !== null) return this.end
        nextTickAt = t + this.tickMs
      }
      const wake = Math.min(nextTickAt, this.trading() ? nextBarAt : Number.POSITIVE_INFINITY)
      const wait = wake - this.now()
      if (wait > 0) await this.sleep(wait, this.o.signal)
    }
  }

  /** Bars flow once the server accepted the terminal (hello and ready) and while there are any. */
  private trading(): boolean {
    return this.readyAccepted && !this.feedDone && !this.sessionBroken
  }

  private async processBar(): Promise<void> {
    const bar = this.o.feed.next()
    if (bar === null) {
      this.feedDone = true
      this.error(`The feed (${this.o.feed.description}) has no more bars; positions stay open`)
      return
    }
    const started = performance.now()
    let step
    try {
      step = await this.o.session.pushBar(bar)
    } catch (error) {
      if (!(error instanceof PaperSessionError)) throw error
      this.sessionBroken = true
      this.error(
        `The strategy failed on the bar of ${isoSeconds(bar.time)}: ${error.message}. No more bars are run; commands still are`,
      )
      return
    }
    const latencyMs = performance.now() - started
    this.queueDeals(step.deals, latencyMs)
    for (const refused of step.refused) {
      this.outbox.push(
        rejectedReport(refused, {
          symbol: this.o.symbol,
          magic: this.o.hello.magic,
          timeMsc: this.now(),
          latencyMs,
          key: `${this.o.runKey}-${++this.rejectedSeq}`,
          volume: this.o.lots,
          spreadPoints: bar.spread > 0 ? bar.spread : this.o.symbol.typicalSpread,
        }),
      )
    }
    if (step.depleted)
      this.error('Equity fell to zero: every position was closed and trading stopped')
  }

  private queueDeals(deals: readonly LiveDeal[], latencyMs: number): void {
    const timeMsc = this.now()
    for (const deal of deals) {
      if (deal.entry === 'in' && !this.openedAt.has(deal.position))
        this.openedAt.set(deal.position, timeMsc)
      if (deal.entry === 'out') this.openedAt.delete(deal.position)
      this.outbox.push(
        dealReport(deal, { symbol: this.o.symbol, magic: this.o.hello.magic, timeMsc, latencyMs }),
      )
    }
  }

  /** One timer tick: the protocol's messages in order, stopping at the first failure. */
  private async tick(): Promise<void> {
    await this.updateOfflinePolicy()
    if (this.now() < this.retryAt) return
    if (!this.helloAccepted) {
      const reply = await this.send('hello', helloBody(this.o.hello, this.now()))
      if (reply === null) return
      this.helloAccepted = true
      this.seq = 0
      this.takeHeartbeatSeconds(reply.body)
      await this.liftRefusal()
    }
    if (!this.readyAccepted) {
      const reply = await this.send('ready', readyBody(this.status(), this.now()))
      if (reply === null) return
      this.readyAccepted = true
      this.heartbeatDueAt = this.now() // the first heartbeat follows in the same tick
    }
    if (this.pendingAck !== null && !(await this.sendAck())) return
    if (this.now() >= this.heartbeatDueAt) {
      const snapshot = await this.snapshot()
      const body = heartbeatBody(++this.seq, snapshot, this.status(), this.openedAt, this.now())
      const reply = await this.send('heartbeat', body)
      if (reply === null) return
      this.lastHeartbeatOkAt = this.now()
      this.heartbeatDueAt = this.now() + this.heartbeatSeconds * 1000
      this.takeHeartbeatSeconds(reply.body)
      await this.updateOfflinePolicy()
      await this.liftRefusal()
      await this.obey(reply.body)
      if (this.pendingAck !== null && !(await this.sendAck())) return
    }
    if (this.outbox.length > 0) await this.sendTrades()
  }

  /** Runs the command a heartbeat reply carries, unless it ran already (then its ack goes again). */
  private async obey(reply: Record<string, unknown>): Promise<void> {
    const id = reply.commandId
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return
    const command = typeof reply.command === 'string' ? reply.command : ''
    if (id <= this.lastCommandId) {
      // A repeat: the server has not recorded our ack. Send it again instead of running it.
      if (id === this.lastCommandId && this.lastAck !== null) this.pendingAck = this.lastAck
      return
    }
    const { result, message } = await this.execute(command)
    this.lastCommandId = id
    this.lastAck = {
      commandId: id,
      command,
      result,
      message,
      timeGmt: Math.floor(this.now() / 1000),
    }
    this.pendingAck = this.lastAck
    this.log(`command ${id} ${command}: ${result} (${message})`)
  }

  private async execute(command: string): Promise<{ result: 'done' | 'failed'; message: string }> {
    switch (command) {
      case 'run':
        return { result: 'done', message: 'nothing to do' }
      case 'halt':
        await this.block.set({ command: 'halt' })
        return { result: 'done', message: 'halted: no new entries' }
      case 'close_all': {
        await this.block.set({ command: 'close_all' })
        const started = performance.now()
        try {
          const deals = await this.o.session.closeAll(this.now())
          this.queueDeals(deals, performance.now() - started)
          const left = (await this.o.session.snapshot()).positions.length
          if (left > 0) return { result: 'failed', message: `${left} positions still open; halted` }
          return { result: 'done', message: `${closedPositionsText(deals.length)}; halted` }
        } catch (error) {
          return {
            result: 'failed',
            message: `close_all failed: ${(error as Error).message}; halted`,
          }
        }
      }
      case 'resume': {
        await this.block.set({ command: 'none' })
        if ((await this.snapshot()).depleted) {
          return {
            result: 'failed',
            message: 'equity was depleted: the session cannot trade again',
          }
        }
        const still = this.block.reason()
        if (still !== null) {
          return { result: 'done', message: `resumed, but entries stay blocked: ${still}` }
        }
        return { result: 'done', message: 'resumed' }
      }
      default:
        return { result: 'failed', message: `unknown command "${command}"` }
    }
  }

  /** Sends the pending ack; true when the tick may go on. */
  private async sendAck(): Promise<boolean> {
    const ack = this.pendingAck!
    const outcome = await this.o.client.send('ack', ack)
    if (outcome.ok || outcome.status === 409 || outcome.status === 400) {
      // 409: recorded before (counts as delivered); 400: an id the server never issued.
      if (outcome.ok) this.backoff.reset()
      else this.log(`ack ${ack.commandId}: ${outcome.status} ${outcome.message}`)
      this.pendingAck = null
      return true
    }
    await this.failed('ack', outcome)
    return false
  }

  private async sendTrades(): Promise<void> {
    const batch = this.outbox.slice(0, MAX_REPORTS_PER_BATCH)
    const outcome = await this.o.client.send('trades', { reports: batch })
    if (outcome.ok) {
      this.backoff.reset()
      this.outbox.splice(0, batch.length)
      const rejected = outcome.body.rejected
      if (Array.isArray(rejected) && rejected.length > 0) {
        this.log(`trades: the server skipped ${JSON.stringify(rejected)}`)
      }
      return
    }
    if (outcome.status === 400 || outcome.status === 413 || outcome.status === 422) {
      // A batch the server cannot read at all is set aside so it cannot block the outbox.
      this.outbox.splice(0, batch.length)
      this.error(`${batch.length} trade reports set aside: ${outcome.status} ${outcome.message}`)
      return
    }
    await this.failed('trades', outcome)
  }

  /** Sends one message; its reply on success, null after handling the failure. */
  private async send(
    message: ProtocolMessage,
    body: object,
  ): Promise<Extract<ProtocolOutcome, { ok: true }> | null> {
    const outcome = await this.o.client.send(message, body)
    if (outcome.ok) {
      this.backoff.reset()
      return outcome
    }
    await this.failed(message, outcome)
    return null
  }

  private async failed(
    message: ProtocolMessage,
    outcome: Extract<ProtocolOutcome, { ok: false }>,
  ): Promise<void> {
    const status = outcome.status === null ? 'no answer' : `HTTP ${outcome.status}`
    const code = outcome.code === null ? '' : ` ${outcome.code}`
    this.error(`${message}: ${status}${code}: ${outcome.message}`)
    if (outcome.status === 403) {
      if (outcome.code === 'deployment_stopped') {
        this.end = 'stopped'
        return
      }
      if (
        outcome.code === 'token_revoked' &&
        this.pendingAck === null &&
        this.outbox.length === 0
      ) {
        this.end = 'revoked'
        return
      }
      await this.block.set({ refused: true })
    }
    if (outcome.status === 401) {
      this.end = 'replaced'
      return
    }
    if (outcome.status === 404 && !this.unauthorizedLogged) {
      this.unauthorizedLogged = true
      this.log(`${message} refused (${status}): retrying every 300 s`)
    }
    this.retryAt = this.now() + this.backoff.delayAfter(outcome) * 1000
  }

  /** An accepted hello or heartbeat lifts a refusal halt (§3). */
  private async liftRefusal(): Promise<void> {
    if (this.block.isRefused) await this.block.set({ refused: false })
  }

  /**
   * Offline (no accepted heartbeat for `offlineMinutes`, counted from the start until the first):
   * `stop_entries` blocks entries until a heartbeat gets through; `keep_trading` trades on.
   */
  private async updateOfflinePolicy(): Promise<void> {
    const offline = this.now() - this.lastHeartbeatOkAt > this.o.offlineMinutes * 60_000
    const blocked = offline && this.o.offlinePolicy === 'stop_entries'
    if (blocked === this.block.isOffline) return
    this.log(
      blocked
        ? `offline for ${this.o.offlineMinutes} min: entries stopped`
        : 'online again: entries allowed',
    )
    await this.block.set({ offline: blocked })
  }

  private status(): TerminalStatus {
    const haltReason = this.block.haltReason()
    return {
      halted: haltReason !== 'none',
      haltReason,
      lastCommandId: this.lastCommandId,
      outboxSize: this.outbox.length,
      lastError: this.lastError,
    }
  }

  /**
   * The session's state now; the last one known when the session failed (heartbeats go on, and
   * their lastError says why nothing moves).
   */
  private async snapshot(): Promise<LiveSnapshot> {
    try {
      this.lastSnapshot = await this.o.session.snapshot()
    } catch (error) {
      if (!(error instanceof PaperSessionError) || this.lastSnapshot === null) throw error
    }
    return this.lastSnapshot
  }

  private takeHeartbeatSeconds(body: Record<string, unknown>): void {
    if (typeof body.heartbeatSeconds === 'number') {
      this.heartbeatSeconds = clampHeartbeat(body.heartbeatSeconds)
    }
  }

  private error(message: string): void {
    this.lastError = { message, timeGmt: Math.floor(this.now() / 1000) }
    this.log(message)
  }
}

function clampHeartbeat(seconds: number): number {
  if (!Number.isFinite(seconds)) return 15
  return Math.min(MAX_HEARTBEAT_SECONDS, Math.max(MIN_HEARTBEAT_SECONDS, Math.round(seconds)))
}

function isoSeconds(time: number): string {
  return new Date(time * 1000).toISOString().replace('.000Z', 'Z')
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve()
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}

/** "1 position closed", "2 positions closed", "no position to close". */
function closedPositionsText(count: number): string {
  if (count === 0) return 'no position to close'
  return `${count} position${count === 1 ? '' : 's'} closed`
}
