import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { strategies } from './strategies'
import { strategyVersions } from './strategy-versions'
import { tradingAccounts } from './trading-accounts'
import { users } from './users'

/**
 * PENDING → VALIDATING (preflight) → AWAITING_EA (code handed off, waiting for ready + heartbeat)
 * → ACTIVE ⇄ STALE (heartbeats missing) → STOPPING → STOPPED, or FAILED from any phase.
 * STOPPED and FAILED are final.
 */
export const DEPLOYMENT_STATUSES = [
  'PENDING',
  'VALIDATING',
  'AWAITING_EA',
  'ACTIVE',
  'STALE',
  'STOPPING',
  'STOPPED',
  'FAILED',
] as const
export type DeploymentStatus = (typeof DEPLOYMENT_STATUSES)[number]

/** Why new entries are blocked; the deployment is halted while any reason holds. */
export const HALT_REASONS = [
  'kill_switch',
  'daily_loss',
  'correlation',
  'max_positions',
  'user',
  'stop',
] as const
export type HaltReason = (typeof HALT_REASONS)[number]

/** How a paper terminal feeds bars: a data set replayed at a pace, or synthetic bars in real time. */
export type PaperFeed =
  | { readonly kind: 'dataset'; readonly datasetId: string; readonly barsPerSecond: number }
  | { readonly kind: 'synthetic'; readonly seed: number; readonly barSeconds: number }

/**
 * One strategy version running on one trading account and symbol. The EA's token is stored only
 * as a hash; `codeHash` is the hand-off receipt the EA's hello must repeat.
 */
export const deployments = pgTable(
  'deployments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    strategyId: uuid('strategy_id')
      .notNull()
      .references(() => strategies.id, { onDelete: 'cascade' }),
    versionId: uuid('version_id')
      .notNull()
      .references(() => strategyVersions.id, { onDelete: 'cascade' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => tradingAccounts.id, { onDelete: 'cascade' }),
    symbol: text('symbol').notNull(),
    timeframe: text('timeframe').notNull(),
    lots: doublePrecision('lots').notNull(),
    heartbeatSeconds: integer('heartbeat_seconds').notNull().default(15),
    offlinePolicy: text('offline_policy').notNull().default('stop_entries'),
    offlineMinutes: integer('offline_minutes').notNull().default(15),
    /** Paper accounts only. */
    paperFeed: jsonb('paper_feed').$type<PaperFeed>(),
    status: text('status').$type<DeploymentStatus>().notNull().default('PENDING'),
    /** Why the deployment is in its status, for a person (FAILED, STALE, STOPPED). */
    statusReason: text('status_reason'),
    /** Active halt reasons; the newest command follows them (halt while any, resume when none). */
    haltReasons: jsonb('halt_reasons').$type<HaltReason[]>().notNull().default([]),
    tokenHash: text('token_hash'),
    tokenRevokedAt: timestamp('token_revoked_at', { withTimezone: true }),
    /** The EA's magic number (decimal string), derived from the id by the compiler. */
    magic: text('magic'),
    codeHash: text('code_hash'),
    contentHash: text('content_hash'),
    handedOffAt: timestamp('handed_off_at', { withTimezone: true }),
    helloAt: timestamp('hello_at', { withTimezone: true }),
    hello: jsonb('hello').$type<Record<string, unknown>>(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
    lastHeartbeatAt: timestamp('last_heartbeat_at', { withTimezone: true }),
    lastHeartbeat: jsonb('last_heartbeat').$type<Record<string, unknown>>(),
    heartbeatCount: bigint('heartbeat_count', { mode: 'number' }).notNull().default(0),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('deployments_user_created_idx').on(table.userId, table.createdAt),
    index('deployments_account_status_idx').on(table.accountId, table.status),
    index('deployments_status_heartbeat_idx').on(table.status, table.lastHeartbeatAt),
    check(
      'deployments_status_known',
      sql`${table.status} in ('PENDING', 'VALIDATING', 'AWAITING_EA', 'ACTIVE', 'STALE', 'STOPPING', 'STOPPED', 'FAILED')`,
    ),
    check('deployments_lots_positive', sql`${table.lots} > 0`),
  ],
)

export const DEPLOYMENT_PHASES = ['preflight', 'handoff', 'confirmation'] as const
export type DeploymentPhase = (typeof DEPLOYMENT_PHASES)[number]
export const PHASE_STATUSES = ['running', 'passed', 'failed'] as const
export type PhaseStatus = (typeof PHASE_STATUSES)[number]

/** One check of a phase, shown as a line in the deployment's progress. */
export interface PhaseCheck {
  readonly check: string
  readonly ok: boolean
  readonly message: string
}

/** One phase of one deployment: its outcome, times and a reason a person can act on. */
export const deploymentPhases = pgTable(
  'deployment_phases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    deploymentId: uuid('deployment_id')
      .notNull()
      .references(() => deployments.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    phase: text('phase').$type<DeploymentPhase>().notNull(),
    status: text('status').$type<PhaseStatus>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    reason: text('reason'),
    checks: jsonb('checks').$type<PhaseCheck[]>().notNull().default([]),
    /** Phase-specific facts: the hand-off receipt (code hash, file name), the EA's hello. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (table) => [
    index('deployment_phases_deployment_idx').on(table.deploymentId, table.startedAt),
    check(
      'deployment_phases_phase_known',
      sql`${table.phase} in ('preflight', 'handoff', 'confirmation')`,
    ),
    check(
      'deployment_phases_status_known',
      sql`${table.status} in ('running', 'passed', 'failed')`,
    ),
  ],
)

export const EA_COMMANDS = ['run', 'halt', 'close_all', 'resume'] as const
export type EaCommand = (typeof EA_COMMANDS)[number]

/**
 * Commands for one deployment's EA, numbered 1, 2, 3… per deployment (protocol §5). The newest
 * unacknowledged one rides on every heartbeat reply; the first ack wins.
 */
export const deploymentCommands = pgTable(
  'deployment_commands',
  {
    deploymentId: uuid('deployment_id')
      .notNull()
      .references(() => deployments.id, { onDelete: 'cascade' }),
    commandId: integer('command_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    command: text('command').$type<EaCommand>().notNull(),
    /** What asked for it: kill_switch, daily_loss, correlation, max_positions, user, stop. */
    source: text('source').notNull(),
    reason: text('reason').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    /** First delivered in a heartbeat reply. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    ackedAt: timestamp('acked_at', { withTimezone: true }),
    ackResult: text('ack_result'),
    ackMessage: text('ack_message'),
  },
  (table) => [
    primaryKey({ name: 'deployment_commands_pk', columns: [table.deploymentId, table.commandId] }),
    index('deployment_commands_user_idx').on(table.userId),
  ],
)

export type DeploymentRow = typeof deployments.$inferSelect
export type NewDeploymentRow = typeof deployments.$inferInsert
export type DeploymentPhaseRow = typeof deploymentPhases.$inferSelect
export type DeploymentCommandRow = typeof deploymentCommands.$inferSelect
