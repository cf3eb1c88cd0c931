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
  /** `code`: TypeScript the user took over; no graph, no MQL5. Older servers omit it (graph). */
  kind?: 'graph' | 'code'
  parentVersionId: string | null
  restoredFromVersionId?: string | null
  message: string
  contentHash: string
  compilerVersion: string
  createdAt: string
}

/** A version with its graph and exactly what the compiler made of it when it was saved. */
export interface StrategyVersionDetail extends StrategyVersion {
  graph: StrategyGraph | null
  tsSource: string
  mql5Source: string | null
  plots?: { key: string; label: string; nodeId: string; pane: 'price' | 'oscillator' }[]
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

let csrfToken: string | null = null

/** Remembers the CSRF token the server handed out (`/auth/me`, login, register). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** The token to echo on changes: the one we were given, else the readable cookie. */
export function currentCsrfToken(): string | null {
  if (csrfToken) return csrfToken
  const match = /(?:^|;\s*)tradeloom_csrf=([^;]+)/.exec(document.cookie)
  return match ? decodeURIComponent(match[1]!) : null
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Turns a failed response into an ApiError with the server's own message. */
export function errorFromResponse(status: number, text: string, what: string): ApiError {
  let json: unknown = undefined
  try {
    json = text === '' ? undefined : JSON.parse(text)
  } catch {
    // A proxy error page or similar: report the status below rather than a JSON syntax error.
  }
  const error = (
    json as { error?: { code?: string; message?: string; details?: unknown } } | undefined
  )?.error
  // 502-504 without our JSON error body come from a proxy (Vite's in development): the server
  // itself did not answer.
  const fallback =
    status >= 502 && status <= 504
      ? `The server did not answer (HTTP ${status}). Is it running?`
      : `${what} failed with HTTP ${status}`
  return new ApiError(status, error?.code ?? `http-${status}`, error?.message ?? fallback, {
    cause: error?.details,
  })
}

/** One JSON request to `/api`; rejects with an ApiError carrying the server's message. */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  let response: Response
  const headers: Record<string, string> = {}
  if (body !== undefined) headers['content-type'] = 'application/json'
  const token = method === 'GET' ? null : currentCsrfToken()
  if (token) headers['x-csrf-token'] = token
  try {
    response = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (cause) {
    throw new ApiError(0, 'network', 'The server cannot be reached. Is it running?', { cause })
  }
  const text = await response.text()
  if (!response.ok) throw errorFromResponse(response.status, text, `${method} /api${path}`)
  return (text === '' ? undefined : JSON.parse(text)) as T
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
  input: { graph: StrategyGraph; message?: string } | { code: string; message?: string },
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

/** Renames a strategy (or changes its symbol/timeframe). */
export async function updateStrategy(
  strategyId: string,
  patch: Partial<Pick<StrategySummary, 'name' | 'symbol' | 'timeframe'>>,
): Promise<StrategySummary> {
  return request<StrategySummary>('PATCH', `/strategies/${encodeURIComponent(strategyId)}`, patch)
}

/** Lists the user's strategies, most recently changed first. */
export async function listStrategies(): Promise<StrategySummary[]> {
  return request<StrategySummary[]>('GET', '/strategies')
}

/** A new version equal in content to an older one (the server records the rollback). */
export async function rollbackTo(
  strategyId: string,
  versionId: string,
  message: string,
): Promise<StrategyVersionDetail> {
  return request<StrategyVersionDetail>(
    'POST',
    `/strategies/${encodeURIComponent(strategyId)}/versions/${encodeURIComponent(versionId)}/rollback`,
    { message },
  )
}

/** The server's diff of two versions (graph changes and unified text diffs). */
export interface VersionDiff {
  graph: {
    nodesAdded: { id: string }[]
    nodesRemoved: { id: string }[]
    paramsChanged: { nodeId: string; param: string; from: unknown; to: unknown }[]
  } | null
  ts: string
  mql5: string
}

/** Reads the server's diff between two versions. */
export async function diffVersions(
  strategyId: string,
  from: string,
  to: string,
): Promise<VersionDiff> {
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
  return request<VersionDiff>('GET', `/strategies/${encodeURIComponent(strategyId)}/diff?${query}`)
}

/** Reads one strategy. */
export async function getStrategy(strategyId: string): Promise<StrategySummary> {
  return request<StrategySummary>('GET', `/strategies/${encodeURIComponent(strategyId)}`)
}
