/**
 * The Service Mesh side through the real openapi-client: CreateServiceMesh parameter checks, the
 * initial -> running / failed state machine, DescribeServiceMeshes and DescribeServiceMeshDetail.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startCloudEmulator, type CloudEmulator } from '../support/cloud-emulator.js'
import { CREATE_PARAMETER_NAMES } from './cloud/mesh-parameters.js'
import { callApi, failureOf, openApiClient, type Call, type Keys } from './helpers/openapi.js'
import { send } from './helpers/raw-http.js'
import { ACCESS_LOG_KEYS } from './cloud/mesh-parameters.js'

const AK: Keys = { accessKeyId: 'LTAI5tMeshTests', accessKeySecret: 'mesh-secret' }
const VERSION = '2020-01-11'
const PROVISION_MS = 60_000
const ACCESS_LOG_FORMAT = JSON.stringify(
  Object.fromEntries(ACCESS_LOG_KEYS.map(key => [key, `%${key.toUpperCase()}%`]))
)

/** Every form-body parameter of CreateServiceMesh with a valid value (Tag goes in the query). */
const ALL_BODY_PARAMETERS: Record<string, string> = {
  RegionId: 'cn-hangzhou',
  VpcId: 'vpc-bp1abc',
  VSwitches: '["vsw-bp1abc","vsw-bp2def"]',
  Name: 'prod-mesh',
  IstioVersion: 'v1.22.6.71-g0b38b4b3-aliyun',
  Edition: 'Pro',
  ClusterSpec: 'enterprise',
  ClusterDomain: 'cluster.local',
  GuestCluster: 'c1234567890abcdef',
  PlaygroundScene: 'ewmaLb',
  ApiServerPublicEip: 'false',
  ApiServerLoadBalancerSpec: 'slb.s1.small',
  PilotLoadBalancerSpec: 'slb.s2.small',
  ChargeType: 'PrePay',
  Period: '3',
  AutoRenew: 'true',
  AutoRenewPeriod: '3',
  Tracing: 'true',
  TraceSampling: '99.5',
  CustomizedZipkin: 'false',
  Telemetry: 'true',
  CustomizedPrometheus: 'true',
  PrometheusUrl: 'http://prometheus:9090',
  KialiEnabled: 'true',
  AccessLogEnabled: 'true',
  AccessLogFile: '/dev/stdout',
  AccessLogProject: 'mesh-log-prod',
  AccessLogFormat: ACCESS_LOG_FORMAT,
  AccessLogServiceEnabled: 'true',
  AccessLogServiceHost: 'als.example.internal',
  AccessLogServicePort: '9999',
  ControlPlaneLogEnabled: 'true',
  ControlPlaneLogProject: 'mesh-log-prod',
  EnableAudit: 'true',
  AuditProject: 'mesh-log-prod',
  OpaEnabled: 'true',
  OpenAgentPolicy: 'true',
  OPALogLevel: 'info',
  OPARequestCPU: '1',
  OPARequestMemory: '512Mi',
  OPALimitCPU: '2',
  OPALimitMemory: '1024Mi',
  ProxyRequestCPU: '100m',
  ProxyRequestMemory: '128Mi',
  ProxyLimitCPU: '2000m',
  ProxyLimitMemory: '1024Mi',
  IncludeIPRanges: '*',
  ExcludeIPRanges: '100.100.100.200/32,10.0.0.0/8',
  ExcludeInboundPorts: '80,81',
  ExcludeOutboundPorts: '15020',
  LocalityLoadBalancing: 'true',
  LocalityLBConf: '{"failover":[{"from":"cn-hangzhou","to":"cn-shanghai"}]}',
  RedisFilterEnabled: 'false',
  MysqlFilterEnabled: 'false',
  ThriftFilterEnabled: 'false',
  WebAssemblyFilterEnabled: 'true',
  DubboFilterEnabled: 'false',
  MSEEnabled: 'false',
  DNSProxyingEnabled: 'true',
  ConfigSourceEnabled: 'true',
  ConfigSourceNacosID: 'mse-cn-abc123',
  FilterGatewayClusterConfig: 'false',
  EnableSDSServer: 'true',
  GatewayAPIEnabled: 'true',
  EnableCRHistory: 'true',
  CRAggregationEnabled: 'true',
  MultiBufferEnabled: 'true',
  MultiBufferPollDelay: '30s',
  UseExistingCA: 'true',
  ExistingCaType: '1',
  ExistingCaCert: 'Y2VydA==',
  ExistingCaKey: 'a2V5',
  ExistingRootCaCert: 'cm9vdA==',
  ExistingRootCaKey: 'cm9vdGtleQ==',
  CertChain: 'Y2hhaW4gKyByb290',
  EnableAmbient: 'false',
  EnableACMG: 'false'
}
const MINIMAL = { RegionId: 'cn-hangzhou', VpcId: 'vpc-bp1abc', VSwitches: '["vsw-bp1abc"]' }

let emulator: CloudEmulator
let clockOffsetMs = 0

function create(body: Record<string, string>, query?: Record<string, string>) {
  return callApi(openApiClient(emulator, AK), {
    action: 'CreateServiceMesh',
    version: VERSION,
    method: 'POST',
    body,
    query
  })
}

async function createdId(body: Record<string, string>, query?: Record<string, string>): Promise<string> {
  return (await create(body, query)).body.ServiceMeshId as string
}

async function detail(id: string): Promise<Record<string, Record<string, unknown>>> {
  const call: Call = {
    action: 'DescribeServiceMeshDetail',
    version: VERSION,
    method: 'POST',
    body: { ServiceMeshId: id }
  }
  return (await callApi(openApiClient(emulator, AK), call)).body.ServiceMesh as Record<
    string,
    Record<string, unknown>
  >
}

async function list(query?: Record<string, string>): Promise<Array<Record<string, Record<string, unknown>>>> {
  const call: Call = { action: 'DescribeServiceMeshes', version: VERSION, method: 'GET', query }
  return (await callApi(openApiClient(emulator, AK), call)).body.ServiceMeshes as Array<
    Record<string, Record<string, unknown>>
  >
}

beforeAll(async () => {
  emulator = await startCloudEmulator({
    accessKeys: { [AK.accessKeyId]: AK.accessKeySecret },
    provisionMs: PROVISION_MS,
    acceptParameters: ['FutureParameter'],
    clock: () => Date.now() + clockOffsetMs
  })
})

afterAll(async () => {
  await emulator.stop()
})

describe('CreateServiceMesh', () => {
  it('accepts all 78 parameters and keeps them exactly as sent', async () => {
    const tags = {
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'prod',
      'Tag.2.Key': 'team',
      'Tag.2.Value': 'mesh & co'
    }
    expect([...Object.keys(ALL_BODY_PARAMETERS), 'Tag'].sort()).toEqual(CREATE_PARAMETER_NAMES)
    expect(CREATE_PARAMETER_NAMES).toHaveLength(78)

    const { body } = await create(ALL_BODY_PARAMETERS, tags)
    expect(Object.keys(body).sort()).toEqual(['RequestId', 'ServiceMeshId'])
    expect(body.ServiceMeshId).toMatch(/^[0-9a-f]{32}$/)
    const mesh = emulator.meshes.find(m => m.id === body.ServiceMeshId)
    expect(mesh).toMatchObject({ name: 'prod-mesh', region: 'cn-hangzhou', state: 'initial' })
    expect(mesh?.parameters).toEqual({ ...ALL_BODY_PARAMETERS, ...tags })

    const described = await detail(body.ServiceMeshId as string)
    expect(described.ServiceMeshInfo).toMatchObject({
      Name: 'prod-mesh',
      RegionId: 'cn-hangzhou',
      Version: 'v1.22.6.71-g0b38b4b3-aliyun'
    })
    expect(described.Spec.Network).toEqual({
      VpcId: 'vpc-bp1abc',
      VSwitches: ['vsw-bp1abc', 'vsw-bp2def'],
      SecurityGroupId: ''
    })
    // Tags show in DescribeServiceMeshes, not in the detail (docs/reference/asm-lifecycle-api.md §b).
    expect(described.Tag).toBeUndefined()
    const listed = (await list()).find(m => m.ServiceMeshInfo.ServiceMeshId === body.ServiceMeshId)
    expect(listed?.Tag).toEqual([
      { Key: 'env', Value: 'prod' },
      { Key: 'team', Value: 'mesh & co' }
    ])
  })

  it('accepts the extra names it was told to, and the same name twice (two meshes)', async () => {
    const before = emulator.meshes.length
    await create({ ...MINIMAL, Name: 'twin', FutureParameter: 'x' })
    await create({ ...MINIMAL, Name: 'twin' })
    expect(emulator.meshes.length).toBe(before + 2)
  })

  const refusals: Array<[string, Record<string, string>, string, Record<string, string>?]> = [
    ['an unknown parameter', { ...MINIMAL, Nmae: 'x' }, 'InvalidParameter.Nmae'],
    ['no RegionId', { VpcId: 'vpc-bp1abc', VSwitches: '["vsw-bp1abc"]' }, 'MissingParameter.RegionId'],
    ['no VpcId', { RegionId: 'cn-hangzhou', VSwitches: '["vsw-bp1abc"]' }, 'MissingParameter.VpcId'],
    ['no VSwitches', { RegionId: 'cn-hangzhou', VpcId: 'vpc-bp1abc' }, 'MissingParameter.VSwitches'],
    ['a boolean written True', { ...MINIMAL, Tracing: 'True' }, 'InvalidParameter.Tracing'],
    ['a boolean written 1', { ...MINIMAL, Telemetry: '1' }, 'InvalidParameter.Telemetry'],
    ['an integer written 3.0', { ...MINIMAL, Period: '3.0' }, 'InvalidParameter.Period'],
    ['a number that is not one', { ...MINIMAL, TraceSampling: 'half' }, 'InvalidParameter.TraceSampling'],
    [
      'VSwitches that are not a JSON array',
      { ...MINIMAL, VSwitches: 'vsw-bp1abc' },
      'InvalidParameter.VSwitches'
    ],
    ['an empty VSwitches array', { ...MINIMAL, VSwitches: '[]' }, 'InvalidParameter.VSwitches'],
    ['VSwitches holding a VPC id', { ...MINIMAL, VSwitches: '["vpc-bp1abc"]' }, 'InvalidParameter.VSwitches'],
    [
      'AccessLogFormat that is not JSON',
      { ...MINIMAL, AccessLogFormat: '%START_TIME%' },
      'InvalidParameter.AccessLogFormat'
    ],
    [
      'AccessLogFormat without the required keys',
      { ...MINIMAL, AccessLogFormat: '{"method":"%REQ(:METHOD)%"}' },
      'InvalidParameter.AccessLogFormat'
    ],
    [
      'LocalityLBConf that is a JSON array',
      { ...MINIMAL, LocalityLBConf: '[]' },
      'InvalidParameter.LocalityLBConf'
    ],
    ['an Edition outside its values', { ...MINIMAL, Edition: 'pro' }, 'InvalidParameter.Edition'],
    [
      'a CPU that is no quantity',
      { ...MINIMAL, ProxyLimitCPU: 'two cores' },
      'InvalidParameter.ProxyLimitCPU'
    ],
    ['an unknown region', { ...MINIMAL, RegionId: 'mars-north-1' }, 'InvalidParameter.RegionId'],
    ['a VpcId without vpc-', { ...MINIMAL, VpcId: 'bp1abc' }, 'InvalidParameter.VpcId'],
    ['Tag.2 without Tag.1', MINIMAL, 'InvalidParameter.Tag', { 'Tag.2.Key': 'a', 'Tag.2.Value': 'b' }],
    ['a tag value without key', MINIMAL, 'InvalidParameter.Tag', { 'Tag.1.Value': 'b' }],
    ['a parameter both in query and body', MINIMAL, 'InvalidParameter.VpcId', { VpcId: 'vpc-bp1abc' }]
  ]

  const rows = refusals.map(([what, body, code, query]) => ({ what, body, code, query }))
  it.each(rows)('refuses $what', async ({ body, code, query }) => {
    const before = emulator.meshes.length
    expect(await failureOf(create(body, query))).toMatchObject({ code, statusCode: 400 })
    expect(emulator.meshes.length).toBe(before)
  })
})

describe('mesh states', () => {
  it('initial, then running once provisionMs have passed', async () => {
    const id = await createdId({ ...MINIMAL, Name: 'provisioning' })
    expect((await detail(id)).ServiceMeshInfo.State).toBe('initial')
    clockOffsetMs += PROVISION_MS
    expect((await detail(id)).ServiceMeshInfo.State).toBe('running')
    expect((await detail(id)).ServiceMeshInfo.ErrorMessage).toBeUndefined()
  })

  it('failed with its message under createThenFail; only the next create is affected', async () => {
    emulator.inject({ kind: 'createThenFail', message: 'Insufficient vSwitch IPs.' })
    const failing = await createdId({ ...MINIMAL, Name: 'doomed' })
    const healthy = await createdId({ ...MINIMAL, Name: 'fine' })
    expect((await detail(failing)).ServiceMeshInfo.State).toBe('initial')
    clockOffsetMs += PROVISION_MS
    expect((await detail(failing)).ServiceMeshInfo).toMatchObject({
      State: 'failed',
      ErrorMessage: 'Insufficient vSwitch IPs.'
    })
    expect((await detail(healthy)).ServiceMeshInfo.State).toBe('running')
  })

  it('addMesh and setMeshState: a state set by hand stays', async () => {
    const added = emulator.addMesh({ name: 'existing', region: 'cn-shanghai' })
    expect(added).toMatchObject({ state: 'running', id: expect.stringMatching(/^[0-9a-f]{32}$/) })
    const id = await createdId({ ...MINIMAL, Name: 'held' })
    emulator.setMeshState(id, 'upgrading')
    clockOffsetMs += PROVISION_MS
    expect((await detail(id)).ServiceMeshInfo.State).toBe('upgrading')
    emulator.setMeshState(added.id, 'failed', 'Broken by hand.')
    expect((await detail(added.id)).ServiceMeshInfo).toMatchObject({
      RegionId: 'cn-shanghai',
      State: 'failed',
      ErrorMessage: 'Broken by hand.'
    })
  })
})

describe('DescribeServiceMeshes and DescribeServiceMeshDetail', () => {
  it('lists every mesh, or those carrying all the tags asked for', async () => {
    await create(
      { ...MINIMAL, Name: 'tagged' },
      { 'Tag.1.Key': 'list', 'Tag.1.Value': 'me', 'Tag.2.Key': 'and', 'Tag.2.Value': 'me' }
    )
    const all = await list()
    expect(all.length).toBe(emulator.meshes.length)
    expect(all[0]).toMatchObject({
      ServiceMeshInfo: { ServiceMeshId: emulator.meshes[0].id },
      Spec: { Network: {} }
    })
    const tagged = await list({ 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' })
    expect(tagged.map(m => m.ServiceMeshInfo.Name)).toEqual(['prod-mesh'])
    expect(await list({ 'Tag.1.Key': 'env', 'Tag.1.Value': 'staging' })).toEqual([])
  })

  it('refuses other list parameters and a POST list', async () => {
    expect(await failureOf(list({ Name: 'prod-mesh' }))).toMatchObject({
      code: 'InvalidParameter.Name',
      statusCode: 400
    })
    const post: Call = { action: 'DescribeServiceMeshes', version: VERSION, method: 'POST' }
    expect((await failureOf(callApi(openApiClient(emulator, AK), post))).code).toBe('UnsupportedHTTPMethod')
  })

  it('finds a mesh by id in the query too; 404 ServiceMesh.NotFound for an unknown id', async () => {
    const id = await createdId({ ...MINIMAL, Name: 'by-query' })
    const byQuery: Call = {
      action: 'DescribeServiceMeshDetail',
      version: VERSION,
      method: 'GET',
      query: { ServiceMeshId: id }
    }
    expect((await callApi(openApiClient(emulator, AK), byQuery)).statusCode).toBe(200)
    expect(await failureOf(detail('0'.repeat(32)))).toMatchObject({
      code: 'ServiceMesh.NotFound',
      statusCode: 404
    })
    const noId: Call = { action: 'DescribeServiceMeshDetail', version: VERSION, method: 'POST' }
    expect((await failureOf(callApi(openApiClient(emulator, AK), noId))).code).toBe(
      'MissingParameter.ServiceMeshId'
    )
  })

  it('an unknown action is 404 InvalidAction.NotFound; an unknown version is InvalidVersion', async () => {
    const unknown: Call = { action: 'UpgradeMeshVersion', version: VERSION, method: 'POST' }
    expect(await failureOf(callApi(openApiClient(emulator, AK), unknown))).toMatchObject({
      code: 'InvalidAction.NotFound',
      statusCode: 404
    })
    const oldVersion: Call = { action: 'DescribeServiceMeshes', version: '2019-01-01', method: 'GET' }
    expect((await failureOf(callApi(openApiClient(emulator, AK), oldVersion))).code).toBe('InvalidVersion')
  })

  it('answers errors in Alibaba JSON: RequestId, HostId, Code, Message, Recommend', async () => {
    const response = await send(emulator, {
      method: 'GET',
      path: '/',
      headers: { 'x-acs-action': 'DescribeServiceMeshes', 'x-acs-version': VERSION }
    })
    const body = JSON.parse(response.body)
    expect(response.status).toBe(400)
    expect(response.headers['content-type']).toBe('application/json;charset=utf-8')
    expect(Object.keys(body).sort()).toEqual(['Code', 'HostId', 'Message', 'Recommend', 'RequestId'])
    expect(body).toMatchObject({ Code: 'MissingAccessKeyId', HostId: emulator.host })
    expect(response.headers['x-acs-request-id']).toBe(body.RequestId)
    expect(body.Recommend).toContain(`requestId=${body.RequestId}`)
    expect(emulator.calls.at(-1)).toMatchObject({
      signature: 'anonymous',
      status: 400,
      code: 'MissingAccessKeyId'
    })
  })
})
