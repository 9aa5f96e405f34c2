/** waitUntilRunning's schedule and decisions, on a fake clock (the emulator tests cover the wire). */
import { describe, expect, it } from '@jest/globals'
import { createMeshApi } from '../../src/cloud/mesh.js'
import { ActionError } from '../../src/errors.js'
import { apiError, fakeTime, recordingLog, scripted, type Step } from './fakes.js'

const detail = (State: string, ErrorMessage?: string) => ({
  RequestId: 'REQ-D',
  ServiceMesh: {
    ServiceMeshInfo: { ServiceMeshId: 'm1', Name: 'prod', RegionId: 'cn-hangzhou', State, ErrorMessage }
  }
})

function meshApi(steps: Step[]) {
  const time = fakeTime()
  const log = recordingLog()
  const { transport, sent } = scripted(steps)
  const api = createMeshApi({
    endpoint: { protocol: 'https', host: 'servicemesh.aliyuncs.com' },
    credentials: { accessKeyId: 'AK', accessKeySecret: 'SK', source: 'static' },
    log,
    sleep: time.sleep,
    now: time.now,
    random: () => 0.5,
    transport
  })
  return { api, sent, time, log }
}

async function rejection(promise: Promise<unknown>): Promise<ActionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ActionError)
  return error as ActionError
}

describe('waitUntilRunning', () => {
  it('polls every 5 s, reports progress and stops at running', async () => {
    const { api, sent, time } = meshApi([detail('initial'), detail('initial'), detail('running')])
    const progress: [string, number][] = []
    const info = await api.waitUntilRunning('m1', {
      timeoutSeconds: 600,
      onProgress: (mesh, elapsed) => progress.push([mesh.state, elapsed])
    })
    expect(info).toEqual({ id: 'm1', name: 'prod', region: 'cn-hangzhou', state: 'running' })
    expect(time.slept).toEqual([5000, 5000, 5000])
    expect(progress).toEqual([
      ['initial', 5],
      ['initial', 10],
      ['running', 15]
    ])
    expect(sent.map(call => [call.action, call.method, call.body])).toEqual(
      Array(3).fill(['DescribeServiceMeshDetail', 'POST', { ServiceMeshId: 'm1' }])
    )
  })

  it('polls every 10 s once provisioning has taken 5 minutes', async () => {
    const { api, time } = meshApi([
      (() => {
        time.advance(300000)
        return detail('initial')
      }) as Step,
      detail('initial'),
      detail('running')
    ])
    await api.waitUntilRunning('m1', { timeoutSeconds: 3600 })
    expect(time.slept).toEqual([5000, 10000, 10000])
  })

  it('fails on a failed state with its ErrorMessage', async () => {
    for (const state of ['failed', 'create_timeout', 'upgrading_failed']) {
      const { api } = meshApi([detail('initial'), detail(state, 'vSwitch vsw-1 has no free IP')])
      const error = await rejection(api.waitUntilRunning('m1', { timeoutSeconds: 600 }))
      expect(error.message).toBe(`Mesh m1 failed (state ${state}): vSwitch vsw-1 has no free IP`)
    }
  })

  it('times out with the mesh id, the last state and that creation goes on', async () => {
    const { api, time, sent } = meshApi([detail('initial')])
    const error = await rejection(api.waitUntilRunning('m1', { timeoutSeconds: 60 }))
    expect(error.message).toBe(
      'Mesh m1 is not running after 60 s (last state: initial). Creation continues in the cloud.'
    )
    expect(error.advice).toMatch(/wait-timeout-seconds/)
    // The last poll happens at the deadline, not after it.
    expect(time.slept.reduce((a, b) => a + b, 0)).toBe(60000)
    expect(sent.length).toBe(12)
  })

  it('stops when the signal aborts', async () => {
    const controller = new AbortController()
    const { api } = meshApi([
      (() => {
        controller.abort()
        return detail('initial')
      }) as Step
    ])
    const error = await rejection(
      api.waitUntilRunning('m1', { timeoutSeconds: 600, signal: controller.signal })
    )
    expect(error.message).toMatch(/Cancelled while waiting for mesh m1; it is recorded/)
    expect(error.advice).toMatch(/Creation continues in the cloud/)
  })

  it('keeps polling, more slowly, when a poll is throttled beyond the retries', async () => {
    const throttled = apiError(400, 'Throttling.User')
    const { api, time, log } = meshApi([throttled, throttled, throttled, throttled, detail('running')])
    await api.waitUntilRunning('m1', { timeoutSeconds: 600 })
    // 5 s, the client's three backoffs (0.5, 1, 2 s), then the doubled poll interval.
    expect(time.slept).toEqual([5000, 500, 1000, 2000, 10000])
    expect(log.lines.some(line => /warning: .*Throttling.User.*polling again in 10 s/.test(line))).toBe(true)
  })

  it('fails when the mesh disappears, and on a 4xx', async () => {
    const gone = meshApi([apiError(404, 'ServiceMesh.NotFound')])
    await expect(gone.api.waitUntilRunning('m1', { timeoutSeconds: 600 })).rejects.toThrow(
      /m1 no longer exists/
    )
    const denied = meshApi([apiError(403, 'Forbidden.RAM')])
    await expect(denied.api.waitUntilRunning('m1', { timeoutSeconds: 600 })).rejects.toThrow(/Forbidden.RAM/)
  })
})

describe('waitUntilGone', () => {
  it('takes ServiceMesh.NotFound, StatusForbidden and a plain 403 for gone, after polling through deleting', async () => {
    for (const gone of [
      apiError(404, 'ServiceMesh.NotFound'),
      apiError(403, 'StatusForbidden'),
      apiError(403, '')
    ]) {
      const { api, sent } = meshApi([detail('deleting'), gone])
      const progress: string[] = []
      await api.waitUntilGone('m1', { timeoutSeconds: 600, onProgress: info => progress.push(info.state) })
      expect(progress).toEqual(['deleting'])
      expect(sent).toHaveLength(2)
    }
  })

  it('retries a 5xx, never taking it for gone', async () => {
    const failed = apiError(503, 'ServiceUnavailable')
    const { api, sent } = meshApi([
      failed,
      failed,
      failed,
      failed,
      detail('deleting'),
      apiError(404, 'ServiceMesh.NotFound')
    ])
    await api.waitUntilGone('m1', { timeoutSeconds: 600 })
    expect(sent).toHaveLength(6)
  })

  it('fails on a 403 that denies permission: a live mesh is never recorded as deleted', async () => {
    const { api } = meshApi([apiError(403, 'Forbidden.RAM')])
    const error = await rejection(api.waitUntilGone('m1', { timeoutSeconds: 600 }))
    expect(error.message).toMatch(/Forbidden\.RAM/)
  })
})
