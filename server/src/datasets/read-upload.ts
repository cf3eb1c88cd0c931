import { AppError, PayloadTooLargeError, ValidationError } from '../errors'

/** Sizes in words: 52428800 → "50 MB". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}

/**
 * Reads an upload's body as UTF-8 text while it streams in, stopping with a 413 as soon as it
 * passes `maxBytes` (or at once when Content-Length already says so), so an oversized file is
 * never held in memory. Form uploads are refused: the CSV must be the raw body.
 */
export async function readUploadText(
  request: Request,
  maxBytes: number,
): Promise<{ text: string; bytes: number }> {
  const type = request.headers.get('content-type') ?? ''
  if (/multipart\/form-data|application\/x-www-form-urlencoded/i.test(type)) {
    throw new AppError(
      415,
      'unsupported_media_type',
      'Send the CSV file itself as the request body (Content-Type: text/csv), not as a form',
    )
  }
  const tooLarge = () =>
    new PayloadTooLargeError(`The file is larger than the upload limit of ${formatBytes(maxBytes)}`)
  const declared = Number(request.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) throw tooLarge()
  if (request.body === null) throw emptyUpload()

  const decoder = new TextDecoder('utf-8')
  const parts: string[] = []
  let bytes = 0
  const reader = request.body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
    if (bytes > maxBytes) {
      await reader.cancel()
      throw tooLarge()
    }
    parts.push(decoder.decode(value, { stream: true }))
  }
  parts.push(decoder.decode())
  if (bytes === 0) throw emptyUpload()
  return { text: parts.join(''), bytes }
}

function emptyUpload(): ValidationError {
  return new ValidationError('The upload is empty: send the CSV file as the request body', [
    { path: 'body', message: 'is empty' },
  ])
}
