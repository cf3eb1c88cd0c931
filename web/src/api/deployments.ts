import { request } from './client'
import { rawRequest, readAttachment } from './accounts'
import type { AccountKind, Attachment } from './accounts'

export type DeploymentStatus =
  'PENDING' | 'VALIDATING' | 'AWAITING_EA' | 'ACTIVE' | 'STALE' | 'STOPPING' | 'STOPPED' | 'FAILED'

export type HaltReason =
  'kill_switch' | 'daily_loss' | 'correlation' | 'max_positions' | 'user' | 'stop'

export type EaCommand = 'run' | 'halt' | 'close_all' | 'resume'
export type PhaseName = 'preflight' | 'handoff' | 'confirmation'

/** One check of a phase: a line of the progress view. */
export interface PhaseCheck {
  check: string
  ok: boolean
  message: string
}

export interface DeploymentPhase {
  phase: PhaseName
  status: 'running' | 'passed' | 'failed'
  startedAt: string
  finishedAt: string | null
  /** Why it failed, in words a person can act on. */
  reason: string | null
  checks: PhaseCheck[]
  details: Record<string, unknown>
}

export interface DeploymentCommand {
  commandId: number
  command: EaCommand
  /** What asked for it: kill_switch, daily_loss, correlation, max_positions, user, stop. */
  source: string
  reason: string
  issuedAt: string
  sentAt: string | null
  ackedAt: string | null
  ackResult: string | null
  ackMessage: string | null
}

export interface HeartbeatPosition {
  ticket: string
  type: 'buy' | 'sell'
  volume: number
  priceOpen: number
  sl: number
  tp: number
  profit: number
  swap: number
  timeMsc: number
}

/** The EA's last heartbeat as it sent it (protocol §5). */
export interface LastHeartbeat {
  seq?: number
  equity?: number
  balance?: number
  margin?: number
  freeMargin?: number
  positions?: HeartbeatPosition[]
  lastBarTime?: number
  halted?: boolean
  haltReason?: string
  dailyLossBreached?: boolean
  tradeAllowed?: boolean
  lastError?: { message: string; timeGmt?: number } | null
  outboxSize?: number
  lastCommandId?: number
}

export type PaperFeed =
  | { kind: 'dataset'; datasetId: string; barsPerSecond: number }
  | { kind: 'synthetic'; seed: number; barSeconds: number }

export interface Deployment {
  id: string
  strategyId: string
  strategyName: string
  versionId: string
  versionNumber: number
  accountId: string
  accountName: string
  accountKind: AccountKind
  symbol: string
  timeframe: string
  lots: number
  heartbeatSeconds: number
  offlinePolicy: string
  offlineMinutes: number
  status: DeploymentStatus
  statusReason: string | null
  haltReasons: HaltReason[]
  halted: boolean
  phases: DeploymentPhase[]
  /** What the hand-off produced; null until it passed. */
  receipt: {
    codeHash: string
    contentHash: string | null
    fileName: string
    /** The EA's magic number; null for paper deployments. */
    magic: string | null
    /** Live EAs: the URL to allow under Tools → Options → Expert Advisors → WebRequest. */
    whitelistUrl: string | null
  } | null
  /** When the EA token was revoked (kill switch, stop). */
  tokenRevokedAt: string | null
  handedOffAt: string | null
  lastHeartbeatAt: string | null
  /** Seconds since the last heartbeat when the server answered. */
  heartbeatAgeSeconds: number | null
  lastHeartbeat: LastHeartbeat | null
  pendingCommand: { commandId: number; command: EaCommand } | null
  /** The last 20, newest first. */
  commands: DeploymentCommand[]
  paperFeed: PaperFeed | null
  createdAt: string
  activatedAt: string | null
  stoppedAt: string | null
}

/** The create answer of a live account carries the EA source once (it holds the token). */
export interface CreatedDeployment extends Deployment {
  ea?: { fileName: string; source: string }
}

export interface CreateDeployment {
  versionId: string
  accountId: string
  symbol: string
  timeframe?: string
  lots: number
  heartbeatSeconds?: number
  offlinePolicy?: 'keep_trading' | 'stop_entries'
  offlineMinutes?: number
  paperFeed?: PaperFeed
}

/** A trade report of a deployment's EA: a deal, or a request the trade server refused. */
export interface TradeLog {
  id: string
  deploymentId: string
  kind: 'deal' | 'rejected'
  deal: string | null
  key: string | null
  order: string | null
  position: string | null
  timeMsc: number
  symbol: string
  type: string
  entry: string | null
  reason: string | null
  volume: number
  price: number | null
  requestedPrice: number | null
  slippagePoints: number | null
  spreadPoints: number | null
  latencyMs: number | null
  retcode: number | null
  failureReason: string | null
  profit: number
  commission: number
  swap: number
  fee: number
  comment: string | null
  receivedAt: string
}

export interface TradePage {
  trades: TradeLog[]
  nextCursor: string | null
}

/** Execution quality of one deployment or one symbol. */
export interface QualityRow {
  /** The deployment id (byDeployment) or the symbol (bySymbol). */
  key: string
  /** byDeployment: "strategy · symbol · account", for people. */
  label: string
  deals: number
  rejected: number
  failureRate: number | null
  avgLatencyMs: number | null
  avgSlippagePoints: number | null
  maxSlippagePoints: number | null
  avgSpreadPoints: number | null
}

export interface ExecutionQuality {
  byDeployment: QualityRow[]
  bySymbol: QualityRow[]
}

/** One entry of the user's timeline. */
export interface TimelineEvent {
  id: string
  seq: number
  type: string
  createdAt: string
  metadata: Record<string, unknown>
  deploymentId: string | null
  accountId: string | null
  strategyId: string | null
}

export interface TimelinePage {
  events: TimelineEvent[]
  nextCursor: string | null
}

const base = (id: string) => `/deployments/${encodeURIComponent(id)}`

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** The user's deployments, newest first. */
export async function listDeployments(
  filter: { status?: DeploymentStatus; accountId?: string } = {},
): Promise<Deployment[]> {
  return request<Deployment[]>('GET', `/deployments${query(filter)}`)
}

/** One deployment with its phases, commands and last heartbeat. */
export async function getDeployment(id: string): Promise<Deployment> {
  return request<Deployment>('GET', base(id))
}

/**
 * Runs preflight and the hand-off. A failed preflight still answers 201 with a FAILED
 * deployment whose phase says why; only malformed requests reject.
 */
export async function createDeployment(input: CreateDeployment): Promise<CreatedDeployment> {
  return request<CreatedDeployment>('POST', '/deployments', input)
}

/** Stops a deployment; with `closePositions` the EA closes its positions first. */
export async function stopDeployment(id: string, closePositions: boolean): Promise<Deployment> {
  return request<Deployment>('POST', `${base(id)}/stop`, { closePositions })
}

/** Halts new entries (halt reason `user`). */
export async function haltDeployment(id: string): Promise<Deployment> {
  return request<Deployment>('POST', `${base(id)}/halt`)
}

/** Lifts the `user` halt reason (other reasons keep it halted). */
export async function resumeDeployment(id: string): Promise<Deployment> {
  return request<Deployment>('POST', `${base(id)}/resume`)
}

/** Generates the EA again with a new token (the old file stops working); live, AWAITING_EA. */
export async function reissueEa(id: string): Promise<Attachment> {
  const response = await rawRequest('POST', `${base(id)}/ea`)
  return readAttachment(response, `Tradeloom_${id.slice(0, 8)}.mq5`)
}

/** The deployment's trade reports, newest first. */
export async function listTrades(
  id: string,
  page: { cursor?: string; limit?: number } = {},
): Promise<TradePage> {
  const answer = await request<TradePage | TradeLog[]>('GET', `${base(id)}/trades${query(page)}`)
  // A bare array is a single page.
  return Array.isArray(answer) ? { trades: answer, nextCursor: null } : answer
}

/** Aggregated execution quality, optionally narrowed to one deployment or symbol. */
export async function getExecutionQuality(
  filter: { deploymentId?: string; symbol?: string } = {},
): Promise<ExecutionQuality> {
  return request<ExecutionQuality>('GET', `/execution-quality${query(filter)}`)
}

/** The user's timeline (every event type), newest first. */
export async function listEvents(
  filter: { deploymentId?: string; accountId?: string; cursor?: string; limit?: number } = {},
): Promise<TimelinePage> {
  return request<TimelinePage>('GET', `/events${query(filter)}`)
}
