/**
 * The emulator's own table of CreateServiceMesh parameters (servicemesh 2020-01-11; docs/reference/asm-api.md
 * §1.1, 78 names). Deliberately independent of the action's spec table: a test double that reused the
 * code under test would prove nothing.
 *
 * Strictness is on purpose and goes beyond what is verified of the real API: unknown names are refused
 * (the real gateway may ignore them) so that a misspelt parameter fails a test instead of vanishing, and
 * the enumerations below come from the API metadata/docs, not from observed server behaviour.
 */
import { invalidParameter, missingParameter } from './acs-error.js'

export type Kind =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'float'
  | 'json-object'
  | 'access-log-format'
  | 'vswitch-list'
  | 'quantity'

const SLB_SPECS = [
  'slb.s1.small',
  'slb.s2.small',
  'slb.s2.medium',
  'slb.s3.small',
  'slb.s3.medium',
  'slb.s3.large'
]

/** Every parameter except Tag (a query array, see TAG_NAME). */
const PARAMETERS: Record<string, Kind> = {
  AccessLogEnabled: 'boolean',
  AccessLogFile: 'string',
  AccessLogFormat: 'access-log-format',
  AccessLogProject: 'string',
  AccessLogServiceEnabled: 'boolean',
  AccessLogServiceHost: 'string',
  AccessLogServicePort: 'integer',
  ApiServerLoadBalancerSpec: 'string',
  ApiServerPublicEip: 'boolean',
  AuditProject: 'string',
  AutoRenew: 'boolean',
  AutoRenewPeriod: 'integer',
  CRAggregationEnabled: 'boolean',
  CertChain: 'string',
  ChargeType: 'string',
  ClusterDomain: 'string',
  ClusterSpec: 'string',
  ConfigSourceEnabled: 'boolean',
  ConfigSourceNacosID: 'string',
  ControlPlaneLogEnabled: 'boolean',
  ControlPlaneLogProject: 'string',
  CustomizedPrometheus: 'boolean',
  CustomizedZipkin: 'boolean',
  DNSProxyingEnabled: 'boolean',
  DubboFilterEnabled: 'boolean',
  Edition: 'string',
  EnableACMG: 'boolean',
  EnableAmbient: 'boolean',
  EnableAudit: 'boolean',
  EnableCRHistory: 'boolean',
  EnableSDSServer: 'boolean',
  ExcludeIPRanges: 'string',
  ExcludeInboundPorts: 'string',
  ExcludeOutboundPorts: 'string',
  ExistingCaCert: 'string',
  ExistingCaKey: 'string',
  ExistingCaType: 'string',
  ExistingRootCaCert: 'string',
  ExistingRootCaKey: 'string',
  FilterGatewayClusterConfig: 'boolean',
  GatewayAPIEnabled: 'boolean',
  GuestCluster: 'string',
  IncludeIPRanges: 'string',
  IstioVersion: 'string',
  KialiEnabled: 'boolean',
  LocalityLBConf: 'json-object',
  LocalityLoadBalancing: 'boolean',
  MSEEnabled: 'boolean',
  MultiBufferEnabled: 'boolean',
  MultiBufferPollDelay: 'string',
  MysqlFilterEnabled: 'boolean',
  Name: 'string',
  OPALimitCPU: 'quantity',
  OPALimitMemory: 'quantity',
  OPALogLevel: 'string',
  OPARequestCPU: 'quantity',
  OPARequestMemory: 'quantity',
  OpaEnabled: 'boolean',
  OpenAgentPolicy: 'boolean',
  Period: 'integer',
  PilotLoadBalancerSpec: 'string',
  PlaygroundScene: 'string',
  PrometheusUrl: 'string',
  ProxyLimitCPU: 'quantity',
  ProxyLimitMemory: 'quantity',
  ProxyRequestCPU: 'quantity',
  ProxyRequestMemory: 'quantity',
  RedisFilterEnabled: 'boolean',
  RegionId: 'string',
  Telemetry: 'boolean',
  ThriftFilterEnabled: 'boolean',
  TraceSampling: 'float',
  Tracing: 'boolean',
  UseExistingCA: 'boolean',
  VSwitches: 'vswitch-list',
  VpcId: 'string',
  WebAssemblyFilterEnabled: 'boolean'
}

export const TAG_NAME = 'Tag'
/** Every CreateServiceMesh parameter name, Tag included. */
export const CREATE_PARAMETER_NAMES = [...Object.keys(PARAMETERS), TAG_NAME].sort()

const REQUIRED = ['RegionId', 'VpcId', 'VSwitches']

/** The docs say an AccessLogFormat must hold at least these keys (docs/reference/asm-api.md §6.5). */
export const ACCESS_LOG_KEYS = [
  'authority_for',
  'bytes_received',
  'bytes_sent',
  'downstream_local_address',
  'downstream_remote_address',
  'duration',
  'istio_policy_status',
  'method',
  'path',
  'protocol',
  'requested_server_name',
  'response_code',
  'response_flags',
  'route_name',
  'start_time',
  'trace_id',
  'upstream_cluster',
  'upstream_host',
  'upstream_local_address',
  'upstream_service_time',
  'upstream_transport_failure_reason',
  'user_agent',
  'x_forwarded_for'
]

const ENUMS: Record<string, string[]> = {
  AccessLogFile: ['', '/dev/stdout'],
  ApiServerLoadBalancerSpec: SLB_SPECS,
  PilotLoadBalancerSpec: SLB_SPECS,
  ChargeType: ['PayOnDemand', 'PrePay'],
  ClusterSpec: ['standard', 'enterprise', 'ultimate'],
  Edition: ['Default', 'Pro'],
  ExistingCaType: ['1', '2'],
  OPALogLevel: ['info', 'debug', 'error'],
  PlaygroundScene: ['ewmaLb']
}

/** API metadata's region list (docs/reference/asm-api.md §6.1). */
const REGIONS = new Set(
  'us-west-1 us-east-1 me-east-1 eu-west-1 eu-central-1 cn-zhangjiakou cn-wulanchabu cn-shenzhen-finance-1 cn-shenzhen cn-shanghai-finance-1 cn-shanghai cn-qingdao cn-huhehaote cn-hongkong cn-hangzhou-finance cn-hangzhou cn-chengdu cn-beijing-finance-1 cn-beijing ap-southeast-5 ap-southeast-3 ap-southeast-2 ap-southeast-1 ap-south-1 ap-northeast-1'.split(
    ' '
  )
)

/** Tag.N.Key / Tag.N.Value; at most 20 tags (the ListTagResources cap, assumed to hold here). */
const TAG_FIELD = /^Tag\.([1-9]\d*)\.(Key|Value)$/
const MAX_TAGS = 20

export interface MeshTag {
  Key: string
  Value: string
}

/** Validates CreateServiceMesh parameters; throws the AcsError the API would answer with. */
export function validateCreateParameters(params: Record<string, string>, acceptParameters: string[]): void {
  const tagParams: Record<string, string> = {}
  for (const name of Object.keys(params)) {
    if (TAG_FIELD.test(name)) tagParams[name] = params[name]
    else if (!(name in PARAMETERS) && !acceptParameters.includes(name)) {
      throw invalidParameter(name, 'CreateServiceMesh has no such parameter.')
    }
  }
  for (const name of REQUIRED) if (!params[name]) throw missingParameter(name)
  for (const [name, kind] of Object.entries(PARAMETERS)) {
    if (params[name] === undefined) continue
    const problem = kindProblem(kind, params[name]) ?? enumProblem(name, params[name])
    if (problem) throw invalidParameter(name, problem)
  }
  if (!REGIONS.has(params.RegionId))
    throw invalidParameter('RegionId', `"${params.RegionId}" is not a region of the service.`)
  if (!/^vpc-[a-z0-9]+$/.test(params.VpcId)) {
    // The vpc- prefix is what every example shows; no regex is published (docs/reference/asm-api.md §6.2).
    throw invalidParameter('VpcId', `"${params.VpcId}" is not a VPC id (vpc-...).`)
  }
  readTags(tagParams)
}

/** Tags in index order; throws InvalidParameter.Tag on gaps, a Value without Key or too many. */
export function readTags(params: Record<string, string>): MeshTag[] {
  const byIndex = new Map<number, Partial<MeshTag>>()
  for (const [name, value] of Object.entries(params)) {
    const match = TAG_FIELD.exec(name)
    if (!match) continue
    const index = Number(match[1])
    byIndex.set(index, { ...byIndex.get(index), [match[2]]: value })
  }
  const indexes = [...byIndex.keys()].sort((a, b) => a - b)
  if (indexes.length > MAX_TAGS) throw invalidParameter(TAG_NAME, `at most ${MAX_TAGS} tags are allowed.`)
  if (indexes.some((index, position) => index !== position + 1)) {
    throw invalidParameter(TAG_NAME, 'tag indexes must run 1, 2, 3, ... without gaps.')
  }
  return indexes.map(index => {
    const tag = byIndex.get(index) as Partial<MeshTag>
    if (!tag.Key) throw invalidParameter(TAG_NAME, `Tag.${index}.Key is missing or empty.`)
    return { Key: tag.Key, Value: tag.Value ?? '' }
  })
}

export function isTagParameter(name: string): boolean {
  return TAG_FIELD.test(name)
}

/** The vSwitch ids of a validated VSwitches value. */
export function readVSwitches(value: string | undefined): string[] {
  return value === undefined ? [] : (JSON.parse(value) as string[])
}

export function kindProblem(kind: Kind, value: string): string | undefined {
  switch (kind) {
    case 'string':
      return undefined
    case 'boolean':
      return value === 'true' || value === 'false' ? undefined : `"${value}" is not true or false.`
    case 'integer':
      return /^-?\d+$/.test(value) ? undefined : `"${value}" is not a decimal integer.`
    case 'float':
      return /^-?\d+(\.\d+)?$/.test(value) ? undefined : `"${value}" is not a decimal number.`
    case 'quantity':
      // Kubernetes quantity syntax (apimachinery), as the docs require for CPU and memory.
      return /^[+-]?[0-9.]+([eEinumkKMGTP]*[-+]?[0-9]*)$/.test(value)
        ? undefined
        : `"${value}" is not a Kubernetes quantity such as 100m or 512Mi.`
    case 'json-object':
      return jsonObject(value) ? undefined : 'must be a JSON object serialized as a string.'
    case 'access-log-format':
      return accessLogFormatProblem(value)
    case 'vswitch-list':
      return isVSwitchList(value)
        ? undefined
        : 'must be a JSON array string of vSwitch ids, e.g. ["vsw-abc"].'
  }
}

export function enumProblem(name: string, value: string): string | undefined {
  const allowed = ENUMS[name]
  return allowed && !allowed.includes(value)
    ? `"${value}" is not one of ${JSON.stringify(allowed)}.`
    : undefined
}

function jsonObject(value: string): Record<string, unknown> | undefined {
  const parsed = parseJson(value)
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined
}

function accessLogFormatProblem(value: string): string | undefined {
  const format = jsonObject(value)
  if (!format) return 'must be a JSON object serialized as a string.'
  const missing = ACCESS_LOG_KEYS.filter(key => !(key in format))
  return missing.length ? `the keys ${missing.join(', ')} are required.` : undefined
}

function isVSwitchList(value: string): boolean {
  const parsed = parseJson(value)
  return (
    Array.isArray(parsed) &&
    parsed.length > 0 &&
    parsed.every(id => typeof id === 'string' && /^vsw-[a-z0-9]+$/.test(id))
  )
}

export function parseJson(value: string): unknown {
  try {
    return JSON.parse(value)
  } catch {
    return undefined
  }
}
