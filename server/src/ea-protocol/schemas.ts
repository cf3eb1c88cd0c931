import { z } from 'zod'

/**
 * The messages of EA control protocol v1 (docs/ea-protocol.md §5). zod objects drop members they
 * do not know, which is exactly the protocol's rule: either side may add optional members.
 */

/** 64-bit identifiers travel as decimal strings (JavaScript numbers are exact only to 2^53). */
const ticket = z.string().regex(/^\d{1,20}$/, 'must be a decimal string of up to 20 digits')
const finite = z.number()
const seconds = z.number()
const tradeAllowedFlags = z.object({
  terminal: z.boolean(),
  program: z.boolean(),
  account: z.boolean(),
  expert: z.boolean(),
})
const haltReason = z.enum(['none', 'halt', 'close_all', 'refused'])

export const helloMessage = z.object({
  protocol: z.literal(1, 'this server speaks protocol version 1'),
  deploymentId: z.string(),
  login: ticket,
  server: z.string().max(200),
  company: z.string().max(200),
  currency: z.string().max(16),
  accountType: z.enum(['demo', 'real', 'contest']),
  marginMode: z.enum(['netting', 'hedging', 'exchange']),
  terminalBuild: z.number().int().nonnegative(),
  tradeAllowed: tradeAllowedFlags,
  symbol: z.string().min(1).max(64),
  timeframe: z.string().max(8),
  magic: ticket,
  program: z.string().max(200),
  codeHash: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  contentHash: z.string().max(128),
  compilerVersion: z.string().max(64),
  timeGmt: seconds,
  serverTime: seconds,
})

export const readyMessage = z.object({
  protocol: z.literal(1, 'this server speaks protocol version 1'),
  halted: z.boolean(),
  haltReason,
  lastCommandId: z.number().int().nonnegative(),
  outboxSize: z.number().int().nonnegative(),
  tradeAllowed: tradeAllowedFlags,
  timeGmt: seconds,
})

export const heartbeatPosition = z.object({
  ticket,
  type: z.enum(['buy', 'sell']),
  volume: finite.nonnegative(),
  priceOpen: finite,
  sl: finite,
  tp: finite,
  profit: finite,
  swap: finite,
  timeMsc: finite,
})

export const heartbeatMessage = z.object({
  seq: z.number().int().positive(),
  serverTime: seconds,
  timeGmt: seconds,
  equity: finite,
  balance: finite,
  margin: finite,
  freeMargin: finite,
  positions: z.array(heartbeatPosition).max(1000),
  lastBarTime: seconds,
  halted: z.boolean(),
  haltReason,
  dailyLossBreached: z.boolean(),
  tradeAllowed: z.boolean(),
  lastError: z.object({ message: z.string().max(2000), timeGmt: seconds }).nullable(),
  outboxSize: z.number().int().nonnegative(),
  lastCommandId: z.number().int().nonnegative(),
})

export const ackMessage = z.object({
  commandId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  /** Missing after an EA restart (only the id and the result survive). */
  command: z.string().max(32).optional(),
  result: z.enum(['done', 'failed']),
  message: z.string().max(2000).default(''),
  timeGmt: seconds,
})

/** At most 50 reports per batch; each is validated on its own (a bad one is skipped, named). */
export const MAX_REPORTS_PER_BATCH = 50
export const tradesMessage = z.object({
  reports: z.array(z.unknown()).max(MAX_REPORTS_PER_BATCH, 'at most 50 reports per request'),
})

export const dealReport = z.object({
  kind: z.literal('deal'),
  deal: ticket,
  order: ticket,
  position: ticket,
  timeMsc: finite,
  symbol: z.string().min(1).max(64),
  magic: z.string().max(20),
  type: z.enum(['buy', 'sell', 'other']),
  entry: z.enum(['in', 'out', 'inout', 'out_by']),
  reason: z.enum(['expert', 'sl', 'tp', 'stop_out', 'client', 'mobile', 'web', 'other']),
  volume: finite.nonnegative(),
  price: finite,
  requestedPrice: finite.nullish(),
  slippagePoints: finite.nullish(),
  spreadPoints: z.number().int().nullish(),
  latencyMs: finite.nonnegative().nullish(),
  retcode: z.number().int().nullish(),
  profit: finite,
  commission: finite,
  swap: finite,
  fee: finite.default(0),
  comment: z.string().max(200).default(''),
})

export const rejectedReport = z.object({
  kind: z.literal('rejected'),
  key: z.string().min(1).max(200),
  timeMsc: finite,
  symbol: z.string().min(1).max(64),
  magic: z.string().max(20),
  type: z.enum(['buy', 'sell']),
  action: z.enum(['open', 'close']),
  position: ticket.nullish(),
  volume: finite.nonnegative(),
  requestedPrice: finite.nullish(),
  spreadPoints: z.number().int().nullish(),
  latencyMs: finite.nonnegative().nullish(),
  retcode: z.number().int().nullish(),
  message: z.string().max(2000).default(''),
})

export const tradeReport = z.discriminatedUnion('kind', [dealReport, rejectedReport])

export type HelloMessage = z.infer<typeof helloMessage>
export type ReadyMessage = z.infer<typeof readyMessage>
export type HeartbeatMessage = z.infer<typeof heartbeatMessage>
export type AckMessage = z.infer<typeof ackMessage>
export type DealReport = z.infer<typeof dealReport>
export type RejectedReport = z.infer<typeof rejectedReport>
export type TradeReport = z.infer<typeof tradeReport>

// Replies (documented in the OpenAPI document).
export const helloReply = z.object({ heartbeatSeconds: z.number().int() })
export const readyReply = z.object({})
export const heartbeatReply = z.object({
  commandId: z.number().int().nullable(),
  command: z.enum(['run', 'halt', 'close_all', 'resume']),
  heartbeatSeconds: z.number().int(),
})
export const ackReply = z.object({})
export const tradesReply = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.array(z.object({ index: z.number().int(), reason: z.string() })).optional(),
})
export type HeartbeatReply = z.infer<typeof heartbeatReply>
export type TradesReply = z.infer<typeof tradesReply>
