/**
 * UpdateMeshFeature and DescribeServiceMeshDetail through the real openapi-client: every documented
 * parameter where the SDK puts it, the checks on names, types and placement, `updating` -> `running` with
 * the values landing at the end, and the drift controls (docs/reference/asm-lifecycle-api.md §a, §d).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { LIFECYCLE_PARAMETERS, type ParameterSpec } from './cloud/lifecycle-parameters.js'
import { ACCESS_LOG_KEYS } from './cloud/mesh-parameters.js'
import { LIVE_PATHS } from './cloud/mesh-detail.js'
import {
  AK,
  asm,
  CHANGE_MS,
  detail,
  refusal,
  runningMesh,
  startLifecycle,
  stateOf,
  valueAt,
  type Lifecycle,
  type Parts,
  VERSION
} from './helpers/lifecycle.js'
import { send } from './helpers/raw-http.js'
import { signV3 } from './helpers/sign-v3.js'

const ACCESS_LOG_FORMAT = JSON.stringify(
  Object.fromEntries(ACCESS_LOG_KEYS.map(key => [key, `%${key.toUpperCase()}%`])),
  null,
  2
)

/** Values that mean something for the parameters whose format is more than their type. */
const MEANINGFUL: Record<string, string> = {
  AccessLogFile: '/dev/stdout',
  AccessLogFormat: ACCESS_LOG_FORMAT,
  ClusterSpec: 'enterprise',
  DiscoverySelectors: '[{"matchExpressions":[{"key":"asm-discovery","operator":"Exists"}]}]',
  InterceptionMode: 'TPROXY',
  LabelsForOffloadedWorkloads: 'app=legacy,tier=vm',
  Lifecycle: '{"preStop":{"exec":{"command":["sleep","5"]}}}',
  LocalityLBConf: '{"failover":[{"from":"cn-hangzhou","to":"cn-shanghai"}]}',
  LogLevel: 'warn',
  OPALogLevel: 'debug',
  OutboundTrafficPolicy: 'REGISTRY_ONLY',
  TraceSampling: '10.1'
}

function validValue(name: string, spec: ParameterSpec): string {
  const byKind: Partial<Record<ParameterSpec['kind'], string>> = {
    boolean: 'true',
    integer: '30',
    float: '50',
    digits: '256',
    quantity: '250m',
    'json-object': '{"key":"value"}'
  }
  return MEANINGFUL[name] ?? byKind[spec.kind] ?? `${name.toLowerCase()}-value`
}

/** Every UpdateMeshFeature parameter but ServiceMeshId, each where the SDK sends it. */
function allFeatures(): Required<Parts> {
  const parts: Required<Parts> = { query: {}, body: {} }
  for (const [name, spec] of Object.entries(LIFECYCLE_PARAMETERS.UpdateMeshFeature)) {
    if (name !== 'ServiceMeshId') parts[spec.at][name] = validValue(name, spec)
  }
  return parts
}

function update(id: string, body: Record<string, string>, query?: Record<string, string>) {
  return asm(lifecycle.emulator, 'UpdateMeshFeature', { body: { ServiceMeshId: id, ...body }, query })
}

let lifecycle: Lifecycle

beforeAll(async () => {
  lifecycle = await startLifecycle()
})

afterAll(async () => {
  await lifecycle.stop()
})

describe('UpdateMeshFeature', () => {
  it('takes all 106 features where the SDK puts them; the values land when the mesh is running again', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { UseExistingCA: 'true', TraceSampling: '100' })
    const features = allFeatures()
    expect(Object.keys(features.query).sort()).toEqual([
      'AccessLogGatewayEnabled',
      'AccessLogSidecarEnabled',
      'LabelsForOffloadedWorkloads'
    ])
    expect(Object.keys(features.body)).toHaveLength(103)

    const answer = await update(id, features.body, features.query)
    expect(Object.keys(answer.body)).toEqual(['RequestId'])
    const before = await detail(emulator, id)
    expect(valueAt(before, 'ServiceMeshInfo.State')).toBe('updating')
    expect(valueAt(before, 'Spec.MeshConfig.Pilot.TraceSampling')).toBe(100)

    lifecycle.advance(CHANGE_MS)
    const after = await detail(emulator, id)
    expect(valueAt(after, 'ServiceMeshInfo.State')).toBe('running')
    const mc = (path: string) => valueAt(after, `Spec.MeshConfig.${path}`)
    expect(mc('Pilot.TraceSampling')).toBe(Math.fround(10.1))
    expect(mc('ExtraConfiguration.AccessLogExtraConf.GatewayEnabled')).toBe(true)
    expect(mc('ExtraConfiguration.IstiodExtraConfiguration.LabelsForOffloadedWorkloads')).toBe(
      'app=legacy,tier=vm'
    )
    expect(mc('ExtraConfiguration.AccessLogExtraConf.SidecarLifecycle')).toBe(30)
    expect(mc('Proxy.AccessLogFormat')).toBe(JSON.stringify(JSON.parse(ACCESS_LOG_FORMAT)))
    expect(mc('ExtraConfiguration.DiscoverySelectors')).toEqual(JSON.parse(MEANINGFUL.DiscoverySelectors))
    expect(mc('LocalityLB')).toEqual({ Failover: [{ from: 'cn-hangzhou', to: 'cn-shanghai' }] })
    expect(mc('ExtraConfiguration.CRAggregationConfiguration.Enabled')).toBe(true)
    expect(mc('SidecarInjector.InitCNIConfiguration.Enabled')).toBe(true)
    expect(mc('OutboundTrafficPolicy')).toBe('REGISTRY_ONLY')
    expect(valueAt(after, 'ClusterSpec')).toBe('enterprise')
    for (const [name, live] of Object.entries(LIVE_PATHS)) {
      if (name in features.body || name in features.query)
        expect([name, valueAt(after, live.paths[0])]).not.toEqual([name, undefined])
    }
    expect(emulator.callsTo('UpdateMeshFeature').at(-1)).toMatchObject({ status: 200, query: features.query })
  })

  it('refuses a body parameter sent in the query, and a query parameter sent in the body', async () => {
    const id = runningMesh(lifecycle.emulator)
    const misplaced: Array<[Parts, string]> = [
      [{ body: { ServiceMeshId: id }, query: { TraceSampling: '5' } }, 'InvalidParameter.TraceSampling'],
      [
        { body: { ServiceMeshId: id, AccessLogGatewayEnabled: 'true' } },
        'InvalidParameter.AccessLogGatewayEnabled'
      ],
      [{ query: { ServiceMeshId: id } }, 'InvalidParameter.ServiceMeshId']
    ]
    for (const [parts, code] of misplaced) {
      expect(await refusal(lifecycle.emulator, 'UpdateMeshFeature', parts)).toEqual({ code, statusCode: 400 })
    }
    expect(await stateOf(lifecycle.emulator, id)).toBe('running')
  })

  const refusals: Array<[string, Record<string, string>, string]> = [
    ['an unknown parameter', { TraceSamplingRate: '5' }, 'InvalidParameter.TraceSamplingRate'],
    ['a create-only parameter', { VpcId: 'vpc-bp1other' }, 'InvalidParameter.VpcId'],
    ['a boolean written True', { Tracing: 'True' }, 'InvalidParameter.Tracing'],
    ['an integer written 3.5', { AccessLogServicePort: '3.5' }, 'InvalidParameter.AccessLogServicePort'],
    ['a number that is not one', { TraceSampling: 'half' }, 'InvalidParameter.TraceSampling'],
    [
      'a numeric string that is not',
      { TraceMaxPathTagLength: 'long' },
      'InvalidParameter.TraceMaxPathTagLength'
    ],
    ['a CPU that is no quantity', { ProxyLimitCPU: 'two cores' }, 'InvalidParameter.ProxyLimitCPU'],
    ['JSON where an array is due', { DiscoverySelectors: '{}' }, 'InvalidParameter.DiscoverySelectors'],
    ['text where JSON is due', { Lifecycle: 'preStop' }, 'InvalidParameter.Lifecycle'],
    [
      'an AccessLogFormat short of keys',
      { AccessLogFormat: '{"method":"%M%"}' },
      'InvalidParameter.AccessLogFormat'
    ],
    [
      'a policy outside its values',
      { OutboundTrafficPolicy: 'allow_any' },
      'InvalidParameter.OutboundTrafficPolicy'
    ],
    ['a ClusterSpec outside its values', { ClusterSpec: 'premium' }, 'InvalidParameter.ClusterSpec'],
    ['a custom CA on a mesh created without one', { CertChain: 'Y2hhaW4=' }, 'InvalidParameter.CertChain']
  ]
  it.each(refusals)('refuses %s with 400 and changes nothing', async (_what, body, code) => {
    const id = runningMesh(lifecycle.emulator, { TraceSampling: '100' })
    expect(
      await refusal(lifecycle.emulator, 'UpdateMeshFeature', { body: { ServiceMeshId: id, ...body } })
    ).toEqual({
      code,
      statusCode: 400
    })
    const shown = await detail(lifecycle.emulator, id)
    expect(valueAt(shown, 'ServiceMeshInfo.State')).toBe('running')
    expect(valueAt(shown, 'Spec.MeshConfig.Pilot.TraceSampling')).toBe(100)
  })

  it('needs ServiceMeshId, and an existing mesh', async () => {
    const { emulator } = lifecycle
    expect(await refusal(emulator, 'UpdateMeshFeature', { body: { Tracing: 'true' } })).toEqual({
      code: 'MissingParameter.ServiceMeshId',
      statusCode: 400
    })
    expect(await refusal(emulator, 'UpdateMeshFeature', { body: { ServiceMeshId: 'f'.repeat(32) } })).toEqual(
      {
        code: 'ServiceMesh.NotFound',
        statusCode: 404
      }
    )
  })

  it('is refused while the mesh is not running, and accepted again once it is', async () => {
    const id = runningMesh(lifecycle.emulator)
    await update(id, { Tracing: 'true' })
    expect(
      await refusal(lifecycle.emulator, 'UpdateMeshFeature', {
        body: { ServiceMeshId: id, Telemetry: 'true' }
      })
    ).toEqual({
      code: 'InvalidOperation.NotRunning',
      statusCode: 400
    })
    lifecycle.advance(CHANGE_MS)
    expect((await update(id, { Telemetry: 'true' })).statusCode).toBe(200)
  })

  it('turns Kiali off when Telemetry is off (asm-lifecycle-api.md §a.2 #50)', async () => {
    const id = runningMesh(lifecycle.emulator, { Telemetry: 'true', KialiEnabled: 'true' })
    await update(id, { Telemetry: 'false' })
    lifecycle.advance(CHANGE_MS)
    expect(valueAt(await detail(lifecycle.emulator, id), 'Spec.MeshConfig.Kiali.Enabled')).toBe(false)
  })

  it('takes the RPC HMAC-SHA1 signature too, with its query fields where they belong', async () => {
    const id = runningMesh(lifecycle.emulator)
    const parts = {
      body: { ServiceMeshId: id, Tracing: 'true' },
      query: { AccessLogSidecarEnabled: 'false' }
    }
    expect((await asm(lifecycle.emulator, 'UpdateMeshFeature', parts, 'v2')).statusCode).toBe(200)
    expect(lifecycle.emulator.callsTo('UpdateMeshFeature').at(-1)?.signature).toBe('v1')
  })

  it('answers a refusal in the documented error shape', async () => {
    const { emulator } = lifecycle
    const request = signV3(emulator, {
      accessKeyId: AK.accessKeyId,
      secret: AK.accessKeySecret,
      action: 'UpdateMeshFeature',
      version: VERSION,
      method: 'POST',
      body: { ServiceMeshId: runningMesh(emulator), Tracing: 'yes' }
    })
    const response = await send(emulator, request)
    const body = JSON.parse(response.body)
    expect(response.status).toBe(400)
    expect(Object.keys(body).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId'])
    expect(body.Code).toBe('InvalidParameter.Tracing')
    expect(body.Recommend).toContain('product=servicemesh')
  })

  it('with failNextChange ends updating_failed with the message, and nothing lands', async () => {
    const id = runningMesh(lifecycle.emulator, { Tracing: 'false' })
    lifecycle.emulator.lifecycle.failNextChange(id, 'Istio operator failed.')
    await update(id, { Tracing: 'true' })
    lifecycle.advance(CHANGE_MS)
    const shown = await detail(lifecycle.emulator, id)
    expect(valueAt(shown, 'ServiceMeshInfo')).toMatchObject({
      State: 'updating_failed',
      ErrorMessage: 'Istio operator failed.'
    })
    expect(valueAt(shown, 'Spec.MeshConfig.Tracing')).toBe(false)
  })
})

describe('DescribeServiceMeshDetail', () => {
  it('shows what CreateServiceMesh set at its documented paths, server-filled values, clusters and no tags', async () => {
    const { emulator } = lifecycle
    const { body } = await asm(emulator, 'CreateServiceMesh', {
      query: { 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' },
      body: {
        RegionId: 'cn-hangzhou',
        VpcId: 'vpc-bp1abc',
        VSwitches: '["vsw-bp1abc"]',
        Edition: 'Pro',
        Tracing: 'true',
        TraceSampling: '0.1',
        ControlPlaneLogEnabled: 'true',
        ApiServerPublicEip: 'true',
        GuestCluster: 'c0123456789abcdef'
      }
    })
    const id = body.ServiceMeshId as string
    const shown = await detail(emulator, id)
    expect(shown).toMatchObject({
      ServiceMeshInfo: { State: 'initial', Profile: 'Pro' },
      Clusters: ['c0123456789abcdef'],
      Spec: {
        LoadBalancer: { ApiServerPublicEip: true },
        MeshConfig: {
          Tracing: true,
          Pilot: { TraceSampling: Math.fround(0.1) },
          ControlPlaneLogInfo: { Enabled: true },
          Edition: { Name: 'Pro' },
          IncludeIPRanges: '*',
          Audit: { Project: `mesh-log-${id}` }
        }
      }
    })
    expect(shown.Tag).toBeUndefined()
    expect(valueAt(shown, 'Spec.MeshConfig.Telemetry')).toBeUndefined()
  })

  it('drift changes live values behind the action’s back, without a call', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { TraceSampling: '100', Tracing: 'true' })
    const calls = emulator.calls.length
    emulator.lifecycle.drift(id, { TraceSampling: '42', Tracing: undefined, Name: 'renamed-by-hand' })
    expect(emulator.calls.length).toBe(calls)
    const shown = await detail(emulator, id)
    expect(valueAt(shown, 'Spec.MeshConfig.Pilot.TraceSampling')).toBe(42)
    expect(valueAt(shown, 'Spec.MeshConfig.Tracing')).toBeUndefined()
    expect(valueAt(shown, 'ServiceMeshInfo.Name')).toBe('renamed-by-hand')
    expect(() => emulator.lifecycle.drift(id, { Concurrency: '2' })).toThrow(/does not show Concurrency/)
  })

  it('overrideDetail lays a raw shape over the live value', async () => {
    const { emulator } = lifecycle
    const id = runningMesh(emulator, { TraceSampling: '100' })
    emulator.lifecycle.overrideDetail(id, 'Spec.MeshConfig.Pilot.TraceSampling', { value: '100%' })
    expect(valueAt(await detail(emulator, id), 'Spec.MeshConfig.Pilot.TraceSampling')).toEqual({
      value: '100%'
    })
  })
})
