import { createTwoFilesPatch } from 'diff'

/**
 * A unified diff (3 lines of context) between two versions of a generated file, with
 * `a/<name>`/`b/<name>` headers naming the versions; '' when the texts are equal.
 */
export function unifiedDiff(
  fileName: string,
  from: { text: string; label: string },
  to: { text: string; label: string },
): string {
  if (from.text === to.text) return ''
  return createTwoFilesPatch(
    `a/${fileName}`,
    `b/${fileName}`,
    from.text,
    to.text,
    from.label,
    to.label,
    { context: 3 },
  )
}
