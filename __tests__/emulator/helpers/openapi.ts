/**
 * The REAL @alicloud/openapi-client 0.4.15, pointed at the emulator over plain http on loopback.
 * The package is CommonJS: under ESM its Client class is on `.default` of the imported module.
 */
import OpenApiModule from '@alicloud/openapi-client'
import type { CloudEmulator } from '../../support/cloud-emulator.js'

export interface ApiResult {
  statusCode: number
  headers: Record<string, string>
  body: Record<string, unknown>
}

interface OpenApiClient {
  callApi(
    params: Record<string, string>,
    request: { query?: Record<string, string>; body?: Record<string, string> },
    runtime: Record<string, unknown>
  ): Promise<ApiResult>
}

type OpenApiClientClass = new (config: Record<string, unknown>) => OpenApiClient
const imported = OpenApiModule as unknown as OpenApiClientClass & { default?: OpenApiClientClass }
const Client: OpenApiClientClass = imported.default ?? imported

export interface Keys {
  accessKeyId: string
  accessKeySecret: string
  securityToken?: string
}

export interface Call {
  action: string
  version: string
  method: 'GET' | 'POST'
  query?: Record<string, string>
  body?: Record<string, string>
}

/** `v2` selects the RPC HMAC-SHA1 path (doRPCRequest); the default is V3 (ACS3-HMAC-SHA256). */
export function openApiClient(
  emulator: CloudEmulator,
  keys?: Keys,
  signatureAlgorithm?: 'v2'
): OpenApiClient {
  return new Client({
    endpoint: emulator.host,
    protocol: 'HTTP',
    ...keys,
    ...(signatureAlgorithm && { signatureAlgorithm })
  })
}

export function callApi(client: OpenApiClient, call: Call, anonymous = false): Promise<ApiResult> {
  return client.callApi(
    {
      action: call.action,
      version: call.version,
      protocol: 'HTTP',
      pathname: '/',
      method: call.method,
      authType: anonymous ? 'Anonymous' : 'AK',
      style: 'RPC',
      reqBodyType: 'formData',
      bodyType: 'json'
    },
    { query: call.query, body: call.body },
    {}
  )
}

/** The error the library throws for an error answer: its code and the HTTP status. */
export async function failureOf(
  promise: Promise<unknown>
): Promise<{ code?: string; statusCode?: number; message: string }> {
  try {
    await promise
  } catch (error) {
    const { code, statusCode, message } = error as { code?: string; statusCode?: number; message: string }
    return { code, statusCode, message }
  }
  throw new Error('expected the call to fail, it succeeded')
}
