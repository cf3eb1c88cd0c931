import { mql5Sources } from '@tradeloom/mql5-templates'
import { describe, expect, it } from 'vitest'
import { findMql5SyntaxProblems } from './support/mql5-syntax'

describe('every MQL5 template and include file', () => {
  it.each(Object.keys(mql5Sources).sort())('%s parses with zero error or missing nodes', async (path) => {
    expect(await findMql5SyntaxProblems(mql5Sources[path]!)).toEqual([])
  })
})
