/** create / findByName / describe decisions over a scripted transport (the emulator tests cover the wire). */
import { describe, expect, it } from '@jest/globals'
import { createMeshApi } from '../../src/cloud/mesh.js'
import type { MeshRequest } from '../../src/meshspec/request.js'
import { apiError, fakeTime, recordingLog, scripted, socketError, timeoutError, type Step } from './fakes.js'

const request: MeshRequest = {
  name: 'prod',
  region: 'cn-hangzhou',
  query: { 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' },
  body: { RegionId: 'cn-hangzhou', VpcId: 'vpc-1', VSwitches: '["vsw-1"]', Name: 'prod' },
  parameters: []
}
const created = { RequestId: 'REQ-C', ServiceMeshId: 'm-new' }
const mesh = (ServiceMeshId: string, Name = 'prod', RegionId = 'cn-hangzhou') => ({
  ServiceMeshInfo: { ServiceMeshId, Name, RegionId, State: 'initial' }
})
const listing = (...meshes: ReturnType<typeof mesh>[]) => ({ RequestId: 'REQ-L', ServiceMeshes: meshes })

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
  return { api, actions: () => sent.map(call => call.action), sent, log, time }
}

describe('create', () => {
  it('sends the body as form fields and the query as query, once, with a create-sized timeout', async () => {
    const { api, sent } = meshApi([created])
    await expect(api.create(request, [])).resolves.toEqual({
      meshId: 'm-new',
      requestId: 'REQ-C'
    })
    expect(sent).toEqual([
      expect.objectContaining({
        action: 'CreateServiceMesh',
        version: '2020-01-11',
        method: 'POST',
        query: request.query,
        body: request.body,
        timeout: { readMs: 120000, connectMs: 120000 },
        retryUnknownOutcome: false
      })
    ])
  })

  it('after an unknown outcome, returns the one new mesh found by name and region, never sending again', async () => {
    for (const unknown of [timeoutError(), socketError('ECONNRESET'), apiError(500, 'InternalError')]) {
      const other = [mesh('m-x', 'prod', 'cn-beijing'), mesh('m-y', 'dev')]
      const { api, actions, log } = meshApi([unknown, listing(mesh('m-1'), ...other)])
      const result = await api.create(request, [])
      expect(result).toMatchObject({ meshId: 'm-1' })
      expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
      expect(
        log.lines.some(line => /is not sent again; looking for name "prod" in cn-hangzhou/.test(line))
      ).toBe(true)
    }
  })

  it('keeps the request id of a 5xx answer when it recovers', async () => {
    const { api } = meshApi([apiError(500, 'InternalError', 'x', 'REQ-500'), listing(mesh('m-1'))])
    await expect(api.create(request, [])).resolves.toEqual({
      meshId: 'm-1',
      requestId: 'REQ-500'
    })
  })

  it('keeps looking with backoff while the mesh is not listed yet, and finds it late', async () => {
    const { api, actions, time } = meshApi([
      timeoutError(),
      listing(),
      listing(),
      listing(),
      listing(mesh('m-1'))
    ])
    await expect(api.create(request, [])).resolves.toMatchObject({ meshId: 'm-1' })
    expect(actions()).toEqual(['CreateServiceMesh', ...Array(4).fill('DescribeServiceMeshes')])
    expect(time.slept).toEqual([2000, 4000, 8000])
  })

  it('never sends again: when no mesh shows up within the window it fails, saying the outcome is unknown', async () => {
    const { api, actions, time } = meshApi([timeoutError(), listing()])
    const error = (await api.create(request, []).catch((e: unknown) => e)) as Error & { advice?: string }
    expect(error.message).toMatch(
      /^CreateServiceMesh: the outcome is unknown \(CreateServiceMesh failed: no answer within 120 s.*\), and no new mesh with name "prod" in cn-hangzhou appeared within 7 min of the send; the create was not sent again\.$/
    )
    expect(error.advice).toMatch(/the next run looks for the mesh first/)
    expect(actions().filter(action => action === 'CreateServiceMesh')).toHaveLength(1)
    // Looked until the create's timeout plus the 5-minute window had passed since the send (the scripted
    // timeout takes no time, so all of the 7 minutes are spent looking).
    expect(time.slept.reduce((a, b) => a + b, 0)).toBe(7 * 60_000)
    expect(Math.max(...time.slept)).toBe(30_000)
  })

  it('stops looking at once when cancelled', async () => {
    const { api, actions } = meshApi([timeoutError(), listing()])
    const controller = new AbortController()
    controller.abort()
    await expect(api.create(request, [], { signal: controller.signal })).rejects.toThrow(
      /outcome is unknown .* Cancelled while looking for a mesh with name "prod" in cn-hangzhou/
    )
    expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
  })

  it('lists the ids when several new meshes have the name', async () => {
    const { api } = meshApi([timeoutError(), listing(mesh('m-1'), mesh('m-2'))])
    await expect(api.create(request, [])).rejects.toThrow(
      /2 new meshes have name "prod" in cn-hangzhou: m-1, m-2/
    )
  })

  it('says the create may have happened when the lookup fails for good', async () => {
    const { api, actions } = meshApi([timeoutError(), apiError(403, 'Forbidden.RAM', 'denied', 'REQ-L403')])
    const error = await api.create(request, []).then(
      () => undefined,
      (e: unknown) => e as Error & { advice?: string }
    )
    expect(error?.message).toBe(
      'CreateServiceMesh: the outcome is unknown (CreateServiceMesh failed: no answer within 120 s; request id none ' +
        '(no answer from the service)), and looking for name "prod" in cn-hangzhou failed too: ' +
        'DescribeServiceMeshes failed: Forbidden.RAM (HTTP 403): denied; request id REQ-L403'
    )
    expect(error?.advice).toMatch(/ASM console/)
    expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
  })

  it('treats a success answer without a usable ServiceMeshId as unknown', async () => {
    for (const odd of [
      { RequestId: 'REQ-odd' },
      { RequestId: 'REQ-odd', ServiceMeshId: 'x\n::set-output name=a::b' }
    ]) {
      const { api, actions } = meshApi([odd, listing(mesh('m-1'))])
      await expect(api.create(request, [])).resolves.toMatchObject({ meshId: 'm-1' })
      expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
    }
  })

  it('never takes a mesh that existed before the create for the new one', async () => {
    // A same-name mesh listed before the send (adopt-existing: false, or on-change: create) is not this
    // create's mesh, even when it is the only one found after an unknown outcome.
    const foreign = meshApi([timeoutError(), listing(mesh('m-old')), listing(mesh('m-old'), mesh('m-new'))])
    await expect(foreign.api.create(request, ['m-old'])).resolves.toMatchObject({
      meshId: 'm-new'
    })
    expect(foreign.actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes', 'DescribeServiceMeshes'])
  })

  it('does not look up or resend after a 4xx', async () => {
    const { api, actions } = meshApi([apiError(400, 'InvalidParameter.VpcId', 'bad vpc', 'REQ-4')])
    await expect(api.create(request, [])).rejects.toThrow(
      'CreateServiceMesh failed: InvalidParameter.VpcId (HTTP 400): bad vpc; request id REQ-4'
    )
    expect(actions()).toEqual(['CreateServiceMesh'])
  })
})

describe('describe', () => {
  it('reads ServiceMesh.ServiceMeshInfo and maps ServiceMesh.NotFound to undefined', async () => {
    const { api, sent } = meshApi([
      {
        ServiceMesh: { ServiceMeshInfo: { ServiceMeshId: 'm1', Name: 'p', RegionId: 'r', State: 'running' } }
      },
      apiError(404, 'ServiceMesh.NotFound')
    ])
    await expect(api.describe('m1')).resolves.toEqual({ id: 'm1', name: 'p', region: 'r', state: 'running' })
    await expect(api.describe('m1')).resolves.toBeUndefined()
    expect(sent).toHaveLength(2)
  })

  it('does not take StatusForbidden for a gone mesh: deleted and not visible answer alike', async () => {
    const { api } = meshApi([apiError(403, 'StatusForbidden', 'forbidden', 'REQ-F')])
    const error = (await api.describe('m1').catch((e: unknown) => e)) as Error & { advice?: string }
    expect(error.message).toBe(
      'DescribeServiceMeshDetail failed: StatusForbidden (HTTP 403): forbidden; request id REQ-F'
    )
    expect(error.advice).toMatch(/not taken as gone and nothing is created in its place/)
  })

  it('does not mistake a permission error for a missing mesh', async () => {
    const { api } = meshApi([apiError(403, 'Forbidden.RAM')])
    await expect(api.describe('m1')).rejects.toThrow(/Forbidden.RAM/)
  })
})
