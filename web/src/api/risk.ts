import { request } from './client'

export type DailyLossKind = 'money' | 'percent'

/** An account's limits, as stored. */
export interface GuardrailConfig {
  maxDailyLossKind: DailyLossKind
  /** Account money, or percent (0–100) of the day's starting equity. */
  maxDailyLoss: number
  maxPositions: number
  /** 0–1: the largest |correlation| an entry may have with the symbols already held. */
  maxCorrelation: number
  correlationLookbackDays: number
}

/** The current trading day of an account, as guardrails see it. */
export interface GuardrailDay {
  dayKey: string
  startedAt: string
  startEquity: number | null
  realizedPnl: number
  floatingPnl: number
  /** max(0, −(realized + floating)), in account money. */
  lossUsed: number
  /** The daily loss limit in money (percent limits converted with the start equity). */
  lossLimit: number | null
  /** lossUsed / lossLimit; null while the limit is not known (no start equity yet). */
  usedFraction: number | null
  breached: boolean
  breachedAt: string | null
  breachReason: string | null
}

export interface GuardrailStatus {
  configured: boolean
  config: GuardrailConfig | null
  day: GuardrailDay | null
  warnings: string[]
}

/** A closed or current day of the account (history). */
export interface GuardrailDayHistory extends GuardrailDay {
  id: string
  endedAt: string | null
  /** `schedule` (the day boundary) or `manual` (reset by hand); null for the current day. */
  endedBy: string | null
}

/** Correlations of daily returns between the account's symbols, from the user's datasets. */
export interface CorrelationView {
  lookbackDays: number
  /** The account's limit; null without guardrails. */
  maxCorrelation: number | null
  symbols: string[]
  /** matrix[i][j]: correlation of symbols[i] and symbols[j]; null when unknown. */
  matrix: (number | null)[][]
  /** days[i][j]: the common daily returns behind matrix[i][j]. */
  days: number[][]
  /** Symbols with open positions on the account (from the last heartbeats). */
  openSymbols: { symbol: string; positions: number }[]
  /** Per symbol: its strongest correlation with a held symbol, and whether an entry is refused. */
  exposure: {
    symbol: string
    against: string | null
    correlation: number | null
    blocked: boolean
  }[]
  /** Which dataset each symbol's daily returns came from. */
  datasets: {
    symbol: string
    datasetId: string | null
    name: string | null
    timeframe: string | null
    firstTime: number | null
    lastTime: number | null
  }[]
  warnings: string[]
}

const base = (id: string) => `/trading-accounts/${encodeURIComponent(id)}`

/** The account's guardrails with today's loss against the limit. */
export async function getGuardrails(accountId: string): Promise<GuardrailStatus> {
  return request<GuardrailStatus>('GET', `${base(accountId)}/guardrails`)
}

/** Sets the account's guardrails (the server validates ranges and names the bad field). */
export async function saveGuardrails(
  accountId: string,
  config: GuardrailConfig,
): Promise<GuardrailStatus> {
  return request<GuardrailStatus>('PUT', `${base(accountId)}/guardrails`, config)
}

/** Starts a new account day by hand: lifts daily-loss halts. */
export async function resetGuardrails(accountId: string): Promise<GuardrailStatus> {
  return request<GuardrailStatus>('POST', `${base(accountId)}/guardrails/reset`)
}

/** Earlier days of the account, newest first. */
export async function listGuardrailDays(accountId: string): Promise<GuardrailDayHistory[]> {
  return request<GuardrailDayHistory[]>('GET', `${base(accountId)}/guardrails/days`)
}

/**
 * The correlation matrix the correlation guardrail uses: of `symbols`, or by default of the
 * symbols the account trades or holds (else its catalogue symbols with datasets).
 */
export async function getCorrelation(
  accountId: string,
  symbols?: string[],
): Promise<CorrelationView> {
  const query = symbols?.length ? `?symbols=${encodeURIComponent(symbols.join(','))}` : ''
  return request<CorrelationView>('GET', `${base(accountId)}/correlation${query}`)
}

/** One pull of the kill switch. */
export interface KillSwitch {
  id: string
  state: 'TRIGGERED' | 'RESOLVED'
  reason: string
  closePositions: boolean
  revokeTokens: boolean
  triggeredAt: string
  resolvedAt: string | null
  resolutionNote: string | null
}

export interface KillSwitchStatus {
  state: 'TRIGGERED' | 'RESOLVED' | 'OFF'
  current: KillSwitch | null
  history: KillSwitch[]
}

/** A trigger's or resolve's answer: the new state and the deployments told. */
export interface KillSwitchAction extends KillSwitchStatus {
  affected: { deploymentId: string; commandId: number | null; command: string | null }[]
}

export interface TriggerKillSwitch {
  reason: string
  closePositions: boolean
  revokeTokens: boolean
}

/** Whether the kill switch is pulled now, and its history. */
export async function getKillSwitch(): Promise<KillSwitchStatus> {
  return request<KillSwitchStatus>('GET', '/kill-switch')
}

/** Halts (or flattens and halts) every live deployment of the user; 409 if already triggered. */
export async function triggerKillSwitch(input: TriggerKillSwitch): Promise<KillSwitchAction> {
  return request<KillSwitchAction>('POST', '/kill-switch/trigger', input)
}

/** Lifts the kill switch's halt from deployments whose token was not revoked. */
export async function resolveKillSwitch(note?: string): Promise<KillSwitchAction> {
  return request<KillSwitchAction>('POST', '/kill-switch/resolve', note ? { note } : {})
}
