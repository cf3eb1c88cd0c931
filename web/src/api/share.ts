import type { StrategyVersionDetail } from './client'
import { request } from './client'

/** What a share link opens: one version, read-only, no login. */
export interface SharedVersion {
  strategy: { name: string; symbol: string; timeframe: string }
  version: StrategyVersionDetail
}

/** Creates (or returns) the read-only share token of a version. */
export async function createShareLink(
  strategyId: string,
  versionId: string,
): Promise<{ token: string }> {
  return request<{ token: string }>(
    'POST',
    `/strategies/${encodeURIComponent(strategyId)}/versions/${encodeURIComponent(versionId)}/share`,
  )
}

/** Opens a shared version without a session. */
export async function openShareLink(token: string): Promise<SharedVersion> {
  return request<SharedVersion>('GET', `/share/${encodeURIComponent(token)}`)
}
