/** One server-sent event as the client sees it. */
export interface SseEvent {
  event: string
  id?: string
  data: unknown
}

/** Reads an SSE response to its end (the server closes it after `done`) and parses every event. */
export async function readSse(response: Response, timeoutMs = 30_000): Promise<SseEvent[]> {
  const reader = response.body!.getReader()
  const decoder = new TextDecoder()
  let text = ''
  const deadline = setTimeout(() => void reader.cancel(), timeoutMs)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      text += decoder.decode(value, { stream: true })
    }
  } finally {
    clearTimeout(deadline)
  }
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '' && !block.startsWith(':'))
    .map((block) => {
      const fields = Object.fromEntries(
        block
          .split('\n')
          .map((line) => [
            line.slice(0, line.indexOf(':')),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
      ) as Record<string, string>
      const event: SseEvent = {
        event: fields.event ?? 'message',
        data: JSON.parse(fields.data ?? 'null'),
      }
      if (fields.id !== undefined) event.id = fields.id
      return event
    })
}
