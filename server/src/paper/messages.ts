import type { LiveSnapshot } from '@tradeloom/runtime'

/** The account and code facts a paper terminal's hello carries (docs/ea-protocol.md §5). */
export interface HelloFacts {
  readonly deploymentId: string
  readonly login: string
  readonly server: string
  readonly company: string
  readonly currency: string
  readonly marginMode: 'netting' | 'hedging'
  readonly symbol: string
  readonly timeframe: string
  readonly magic: string
  readonly program: string
  readonly codeHash: string
  readonly contentHash: string
  readonly compilerVersion: string
}

export type HaltReason = 'none' | 'halt' | 'close_all' | 'refused'

/** A paper terminal may always trade: there is no AutoTrading button to switch off. */
const TRADE_ALLOWED = { terminal: true, program: true, account: true, expert: true } as const
/** No MetaTrader build runs a paper terminal. */
const PAPER_TERMINAL_BUILD = 0

/** The paper terminal's clock is UTC and serves as its trade server's clock too. */
function seconds(nowMs: number): number {
  return Math.floor(nowMs / 1000)
}

export function helloBody(facts: HelloFacts, nowMs: number): object {
  return {
    protocol: 1,
    ...facts,
    accountType: 'demo',
    terminalBuild: PAPER_TERMINAL_BUILD,
    tradeAllowed: TRADE_ALLOWED,
    timeGmt: seconds(nowMs),
    serverTime: seconds(nowMs),
  }
}

export interface TerminalStatus {
  readonly halted: boolean
  readonly haltReason: HaltReason
  readonly lastCommandId: number
  readonly outboxSize: number
  readonly lastError: { readonly message: string; readonly timeGmt: number } | null
}

export function readyBody(status: TerminalStatus, nowMs: number): object {
  return {
    protocol: 1,
    halted: status.halted,
    haltReason: status.haltReason,
    lastCommandId: status.lastCommandId,
    outboxSize: status.outboxSize,
    tradeAllowed: TRADE_ALLOWED,
    timeGmt: seconds(nowMs),
  }
}

/**
 * A heartbeat from the session's snapshot. There is no margin model (runtime README), so margin
 * is 0 and free margin the equity; positions carry the wall-clock time they opened at when known.
 */
export function heartbeatBody(
  seq: number,
  snapshot: LiveSnapshot,
  status: TerminalStatus,
  openedAt: ReadonlyMap<number, number>,
  nowMs: number,
): object {
  return {
    seq,
    serverTime: seconds(nowMs),
    timeGmt: seconds(nowMs),
    equity: snapshot.equity,
    balance: snapshot.balance,
    margin: 0,
    freeMargin: snapshot.equity,
    positions: snapshot.positions.map((p) => ({
      ticket: String(p.ticket),
      type: p.type,
      volume: p.volume,
      priceOpen: p.priceOpen,
      sl: p.sl,
      tp: p.tp,
      profit: p.profit,
      swap: p.swap,
      timeMsc: openedAt.get(p.ticket) ?? p.timeMsc,
    })),
    lastBarTime: snapshot.lastBarTime,
    halted: status.halted,
    haltReason: status.haltReason,
    dailyLossBreached: false,
    tradeAllowed: true,
    lastError: status.lastError,
    outboxSize: status.outboxSize,
    lastCommandId: status.lastCommandId,
  }
}

export interface AckBody {
  readonly commandId: number
  readonly command: string
  readonly result: 'done' | 'failed'
  readonly message: string
  readonly timeGmt: number
}
