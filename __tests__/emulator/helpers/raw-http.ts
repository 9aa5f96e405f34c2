/** A plain node:http client, to see exactly what the emulator answers (status, headers, bytes, resets). */
import { request, type Agent } from 'node:http'
import { stringify } from 'node:querystring'
import type { CloudEmulator, RecordedCall } from '../../support/cloud-emulator.js'

export interface RawRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
}

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/**
 * Resolves with the answer; rejects with the socket error (e.g. ECONNRESET) when there is none.
 * A fresh connection per request unless an agent is given.
 */
export function send(
  emulator: CloudEmulator,
  raw: RawRequest,
  agent: Agent | false = false
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${emulator.url}${raw.path}`,
      { method: raw.method, headers: raw.headers, agent },
      res => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString()
          })
        )
        res.on('error', reject)
      }
    )
    req.on('error', reject)
    req.end(raw.body)
  })
}

/** The recorded request sent again byte for byte (optionally with another body or other headers). */
export function replay(
  emulator: CloudEmulator,
  call: RecordedCall,
  change: { body?: string; headers?: Record<string, string> } = {}
): Promise<RawResponse> {
  const headers = { ...call.headers, ...change.headers }
  for (const hopByHop of ['content-length', 'transfer-encoding', 'connection']) delete headers[hopByHop]
  const query = stringify(call.query)
  return send(emulator, {
    method: call.method,
    path: query ? `/?${query}` : '/',
    headers,
    body: change.body ?? call.rawBody
  })
}
