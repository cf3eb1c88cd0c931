import { z } from 'zod'

/** The graph document's schema version. Bump it and add a migration in `migrate.ts` on change. */
export const GRAPH_SCHEMA_VERSION = 1

export const TIMEFRAMES = ['M1', 'M5', 'M15', 'M30', 'H1', 'H4', 'D1', 'W1', 'MN1'] as const
export const STRATEGY_CLASSES = ['RULE', 'OPTIMIZED_RULE', 'ML'] as const

const identifier = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"')

export const paramValueSchema = z.union([z.number(), z.string(), z.boolean()])

export const nodeInstanceSchema = z.object({
  id: identifier,
  kind: z.string().min(1, 'must not be empty'),
  params: z.record(z.string(), paramValueSchema),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }),
  label: z.string().max(80, 'must be at most 80 characters').optional(),
})

export const edgeSchema = z.object({
  id: identifier,
  source: identifier,
  sourcePort: z.string().min(1),
  target: identifier,
  targetPort: z.string().min(1),
})

export const strategyMetaSchema = z.object({
  name: z.string().min(1, 'must not be empty').max(120),
  symbol: z.string().min(1, 'must not be empty').max(32),
  timeframe: z.enum(TIMEFRAMES),
  strategyClass: z.enum(STRATEGY_CLASSES),
})

export const strategyGraphSchema = z.object({
  schemaVersion: z.literal(GRAPH_SCHEMA_VERSION),
  meta: strategyMetaSchema,
  nodes: z.array(nodeInstanceSchema).max(2000, 'a graph may hold at most 2000 nodes'),
  edges: z.array(edgeSchema).max(8000, 'a graph may hold at most 8000 edges'),
})

export type ParamValue = z.infer<typeof paramValueSchema>
export type NodeInstance = z.infer<typeof nodeInstanceSchema>
export type Edge = z.infer<typeof edgeSchema>
export type StrategyMeta = z.infer<typeof strategyMetaSchema>
export type StrategyGraph = z.infer<typeof strategyGraphSchema>
export type Timeframe = (typeof TIMEFRAMES)[number]
