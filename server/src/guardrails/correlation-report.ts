import type { Db, TradingAccountRow } from '@tradeloom/drizzle'
import { z } from 'zod'
import { liveDeployments } from '../deployments/control'
import { guardrailsOf } from './account-day'
import { accountExposure } from './exposure'
import { datasetCorrelation, datasetsForSymbols, worstCorrelation } from './symbol-correlation'

export const correlationReportSchema = z.object({
  lookbackDays: z.number().int(),
  /** The account's limit, null without guardrails. */
  maxCorrelation: z.number().nullable(),
  symbols: z.array(z.string()),
  /** matrix[i][j]: correlation of daily returns of symbols i and j; null when unknown. */
  matrix: z.array(z.array(z.number().nullable())),
  /** days[i][j]: the common daily returns behind matrix[i][j]. */
  days: z.array(z.array(z.number().int())),
  openSymbols: z.array(z.object({ symbol: z.string(), positions: z.number().int() })),
  /** Per symbol: its strongest correlation with a held symbol, and whether an entry is refused. */
  exposure: z.array(
    z.object({
      symbol: z.string(),
      against: z.string().nullable(),
      correlation: z.number().nullable(),
      blocked: z.boolean(),
    }),
  ),
  datasets: z.array(
    z.object({
      symbol: z.string(),
      datasetId: z.uuid().nullable(),
      name: z.string().nullable(),
      timeframe: z.string().nullable(),
      firstTime: z.number().nullable(),
      lastTime: z.number().nullable(),
    }),
  ),
  warnings: z.array(z.string()),
})

export type CorrelationReportDto = z.infer<typeof correlationReportSchema>

const DEFAULT_LOOKBACK_DAYS = 90
const MAX_DEFAULT_SYMBOLS = 12

/**
 * The correlation matrix of `symbols` (default: the symbols of the account's running deployments
 * and open positions, else its catalogue symbols that have data sets), the data set used for each,
 * and what the exposure limit makes of the positions held now.
 */
export async function correlationReport(
  db: Db,
  account: TradingAccountRow,
  requested: readonly string[] | undefined,
): Promise<CorrelationReportDto> {
  const config = await guardrailsOf(db, account.id)
  const lookbackDays = config?.correlationLookbackDays ?? DEFAULT_LOOKBACK_DAYS
  const live = await liveDeployments(db, account.userId, account.id)
  const exposure = accountExposure(live)
  const openSymbols = [...exposure.bySymbol.keys()].sort()
  let symbols: string[] =
    requested !== undefined
      ? [...requested]
      : [...new Set([...live.map((d) => d.symbol), ...openSymbols])].sort()
  let picked = await datasetsForSymbols(db, account.userId, [...symbols, ...openSymbols])
  if (requested === undefined && symbols.length === 0) {
    const catalogue = await datasetsForSymbols(
      db,
      account.userId,
      account.symbols.map((s) => s.name),
    )
    symbols = [...catalogue.keys()].sort().slice(0, MAX_DEFAULT_SYMBOLS)
    picked = catalogue
  }
  const matrix: (number | null)[][] = []
  const days: number[][] = []
  for (const a of symbols) {
    const row: (number | null)[] = []
    const rowDays: number[] = []
    for (const b of symbols) {
      const setA = picked.get(a)
      const setB = picked.get(b)
      if (a === b) {
        row.push(1)
        rowDays.push(0)
      } else if (setA === undefined || setB === undefined) {
        row.push(null)
        rowDays.push(0)
      } else {
        const pair = await datasetCorrelation(db, account.userId, setA, setB, lookbackDays)
        row.push(pair.correlation)
        rowDays.push(pair.days)
      }
    }
    matrix.push(row)
    days.push(rowDays)
  }
  const limit = config?.maxCorrelation ?? null
  const exposures = []
  for (const symbol of symbols) {
    const worst =
      openSymbols.length === 0
        ? null
        : await worstCorrelation(db, account.userId, symbol, openSymbols, lookbackDays, picked)
    exposures.push({
      symbol,
      against: worst?.other ?? null,
      correlation: worst?.correlation ?? null,
      blocked: worst !== null && limit !== null && limit < 1 && Math.abs(worst.correlation) > limit,
    })
  }
  const missing = [...new Set([...symbols, ...openSymbols])].filter((s) => !picked.has(s))
  const warnings =
    missing.length === 0
      ? []
      : [
          `No data set for ${missing.join(', ')}: upload one per symbol so the correlation limit can check it`,
        ]
  return {
    lookbackDays,
    maxCorrelation: limit,
    symbols,
    matrix,
    days,
    openSymbols: openSymbols.map((symbol) => ({
      symbol,
      positions: exposure.bySymbol.get(symbol) ?? 0,
    })),
    exposure: exposures,
    datasets: [...new Set([...symbols, ...openSymbols])].map((symbol) => {
      const set = picked.get(symbol)
      return {
        symbol,
        datasetId: set?.id ?? null,
        name: set?.name ?? null,
        timeframe: set?.timeframe ?? null,
        firstTime: set?.firstTime ?? null,
        lastTime: set?.lastTime ?? null,
      }
    }),
    warnings,
  }
}
