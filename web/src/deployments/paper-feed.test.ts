import { describe, expect, it } from 'vitest'
import { feedFromDraft } from './paper-feed'

const draft = {
  kind: 'synthetic' as const,
  datasetId: '',
  barsPerSecond: '10',
  seed: '42',
  barSeconds: '1',
}

describe('paper feed', () => {
  it('builds a synthetic feed', () => {
    expect(feedFromDraft(draft)).toEqual({
      ok: true,
      feed: { kind: 'synthetic', seed: 42, barSeconds: 1 },
    })
  })

  it('builds a dataset replay', () => {
    expect(
      feedFromDraft({ ...draft, kind: 'dataset', datasetId: 'abc', barsPerSecond: '20' }),
    ).toEqual({
      ok: true,
      feed: { kind: 'dataset', datasetId: 'abc', barsPerSecond: 20 },
    })
  })

  it('says what is missing or out of range', () => {
    expect(feedFromDraft({ ...draft, kind: 'dataset' })).toEqual({
      ok: false,
      message: 'Choose a dataset to replay.',
    })
    expect(
      feedFromDraft({ ...draft, kind: 'dataset', datasetId: 'a', barsPerSecond: '0' }).ok,
    ).toBe(false)
    expect(
      feedFromDraft({ ...draft, kind: 'dataset', datasetId: 'a', barsPerSecond: '5000' }).ok,
    ).toBe(false)
    expect(feedFromDraft({ ...draft, seed: '1.5' }).ok).toBe(false)
    expect(feedFromDraft({ ...draft, seed: '' }).ok).toBe(false)
    expect(feedFromDraft({ ...draft, barSeconds: '-1' }).ok).toBe(false)
  })
})
