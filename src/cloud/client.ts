/**
 * The one adapter over @alicloud/openapi-client 0.4.15 (`callApi`, RPC style, path `/`, signature V3 —
 * the library's default). It sets timeouts per call and makes the retries the library never makes
 * (docs/reference/alibaba-signing-sts.md §0.9, §3.9), with the cloud policy of retry.ts.
 */
import { chunks } from '../chunks.js'
import { systemClock, type Clock } from '../clock.js'
import type { Log } from '../log.js'
import { RETRY, retrying, type CallTimeout, type RetryPolicy } from '../retry.js'
import type { Endpoint } from '../settings.js'
import { classifyFailure, CloudCallError } from './failure.js'
import type { Credentials } from './types.js'

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

export interface ApiClientOptions {
  endpoint: Endpoint
  /** Absent: only anonymous calls are possible. */
  credentials?: Credentials
  log: Log
  sleep?: Clock['sleep']
  random?: Clock['random']
  retry?: Partial<RetryPolicy>
  /** Tests only: replaces openapi-client. */
  transport?: Transport
}

export interface ApiClient {
  call(call: ApiCall): Promise<ApiResponse>
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const policy = { ...RETRY.cloud, ...options.retry }
  const clock = { sleep: options.sleep ?? systemClock.sleep, random: options.random ?? systemClock.random }
  const transport = options.transport ?? openApiTransport(options.endpoint, options.credentials)
  const host = options.endpoint.host

  const call = (call: ApiCall): Promise<ApiResponse> =>
    retrying(
      async attempt => {
        try {
          const body = await transport(call)
          return { body, requestId: typeof body.RequestId === 'string' ? body.RequestId : '' }
        } catch (error) {
          throw new CloudCallError(classifyFailure(call.action, error, call.timeout.readMs), attempt, host)
        }
      },
      {
        policy,
        clock,
        retryable: error => {
          const { failure } = error as CloudCallError
          const mayRepeat =
            failure.retryable && (call.retryUnknownOutcome !== false || !failure.outcomeUnknown)
          if (!mayRepeat) return undefined
          return {
            reason: `${call.action}: ${failure.code ?? failure.kind} (${failure.message})`,
            hintMs: failure.retryAfterMs
          }
        },
        log: line => options.log.info(line)
      }
    )

  return { call }
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

/** Loaded at the first call only (chunks.ts). */
function loadClientClass(): Promise<OpenApiClientClass> {
  clientClass ??= chunks.openApiClient().then(resolveClientClass)
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
