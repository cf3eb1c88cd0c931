import { tradeLogs } from '@tradeloom/drizzle'
import type { AccountSymbol, Db, DeploymentRow, NewTradeLogRow } from '@tradeloom/drizzle'
import { lockAccounts } from '../deployments/control'
import { stepDecimals } from '../deployments/lots'
import { recordEvent } from '../events/record-event'
import { roundMoney } from '../guardrails/dto'
import { recordDealsForGuardrails } from '../guardrails/enforce'
import { issuesFromZod } from '../validation'
import { accountOf } from './hello'
import { tradeReport } from './schemas'
import type { DealReport, TradeReport, TradesReply } from './schemas'

/**
 * `trades`: stores each report once, keyed by (deployment, deal) or (deployment, key); a repeat
 * is counted as a duplicate, never an error. Reports are validated one by one: a bad one is
 * skipped and named in `rejected`, the rest are stored. Every new deal becomes a TRADE_EXECUTED
 * event and counts toward the account's daily loss, in the same transaction.
 */
export async function acceptTrades(
  db: Db,
  deployment: DeploymentRow,
  reports: readonly unknown[],
  now: Date,
): Promise<TradesReply> {
  const account = await accountOf(db, deployment)
  const rejected: { index: number; reason: string }[] = []
  const valid: { index: number; report: TradeReport }[] = []
  reports.forEach((raw, index) => {
    const parsed = tradeReport.safeParse(raw)
    if (parsed.success) {
      valid.push({ index, report: parsed.data })
    } else {
      const first = issuesFromZod(parsed.error)[0]
      rejected.push({
        index,
        reason:
          first === undefined ? 'invalid report' : `${first.path || 'report'}: ${first.message}`,
      })
    }
  })
  const specs = new Map(account.symbols.map((s) => [s.name, s]))
  let accepted = 0
  let duplicates = 0
  await db.transaction(async (tx) => {
    // A breach halts the account's deployments: lock the account first (deployments/control.ts).
    await lockAccounts(tx, [deployment.accountId])
    const newDeals: DealReport[] = []
    for (const { report } of valid) {
      const values = toRow(deployment, account.currency, specs.get(report.symbol), report, now)
      const inserted = await tx
        .insert(tradeLogs)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: tradeLogs.id })
      if (inserted.length === 0) {
        duplicates += 1
        continue
      }
      accepted += 1
      if (report.kind === 'deal') newDeals.push({ ...report, ...moneyOf(values) })
    }
    for (const deal of newDeals) {
      await recordEvent(tx, {
        userId: deployment.userId,
        strategyId: deployment.strategyId,
        deploymentId: deployment.id,
        accountId: deployment.accountId,
        type: 'TRADE_EXECUTED',
        metadata: {
          deal: deal.deal,
          position: deal.position,
          symbol: deal.symbol,
          type: deal.type,
          entry: deal.entry,
          reason: deal.reason,
          volume: deal.volume,
          price: deal.price,
          profit: deal.profit,
          commission: deal.commission,
          swap: deal.swap,
          fee: deal.fee,
          timeMsc: deal.timeMsc,
        },
      })
    }
    await recordDealsForGuardrails(
      tx,
      account,
      newDeals.map((d) => ({
        timeMsc: d.timeMsc,
        profit: d.profit,
        commission: d.commission,
        swap: d.swap,
        fee: d.fee,
      })),
      now,
    )
  })
  return { accepted, duplicates, ...(rejected.length > 0 && { rejected }) }
}

function moneyOf(row: NewTradeLogRow) {
  return {
    profit: row.profit ?? 0,
    commission: row.commission ?? 0,
    swap: row.swap ?? 0,
    fee: row.fee ?? 0,
  }
}

/** The stored row: money in account cents, prices at the symbol's digits, lots at its step. */
function toRow(
  deployment: DeploymentRow,
  currency: string,
  spec: AccountSymbol | undefined,
  report: TradeReport,
  now: Date,
): NewTradeLogRow {
  const price = (value: number | null | undefined) =>
    value === null || value === undefined
      ? null
      : spec === undefined
        ? value
        : Number(value.toFixed(spec.digits))
  const volume =
    spec === undefined
      ? report.volume
      : Number(report.volume.toFixed(stepDecimals(spec.volumeStep)))
  const common = {
    userId: deployment.userId,
    deploymentId: deployment.id,
    accountId: deployment.accountId,
    timeMsc: report.timeMsc,
    symbol: report.symbol,
    type: report.type,
    volume,
    requestedPrice: price(report.requestedPrice),
    spreadPoints: report.spreadPoints ?? null,
    latencyMs: report.latencyMs ?? null,
    retcode: report.retcode ?? null,
    receivedAt: now,
  }
  if (report.kind === 'rejected') {
    return {
      ...common,
      kind: 'rejected',
      key: report.key,
      positionTicket: report.position ?? null,
      entry: report.action,
      failureReason: report.message,
    }
  }
  return {
    ...common,
    kind: 'deal',
    deal: report.deal,
    orderTicket: report.order,
    positionTicket: report.position,
    entry: report.entry,
    reason: report.reason,
    price: price(report.price),
    slippagePoints: report.slippagePoints ?? null,
    profit: roundMoney(report.profit, currency),
    commission: roundMoney(report.commission, currency),
    swap: roundMoney(report.swap, currency),
    fee: roundMoney(report.fee, currency),
    comment: report.comment,
  }
}
