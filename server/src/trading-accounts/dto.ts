import { MARGIN_MODES, TRADING_ACCOUNT_KINDS } from '@tradeloom/drizzle'
import type { AccountSymbol, TradingAccountRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const accountSymbolSchema = z.object({
  name: z.string(),
  description: z.string(),
  digits: z.number().int(),
  point: z.number(),
  pipSize: z.number(),
  tickSize: z.number(),
  tickValue: z.number(),
  contractSize: z.number(),
  volumeMin: z.number(),
  volumeMax: z.number(),
  volumeStep: z.number(),
  typicalSpread: z.number(),
  stopsLevel: z.number(),
})

export const tradingAccountDtoSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(TRADING_ACCOUNT_KINDS),
  broker: z.string(),
  server: z.string(),
  login: z.string().describe('decimal digits (MT5 logins are 64-bit)'),
  marginMode: z.enum(MARGIN_MODES),
  currency: z.string(),
  dayTimeZone: z.string().describe('IANA zone whose midnight starts the trading day'),
  initialBalance: z.number(),
  symbols: z.array(accountSymbolSchema),
  terminalSeenAt: z.string().nullable(),
  terminalLive: z
    .boolean()
    .describe('paper, or a terminal of this account reached the server in the last 30 minutes'),
  createdAt: z.string(),
  updatedAt: z.string(),
})

/** A trading account as the API returns it. */
export type TradingAccountDto = z.infer<typeof tradingAccountDtoSchema>

/** A terminal that reached the server this recently counts as live (preflight's `terminal`). */
export const TERMINAL_LIVE_MS = 30 * 60 * 1000

/** True for a paper account, or when a terminal of the account was seen within 30 minutes. */
export function isTerminalLive(
  account: Pick<TradingAccountRow, 'kind' | 'terminalSeenAt'>,
  now: Date,
): boolean {
  if (account.kind === 'paper') return true
  return (
    account.terminalSeenAt !== null &&
    now.getTime() - account.terminalSeenAt.getTime() <= TERMINAL_LIVE_MS
  )
}

export function toTradingAccountDto(row: TradingAccountRow, now: Date): TradingAccountDto {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    broker: row.broker,
    server: row.server,
    login: row.login,
    marginMode: row.marginMode,
    currency: row.currency,
    dayTimeZone: row.dayTimeZone,
    initialBalance: row.initialBalance,
    symbols: sortSymbols(row.symbols),
    terminalSeenAt: row.terminalSeenAt?.toISOString() ?? null,
    terminalLive: isTerminalLive(row, now),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }
}

/** The catalogue in name order, as it is shown and stored. */
export function sortSymbols(symbols: readonly AccountSymbol[]): AccountSymbol[] {
  return [...symbols].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}
