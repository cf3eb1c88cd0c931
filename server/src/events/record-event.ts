import { robotEvents } from '@tradeloom/drizzle'
import type { Db } from '@tradeloom/drizzle'

/** Every kind of entry on a strategy's timeline. Deployment events arrive with deployments. */
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
] as const
export type EventType = (typeof EVENT_TYPES)[number]

export interface NewEvent {
  readonly userId: string
  readonly strategyId: string
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
    type: event.type,
    metadata: event.metadata ?? {},
  })
}
