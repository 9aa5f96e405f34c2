/**
 * Fakes for the unit tests of src/cloud: a scripted transport (one step per attempt), a sleep that
 * records instead of waiting, a log that records. Errors are built with tea-typescript's own newError,
 * the constructor openapi-client 0.4.15 throws for HTTP 4xx/5xx (reference §3.8).
 */
import { newError } from '@alicloud/tea-typescript'
import type { ApiCall, Transport } from '../../src/cloud/client.js'
import type { Log } from '../../src/log.js'

/** The error openapi-client throws for an HTTP error whose body is an Alibaba Cloud error document. */
export function apiError(
  status: number,
  code: string,
  message = 'something failed',
  requestId = 'REQ-1'
): Error {
  return newError({
    code,
    message: `code: ${status}, ${message} request id: ${requestId}`,
    data: { RequestId: requestId, HostId: 'x', Code: code, Message: message, statusCode: status },
    description: 'undefined'
  })
}

/** A socket-level error as httpx surfaces it. */
export function socketError(code: string): Error {
  return Object.assign(
    new Error(`connect ${code} 127.0.0.1:1POST http://127.0.0.1:1/?OIDCToken=secret failed.`),
    {
      code
    }
  )
}

export function timeoutError(): Error {
  return Object.assign(new Error('ReadTimeout(500). POST http://127.0.0.1:1/ failed.'), {
    name: 'RequestTimeoutError'
  })
}

export type Step = Record<string, unknown> | Error | ((call: ApiCall) => Record<string, unknown> | Error)

/** Plays `steps` in order, one per attempt; the last step repeats. */
export function scripted(steps: Step[]): { transport: Transport; sent: ApiCall[] } {
  const sent: ApiCall[] = []
  const transport: Transport = async call => {
    sent.push(call)
    const step = steps[Math.min(sent.length, steps.length) - 1]
    const outcome = typeof step === 'function' ? step(call) : step
    if (outcome instanceof Error) throw outcome
    return outcome
  }
  return { transport, sent }
}

/** Records the requested waits and advances a fake clock by them; never waits. */
export function fakeTime(start = 1_000_000) {
  const slept: number[] = []
  let clock = start
  return {
    slept,
    now: () => clock,
    advance: (ms: number) => {
      clock += ms
    },
    sleep: async (ms: number, signal?: AbortSignal) => {
      if (signal?.aborted) throw signal.reason
      slept.push(ms)
      clock += ms
    }
  }
}

export function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = []
  return {
    lines,
    info: m => void lines.push(`info: ${m}`),
    warning: m => void lines.push(`warning: ${m}`),
    notice: m => void lines.push(`notice: ${m}`),
    debug: m => void lines.push(`debug: ${m}`),
    group: (_name, fn) => fn()
  }
}
