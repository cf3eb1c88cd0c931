import type { DeploymentRow } from '@tradeloom/drizzle'

/**
 * How many positions a deployment's EA holds, from its last heartbeat (protocol §5: the EA's own
 * positions, all in the deployment's symbol). No heartbeat yet means none.
 */
export function openPositionCount(deployment: Pick<DeploymentRow, 'lastHeartbeat'>): number {
  const positions = deployment.lastHeartbeat?.['positions']
  if (!Array.isArray(positions)) return 0
  return positions.filter((p) => typeof p === 'object' && p !== null).length
}

/** The open positions of an account, by symbol, from its live deployments' last heartbeats. */
export interface AccountExposure {
  readonly total: number
  readonly bySymbol: ReadonlyMap<string, number>
}

export function accountExposure(
  live: readonly Pick<DeploymentRow, 'symbol' | 'lastHeartbeat'>[],
): AccountExposure {
  const bySymbol = new Map<string, number>()
  let total = 0
  for (const deployment of live) {
    const count = openPositionCount(deployment)
    if (count === 0) continue
    total += count
    bySymbol.set(deployment.symbol, (bySymbol.get(deployment.symbol) ?? 0) + count)
  }
  return { total, bySymbol }
}

/**
 * The floating result of the account's EAs: profit + swap of every position in their last
 * heartbeats, or null when none of them has reported positions yet. Each EA reports only its own
 * positions, so the account's figure is their sum.
 */
export function accountFloatingPnl(
  live: readonly Pick<DeploymentRow, 'lastHeartbeat'>[],
): number | null {
  let reported = false
  let sum = 0
  for (const deployment of live) {
    const positions = deployment.lastHeartbeat?.['positions']
    if (!Array.isArray(positions)) continue
    reported = true
    for (const position of positions as unknown[]) {
      if (typeof position !== 'object' || position === null) continue
      const { profit, swap } = position as { profit?: unknown; swap?: unknown }
      sum += (typeof profit === 'number' ? profit : 0) + (typeof swap === 'number' ? swap : 0)
    }
  }
  return reported ? sum : null
}
