import { mql5Sources } from './templates.gen'

/** The EA skeleton every generated Expert Advisor starts from. */
export const SKELETON_PATH = 'Experts/Skeleton.mq5'

/**
 * Returns one MQL5 source by path (`Include/Tradeloom/Trade.mqh`). Throws for an unknown
 * path: that is a bug in the compiler, never a user error.
 */
export function readMql5Source(path: string): string {
  const source = mql5Sources[path]
  if (source === undefined) throw new Error(`Unknown MQL5 template "${path}"`)
  return source
}
