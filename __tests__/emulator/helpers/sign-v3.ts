/**
 * Signs a request with V3 for the raw-socket tests. It uses the verification module's canonical form,
 * which the reference vectors pin down (signature-vectors.test.ts); interoperability with the real SDK
 * is proven separately (openapi-client.test.ts).
 */
import { randomBytes } from 'node:crypto'
import { stringify } from 'node:querystring'
import { sha256Hex, v3CanonicalRequest, v3Signature, V3_ALGORITHM } from '../../support/acs-signature.js'
import type { CloudEmulator } from '../../support/cloud-emulator.js'
import type { RawRequest } from './raw-http.js'

export interface V3Request {
  action: string
  version: string
  method: 'GET' | 'POST'
  query?: Record<string, string>
  body?: Record<string, string>
  accessKeyId: string
  secret: string
  /** default: now */
  date?: Date
}

export function signV3(emulator: CloudEmulator, input: V3Request): RawRequest {
  const body = input.body ? stringify(input.body) : ''
  const headers: Record<string, string> = {
    host: emulator.host,
    'x-acs-action': input.action,
    'x-acs-version': input.version,
    'x-acs-date': (input.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    'x-acs-signature-nonce': randomBytes(16).toString('hex'),
    'x-acs-content-sha256': sha256Hex(body),
    ...(input.body && { 'content-type': 'application/x-www-form-urlencoded' })
  }
  const signedHeaders = Object.keys(headers).sort()
  const canonical = v3CanonicalRequest({
    method: input.method,
    path: '/',
    query: input.query ?? {},
    headers,
    signedHeaders,
    payloadHash: headers['x-acs-content-sha256']
  })
  headers.authorization = `${V3_ALGORITHM} Credential=${input.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${v3Signature(input.secret, canonical)}`
  const query = stringify(input.query ?? {})
  return { method: input.method, path: query ? `/?${query}` : '/', headers, body }
}
