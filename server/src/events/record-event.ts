import { robotEvents } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'

/**
 * Every kind of entry on the timeline. The upper-case ones are the deployment and risk events
 * (issue 7 names them so): they carry the deployment and/or the trading account they concern.
 */
export const EVENT_TYPES = [
  'strategy.created',
  'strategy.updated',
  'version.saved',
  'version.rolled_back',
  'build.started',
  'build.finished',
  'backtest.queued',
  'backtest.started',
  'backtest.finished',
  'backtest.cancelled',
  'DEPLOYED',
  // The EA sent ready and its first heartbeat: the deployment is ACTIVE.
  'ACTIVATED',
  'HEARTBEAT_LOST',
  // Heartbeats came back after HEARTBEAT_LOST: STALE → ACTIVE.
  'HEARTBEAT_RESTORED',
  'HALTED',
  'RESUMED',
  'KILL_SWITCH',
  'GUARDRAIL_BREACHED',
  'TRADE_EXECUTED',
  'ERROR',
  'STOPPED',
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export interface NewEvent {
  readonly userId: string
  /** Null only for account-wide events (a breach or the kill switch) that concern no strategy. */
  readonly strategyId: string | null
  readonly deploymentId?: string | null
  readonly accountId?: string | null
  readonly type: EventType
  readonly metadata?: Record<string, unknown>
}

/**
 * Appends an event to a strategy's timeline. Pass the transaction of the change it records, so
 * the change and its event are stored together or not at all.
 */
export async function recordEvent(db: Db, event: NewEvent): Promise<void> {
  await db.insert(robotEvents).values({
    userId: event.userId,
    strategyId: event.strategyId,
    deploymentId: event.deploymentId ?? null,
    accountId: event.accountId ?? null,
    type: event.type,
    metadata: event.metadata ?? {},
  })
}
