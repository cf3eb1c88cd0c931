/**
 * Warm-up as a small expression over the strategy's inputs, so that a user who changes a period
 * in MetaTrader's Inputs dialog or in the TypeScript params gets the matching warm-up.
 */
export type WarmupExpr =
  | { readonly kind: 'const'; readonly value: number }
  | { readonly kind: 'param'; readonly ts: string; readonly mql5: string; readonly value: number }
  | { readonly kind: 'sum'; readonly terms: readonly WarmupExpr[] }
  | { readonly kind: 'max'; readonly items: readonly WarmupExpr[] }
  /** `ceil(factor * term)` or `ceil(factor / term)`: burn-ins that scale with a period or a step. */
  | {
      readonly kind: 'ceil'
      readonly factor: number
      readonly op: '*' | '/'
      readonly term: WarmupExpr
    }

export function warmConst(value: number): WarmupExpr {
  return { kind: 'const', value }
}

export function warmSum(...terms: WarmupExpr[]): WarmupExpr {
  const constant = terms.reduce((sum, t) => (t.kind === 'const' ? sum + t.value : sum), 0)
  const rest = terms.filter((t) => t.kind !== 'const')
  if (rest.length === 0) return warmConst(constant)
  if (constant === 0 && rest.length === 1) return rest[0]!
  return { kind: 'sum', terms: constant === 0 ? rest : [...rest, warmConst(constant)] }
}

export function warmMax(items: readonly WarmupExpr[]): WarmupExpr {
  const unique = new Map<string, WarmupExpr>()
  let constant = 0
  // Nested maxima flatten: max(max(a, b), c) is max(a, b, c).
  const flat = items.flatMap((item) => (item.kind === 'max' ? item.items : [item]))
  for (const item of flat) {
    if (item.kind === 'const') constant = Math.max(constant, item.value)
    else unique.set(keyOf(item), item)
  }
  if (unique.size === 0) return warmConst(constant)
  const all = constant > 0 ? [...unique.values(), warmConst(constant)] : [...unique.values()]
  return all.length === 1 ? all[0]! : { kind: 'max', items: all }
}

const keys = new WeakMap<WarmupExpr, string>()

/** A structural identity for de-duplication, computed once per expression object. */
function keyOf(expr: WarmupExpr): string {
  let key = keys.get(expr)
  if (key === undefined) {
    key = renderWarmupTs(expr)
    keys.set(expr, key)
  }
  return key
}

/**
 * `ceil(factor * term)` (op '*') or `ceil(factor / term)` (op '/'). Recursive indicators need a
 * burn-in that grows with their period (or shrinks with a SAR step); both targets evaluate it
 * with the same IEEE-754 operations, so TS and MQL5 agree on the bar count.
 */
export function warmCeil(factor: number, op: '*' | '/', term: WarmupExpr): WarmupExpr {
  if (term.kind === 'const') {
    return warmConst(Math.ceil(op === '*' ? factor * term.value : factor / term.value))
  }
  return { kind: 'ceil', factor, op, term }
}

/** The value with the graph's own parameter values. */
export function evaluateWarmup(expr: WarmupExpr): number {
  switch (expr.kind) {
    case 'const':
      return expr.value
    case 'param':
      return expr.value
    case 'sum':
      return expr.terms.reduce((sum, t) => sum + evaluateWarmup(t), 0)
    case 'max':
      return Math.max(0, ...expr.items.map(evaluateWarmup))
    case 'ceil': {
      const term = evaluateWarmup(expr.term)
      return Math.ceil(expr.op === '*' ? expr.factor * term : expr.factor / term)
    }
  }
}

/** A sum inside `factor * (...)` needs its parentheses; a single name or call does not. */
function wrapTerm(expr: WarmupExpr, rendered: string): string {
  return expr.kind === 'sum' ? `(${rendered})` : rendered
}

/** A double literal for MQL5: `6 / InpStep` would be an integer division if InpStep were an int. */
function mql5Double(value: number): string {
  const text = String(value)
  return /[.eE]/.test(text) ? text : `${text}.0`
}

function renderTerms(terms: readonly WarmupExpr[], render: (e: WarmupExpr) => string): string {
  return terms
    .map((t, i) => {
      if (i > 0 && t.kind === 'const' && t.value < 0) return ` - ${-t.value}`
      return i === 0 ? render(t) : ` + ${render(t)}`
    })
    .join('')
}

export function renderWarmupTs(expr: WarmupExpr): string {
  switch (expr.kind) {
    case 'const':
      return String(expr.value)
    case 'param':
      return expr.ts
    case 'sum':
      return renderTerms(expr.terms, renderWarmupTs)
    case 'max':
      return `Math.max(${expr.items.map(renderWarmupTs).join(', ')})`
    case 'ceil':
      return `Math.ceil(${expr.factor} ${expr.op} ${wrapTerm(expr.term, renderWarmupTs(expr.term))})`
  }
}

export function renderWarmupMql5(expr: WarmupExpr): string {
  switch (expr.kind) {
    case 'const':
      return String(expr.value)
    case 'param':
      return expr.mql5
    case 'sum':
      return renderTerms(expr.terms, renderWarmupMql5)
    case 'max':
      // MathMax takes two arguments and returns a double: nest it and cast once at the use site.
      return expr.items.map(renderWarmupMql5).reduce((acc, item) => `MathMax(${acc}, ${item})`)
    case 'ceil':
      return `MathCeil(${mql5Double(expr.factor)} ${expr.op} ${wrapTerm(expr.term, renderWarmupMql5(expr.term))})`
  }
}
