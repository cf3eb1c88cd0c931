import { describe, expect, it } from 'vitest'
import { findMql5SyntaxProblems, rewriteMql5ForCpp } from './mql5-syntax'

describe('the MQL5 syntax check', () => {
  it('keeps every offset while rewriting MQL5-only forms', () => {
    const source =
      'input group "Risk"\ninput int X = 1; // label\nsinput long M = 2;\ncolor c = C\'255,0,0\';\n'
    const rewritten = rewriteMql5ForCpp(source)
    expect(rewritten.length).toBe(source.length)
    expect(rewritten.split('\n').map((l) => l.length)).toEqual(
      source.split('\n').map((l) => l.length),
    )
  })

  it('accepts valid MQL5 and reports a deleted semicolon at its line', async () => {
    const valid =
      'input int Period = 14; // Period\nint OnInit()\n  {\n   int x = Period;\n   return(x);\n  }\n'
    expect(await findMql5SyntaxProblems(valid)).toEqual([])
    const broken = valid.replace('int x = Period;', 'int x = Period')
    const problems = await findMql5SyntaxProblems(broken)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]!.line).toBeGreaterThanOrEqual(4)
  })
})
