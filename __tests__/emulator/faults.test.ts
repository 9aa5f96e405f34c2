/**
 * Injected faults as a plain node:http client sees them: statuses, headers, bytes, resets, and whether
 * the request took effect. No timing is asserted, only order (what had happened when).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Agent } from 'node:http'
import { startCloudEmulator, type CloudEmulator } from '../support/cloud-emulator.js'
import { send, type RawResponse } from './helpers/raw-http.js'
import { signV3 } from './helpers/sign-v3.js'

const AK = { accessKeyId: 'LTAI5tFaultTests', secret: 'fault-secret' }
const VERSION = '2020-01-11'
let emulator: CloudEmulator

function list(): Promise<RawResponse> {
  return send(
    emulator,
    signV3(emulator, { ...AK, action: 'DescribeServiceMeshes', version: VERSION, method: 'GET' })
  )
}

function create(name: string): Promise<RawResponse> {
  const body = { RegionId: 'cn-hangzhou', VpcId: 'vpc-bp1abc', VSwitches: '["vsw-bp1abc"]', Name: name }
  return send(
    emulator,
    signV3(emulator, { ...AK, action: 'CreateServiceMesh', version: VERSION, method: 'POST', body })
  )
}

function meshesNamed(name: string): number {
  return emulator.meshes.filter(mesh => mesh.name === name).length
}

function codeOf(response: RawResponse): string {
  return JSON.parse(response.body).Code
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise(resolve => setTimeout(resolve, 5))
}

async function socketError(pending: Promise<unknown>): Promise<string | undefined> {
  try {
    await pending
  } catch (error) {
    return (error as NodeJS.ErrnoException).code
  }
  throw new Error('expected the connection to fail, it answered')
}

beforeAll(async () => {
  emulator = await startCloudEmulator({ accessKeys: { [AK.accessKeyId]: AK.secret } })
})

afterAll(async () => {
  await emulator.stop()
})

describe('throttle', () => {
  it('answers 400 Throttling.User with x-acs-retry-after in milliseconds, then lets requests through', async () => {
    emulator.inject({ kind: 'throttle', retryAfterSeconds: 2 })
    const throttled = await list()
    expect(throttled.status).toBe(400)
    expect(codeOf(throttled)).toBe('Throttling.User')
    expect(throttled.headers['x-acs-retry-after']).toBe('2000')
    expect(emulator.calls.at(-1)).toMatchObject({
      status: 400,
      code: 'Throttling.User',
      action: 'DescribeServiceMeshes'
    })
    expect((await list()).status).toBe(200)
  })

  it('without retryAfterSeconds has no x-acs-retry-after header', async () => {
    emulator.inject({ kind: 'throttle' })
    const throttled = await list()
    expect(codeOf(throttled)).toBe('Throttling.User')
    expect(throttled.headers['x-acs-retry-after']).toBeUndefined()
  })

  it('applies `times` times, only to its action, in the order injected', async () => {
    emulator.inject({ kind: 'throttle', action: 'CreateServiceMesh', times: 2 })
    emulator.inject({ kind: 'status', status: 503 })
    expect(codeOf(await list())).toBe('ServiceUnavailable') // the create-only fault is skipped
    expect(codeOf(await create('throttled'))).toBe('Throttling.User')
    expect(codeOf(await create('throttled'))).toBe('Throttling.User')
    expect((await create('throttled')).status).toBe(200)
    expect(meshesNamed('throttled')).toBe(1)
  })
})

describe('status', () => {
  it('answers the status with an Alibaba JSON error, and the request has no effect', async () => {
    emulator.inject({ kind: 'status', status: 500, action: 'CreateServiceMesh' })
    emulator.inject({ kind: 'status', status: 503, action: 'CreateServiceMesh' })
    const internal = await create('unlucky')
    expect(internal.status).toBe(500)
    expect(JSON.parse(internal.body)).toMatchObject({ Code: 'InternalError', HostId: emulator.host })
    const unavailable = await create('unlucky')
    expect(unavailable.status).toBe(503)
    expect(codeOf(unavailable)).toBe('ServiceUnavailable')
    expect(meshesNamed('unlucky')).toBe(0)
  })

  it('nonJson: an HTML page such as a front proxy gives', async () => {
    emulator.inject({ kind: 'status', status: 502, nonJson: true })
    const response = await list()
    expect(response.status).toBe(502)
    expect(response.headers['content-type']).toBe('text/html')
    expect(response.body).toContain('<h1>502 Bad Gateway</h1>')
    expect(() => JSON.parse(response.body)).toThrow(SyntaxError)
  })
})

describe('delay', () => {
  it('before processing: nothing has happened while the answer is held back', async () => {
    emulator.inject({ kind: 'delay', ms: 200, action: 'CreateServiceMesh' })
    const callsBefore = emulator.calls.length
    const pending = create('held-before')
    await until(() => emulator.calls.length > callsBefore)
    expect(meshesNamed('held-before')).toBe(0)
    const response = await pending
    expect(response.status).toBe(200)
    expect(meshesNamed('held-before')).toBe(1)
  })

  it('afterProcessing: the mesh exists before the (slow) answer arrives, an ambiguous create', async () => {
    emulator.inject({ kind: 'delay', ms: 200, action: 'CreateServiceMesh', afterProcessing: true })
    const pending = create('held-after')
    await until(() => meshesNamed('held-after') === 1)
    expect(emulator.calls.at(-1)?.status).toBe(0) // not answered yet
    const response = await pending
    expect(JSON.parse(response.body).ServiceMeshId).toBe(
      emulator.meshes.find(m => m.name === 'held-after')?.id
    )
  })
})

describe('reset', () => {
  it('destroys the connection without an answer, and nothing was created', async () => {
    emulator.inject({ kind: 'reset', action: 'CreateServiceMesh' })
    expect(await socketError(create('reset-before'))).toBe('ECONNRESET')
    expect(emulator.calls.at(-1)).toMatchObject({ action: 'CreateServiceMesh', status: 0 })
    expect(meshesNamed('reset-before')).toBe(0)
  })

  it('afterProcessing: the connection dies after the mesh was created', async () => {
    emulator.inject({ kind: 'reset', action: 'CreateServiceMesh', afterProcessing: true })
    expect(await socketError(create('reset-after'))).toBe('ECONNRESET')
    expect(meshesNamed('reset-after')).toBe(1)
  })
})

describe('malformed', () => {
  it('answers 200 with a truncated body after doing the work', async () => {
    emulator.inject({ kind: 'malformed', action: 'CreateServiceMesh' })
    const response = await create('garbled')
    expect(response.status).toBe(200)
    expect(response.body.startsWith('{"RequestId":"')).toBe(true)
    expect(() => JSON.parse(response.body)).toThrow(SyntaxError)
    expect(meshesNamed('garbled')).toBe(1)
  })

  it('or with the body given', async () => {
    emulator.inject({ kind: 'malformed', body: 'upstream said: oops' })
    const response = await list()
    expect(response).toMatchObject({ status: 200, body: 'upstream said: oops' })
  })
})

describe('status with a code, a message, and after processing', () => {
  it('answers the given code and message; after processing, the create has made its mesh', async () => {
    emulator.inject({ kind: 'status', status: 403, code: 'StatusForbidden', message: 'line one\nline two' })
    const denied = await list()
    expect(denied.status).toBe(403)
    expect(JSON.parse(denied.body)).toMatchObject({ Code: 'StatusForbidden', Message: 'line one\nline two' })

    emulator.inject({ kind: 'status', status: 502, action: 'CreateServiceMesh', afterProcessing: true })
    const answered = await create('made-then-502')
    expect(answered.status).toBe(502)
    expect(codeOf(answered)).toBe('BadGateway')
    expect(meshesNamed('made-then-502')).toBe(1)
  })

  it('clearFaults drops the faults not yet spent', async () => {
    emulator.inject({ kind: 'status', status: 500, times: 5 })
    emulator.clearFaults()
    expect((await list()).status).toBe(200)
  })
})

describe('listLagMs', () => {
  it('shows a created mesh in DescribeServiceMeshes only once the lag has passed; added meshes at once', async () => {
    let now = Date.now()
    const lagging = await startCloudEmulator({
      accessKeys: { [AK.accessKeyId]: AK.secret },
      clock: () => now,
      listLagMs: 3000
    })
    try {
      lagging.addMesh({ name: 'there-before', region: 'cn-hangzhou' })
      const body = { RegionId: 'cn-hangzhou', VpcId: 'vpc-bp1abc', VSwitches: '["vsw-bp1abc"]', Name: 'late' }
      const sign = (action: string, method: 'GET' | 'POST', form?: Record<string, string>) =>
        signV3(lagging, {
          ...AK,
          action,
          version: VERSION,
          method,
          ...(form && { body: form }),
          date: new Date(now)
        })
      expect((await send(lagging, sign('CreateServiceMesh', 'POST', body))).status).toBe(200)
      const names = async () =>
        (
          JSON.parse((await send(lagging, sign('DescribeServiceMeshes', 'GET'))).body) as {
            ServiceMeshes: { ServiceMeshInfo: { Name: string } }[]
          }
        ).ServiceMeshes.map(mesh => mesh.ServiceMeshInfo.Name)
      expect(await names()).toEqual(['there-before'])
      now += 3000
      expect(await names()).toEqual(['there-before', 'late'])
    } finally {
      await lagging.stop()
    }
  })
})

describe('stop', () => {
  it('ends held requests and idle keep-alive sockets instead of waiting for them', async () => {
    const own = await startCloudEmulator({ accessKeys: { [AK.accessKeyId]: AK.secret } })
    const agent = new Agent({ keepAlive: true })
    const listOwn = () =>
      signV3(own, { ...AK, action: 'DescribeServiceMeshes', version: VERSION, method: 'GET' })
    expect((await send(own, listOwn(), agent)).status).toBe(200)
    const idleSocket = Object.values(agent.freeSockets).flat()[0]
    expect(idleSocket).toBeDefined()
    const idleClosed = new Promise(resolve => idleSocket?.once('close', resolve))

    own.inject({ kind: 'delay', ms: 600_000 })
    const held = socketError(send(own, listOwn()))
    await until(() => own.calls.length === 2)
    await own.stop()
    await idleClosed
    expect(await held).toBe('ECONNRESET')
    agent.destroy()
  })
})
