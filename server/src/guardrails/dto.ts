import { DAILY_LOSS_KINDS } from '@tradeloom/drizzle'
import type { AccountDayRow, GuardrailsRow } from '@tradeloom/drizzle'
import { z } from 'zod'

export const guardrailConfigSchema = z.object({
  maxDailyLossKind: z.enum(DAILY_LOSS_KINDS),
  maxDailyLoss: z.number(),
  maxPositions: z.number().int(),
  maxCorrelation: z.number(),
  correlationLookbackDays: z.number().int(),
})

export const accountDaySchema = z.object({
  dayKey: z.string(),
  startedAt: z.string(),
  /** Null until a heartbeat (or the paper balance) tells the day's starting equity. */
  startEquity: z.number().nullable(),
  realizedPnl: z.number(),
  floatingPnl: z.number(),
  /** max(0, −(realizedPnl + floatingPnl)), in account money. */
  lossUsed: z.number(),
  /** The limit in account money; null for a percent limit while startEquity is unknown. */
  lossLimit: z.number().nullable(),
  /** lossUsed / lossLimit (0–1 and beyond), null with lossLimit. */
  usedFraction: z.number().nullable(),
  breached: z.boolean(),
  breachedAt: z.string().nullable(),
  breachReason: z.string().nullable(),
})

export const guardrailStatusSchema = z.object({
  configured: z.boolean(),
  config: guardrailConfigSchema.nullable(),
  day: accountDaySchema.nullable(),
  warnings: z.array(z.string()),
})

export const accountDayHistorySchema = accountDaySchema.extend({
  id: z.uuid(),
  endedAt: z.string().nullable(),
  endedBy: z.string().nullable(),
})

export type GuardrailConfigDto = z.infer<typeof guardrailConfigSchema>
export type AccountDayDto = z.infer<typeof accountDaySchema>
/** An account's limits, today's use of them, and what a person should know about it. */
export type GuardrailStatusDto = z.infer<typeof guardrailStatusSchema>
/** One past or current trading day of an account. */
export type AccountDayHistoryDto = z.infer<typeof accountDayHistorySchema>

export function toGuardrailConfigDto(row: GuardrailsRow): GuardrailConfigDto {
  return {
    maxDailyLossKind: row.maxDailyLossKind,
    maxDailyLoss: row.maxDailyLoss,
    maxPositions: row.maxPositions,
    maxCorrelation: row.maxCorrelation,
    correlationLookbackDays: row.correlationLookbackDays,
  }
}

/** The figures of one day under a limit (null when no guardrails are set). */
export function toAccountDayDto(
  day: AccountDayRow,
  config: GuardrailsRow | null,
  currency: string,
): AccountDayDto {
  const lossUsed = dayLoss(day, currency)
  const lossLimit = config === null ? null : lossLimitOf(config, day.startEquity, currency)
  return {
    dayKey: day.dayKey,
    startedAt: day.startedAt.toISOString(),
    startEquity: day.startEquity,
    realizedPnl: day.realizedPnl,
    floatingPnl: day.floatingPnl,
    lossUsed,
    lossLimit,
    usedFraction: lossLimit === null ? null : lossUsed / lossLimit,
    breached: day.breached,
    breachedAt: day.breachedAt?.toISOString() ?? null,
    breachReason: day.breachReason,
  }
}

export function toAccountDayHistoryDto(
  day: AccountDayRow,
  config: GuardrailsRow | null,
  currency: string,
): AccountDayHistoryDto {
  return {
    id: day.id,
    ...toAccountDayDto(day, config, currency),
    endedAt: day.endedAt?.toISOString() ?? null,
    endedBy: day.endedBy,
  }
}

// ISO 4217 currencies without minor units; every other account currency counts in cents.
const ZERO_DECIMAL_CURRENCIES = new Set(['JPY', 'KRW', 'CLP', 'ISK', 'HUF', 'VND', 'XOF', 'XAF'])

/** Decimal places of the account currency's smallest unit: 2 (cents), or 0 (yen). */
export function currencyDigits(currency: string): number {
  return ZERO_DECIMAL_CURRENCIES.has(currency.toUpperCase()) ? 0 : 2
}

/** Rounds money to the account currency's smallest unit (cents, or whole yen). */
export function roundMoney(value: number, currency: string): number {
  const factor = 10 ** currencyDigits(currency)
  const rounded = Math.round(value * factor) / factor
  return Object.is(rounded, -0) ? 0 : rounded
}

/** The day's loss so far, realised and floating together, never below zero. */
export function dayLoss(day: Pick<AccountDayRow, 'realizedPnl' | 'floatingPnl'>, currency: string) {
  return roundMoney(Math.max(0, -(day.realizedPnl + day.floatingPnl)), currency)
}

/** The daily loss limit in money: as set, or the percentage of the day's starting equity. */
export function lossLimitOf(
  config: Pick<GuardrailsRow, 'maxDailyLossKind' | 'maxDailyLoss'>,
  startEquity: number | null,
  currency: string,
): number | null {
  if (config.maxDailyLossKind === 'money') return roundMoney(config.maxDailyLoss, currency)
  if (startEquity === null) return null
  return roundMoney((startEquity * config.maxDailyLoss) / 100, currency)
}
