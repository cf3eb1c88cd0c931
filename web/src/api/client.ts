import type { StrategyGraph } from '@tradeloom/compiler'

/**
 * The only module that knows the server's URLs. Every call resolves to parsed JSON or rejects with
 * an ApiError carrying the server's own message, so panels can show it verbatim.
 *
 * TODO(issue 5/6): switch to Hono's typed `hc<AppType>()` client once the server exports AppType;
 * the function signatures below stay the same, so callers do not change.
 */

/** A strategy as the server lists it. */
export interface StrategySummary {
  id: string
  name: string
  symbol: string
  timeframe: string
  strategyClass: string
  createdAt: string
  updatedAt: string
  latestVersion: { id: string; version: number; createdAt: string } | null
}

/** One immutable saved version of a strategy, as listed (without graph and sources). */
export interface StrategyVersion {
  id: string
  strategyId: string
  /** 1, 2, 3… per strategy. */
  version: number
  parentVersionId: string | null
  message: string
  contentHash: string
  compilerVersion: string
  createdAt: string
}

/** A version with its graph and exactly what the compiler made of it when it was saved. */
export interface StrategyVersionDetail extends StrategyVersion {
  graph: StrategyGraph
  tsSource: string
  mql5Source: string
}

/** An error response (`{ error: { code, message } }`) or a network failure. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string

  constructor(status: number, code: string, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'ApiError'
    this.status = status
    this.code = code
  }
}

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (cause) {
    throw new ApiError(0, 'network', 'The server cannot be reached. Is it running?', { cause })
  }
  const text = await response.text()
  let json: unknown = undefined
  try {
    json = text === '' ? undefined : JSON.parse(text)
  } catch {
    // A proxy error page or similar: report the status below rather than a JSON syntax error.
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string } } | undefined)?.error
    // 502-504 without our JSON error body come from a proxy (Vite's in development): the server
    // itself did not answer.
    const fallback =
      response.status >= 502 && response.status <= 504
        ? `The server did not answer (HTTP ${response.status}). Is it running?`
        : `${method} /api${path} failed with HTTP ${response.status}`
    throw new ApiError(
      response.status,
      error?.code ?? `http-${response.status}`,
      error?.message ?? fallback,
    )
  }
  return json as T
}

/** Creates a strategy and returns it. */
export async function createStrategy(input: StrategyGraph['meta']): Promise<StrategySummary> {
  return request<StrategySummary>('POST', '/strategies', input)
}

/**
 * Saves an immutable version of the strategy's graph. The server compiles it and stores the
 * sources; saving a graph identical to an existing version returns that version instead.
 */
export async function saveVersion(
  strategyId: string,
  input: { graph: StrategyGraph; message?: string },
): Promise<StrategyVersionDetail> {
  return request<StrategyVersionDetail>(
    'POST',
    `/strategies/${encodeURIComponent(strategyId)}/versions`,
    input,
  )
}

/** Lists a strategy's versions, newest first. */
export async function listVersions(strategyId: string): Promise<StrategyVersion[]> {
  const versions = await request<StrategyVersion[]>(
    'GET',
    `/strategies/${encodeURIComponent(strategyId)}/versions`,
  )
  // Newest first whatever order the server chose: the list reads top-down as history.
  return [...versions].sort((a, b) => b.version - a.version)
}

/** Reads one version including its graph. */
export async function getVersion(
  strategyId: string,
  versionId: string,
): Promise<StrategyVersionDetail> {
  return request<StrategyVersionDetail>(
    'GET',
    `/strategies/${encodeURIComponent(strategyId)}/versions/${encodeURIComponent(versionId)}`,
  )
}
