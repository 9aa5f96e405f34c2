/**
 * Server-side verification of Alibaba Cloud request signatures: V3 (ACS3-HMAC-SHA256) and the RPC
 * HMAC-SHA1 signature (SignatureVersion 1.0, which Alibaba's docs call "V2 for RPC").
 * Facts: docs/reference/alibaba-signing-sts.md §1 and §2. Written from the documented algorithm, not
 * from the SDK, so that a client signing wrongly fails here.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { AcsError } from '../emulator/cloud/acs-error.js'

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256'
/** Both x-acs-date and Timestamp must be within 15 minutes of the server clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000
/** Every V3 request must sign these (the doc: all common headers except Authorization). */
export const REQUIRED_SIGNED_HEADERS = [
  'host',
  'x-acs-action',
  'x-acs-content-sha256',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-version'
]
/** RPC common parameters: part of the V1 signature, not parameters of the API itself. */
export const RPC_COMMON_PARAMETERS = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Signature',
  'SecurityToken'
])

/** A request as received, its query and form body already percent-decoded. */
export interface SignedRequest {
  method: string
  path: string
  query: Record<string, string>
  body: Record<string, string>
  rawBody: Buffer
  /** lowercase names */
  headers: Record<string, string>
}

export interface KnownCredential {
  secret: string
  /** set for STS-issued keys: the token that must accompany them */
  securityToken?: string
  /** epoch ms after which an STS-issued key is refused */
  expiresAt?: number
}

export interface VerifyContext {
  now: number
  credential(accessKeyId: string): KnownCredential | undefined
  nonces: NonceRegistry
}

export type SignatureKind = 'v3' | 'v1' | 'anonymous'

/** Strict RFC 3986 encoding (reference §1.2 step 3): only A-Z a-z 0-9 - _ . ~ stay literal. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** Sorted `name=value` pairs, both encoded, joined with `&`. */
export function canonicalQueryString(params: Record<string, string>): string {
  return Object.keys(params)
    .sort()
    .map(name => `${percentEncode(name)}=${percentEncode(params[name])}`)
    .join('&')
}

/**
 * Decodes a query string or an application/x-www-form-urlencoded body. `+` is read as a space (form
 * semantics; whether the real gateway does so in the query is unverified, reference §8 — the SDK always
 * sends %20 / %2B). A repeated name is refused: the signature would not say which value was meant.
 */
export function decodeParameters(raw: string, where: string): Record<string, string> {
  const params: Record<string, string> = {}
  for (const pair of raw.split('&')) {
    if (pair === '') continue
    const eq = pair.indexOf('=')
    const name = decodeComponent(eq < 0 ? pair : pair.slice(0, eq), where)
    if (name === '__proto__')
      throw new AcsError(400, 'InvalidParameter', `The ${where} has a parameter named "__proto__".`)
    if (Object.hasOwn(params, name)) {
      throw new AcsError(
        400,
        'InvalidParameter',
        `The parameter "${name}" appears more than once in the ${where}.`
      )
    }
    params[name] = eq < 0 ? '' : decodeComponent(pair.slice(eq + 1), where)
  }
  return params
}

function decodeComponent(text: string, where: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    throw new AcsError(
      400,
      'InvalidParameter',
      `The ${where} contains malformed percent-encoding: "${text}".`
    )
  }
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

export interface V3CanonicalInput {
  method: string
  path: string
  query: Record<string, string>
  /** lowercase names */
  headers: Record<string, string>
  signedHeaders: string[]
  payloadHash: string
}

/** Reference §2.2 steps 1–6; headers are taken only from the signed list, values trimmed. */
export function v3CanonicalRequest(input: V3CanonicalInput): string {
  const names = [...input.signedHeaders].sort()
  const canonicalHeaders = names.map(name => `${name}:${(input.headers[name] ?? '').trim()}\n`).join('')
  return [
    input.method,
    input.path,
    canonicalQueryString(input.query),
    canonicalHeaders,
    names.join(';'),
    input.payloadHash
  ].join('\n')
}

/** Reference §2.2 steps 7–8: lowercase hex HMAC-SHA256 keyed with the secret as is. */
export function v3Signature(secret: string, canonicalRequest: string): string {
  const stringToSign = `${V3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`
  return createHmac('sha256', secret).update(stringToSign).digest('hex')
}

/** Reference §1.2 steps 1–5; `params` excludes Signature. */
export function v1StringToSign(method: string, params: Record<string, string>): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalQueryString(params))}`
}

/** Reference §1.2 step 6: Base64 HMAC-SHA1 keyed with `secret + "&"`. */
export function v1Signature(secret: string, stringToSign: string): string {
  return createHmac('sha1', `${secret}&`).update(stringToSign).digest('base64')
}

export interface V3Authorization {
  algorithm: string
  accessKeyId: string
  signedHeaders: string[]
  signature: string
}

/** `ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=<a;b>,Signature=<hex>`; undefined when not of that shape. */
export function parseAuthorization(header: string | undefined): V3Authorization | undefined {
  const match = /^(\S+) (.*)$/.exec(header?.trim() ?? '')
  if (!match) return undefined
  const fields = new Map(
    match[2].split(',').map(part => {
      const eq = part.indexOf('=')
      return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()] as const
    })
  )
  const accessKeyId = fields.get('Credential')
  const signedHeaders = fields.get('SignedHeaders')
  const signature = fields.get('Signature')
  if (!accessKeyId || !signedHeaders || !signature) return undefined
  return { algorithm: match[1], accessKeyId, signedHeaders: signedHeaders.split(';'), signature }
}

/** Which scheme the request claims, and the key id it names; never throws (used for recording too). */
export function describeSignature(request: SignedRequest): { kind: SignatureKind; accessKeyId?: string } {
  if (request.headers.authorization !== undefined) {
    return { kind: 'v3', accessKeyId: parseAuthorization(request.headers.authorization)?.accessKeyId }
  }
  const params = { ...request.query, ...request.body }
  if (params.Signature !== undefined) return { kind: 'v1', accessKeyId: params.AccessKeyId }
  return { kind: 'anonymous' }
}

/** Remembers nonces for twice the skew window: an older replay already fails the date check. */
export class NonceRegistry {
  private readonly seen = new Map<string, number>()

  /** false when the nonce was used before */
  claim(nonce: string, now: number): boolean {
    for (const [old, at] of this.seen) {
      if (now - at > 2 * MAX_CLOCK_SKEW_MS) this.seen.delete(old)
    }
    if (this.seen.has(nonce)) return false
    this.seen.set(nonce, now)
    return true
  }
}

/** Verifies a signed request; throws AcsError with the code Alibaba Cloud uses. Anonymous requests pass. */
export function verifySignature(request: SignedRequest, context: VerifyContext): void {
  const { kind } = describeSignature(request)
  if (kind === 'v3') verifyV3(request, context)
  else if (kind === 'v1') verifyV1(request, context)
}

function verifyV3(request: SignedRequest, context: VerifyContext): void {
  const auth = parseAuthorization(request.headers.authorization)
  if (!auth) {
    throw incompleteSignature(
      'the Authorization header must read "ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…"'
    )
  }
  if (auth.algorithm !== V3_ALGORITHM) {
    throw incompleteSignature(
      `the signature algorithm "${auth.algorithm}" is not supported; use ${V3_ALGORITHM}`
    )
  }
  const securityToken = request.headers['x-acs-security-token']
  const required =
    securityToken === undefined
      ? REQUIRED_SIGNED_HEADERS
      : [...REQUIRED_SIGNED_HEADERS, 'x-acs-security-token']
  for (const name of required) {
    if (!auth.signedHeaders.includes(name)) throw incompleteSignature(`the header "${name}" must be signed`)
  }
  for (const name of auth.signedHeaders) {
    if (request.headers[name] === undefined)
      throw incompleteSignature(`the signed header "${name}" is not in the request`)
  }
  const credential = findCredential(auth.accessKeyId, context)
  const payloadHash = sha256Hex(request.rawBody)
  if (request.headers['x-acs-content-sha256'] !== payloadHash) {
    throw signatureMismatch('x-acs-content-sha256 is not the SHA-256 of the request body.')
  }
  const canonicalRequest = v3CanonicalRequest({ ...request, signedHeaders: auth.signedHeaders, payloadHash })
  if (!sameText(v3Signature(credential.secret, canonicalRequest), auth.signature.toLowerCase())) {
    throw signatureMismatch(`server canonical request is:\n${canonicalRequest}`)
  }
  checkFreshness(request.headers['x-acs-date'], request.headers['x-acs-signature-nonce'], context)
  checkSecurityToken(credential, securityToken, context.now)
}

function verifyV1(request: SignedRequest, context: VerifyContext): void {
  const { Signature: signature, ...params } = { ...request.query, ...request.body }
  for (const name of ['AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp']) {
    if (!params[name])
      throw new AcsError(400, `MissingParameter.${name}`, `The signed request lacks "${name}".`)
  }
  if (params.SignatureMethod !== 'HMAC-SHA1' || params.SignatureVersion !== '1.0') {
    throw incompleteSignature('RPC signatures must use SignatureMethod=HMAC-SHA1 and SignatureVersion=1.0')
  }
  const credential = findCredential(params.AccessKeyId, context)
  const stringToSign = v1StringToSign(request.method, params)
  if (!sameText(v1Signature(credential.secret, stringToSign), signature)) {
    throw signatureMismatch(`server string to sign is:${stringToSign}`)
  }
  checkFreshness(params.Timestamp, params.SignatureNonce, context)
  checkSecurityToken(credential, params.SecurityToken, context.now)
}

function findCredential(accessKeyId: string, context: VerifyContext): KnownCredential {
  const credential = context.credential(accessKeyId)
  // 404 as real responses for this code show; the message is Alibaba's.
  if (!credential)
    throw new AcsError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.')
  return credential
}

function checkFreshness(date: string | undefined, nonce: string | undefined, context: VerifyContext): void {
  const at = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(date ?? '') ? Date.parse(date as string) : NaN
  if (Number.isNaN(at)) {
    throw new AcsError(
      400,
      'InvalidTimeStamp.Format',
      `Specified time stamp "${date}" is not in the format yyyy-MM-ddTHH:mm:ssZ.`
    )
  }
  if (Math.abs(context.now - at) > MAX_CLOCK_SKEW_MS) {
    throw new AcsError(400, 'InvalidTimeStamp.Expired', 'Specified time stamp or date value is expired.')
  }
  if (!nonce) throw new AcsError(400, 'MissingParameter.SignatureNonce', 'The signature nonce is missing.')
  if (!context.nonces.claim(nonce, context.now)) {
    throw new AcsError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.')
  }
}

/** STS keys only with their own token and only until expiry; a static key with a token is refused. */
function checkSecurityToken(credential: KnownCredential, presented: string | undefined, now: number): void {
  // Codes as seen in Alibaba's catalogues; statuses not verified.
  if (presented !== credential.securityToken) {
    throw new AcsError(
      400,
      'InvalidSecurityToken.MismatchWithAccessKey',
      'Specified SecurityToken mismatch with the AccessKey.'
    )
  }
  if (credential.expiresAt !== undefined && now >= credential.expiresAt) {
    throw new AcsError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.')
  }
}

function sameText(expected: string, actual: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(actual)
  return a.length === b.length && timingSafeEqual(a, b)
}

// Status 400 is what Alibaba SDK tests use; the real gateway's status is not verified (reference §7).
function signatureMismatch(detail: string): AcsError {
  return new AcsError(
    400,
    'SignatureDoesNotMatch',
    `Specified signature is not matched with our calculation. ${detail}`
  )
}

function incompleteSignature(detail: string): AcsError {
  return new AcsError(
    400,
    'IncompleteSignature',
    `The request signature does not conform to Aliyun standards: ${detail}.`
  )
}
