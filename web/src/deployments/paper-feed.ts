import type { PaperFeed } from '../api/deployments'

/** The paper-feed fields as typed in the deploy dialog. */
export interface FeedDraft {
  kind: PaperFeed['kind']
  datasetId: string
  barsPerSecond: string
  seed: string
  barSeconds: string
}

export type FeedResult = { ok: true; feed: PaperFeed } | { ok: false; message: string }

/**
 * The feed to send, or what is wrong with it; the limits are the server's (at most 1000 bars per
 * second, a bar at most a day apart).
 */
export function feedFromDraft(draft: FeedDraft): FeedResult {
  if (draft.kind === 'dataset') {
    const barsPerSecond = Number(draft.barsPerSecond)
    if (draft.datasetId === '') return { ok: false, message: 'Choose a dataset to replay.' }
    if (!(barsPerSecond > 0) || barsPerSecond > 1000) {
      return { ok: false, message: 'Bars per second must be above 0 and at most 1000.' }
    }
    return { ok: true, feed: { kind: 'dataset', datasetId: draft.datasetId, barsPerSecond } }
  }
  const seed = Number(draft.seed)
  const barSeconds = Number(draft.barSeconds)
  if (draft.seed.trim() === '' || !Number.isInteger(seed)) {
    return { ok: false, message: 'The seed must be a whole number.' }
  }
  if (!(barSeconds > 0) || barSeconds > 86_400) {
    return { ok: false, message: 'Seconds per bar must be above 0 and at most 86400 (a day).' }
  }
  return { ok: true, feed: { kind: 'synthetic', seed, barSeconds } }
}
