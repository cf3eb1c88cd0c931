import { compile } from '@tradeloom/compiler'
import type {
  AccountSymbol,
  Db,
  PhaseCheck,
  StrategyVersionRow,
  TradingAccountRow,
} from '@tradeloom/drizzle'
import { activeKillSwitch } from '../kill-switch/state'
import { guardrailStatus } from '../guardrails/enforce'
import { lotRangeCheck, lotStepCheck } from './lots'

/** A live account's terminal counts as live when it reached the server this recently. */
export const TERMINAL_LIVE_MS = 30 * 60_000

/** The order of the preflight checks (contract): the first failed one is the deployment's reason. */
export const PREFLIGHT_CHECKS = [
  'kill_switch',
  'guardrails',
  'compiles',
  'symbol',
  'lot_min_max',
  'lot_step',
  'terminal',
] as const

export interface PreflightInput {
  readonly userId: string
  readonly account: TradingAccountRow
  readonly version: StrategyVersionRow
  readonly symbol: string
  readonly lots: number
  readonly now: Date
}

/**
 * Runs every preflight check, in contract order, each with a message a person can act on. All
 * run even after a failure, so the trader sees everything to fix at once.
 */
export async function runPreflight(db: Db, input: PreflightInput): Promise<PhaseCheck[]> {
  const spec = input.account.symbols.find((s) => s.name === input.symbol)
  return [
    await killSwitchCheck(db, input.userId),
    await guardrailsCheck(db, input.account, input.now),
    compilesCheck(input.version, input.account),
    symbolCheck(input.symbol, spec, input.account),
    lotRangeCheck(input.lots, spec),
    lotStepCheck(input.lots, spec),
    terminalCheck(input.account, input.now),
  ]
}

async function killSwitchCheck(db: Db, userId: string): Promise<PhaseCheck> {
  const active = await activeKillSwitch(db, userId)
  if (active === null) return { check: 'kill_switch', ok: true, message: 'The kill switch is off' }
  return {
    check: 'kill_switch',
    ok: false,
    message: `The kill switch is on since ${active.triggeredAt.toISOString()} ("${active.reason}"): resolve it before deploying`,
  }
}

async function guardrailsCheck(db: Db, account: TradingAccountRow, now: Date): Promise<PhaseCheck> {
  const status = await guardrailStatus(db, account, now)
  if (!status.configured) {
    return {
      check: 'guardrails',
      ok: false,
      message: `Account "${account.name}" has no guardrails: set its maximum daily loss, positions and correlation before deploying`,
    }
  }
  if (status.day?.breached) {
    const why = status.day.breachReason === null ? '' : ` (${status.day.breachReason})`
    return {
      check: 'guardrails',
      ok: false,
      message: `Account "${account.name}" breached its daily loss limit today${why}: deployments are blocked until its day resets at midnight ${account.dayTimeZone}, or until you reset the day by hand`,
    }
  }
  const day = status.day
  const used =
    day === null || day.lossLimit === null
      ? ''
      : `; today's loss ${day.lossUsed} of ${day.lossLimit} ${account.currency}`
  return { check: 'guardrails', ok: true, message: `Guardrails are set and not breached${used}` }
}

/** How many compiler errors the message lists before "and N more". */
const ERRORS_SHOWN = 3

function compilesCheck(version: StrategyVersionRow, account: TradingAccountRow): PhaseCheck {
  const check = 'compiles'
  if (version.kind === 'code' || version.graph === null) {
    if (account.kind === 'paper') {
      return {
        check,
        ok: true,
        message: `Version ${version.version} is TypeScript code: the paper terminal runs it as saved`,
      }
    }
    return {
      check,
      ok: false,
      message: `Version ${version.version} is TypeScript code, which has no MQL5 EA (only graph strategies compile to MQL5): deploy it to a paper account, or build the strategy as a graph`,
    }
  }
  // Versions compiled when saved; compiling again catches a compiler that no longer accepts them.
  const result = compile(version.graph)
  if (result.ok) {
    const warnings = result.diagnostics.length
    return {
      check,
      ok: true,
      message: `Version ${version.version} compiles${warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}`,
    }
  }
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  const shown = errors.slice(0, ERRORS_SHOWN).map((d) => d.message)
  const more = errors.length > ERRORS_SHOWN ? ` (and ${errors.length - ERRORS_SHOWN} more)` : ''
  return {
    check,
    ok: false,
    message: `Version ${version.version} does not compile: ${shown.join('; ')}${more}. Fix the graph in the editor and save a new version`,
  }
}

function symbolCheck(
  symbol: string,
  spec: AccountSymbol | undefined,
  account: TradingAccountRow,
): PhaseCheck {
  if (spec !== undefined) {
    return {
      check: 'symbol',
      ok: true,
      message: `${symbol} is in the catalogue of "${account.name}"`,
    }
  }
  return {
    check: 'symbol',
    ok: false,
    message: `${symbol} is not in the symbol catalogue of account "${account.name}": add it on the account page (or import your Market Watch with the TradeloomSymbolExport script)`,
  }
}

function terminalCheck(account: TradingAccountRow, now: Date): PhaseCheck {
  if (account.kind === 'paper') {
    return {
      check: 'terminal',
      ok: true,
      message: 'Paper account: the paper terminal starts with the deployment',
    }
  }
  const seen = account.terminalSeenAt
  if (seen !== null && now.getTime() - seen.getTime() <= TERMINAL_LIVE_MS) {
    return {
      check: 'terminal',
      ok: true,
      message: `A terminal on login ${account.login} reached the server at ${seen.toISOString()}`,
    }
  }
  const last = seen === null ? 'never' : `last at ${seen.toISOString()}`
  return {
    check: 'terminal',
    ok: false,
    message: `No MetaTrader terminal on login ${account.login} has reached the server in the last 30 minutes (${last}): run the TradeloomConnect script from the account page in that terminal, then deploy again`,
  }
}
