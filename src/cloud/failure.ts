/**
 * What went wrong with one cloud call, decided from the error @alicloud/openapi-client 0.4.15 throws
 * (reference alibaba-signing-sts.md §3.8), and the ActionError the user finally sees.
 */
import { ActionError } from '../errors.js'
import { connectionFailure } from '../retry.js'

export type FailureKind =
  'throttled' | 'server' | 'timeout' | 'network' | 'malformed' | 'client' | 'unexpected'

export interface CallFailure {
  /** API name, e.g. `CreateServiceMesh`. */
  api: string
  kind: FailureKind
  /** Error code from the body (`Throttling.User`) or the socket (`ECONNRESET`). */
  code?: string
  status?: number
  /** Safe to print: the service's Message, or our own words (never a library message with the URL in it). */
  message: string
  requestId?: string
  /** The troubleshooting link Alibaba Cloud puts in error bodies. */
  recommend?: string
  /** A server-sent wait hint, when the error carries one (see retryAfterHint). */
  retryAfterMs?: number
  retryable: boolean
  /** The request may have reached the service and been carried out: do not blindly send it again. */
  outcomeUnknown: boolean
}

type Raw = {
  name?: unknown
  code?: unknown
  message?: unknown
  statusCode?: unknown
  retryAfter?: unknown
  data?: Record<string, unknown>
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

/**
 * openapi-client 0.4.15 builds its error from the response BODY only (`code`, `statusCode`, `data` =
 * body + statusCode); the response headers, `x-acs-retry-after` included, are dropped. A wait hint is
 * therefore only seen when the error object itself carries `retryAfter` in milliseconds, the shape
 * @alicloud/openapi-core's ThrottlingError is documented to have (not verified against a live service).
 */
function retryAfterHint(error: unknown): number | undefined {
  const hint = (error as Raw | undefined)?.retryAfter
  return typeof hint === 'number' && Number.isFinite(hint) && hint > 0 ? hint : undefined
}

/** `timeoutMs` is the call's read timeout, named in the message of a timeout. */
export function classifyFailure(api: string, error: unknown, timeoutMs: number): CallFailure {
  const raw = (typeof error === 'object' && error !== null ? error : {}) as Raw
  const status = typeof raw.statusCode === 'number' ? raw.statusCode : undefined
  const code = text(raw.code)
  if (status !== undefined) {
    const data = raw.data ?? {}
    const base = {
      api,
      status,
      code,
      message: text(data.Message) ?? text(data.message) ?? `HTTP ${status}`,
      requestId: text(data.RequestId) ?? text(data.requestId),
      recommend: text(data.Recommend),
      retryAfterMs: retryAfterHint(error)
    }
    // A throttled request was turned away before it was processed.
    if (code?.includes('Throttling'))
      return { ...base, kind: 'throttled', retryable: true, outcomeUnknown: false }
    if (code === 'ServiceUnavailable' || status >= 500)
      return { ...base, kind: 'server', retryable: true, outcomeUnknown: true }
    return { ...base, kind: 'client', retryable: false, outcomeUnknown: false }
  }
  // A body that is not JSON (a proxy's HTML page, a cut-off answer) or JSON that is not an object.
  if (raw.name === 'SyntaxError' || raw.message === 'The value is not a object')
    return {
      api,
      kind: 'malformed',
      message: 'the answer was not a JSON object',
      retryable: true,
      outcomeUnknown: true
    }
  // httpx names both its read timeout and its socket-idle ("connect") timeout RequestTimeoutError.
  if (raw.name === 'RequestTimeoutError')
    return {
      api,
      kind: 'timeout',
      message: `no answer within ${timeoutMs / 1000} s`,
      retryable: true,
      outcomeUnknown: true
    }
  const connection = connectionFailure(code)
  if (connection) return { api, kind: 'network', ...connection }
  return {
    api,
    kind: 'unexpected',
    code,
    // httpx appends "<METHOD> <url> failed." and the URL query may hold the OIDC token: cut the query.
    message: (text(raw.message) ?? String(error)).replace(/(https?:\/\/[^\s?]*)\?\S*/g, '$1?…'),
    retryable: false,
    outcomeUnknown: true
  }
}

/** Error codes whose fix is known; the rest fall back to the kind's advice and the Recommend link. */
const CODE_ADVICE: [RegExp, (api: string) => string][] = [
  [
    /^InvalidAccessKeyId/,
    () => 'The AccessKey id is unknown or disabled: check access-key-id or ALIBABA_CLOUD_ACCESS_KEY_ID.'
  ],
  [
    /^SignatureDoesNotMatch$/,
    () =>
      'The AccessKey secret does not belong to the AccessKey id: check access-key-secret or ALIBABA_CLOUD_ACCESS_KEY_SECRET.'
  ],
  [
    /^InvalidSecurityToken/,
    () => 'The security token is invalid or expired: get fresh temporary credentials and re-run the job.'
  ],
  [
    /^(Forbidden|NoPermission)/,
    api =>
      `The credentials may not call ${api}: grant the RAM user or role the permission servicemesh:${api} ` +
      '(for example with the AliyunASMFullAccess policy).'
  ],
  [
    /^(InvalidParameter|MissingParameter)/,
    () => 'Fix the parameter the message names in the spec file and run again.'
  ]
]

function adviceFor(f: CallFailure, host: string, attempts: number): string {
  switch (f.kind) {
    case 'throttled':
      return (
        `Alibaba Cloud throttled ${f.api} on all ${attempts} attempts. Wait a few minutes and re-run the job; ` +
        'if it keeps happening, spread out jobs that use the same account.'
      )
    case 'server':
      return 'The service failed on its side. Re-run the job; if it persists, contact Alibaba Cloud support with the request id.'
    case 'timeout':
      return `Re-run the job; if it persists, check that the runner can reach ${host}.`
    case 'network':
      return `Check the endpoint input (${host}) and that the runner can reach it.`
    case 'malformed':
      return `Check that ${host} is an Alibaba Cloud API endpoint (a proxy or captive portal may be answering instead).`
    case 'client': {
      const known = CODE_ADVICE.find(([pattern]) => f.code !== undefined && pattern.test(f.code))
      const advice = known ? known[1](f.api) : 'Correct the request as the message says.'
      return f.recommend ? `${advice} Details: ${f.recommend}` : advice
    }
    case 'unexpected':
      return 'This looks like a bug in the action; please report it with this message.'
  }
}

/** `CreateServiceMesh failed: Throttling.User (HTTP 400): too many requests; request id ABC; after 4 attempts`. */
function describeFailure(f: CallFailure, attempts: number): string {
  const what = [f.code, f.status !== undefined ? `(HTTP ${f.status})` : undefined].filter(Boolean).join(' ')
  const parts = [`${f.api} failed: ${what ? `${what}: ` : ''}${f.message}`]
  parts.push(`request id ${f.requestId ?? 'none (no answer from the service)'}`)
  if (attempts > 1) parts.push(`after ${attempts} attempts`)
  return parts.join('; ')
}

/** The ActionError of a cloud call; callers read `failure` to decide (e.g. create's unknown outcome). */
export class CloudCallError extends ActionError {
  constructor(
    readonly failure: CallFailure,
    readonly attempts: number,
    host: string,
    advice = adviceFor(failure, host, attempts)
  ) {
    super(describeFailure(failure, attempts), advice)
    this.name = 'CloudCallError'
  }
}
