/**
 * MeshApi with the real @alicloud/openapi-client against the loopback cloud emulator. The emulator and
 * the code under test share one fake clock: sleeping advances it (nothing waits), and the emulator
 * settles mesh states by it.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { createMeshApi, type MeshApiOptions } from '../../src/cloud/mesh.js'
import type { MeshInfo } from '../../src/cloud/types.js'
import { ActionError } from '../../src/errors.js'
import type { MeshRequest } from '../../src/meshspec/request.js'
import { startCloudEmulator, type CloudEmulator } from '../support/cloud-emulator.js'
import { fakeTime, recordingLog } from './fakes.js'

const AK = { id: 'LTAI5tIntegrationKey', secret: 'Integration+Secret/=' }

/** Written by hand (the spec engine is not under test): values with characters that need encoding. */
const request: MeshRequest = {
  name: 'prod mesh',
  region: 'cn-hangzhou',
  query: { 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod a*b', 'Tag.2.Key': 'team', 'Tag.2.Value': "mesh!'()~" },
  body: {
    RegionId: 'cn-hangzhou',
    Name: 'prod mesh',
    VpcId: 'vpc-bp1abc',
    VSwitches: '["vsw-bp1abc","vsw-bp1def"]',
    Edition: 'Pro',
    Tracing: 'true',
    TraceSampling: '100',
    IncludeIPRanges: '*',
    ExcludeInboundPorts: '80,81',
    ProxyRequestCPU: '100m',
    MultiBufferPollDelay: '30s'
  },
  parameters: []
}

let cloud: CloudEmulator
let time: ReturnType<typeof fakeTime>

beforeEach(async () => {
  time = fakeTime(Date.now())
  cloud = await startCloudEmulator({
    accessKeys: { [AK.id]: AK.secret },
    provisionMs: 20000,
    clock: time.now
  })
})
afterEach(() => cloud.stop())

function meshApi(options: Partial<MeshApiOptions> = {}) {
  const log = recordingLog()
  const api = createMeshApi({
    endpoint: { protocol: 'http', host: cloud.host },
    credentials: { accessKeyId: AK.id, accessKeySecret: AK.secret, source: 'static' },
    log,
    sleep: time.sleep,
    now: time.now,
    random: () => 0.5,
    ...options
  })
  return { api, log }
}

const actions = () => cloud.calls.map(call => call.action)

async function rejection(promise: Promise<unknown>): Promise<ActionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(ActionError)
  return error as ActionError
}

describe('create', () => {
  it('sends the exact wire values, signed V3, once', async () => {
    const { api } = meshApi()
    const result = await api.create(request, [])

    expect(cloud.meshes).toHaveLength(1)
    expect(result).toEqual({
      meshId: cloud.meshes[0].id,
      requestId: expect.stringMatching(/^[0-9A-F-]{36}$/)
    })
    expect(cloud.calls).toHaveLength(1)
    const [call] = cloud.calls
    expect(call).toMatchObject({
      action: 'CreateServiceMesh',
      version: '2020-01-11',
      method: 'POST',
      signature: 'v3',
      accessKeyId: AK.id,
      status: 200,
      query: request.query,
      body: request.body
    })
    expect(call.headers['content-type']).toBe('application/x-www-form-urlencoded')
    // Form fields in table order, encoded as the library does (querystring: space %20, * ! ' ( ) raw).
    expect(call.rawBody).toBe(
      'RegionId=cn-hangzhou&Name=prod%20mesh&VpcId=vpc-bp1abc&VSwitches=%5B%22vsw-bp1abc%22%2C%22vsw-bp1def%22%5D' +
        '&Edition=Pro&Tracing=true&TraceSampling=100&IncludeIPRanges=*&ExcludeInboundPorts=80%2C81' +
        '&ProxyRequestCPU=100m&MultiBufferPollDelay=30s'
    )
    expect(cloud.meshes[0]).toMatchObject({
      name: 'prod mesh',
      region: 'cn-hangzhou',
      parameters: { ...request.body, ...request.query }
    })
  })

  it('retries throttled creates and ends with exactly one mesh', async () => {
    const { api, log } = meshApi()
    // The emulator also sends x-acs-retry-after (5000 ms). openapi-client 0.4.15 drops response headers
    // on errors, so the action cannot see it: the waits are the plain backoff schedule.
    cloud.inject({ kind: 'throttle', action: 'CreateServiceMesh', times: 2, retryAfterSeconds: 5 })
    const result = await api.create(request, [])

    expect(cloud.meshes).toHaveLength(1)
    expect(result).toMatchObject({ meshId: cloud.meshes[0].id })
    expect(actions()).toEqual(['CreateServiceMesh', 'CreateServiceMesh', 'CreateServiceMesh'])
    expect(cloud.calls.map(call => call.code ?? call.status)).toEqual([
      'Throttling.User',
      'Throttling.User',
      200
    ])
    expect(time.slept).toEqual([500, 1000])
    expect(log.lines.filter(line => /Throttling.User.*retrying/.test(line))).toHaveLength(2)
  })

  it.each([
    [
      'a reset after processing',
      { kind: 'reset', action: 'CreateServiceMesh', afterProcessing: true } as const
    ],
    ['a cut-off answer', { kind: 'malformed', action: 'CreateServiceMesh' } as const],
    [
      'a slow answer',
      { kind: 'delay', ms: 3000, action: 'CreateServiceMesh', afterProcessing: true } as const
    ]
  ])('after %s, finds the mesh by name instead of sending again', async (_name, fault) => {
    const { api, log } = meshApi({ timeouts: { create: { readMs: 300, connectMs: 300 } } })
    cloud.inject(fault)
    const result = await api.create(request, [])

    expect(cloud.meshes).toHaveLength(1)
    expect(result).toMatchObject({ meshId: cloud.meshes[0].id })
    expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
    expect(
      log.lines.some(line => /^info: Found mesh [0-9a-f]{32} with name "prod mesh" in cn-hangzhou/.test(line))
    ).toBe(true)
  })

  it.each([
    ['a reset before processing', { kind: 'reset', action: 'CreateServiceMesh' } as const],
    [
      'a 502 page from a proxy',
      { kind: 'status', status: 502, nonJson: true, action: 'CreateServiceMesh' } as const
    ],
    ['a 500', { kind: 'status', status: 500, action: 'CreateServiceMesh' } as const]
  ])(
    'after %s, never sends again: looks until the window ends, then says the outcome is unknown',
    async (_name, fault) => {
      const { api } = meshApi()
      cloud.inject(fault)
      const error = await rejection(api.create(request, []))

      expect(cloud.meshes).toHaveLength(0)
      expect(error.message).toMatch(
        /^CreateServiceMesh: the outcome is unknown .* the create was not sent again\.$/
      )
      expect(actions().filter(action => action === 'CreateServiceMesh')).toHaveLength(1)
      expect(actions().filter(action => action === 'DescribeServiceMeshes').length).toBeGreaterThan(5)
    }
  )

  it('finds a mesh that shows up in the list only a while after a 5xx answer, and creates no second one', async () => {
    await cloud.stop()
    cloud = await startCloudEmulator({
      accessKeys: { [AK.id]: AK.secret },
      clock: time.now,
      listLagMs: 45_000
    })
    const { api } = meshApi()
    cloud.inject({ kind: 'status', status: 502, action: 'CreateServiceMesh', afterProcessing: true })
    const result = await api.create(request, [])

    expect(cloud.meshes).toHaveLength(1)
    expect(result).toMatchObject({ meshId: cloud.meshes[0].id })
    expect(actions().filter(action => action === 'CreateServiceMesh')).toHaveLength(1)
    expect(time.slept).toEqual([2000, 4000, 8000, 16000, 30000])
  })

  it('does not retry a 4xx, and says which parameter', async () => {
    const { api } = meshApi()
    const { VpcId: _omitted, ...body } = request.body
    const error = await rejection(api.create({ ...request, body }, []))

    expect(error.message).toMatch(
      /^CreateServiceMesh failed: MissingParameter.VpcId \(HTTP 400\): .*"VpcId".*; request id [0-9A-F-]{36}$/
    )
    expect(error.advice).toMatch(/Fix the parameter .* in the spec file/)
    expect(actions()).toEqual(['CreateServiceMesh'])
    expect(cloud.meshes).toHaveLength(0)
  })

  it('names the wrong secret', async () => {
    const { api } = meshApi({
      credentials: { accessKeyId: AK.id, accessKeySecret: 'wrong', source: 'static' }
    })
    const error = await rejection(api.create(request, []))
    expect(error.message).toMatch(/^CreateServiceMesh failed: SignatureDoesNotMatch/)
    expect(error.advice).toMatch(/access-key-secret/)
    expect(cloud.calls).toHaveLength(1)
  })

  it('lists the ids when the outcome is unknown and several meshes have the name', async () => {
    const { api } = meshApi()
    const old = cloud.addMesh({ name: 'prod mesh', region: 'cn-hangzhou' })
    cloud.inject({ kind: 'reset', action: 'CreateServiceMesh', afterProcessing: true })
    const error = await rejection(api.create(request, []))

    expect(cloud.meshes).toHaveLength(2)
    expect(error.message).toContain(
      `2 new meshes have name "prod mesh" in cn-hangzhou: ${old.id}, ${cloud.meshes[1].id}`
    )
    expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
  })
})

describe('findByName and describe', () => {
  it('filter the list on name and region, and read one mesh', async () => {
    const { api } = meshApi()
    const wanted = cloud.addMesh({ name: 'prod mesh', region: 'cn-hangzhou' })
    cloud.addMesh({ name: 'prod mesh', region: 'cn-beijing' })
    cloud.addMesh({ name: 'other', region: 'cn-hangzhou' })

    const expected: MeshInfo = { id: wanted.id, name: 'prod mesh', region: 'cn-hangzhou', state: 'running' }
    await expect(api.findByName('prod mesh', 'cn-hangzhou')).resolves.toEqual([expected])
    await expect(api.describe(wanted.id)).resolves.toEqual({ ...expected, clusters: [] })
    await expect(api.describe('0123456789abcdef0123456789abcdef')).resolves.toBeUndefined()
    expect(cloud.calls.map(call => [call.action, call.method])).toEqual([
      ['DescribeServiceMeshes', 'GET'],
      ['DescribeServiceMeshDetail', 'POST'],
      ['DescribeServiceMeshDetail', 'POST']
    ])
  })
})

describe('waitUntilRunning', () => {
  it('polls until the mesh is running and reports each state', async () => {
    const { api } = meshApi()
    const { meshId } = await api.create(request, [])
    const seen: string[] = []
    const info = await api.waitUntilRunning(meshId, {
      timeoutSeconds: 600,
      onProgress: (mesh, elapsed) => seen.push(`${mesh.state}@${elapsed}`)
    })

    expect(info).toMatchObject({ id: meshId, state: 'running' })
    // Provisioning takes 20 s on the emulator clock: polls at 5, 10, 15 and 20 s.
    expect(seen).toEqual(['initial@5', 'initial@10', 'initial@15', 'running@20'])
    expect(actions().filter(action => action === 'DescribeServiceMeshDetail')).toHaveLength(4)
  })

  it('fails with the ErrorMessage of a failed mesh', async () => {
    const { api } = meshApi()
    cloud.inject({ kind: 'createThenFail', message: 'The quota of SLB instances is exceeded.' })
    const { meshId } = await api.create(request, [])
    const error = await rejection(api.waitUntilRunning(meshId, { timeoutSeconds: 600 }))
    expect(error.message).toBe(
      `Mesh ${meshId} failed (state failed): The quota of SLB instances is exceeded.`
    )
  })

  it('times out with the mesh id and that creation continues', async () => {
    const { api } = meshApi()
    const mesh = cloud.addMesh({ name: 'slow', region: 'cn-hangzhou' })
    cloud.setMeshState(mesh.id, 'initial')
    const error = await rejection(api.waitUntilRunning(mesh.id, { timeoutSeconds: 60 }))
    expect(error.message).toBe(
      `Mesh ${mesh.id} is not running after 60 s (last state: initial). Creation continues in the cloud.`
    )
    expect(cloud.calls).toHaveLength(12)
  })
})
