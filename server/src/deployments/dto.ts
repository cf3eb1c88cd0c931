import {
  DEPLOYMENT_PHASES,
  DEPLOYMENT_STATUSES,
  EA_COMMANDS,
  HALT_REASONS,
  PHASE_STATUSES,
  TRADING_ACCOUNT_KINDS,
} from '@tradeloom/drizzle'
import type {
  DeploymentCommandRow,
  DeploymentPhaseRow,
  DeploymentRow,
  TradeLogRow,
} from '@tradeloom/drizzle'
import { z } from 'zod'

export const phaseCheckSchema = z.object({
  check: z.string(),
  ok: z.boolean(),
  message: z.string(),
})

export const deploymentPhaseSchema = z.object({
  phase: z.enum(DEPLOYMENT_PHASES),
  status: z.enum(PHASE_STATUSES),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  reason: z.string().nullable(),
  checks: z.array(phaseCheckSchema),
  details: z.record(z.string(), z.unknown()),
})

/** What the hand-off gave the trader: the hash the EA's hello must repeat, and the file. */
export const receiptSchema = z.object({
  codeHash: z.string(),
  contentHash: z.string().nullable(),
  fileName: z.string(),
  /** The EA's magic number (decimal string); null for paper deployments. */
  magic: z.string().nullable(),
  /** Live EAs: what to allow under Tools → Options → Expert Advisors → WebRequest. */
  whitelistUrl: z.string().nullable(),
})

export const commandSchema = z.object({
  commandId: z.number().int(),
  command: z.enum(EA_COMMANDS),
  source: z.string(),
  reason: z.string(),
  issuedAt: z.string(),
  sentAt: z.string().nullable(),
  ackedAt: z.string().nullable(),
  ackResult: z.string().nullable(),
  ackMessage: z.string().nullable(),
})

export const paperFeedSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('dataset'),
    datasetId: z.uuid(),
    barsPerSecond: z.number().positive().max(1000),
  }),
  z.object({
    kind: z.literal('synthetic'),
    seed: z.number().int(),
    barSeconds: z.number().positive().max(86_400),
  }),
])

export const deploymentDtoSchema = z.object({
  id: z.uuid(),
  strategyId: z.uuid(),
  strategyName: z.string(),
  versionId: z.uuid(),
  versionNumber: z.number().int(),
  accountId: z.uuid(),
  accountName: z.string(),
  accountKind: z.enum(TRADING_ACCOUNT_KINDS),
  symbol: z.string(),
  timeframe: z.string(),
  lots: z.number(),
  heartbeatSeconds: z.number().int(),
  offlinePolicy: z.string(),
  offlineMinutes: z.number().int(),
  status: z.enum(DEPLOYMENT_STATUSES),
  statusReason: z.string().nullable(),
  haltReasons: z.array(z.enum(HALT_REASONS)),
  halted: z.boolean(),
  phases: z.array(deploymentPhaseSchema),
  receipt: receiptSchema.nullable(),
  /** When the EA token was revoked (kill switch, stop); its requests are refused since. */
  tokenRevokedAt: z.string().nullable(),
  handedOffAt: z.string().nullable(),
  lastHeartbeatAt: z.string().nullable(),
  heartbeatAgeSeconds: z.number().nullable(),
  /** The EA's newest heartbeat as it sent it: equity, balance, positions, halted, lastError… */
  lastHeartbeat: z.record(z.string(), z.unknown()).nullable(),
  pendingCommand: z
    .object({ commandId: z.number().int(), command: z.enum(EA_COMMANDS) })
    .nullable(),
  /** The newest 20 commands, newest first. */
  commands: z.array(commandSchema),
  paperFeed: paperFeedSchema.nullable(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
})

/** A live deployment's creation answer: the EA source, once (it holds the token). */
export const createdDeploymentSchema = deploymentDtoSchema.extend({
  ea: z
    .object({ fileName: z.string(), source: z.string() })
    .optional()
    .describe('live accounts only; contains the EA token and is never shown again'),
})

export const tradeLogSchema = z.object({
  id: z.uuid(),
  deploymentId: z.uuid(),
  kind: z.enum(['deal', 'rejected']),
  deal: z.string().nullable(),
  key: z.string().nullable(),
  order: z.string().nullable(),
  position: z.string().nullable(),
  /** Milliseconds on the broker's trade-server clock. */
  timeMsc: z.number(),
  symbol: z.string(),
  type: z.string(),
  /** Deals: in, out, inout, out_by; refusals: open or close. */
  entry: z.string().nullable(),
  reason: z.string().nullable(),
  volume: z.number(),
  price: z.number().nullable(),
  requestedPrice: z.number().nullable(),
  slippagePoints: z.number().nullable(),
  spreadPoints: z.number().nullable(),
  latencyMs: z.number().nullable(),
  retcode: z.number().nullable(),
  failureReason: z.string().nullable(),
  profit: z.number(),
  commission: z.number(),
  swap: z.number(),
  fee: z.number(),
  comment: z.string().nullable(),
  receivedAt: z.string(),
})

export const tradeLogPageSchema = z.object({
  trades: z.array(tradeLogSchema),
  nextCursor: z.string().nullable(),
})

export type DeploymentPhaseDto = z.infer<typeof deploymentPhaseSchema>
export type DeploymentReceipt = z.infer<typeof receiptSchema>
export type DeploymentCommandDto = z.infer<typeof commandSchema>
/** A deployment with its phases, receipt, heartbeat and commands, as the API returns it. */
export type DeploymentDto = z.infer<typeof deploymentDtoSchema>
export type CreatedDeploymentDto = z.infer<typeof createdDeploymentSchema>
/** One trade report of a deployment's EA. */
export type TradeLogDto = z.infer<typeof tradeLogSchema>
export type TradeLogPageDto = z.infer<typeof tradeLogPageSchema>

/** Everything a DTO is built from: the row, the names it points at, phases and commands. */
export interface DeploymentView {
  readonly row: DeploymentRow
  readonly strategyName: string
  readonly versionNumber: number
  readonly accountName: string
  readonly accountKind: DeploymentDto['accountKind']
  readonly phases: readonly DeploymentPhaseRow[]
  /** Newest first. */
  readonly commands: readonly DeploymentCommandRow[]
}

export function toDeploymentDto(view: DeploymentView, now: Date): DeploymentDto {
  const { row } = view
  const newest = view.commands[0]
  const handoff = view.phases.find((p) => p.phase === 'handoff' && p.status === 'passed')
  return {
    id: row.id,
    strategyId: row.strategyId,
    strategyName: view.strategyName,
    versionId: row.versionId,
    versionNumber: view.versionNumber,
    accountId: row.accountId,
    accountName: view.accountName,
    accountKind: view.accountKind,
    symbol: row.symbol,
    timeframe: row.timeframe,
    lots: row.lots,
    heartbeatSeconds: row.heartbeatSeconds,
    offlinePolicy: row.offlinePolicy,
    offlineMinutes: row.offlineMinutes,
    status: row.status,
    statusReason: row.statusReason,
    haltReasons: row.haltReasons,
    halted: row.haltReasons.length > 0,
    phases: view.phases.map(toPhaseDto),
    receipt: handoff === undefined ? null : receiptOf(handoff),
    tokenRevokedAt: iso(row.tokenRevokedAt),
    handedOffAt: iso(row.handedOffAt),
    lastHeartbeatAt: iso(row.lastHeartbeatAt),
    heartbeatAgeSeconds:
      row.lastHeartbeatAt === null
        ? null
        : Math.max(0, Math.floor((now.getTime() - row.lastHeartbeatAt.getTime()) / 1000)),
    lastHeartbeat: row.lastHeartbeat,
    pendingCommand:
      newest === undefined || newest.ackedAt !== null
        ? null
        : { commandId: newest.commandId, command: newest.command },
    commands: view.commands.map(toCommandDto),
    paperFeed: row.paperFeed,
    createdAt: row.createdAt.toISOString(),
    activatedAt: iso(row.activatedAt),
    stoppedAt: iso(row.stoppedAt),
  }
}

function toPhaseDto(row: DeploymentPhaseRow): DeploymentPhaseDto {
  return {
    phase: row.phase,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    finishedAt: iso(row.finishedAt),
    reason: row.reason,
    checks: row.checks,
    details: row.details,
  }
}

function receiptOf(handoff: DeploymentPhaseRow): DeploymentReceipt | null {
  const d = handoff.details
  if (typeof d.codeHash !== 'string' || typeof d.fileName !== 'string') return null
  return {
    codeHash: d.codeHash,
    contentHash: typeof d.contentHash === 'string' ? d.contentHash : null,
    fileName: d.fileName,
    magic: typeof d.magic === 'string' ? d.magic : null,
    whitelistUrl: typeof d.whitelistUrl === 'string' ? d.whitelistUrl : null,
  }
}

function toCommandDto(row: DeploymentCommandRow): DeploymentCommandDto {
  return {
    commandId: row.commandId,
    command: row.command,
    source: row.source,
    reason: row.reason,
    issuedAt: row.issuedAt.toISOString(),
    sentAt: iso(row.sentAt),
    ackedAt: iso(row.ackedAt),
    ackResult: row.ackResult,
    ackMessage: row.ackMessage,
  }
}

export function toTradeLogDto(row: TradeLogRow): TradeLogDto {
  return {
    id: row.id,
    deploymentId: row.deploymentId,
    kind: row.kind,
    deal: row.deal,
    key: row.key,
    order: row.orderTicket,
    position: row.positionTicket,
    timeMsc: row.timeMsc,
    symbol: row.symbol,
    type: row.type,
    entry: row.entry,
    reason: row.reason,
    volume: row.volume,
    price: row.price,
    requestedPrice: row.requestedPrice,
    slippagePoints: row.slippagePoints,
    spreadPoints: row.spreadPoints,
    latencyMs: row.latencyMs,
    retcode: row.retcode,
    failureReason: row.failureReason,
    profit: row.profit,
    commission: row.commission,
    swap: row.swap,
    fee: row.fee,
    comment: row.comment,
    receivedAt: row.receivedAt.toISOString(),
  }
}

function iso(value: Date | null): string | null {
  return value?.toISOString() ?? null
}
