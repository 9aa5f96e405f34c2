/**
 * The one adapter over @alicloud/openapi-client 0.4.15 (`callApi`, RPC style, path `/`, signature V3 —
 * the library's default). It sets timeouts per call and makes the retries the library never makes
 * (reference alibaba-signing-sts.md §0.9, §3.9).
 */
import type { Log } from '../log.js'
import { scaled } from '../time-scale.js'
import type { Endpoint } from '../settings.js'
import { classifyFailure, CloudCallError, type CallFailure } from './failure.js'
import { realSleep, type Sleep } from './sleep.js'
import type { Credentials } from './types.js'

export interface CallTimeout {
  readMs: number
  /**
   * httpx (under openapi-client) hands this to http.request as `timeout`, which is a socket IDLE timeout
   * for the whole exchange, not only for connecting (measured: connect 500 ms cut a 2 s answer at 0.5 s).
   * So it must not be below readMs, or it shortens every slow answer.
   */
  connectMs: number
}

export interface ApiCall {
  action: string
  version: string
  method: 'GET' | 'POST'
  /** Sent without credentials or signature (STS AssumeRoleWithOIDC). */
  anonymous?: boolean
  query?: Record<string, string>
  /** Sent as an application/x-www-form-urlencoded body, keys in the given order. */
  body?: Record<string, string>
  timeout: CallTimeout
  /**
   * false for calls that must not run twice: a failure after which the request may have been carried
   * out is thrown at once (failure.outcomeUnknown) so the caller can look before sending again.
   */
  retryUnknownOutcome?: boolean
}

export interface ApiResponse {
  body: Record<string, unknown>
  requestId: string
}

/** One attempt of one call: the parsed JSON body, or the library's error thrown as is. */
export type Transport = (call: ApiCall) => Promise<Record<string, unknown>>

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number
  /** Backoff before retry n is uniform in [0, min(capMs, baseMs * 2^(n-1))) ("full jitter"). */
  baseMs: number
  capMs: number
  /** A server's wait hint is honoured up to this long. */
  maxHintMs: number
}

/** Worst case about 1 + 2 + 4 s of backoff: long enough for a throttling window, short for a CI job. */
export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 4,
  baseMs: scaled(1000),
  capMs: scaled(15_000),
  maxHintMs: scaled(60_000)
}

export interface ApiClientOptions {
  endpoint: Endpoint
  /** Absent: only anonymous calls are possible. */
  credentials?: Credentials
  log: Log
  sleep?: Sleep
  /** [0, 1), like Math.random. */
  random?: () => number
  retry?: Partial<RetryPolicy>
  /** Tests only: replaces openapi-client. */
  transport?: Transport
}

export interface ApiClient {
  call(call: ApiCall): Promise<ApiResponse>
  /** HTTP attempts made so far, retries included. */
  readonly calls: number
}

/** Capped exponential backoff with full jitter before retry number `retry` (1 = the first retry). */
export function backoff(retry: number, policy: RetryPolicy, random: () => number): number {
  return Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** (retry - 1)))
}

/** The backoff, or the server's wait hint when it is longer (capped at maxHintMs). */
function retryDelay(failure: CallFailure, retry: number, policy: RetryPolicy, random: () => number): number {
  const jitter = backoff(retry, policy, random)
  const hint = failure.retryAfterMs
  return hint === undefined ? jitter : Math.max(Math.min(hint, policy.maxHintMs), jitter)
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const policy = { ...DEFAULT_RETRY, ...options.retry }
  const sleep = options.sleep ?? realSleep
  const random = options.random ?? Math.random
  const transport = options.transport ?? openApiTransport(options.endpoint, options.credentials)
  const host = options.endpoint.host
  let calls = 0

  async function call(call: ApiCall): Promise<ApiResponse> {
    for (let attempt = 1; ; attempt++) {
      calls++
      try {
        const body = await transport(call)
        return { body, requestId: typeof body.RequestId === 'string' ? body.RequestId : '' }
      } catch (error) {
        const failure = classifyFailure(call.action, error, call.timeout.readMs)
        const mayRepeat = failure.retryable && (call.retryUnknownOutcome !== false || !failure.outcomeUnknown)
        if (!mayRepeat || attempt >= policy.maxAttempts) throw new CloudCallError(failure, attempt, host)
        const delay = retryDelay(failure, attempt, policy, random)
        options.log.info(
          `${call.action}: ${failure.code ?? failure.kind} (${failure.message}); ` +
            `retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${policy.maxAttempts})`
        )
        await sleep(delay)
      }
    }
  }

  return {
    call,
    get calls() {
      return calls
    }
  }
}

interface OpenApiClient {
  callApi(
    params: Record<string, unknown>,
    request: Record<string, unknown>,
    runtime: Record<string, unknown>
  ): Promise<{ body: unknown }>
}
type OpenApiClientClass = new (config: Record<string, unknown>) => OpenApiClient

/**
 * The package is CommonJS with its class on `exports.default`. Node's ESM loader and ts-jest hand over
 * `{ default: module.exports }` (so the class is at `.default.default`); a bundle may hand over
 * `module.exports` or the class itself. Take the first function found.
 */
export function resolveClientClass(imported: unknown): OpenApiClientClass {
  let candidate = imported
  for (let depth = 0; depth < 3 && candidate; depth++) {
    if (typeof candidate === 'function') return candidate as OpenApiClientClass
    candidate = (candidate as { default?: unknown }).default
  }
  throw new Error('@alicloud/openapi-client: no Client class found on the module or its default export')
}

let clientClass: Promise<OpenApiClientClass> | undefined

/** Loaded on first use only, so runs that never call the cloud do not load the SDK (ncc splits it out). */
function loadClientClass(): Promise<OpenApiClientClass> {
  clientClass ??= import('@alicloud/openapi-client').then(resolveClientClass)
  return clientClass
}

function openApiTransport(endpoint: Endpoint, credentials?: Credentials): Transport {
  let client: Promise<OpenApiClient> | undefined
  return async call => {
    client ??= loadClientClass().then(
      Client =>
        new Client({
          endpoint: endpoint.host,
          protocol: endpoint.protocol,
          ...(credentials && {
            accessKeyId: credentials.accessKeyId,
            accessKeySecret: credentials.accessKeySecret,
            securityToken: credentials.securityToken
          })
        })
    )
    const response = await (
      await client
    ).callApi(
      {
        action: call.action,
        version: call.version,
        protocol: endpoint.protocol,
        pathname: '/',
        method: call.method,
        authType: call.anonymous ? 'Anonymous' : 'AK',
        style: 'RPC',
        reqBodyType: 'formData',
        bodyType: 'json'
      },
      { query: call.query ?? {}, body: call.body },
      { readTimeout: call.timeout.readMs, connectTimeout: call.timeout.connectMs }
    )
    return response.body as Record<string, unknown>
  }
}
