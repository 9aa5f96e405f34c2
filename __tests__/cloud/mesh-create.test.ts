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
  return { api, actions: () => sent.map(call => call.action), sent, log }
}

describe('create', () => {
  it('sends the body as form fields and the query as query, once', async () => {
    const { api, sent } = meshApi([created])
    await expect(api.create(request)).resolves.toEqual({
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
        timeout: { readMs: 30000, connectMs: 30000 },
        retryUnknownOutcome: false
      })
    ])
  })

  it('after an unknown outcome, returns the one mesh found by name and region instead of sending again', async () => {
    for (const unknown of [timeoutError(), socketError('ECONNRESET'), apiError(500, 'InternalError')]) {
      const other = [mesh('m-x', 'prod', 'cn-beijing'), mesh('m-y', 'dev')]
      const { api, actions, log } = meshApi([unknown, listing(mesh('m-1'), ...other)])
      const result = await api.create(request)
      expect(result).toMatchObject({ meshId: 'm-1' })
      expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
      expect(log.lines.some(line => /may exist now; looking for name "prod" in cn-hangzhou/.test(line))).toBe(
        true
      )
    }
  })

  it('keeps the request id of a 5xx answer when it recovers', async () => {
    const { api } = meshApi([apiError(500, 'InternalError', 'x', 'REQ-500'), listing(mesh('m-1'))])
    await expect(api.create(request)).resolves.toEqual({
      meshId: 'm-1',
      requestId: 'REQ-500'
    })
  })

  it('sends again only when no mesh has the name, and only a bounded number of times', async () => {
    const again = meshApi([timeoutError(), listing(), created])
    await expect(again.api.create(request)).resolves.toMatchObject({ meshId: 'm-new' })
    expect(again.actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes', 'CreateServiceMesh'])

    const never = meshApi([timeoutError(), listing(), timeoutError(), listing(), timeoutError(), listing()])
    await expect(never.api.create(request)).rejects.toThrow(
      /3 sends ended without a clear answer .* no mesh has name/
    )
    expect(never.actions().filter(action => action === 'CreateServiceMesh')).toHaveLength(3)
  })

  it('lists the ids when several meshes have the name', async () => {
    const { api } = meshApi([timeoutError(), listing(mesh('m-1'), mesh('m-2'))])
    await expect(api.create(request)).rejects.toThrow(/2 meshes have name "prod" in cn-hangzhou: m-1, m-2/)
  })

  it('says the create may have happened when the lookup fails too', async () => {
    const { api, actions } = meshApi([timeoutError(), apiError(403, 'Forbidden.RAM', 'denied', 'REQ-L403')])
    const error = await api.create(request).then(
      () => undefined,
      (e: unknown) => e as Error & { advice?: string }
    )
    expect(error?.message).toBe(
      'CreateServiceMesh: the outcome is unknown (CreateServiceMesh failed: no answer within 30 s; request id none ' +
        '(no answer from the service)), and looking for name "prod" in cn-hangzhou failed too: ' +
        'DescribeServiceMeshes failed: Forbidden.RAM (HTTP 403): denied; request id REQ-L403'
    )
    expect(error?.advice).toMatch(/ASM console before re-running/)
    expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
  })

  it('treats a success answer without ServiceMeshId as unknown', async () => {
    const { api, actions } = meshApi([{ RequestId: 'REQ-odd' }, listing(mesh('m-1'))])
    await expect(api.create(request)).resolves.toMatchObject({ meshId: 'm-1' })
    expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
  })

  it('never takes a mesh that existed before the create for the new one', async () => {
    // on-change: create makes a second mesh with the recorded one's name: after an unknown outcome the
    // old mesh must not be returned as if it were the new one.
    const { api, actions } = meshApi([timeoutError(), listing(mesh('m-old'), mesh('m-new'))])
    await expect(api.create(request, ['m-old'])).resolves.toMatchObject({ meshId: 'm-new' })
    expect(actions()).toEqual(['CreateServiceMesh', 'DescribeServiceMeshes'])
  })

  it('does not look up or resend after a 4xx', async () => {
    const { api, actions } = meshApi([apiError(400, 'InvalidParameter.VpcId', 'bad vpc', 'REQ-4')])
    await expect(api.create(request)).rejects.toThrow(
      'CreateServiceMesh failed: InvalidParameter.VpcId (HTTP 400): bad vpc; request id REQ-4'
    )
    expect(actions()).toEqual(['CreateServiceMesh'])
  })
})

describe('describe', () => {
  it('reads ServiceMesh.ServiceMeshInfo and maps not-found codes to undefined', async () => {
    const { api, sent } = meshApi([
      {
        ServiceMesh: { ServiceMeshInfo: { ServiceMeshId: 'm1', Name: 'p', RegionId: 'r', State: 'running' } }
      },
      apiError(404, 'ServiceMesh.NotFound'),
      apiError(403, 'StatusForbidden')
    ])
    await expect(api.describe('m1')).resolves.toEqual({ id: 'm1', name: 'p', region: 'r', state: 'running' })
    await expect(api.describe('m1')).resolves.toBeUndefined()
    await expect(api.describe('m1')).resolves.toBeUndefined()
    expect(sent).toHaveLength(3)
  })

  it('does not mistake a permission error for a missing mesh', async () => {
    const { api } = meshApi([apiError(403, 'Forbidden.RAM')])
    await expect(api.describe('m1')).rejects.toThrow(/Forbidden.RAM/)
  })
})
