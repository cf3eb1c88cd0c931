import { readMql5Source } from '@tradeloom/mql5-templates'

const TRADELOOM_INCLUDE = /^#include <(Tradeloom\\[^>]+)>\s*$/
const ANY_INCLUDE = /^#include [<"][^>"]+[>"]\s*$/

/**
 * Replaces every `#include <Tradeloom\...>` with the file's text (recursively, each file once),
 * so the trader gets ONE .mq5 that compiles without copying our Include folder. Standard
 * includes such as <Trade\Trade.mqh> stay includes and are de-duplicated.
 */
export function inlineIncludes(source: string): string {
  const done = new Set<string>()
  const seenStandard = new Set<string>()
  const expand = (text: string): string[] =>
    text.split('\n').flatMap((line) => {
      const match = TRADELOOM_INCLUDE.exec(line)
      if (match) {
        const path = `Include/${match[1]!.replace(/\\/g, '/')}`
        if (done.has(path)) return []
        done.add(path)
        const body = expand(readMql5Source(path)).join('\n').replace(/\n+$/, '')
        return [
          `//--- begin ${path.slice('Include/'.length)} (Tradeloom include library, inlined)`,
          body,
          `//--- end ${path.slice('Include/'.length)}`,
        ]
      }
      if (ANY_INCLUDE.test(line)) {
        const key = line.trim()
        if (seenStandard.has(key)) return []
        seenStandard.add(key)
      }
      return [line]
    })
  return expand(source).join('\n')
}
