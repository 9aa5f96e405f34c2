import { describe, expect, it } from '@jest/globals'
import { createApiClient, resolveClientClass, type ApiCall } from '../../src/cloud/client.js'
import { backoff, RETRY, type RetryPolicy } from '../../src/retry.js'
import { classifyFailure, CloudCallError } from '../../src/cloud/failure.js'
import { apiError, fakeTime, recordingLog, scripted, socketError, timeoutError, type Step } from './fakes.js'

const endpoint = { protocol: 'https' as const, host: 'servicemesh.aliyuncs.com' }
const read: ApiCall = {
  action: 'DescribeServiceMeshes',
  version: '2020-01-11',
  method: 'GET',
  timeout: { readMs: 10000, connectMs: 10000 }
}
const ok = { RequestId: 'REQ-OK', ServiceMeshes: [] }

function client(steps: Step[], retry: Partial<RetryPolicy> = {}, random = () => 0.5) {
  const time = fakeTime()
  const log = recordingLog()
  const { transport, sent } = scripted(steps)
  const api = createApiClient({ endpoint, log, sleep: time.sleep, random, retry, transport })
  return { api, sent, slept: time.slept, log }
}

async function rejection(promise: Promise<unknown>): Promise<CloudCallError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(CloudCallError)
  return error as CloudCallError
}

describe('resolveClientClass', () => {
  class Fake {}
  it('accepts the class, { default: class } and { default: { default: class } }', () => {
    expect(resolveClientClass(Fake)).toBe(Fake)
    expect(resolveClientClass({ default: Fake })).toBe(Fake)
    expect(resolveClientClass({ default: { default: Fake, Config: {} } })).toBe(Fake)
  })

  it('finds the real Client class in what a dynamic import of the package gives', async () => {
    const Client = resolveClientClass(await import('@alicloud/openapi-client'))
    expect(typeof Client.prototype.callApi).toBe('function')
  })

  it('says what is wrong when there is no class', () => {
    expect(() => resolveClientClass({ default: { Config: {} } })).toThrow(/no Client class/)
    expect(() => resolveClientClass(undefined)).toThrow(/no Client class/)
  })
})

describe('backoff', () => {
  it('is full jitter over a capped exponential', () => {
    const policy = { ...RETRY.cloud, baseMs: 1000, capMs: 5000 }
    expect([1, 2, 3, 4, 5].map(n => backoff(n, policy, () => 0.5))).toEqual([500, 1000, 2000, 2500, 2500])
    expect(backoff(3, policy, () => 0)).toBe(0)
    expect(backoff(3, policy, () => 0.999)).toBe(3996)
  })
})

describe('createApiClient', () => {
  it('retries throttling with growing backoff and returns the answer', async () => {
    const { api, sent, slept, log } = client([
      apiError(400, 'Throttling.User'),
      apiError(400, 'Throttling'),
      ok
    ])
    await expect(api.call(read)).resolves.toEqual({ body: ok, requestId: 'REQ-OK' })
    expect(sent).toHaveLength(3)
    expect(slept).toEqual([500, 1000])
    expect(log.lines[0]).toMatch(
      /DescribeServiceMeshes: Throttling.User .* retrying in 0.5 s \(attempt 2 of 4\)/
    )
  })

  it('retries 5xx, ServiceUnavailable, timeouts, resets, refused connections and non-JSON bodies', async () => {
    const errors = [
      apiError(500, 'InternalError'),
      apiError(503, 'ServiceUnavailable'),
      timeoutError(),
      socketError('ECONNRESET'),
      socketError('ECONNREFUSED'),
      new SyntaxError('Unexpected token < in JSON at position 0')
    ]
    const { api, sent, slept } = client([...errors, ok], { maxAttempts: 7 })
    await expect(api.call(read)).resolves.toMatchObject({ requestId: 'REQ-OK' })
    expect(sent).toHaveLength(7)
    expect(slept).toHaveLength(6)
  })

  it('does not retry a 4xx and names API, code, message, request id and what to do', async () => {
    const { api, sent, slept } = client([apiError(403, 'Forbidden.RAM', 'User not authorized', 'REQ-403')])
    const error = await rejection(api.call(read))
    expect(sent).toHaveLength(1)
    expect(slept).toEqual([])
    expect(error.message).toBe(
      'DescribeServiceMeshes failed: Forbidden.RAM (HTTP 403): User not authorized; request id REQ-403'
    )
    expect(error.advice).toMatch(/servicemesh:DescribeServiceMeshes/)
    expect(error.failure).toMatchObject({ kind: 'client', retryable: false, outcomeUnknown: false })
  })

  it('does not sleep after the last attempt', async () => {
    const { api, sent, slept } = client([apiError(500, 'InternalError', 'boom', 'REQ-500')])
    const error = await rejection(api.call(read))
    expect(sent).toHaveLength(4)
    expect(slept).toEqual([500, 1000, 2000])
    expect(error.message).toMatch(/InternalError \(HTTP 500\): boom; request id REQ-500; after 4 attempts/)
    expect(error.advice).toMatch(/request id/)
  })

  it('honours a wait hint carried on the error, capped at maxHintMs, never shorter than the backoff', async () => {
    const hinted = (ms: number) => Object.assign(apiError(400, 'Throttling.User'), { retryAfter: ms })
    const { api, slept } = client([hinted(7000), hinted(120000), hinted(1), ok])
    await api.call(read)
    expect(slept).toEqual([7000, 60000, 2000])
  })

  it('sends a call whose outcome must be known only once when the outcome is unknown', async () => {
    for (const error of [
      timeoutError(),
      socketError('ECONNRESET'),
      apiError(502, 'BadGateway'),
      new SyntaxError('x')
    ]) {
      const { api, sent, slept } = client([error, ok])
      const thrown = await rejection(api.call({ ...read, retryUnknownOutcome: false }))
      expect(thrown.failure.outcomeUnknown).toBe(true)
      expect(sent).toHaveLength(1)
      expect(slept).toEqual([])
    }
  })

  it('still retries such a call when the request was certainly not processed', async () => {
    const { api, sent } = client([apiError(400, 'Throttling.Api'), socketError('ECONNREFUSED'), ok])
    await expect(api.call({ ...read, retryUnknownOutcome: false })).resolves.toMatchObject({
      requestId: 'REQ-OK'
    })
    expect(sent).toHaveLength(3)
  })
})

describe('classifyFailure', () => {
  it('tells the kinds apart in its own words', () => {
    expect(classifyFailure('X', timeoutError(), 30000)).toMatchObject({
      kind: 'timeout',
      message: 'no answer within 30 s',
      outcomeUnknown: true
    })
    expect(classifyFailure('X', socketError('ENOTFOUND'), 1)).toMatchObject({
      kind: 'network',
      retryable: false
    })
    expect(classifyFailure('X', new SyntaxError('bad'), 1)).toMatchObject({
      kind: 'malformed',
      retryable: true
    })
    expect(classifyFailure('X', new Error('The value is not a object'), 1)).toMatchObject({
      kind: 'malformed'
    })
  })

  it('never repeats a URL query (where the OIDC token travels) from a library message', () => {
    const failure = classifyFailure(
      'AssumeRoleWithOIDC',
      new Error('odd. POST http://h:1/?OIDCToken=eyJ.x.y failed.'),
      1
    )
    expect(failure.kind).toBe('unexpected')
    expect(failure.message).not.toMatch(/eyJ/)
    expect(failure.message).toMatch(/http:\/\/h:1\/\?…/)
  })
})
