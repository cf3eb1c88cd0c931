/**
 * Stable, readable identifiers for generated code. A node is named from its canvas label
 * ("Fast MA" → `fastMa`), else from its kind and position in plan order (`sma1`). The same name
 * is used in TypeScript and MQL5, so names avoid the keywords and built-ins of both languages.
 */
const RESERVED = new Set(
  (
    'abstract any as async await bar barsSeen bool boolean break canTrade case catch char class color const ' +
    'continue ctx datetime debugger default delete do double else enum export extends false final float for ' +
    'from function group if implements import in input instanceof int interface let long new null ' +
    'number object operator override package params private protected public return short sinput ' +
    'sizeof static string struct super switch template this throw true try type typeof typename uchar uint ' +
    'ulong undefined union ushort var virtual void while with yield Math NaN Infinity Point Digits Bars ' +
    'Period Symbol Print Time Open High Low Close Volume entriesToday entriesDay barDay plan'
  ).split(' '),
)

/** `"Fast MA (20)"` → `fastMa20`; empty when nothing usable is left. */
export function toCamelIdentifier(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
  const joined = words
    // All-caps words read as words: "Fast MA" → fastMa, not fastMA.
    .map((w) =>
      w.length > 1 && w === w.toUpperCase() ? w.charAt(0) + w.slice(1).toLowerCase() : w,
    )
    .map((w, i) =>
      i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1),
    )
    .join('')
  const safe = /^[0-9]/.test(joined) ? `n${joined}` : joined
  return safe.slice(0, 40)
}

export function toPascal(identifier: string): string {
  return identifier.charAt(0).toUpperCase() + identifier.slice(1)
}

/** Hands out unique names in call order; call it in plan order for stable output. */
export function createNamer(): (preferred: string, fallbackBase: string) => string {
  const used = new Set<string>()
  const counters = new Map<string, number>()
  return (preferred, fallbackBase) => {
    let base = toCamelIdentifier(preferred)
    if (base === '' || RESERVED.has(base)) {
      const n = (counters.get(fallbackBase) ?? 0) + 1
      counters.set(fallbackBase, n)
      base = `${fallbackBase}${n}`
    }
    let name = base
    for (let suffix = 2; used.has(name) || RESERVED.has(name); suffix++) name = `${base}${suffix}`
    used.add(name)
    return name
  }
}
