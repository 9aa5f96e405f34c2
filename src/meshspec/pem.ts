/** Certificates and keys given as PEM or as Base64 of the PEM; checked with node:crypto. */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto'

const PEM_START = '-----BEGIN '
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g

export type Decoded<T> = { ok: true; value: T } | { ok: false; problem: string }

/** One PEM text for both ways of writing it, so PEM and Base64 inputs of the same file send the same bytes. */
const normalise = (pem: string): string => `${pem.replace(/\r\n?/g, '\n').trim()}\n`

/** PEM as written, or Base64 of a PEM (whitespace ignored) → the normalised PEM text. */
export function decodePem(value: string): Decoded<string> {
  const trimmed = value.trim()
  if (trimmed.startsWith(PEM_START)) return { ok: true, value: normalise(trimmed) }
  const base64 = trimmed.replace(/\s+/g, '')
  const strict = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) && base64.length % 4 === 0
  const decoded = strict ? Buffer.from(base64, 'base64').toString('latin1') : ''
  if (!decoded.trimStart().startsWith(PEM_START) || /[^\t\n\r\x20-\x7e]/.test(decoded)) {
    return { ok: false, problem: 'is neither PEM, starting with -----BEGIN, nor Base64 of a PEM' }
  }
  return { ok: true, value: normalise(decoded) }
}

export const toBase64 = (pem: string): string => Buffer.from(pem, 'utf8').toString('base64')

export function parseCertificates(pem: string): Decoded<X509Certificate[]> {
  const blocks = pem.match(CERTIFICATE_BLOCK) ?? []
  if (blocks.length === 0) return { ok: false, problem: 'holds no -----BEGIN CERTIFICATE----- block' }
  const certificates: X509Certificate[] = []
  for (const [index, block] of blocks.entries()) {
    try {
      certificates.push(new X509Certificate(block))
    } catch {
      return {
        ok: false,
        problem: `holds a certificate that cannot be read: number ${index + 1} of ${blocks.length}`
      }
    }
  }
  return { ok: true, value: certificates }
}

export function parsePrivateKey(pem: string): Decoded<KeyObject> {
  if (pem.includes('ENCRYPTED'))
    return { ok: false, problem: 'is an encrypted private key; remove its passphrase' }
  try {
    return { ok: true, value: createPrivateKey({ key: pem, format: 'pem' }) }
  } catch {
    return { ok: false, problem: 'is not a private key that can be read' }
  }
}
