/**
 * Where the open strategy's id lives between page loads: the URL (`?strategy=<id>`, shareable
 * and bookmarkable) first, local storage second (so a bare URL reopens the last strategy).
 */
const PARAM = 'strategy'
const STORAGE_KEY = 'tradeloom.strategyId'

/** The id from the URL or local storage, if any. */
export function readStrategyId(): string | undefined {
  const fromUrl = new URL(window.location.href).searchParams.get(PARAM)
  if (fromUrl) return fromUrl
  return window.localStorage.getItem(STORAGE_KEY) ?? undefined
}

/** Puts the id in the URL (without a navigation) and in local storage. */
export function rememberStrategyId(id: string): void {
  window.localStorage.setItem(STORAGE_KEY, id)
  const url = new URL(window.location.href)
  url.searchParams.set(PARAM, id)
  window.history.replaceState(null, '', url)
}

/** Drops a stale id from both places. */
export function forgetStrategyId(): void {
  window.localStorage.removeItem(STORAGE_KEY)
  const url = new URL(window.location.href)
  url.searchParams.delete(PARAM)
  window.history.replaceState(null, '', url)
}
