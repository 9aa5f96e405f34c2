/**
 * The emulator's own tables of the lifecycle APIs' parameters (servicemesh 2020-01-11): names, types and
 * where each travels, from docs/reference/asm-lifecycle-api.md §a.2, §b, §c and asm-lifecycle-params.json.
 * Independent of the action's spec table, like mesh-parameters.ts.
 *
 * Strict on purpose, beyond what is verified of the real gateway: an unknown name is refused, and so is a
 * parameter sent in the query when the SDKs put it in the form body (or the other way round). The
 * reference notes that Terraform sends the tag APIs' fields in the body and that works (§b, "SDK
 * placement"); the emulator still holds every call to the SDK placement so the action sends exactly what
 * the SDK documents.
 */
import { RPC_COMMON_PARAMETERS } from '../../support/acs-signature.js'
import { invalidParameter, missingParameter } from './acs-error.js'
import { enumProblem, kindProblem, parseJson, type Kind } from './mesh-parameters.js'

/** `digits`: a string the docs call numeric. The list kinds are flattened Name.N / Tag.N.Key|Value arrays. */
export type LifecycleKind = Kind | 'json-array' | 'json-string-array' | 'digits' | 'string-list' | 'tag-list'

export interface ParameterSpec {
  kind: LifecycleKind
  at: 'query' | 'body'
  required: boolean
}

export type LifecycleAction =
  | 'UpdateMeshFeature'
  | 'ModifyServiceMeshName'
  | 'UpdateControlPlaneLogConfig'
  | 'UpgradeMeshEditionPartially'
  | 'DescribeUpgradeVersion'
  | 'TagResources'
  | 'UntagResources'
  | 'ListTagResources'
  | 'AddClusterIntoServiceMesh'
  | 'RemoveClusterFromServiceMesh'
  | 'DeleteServiceMesh'

/** UpdateMeshFeature's only query parameters (§a.1); everything else, ServiceMeshId included, is body. */
const UPDATE_FEATURE_QUERY: Record<string, LifecycleKind> = {
  AccessLogGatewayEnabled: 'boolean',
  AccessLogSidecarEnabled: 'boolean',
  LabelsForOffloadedWorkloads: 'string'
}

/** The 103 optional body parameters of UpdateMeshFeature (§a.2), with the format each is checked for. */
const UPDATE_FEATURE_BODY: Record<string, LifecycleKind> = {
  AccessLogEnabled: 'boolean',
  AccessLogFile: 'string',
  AccessLogFormat: 'access-log-format',
  AccessLogGatewayLifecycle: 'integer',
  AccessLogProject: 'string',
  AccessLogServiceEnabled: 'boolean',
  AccessLogServiceHost: 'string',
  AccessLogServicePort: 'integer',
  AccessLogSidecarLifecycle: 'integer',
  AuditProject: 'string',
  AutoInjectionPolicyEnabled: 'boolean',
  CRAggregationEnabled: 'boolean',
  CertChain: 'string',
  ClusterSpec: 'string',
  CniEnabled: 'boolean',
  // The request's separator is UNVERIFIED (§a.2 #18): any string is taken.
  CniExcludeNamespaces: 'string',
  Concurrency: 'integer',
  ConfigSourceEnabled: 'boolean',
  ConfigSourceNacosID: 'string',
  CustomizedPrometheus: 'boolean',
  CustomizedZipkin: 'boolean',
  DNSProxyingEnabled: 'boolean',
  DefaultComponentsScheduleConfig: 'json-object',
  DiscoverySelectors: 'json-array',
  DubboFilterEnabled: 'boolean',
  EnableAudit: 'boolean',
  EnableAutoDiagnosis: 'boolean',
  EnableBootstrapXdsAgent: 'boolean',
  EnableCRHistory: 'boolean',
  EnableNamespacesByDefault: 'boolean',
  EnableSDSServer: 'boolean',
  ExcludeIPRanges: 'string',
  ExcludeInboundPorts: 'string',
  ExcludeOutboundPorts: 'string',
  ExistingCaCert: 'string',
  ExistingCaKey: 'string',
  ExistingRootCaCert: 'string',
  FilterGatewayClusterConfig: 'boolean',
  GatewayAPIEnabled: 'boolean',
  HoldApplicationUntilProxyStarts: 'boolean',
  Http10Enabled: 'boolean',
  IncludeIPRanges: 'string',
  IncludeInboundPorts: 'string',
  IncludeOutboundPorts: 'string',
  IntegrateKiali: 'boolean',
  InterceptionMode: 'string',
  KialiArmsAuthTokens: 'json-object',
  KialiEnabled: 'boolean',
  KialiServiceAnnotations: 'json-object',
  Lifecycle: 'json-object',
  LocalityLBConf: 'json-object',
  LocalityLoadBalancing: 'boolean',
  LogLevel: 'string',
  MSEEnabled: 'boolean',
  MultiBufferEnabled: 'boolean',
  MultiBufferPollDelay: 'string',
  MysqlFilterEnabled: 'boolean',
  NFDEnabled: 'boolean',
  NFDLabelPruned: 'boolean',
  OPAInjectorCPULimit: 'quantity',
  OPAInjectorCPURequirement: 'quantity',
  OPAInjectorMemoryLimit: 'quantity',
  OPAInjectorMemoryRequirement: 'quantity',
  OPALimitCPU: 'quantity',
  OPALimitMemory: 'quantity',
  OPALogLevel: 'string',
  OPARequestCPU: 'quantity',
  OPARequestMemory: 'quantity',
  OPAScopeInjected: 'boolean',
  OpaEnabled: 'boolean',
  OpenAgentPolicy: 'boolean',
  OutboundTrafficPolicy: 'string',
  PilotEnableQuicListeners: 'boolean',
  PrometheusUrl: 'string',
  ProxyInitCPUResourceLimit: 'quantity',
  ProxyInitCPUResourceRequest: 'quantity',
  ProxyInitMemoryResourceLimit: 'quantity',
  ProxyInitMemoryResourceRequest: 'quantity',
  ProxyLimitCPU: 'quantity',
  ProxyLimitMemory: 'quantity',
  ProxyRequestCPU: 'quantity',
  ProxyRequestMemory: 'quantity',
  ProxyStatsMatcher: 'json-object',
  RedisFilterEnabled: 'boolean',
  SMCEnabled: 'boolean',
  SidecarInjectorLimitCPU: 'quantity',
  SidecarInjectorLimitMemory: 'quantity',
  SidecarInjectorRequestCPU: 'quantity',
  SidecarInjectorRequestMemory: 'quantity',
  SidecarInjectorWebhookAsYaml: 'string',
  Telemetry: 'boolean',
  TerminationDrainDuration: 'string',
  ThriftFilterEnabled: 'boolean',
  TraceCustomTags: 'json-object',
  TraceMaxPathTagLength: 'digits',
  TraceSampling: 'float',
  Tracing: 'boolean',
  TracingOnExtZipkinLimitCPU: 'quantity',
  TracingOnExtZipkinLimitMemory: 'quantity',
  TracingOnExtZipkinReplicaCount: 'digits',
  TracingOnExtZipkinRequestCPU: 'quantity',
  TracingOnExtZipkinRequestMemory: 'quantity',
  WebAssemblyFilterEnabled: 'boolean'
}

/** Enumerations CreateServiceMesh does not share (§a.2 #48, #56, #75; ResourceType §b). */
const LIFECYCLE_ENUMS: Record<string, string[]> = {
  InterceptionMode: ['REDIRECT', 'TPROXY'],
  LogLevel: ['none', 'error', 'warn', 'info', 'debug'],
  OutboundTrafficPolicy: ['ALLOW_ANY', 'REGISTRY_ONLY'],
  ResourceType: ['servicemesh']
}

function body(kind: LifecycleKind, required = false): ParameterSpec {
  return { kind, at: 'body', required }
}

function query(kind: LifecycleKind, required = false): ParameterSpec {
  return { kind, at: 'query', required }
}

function placed(
  kinds: Record<string, LifecycleKind>,
  at: ParameterSpec['at']
): Record<string, ParameterSpec> {
  return Object.fromEntries(
    Object.entries(kinds).map(([name, kind]) => [name, { kind, at, required: false }])
  )
}

const MESH_ID = body('string', true)
/** TagResources / UntagResources / ListTagResources: every field in the query (§b). */
const TAG_TARGET = { RegionId: query('string', true), ResourceType: query('string', true) }

export const LIFECYCLE_PARAMETERS: Record<LifecycleAction, Record<string, ParameterSpec>> = {
  UpdateMeshFeature: {
    ...placed(UPDATE_FEATURE_QUERY, 'query'),
    ...placed(UPDATE_FEATURE_BODY, 'body'),
    ServiceMeshId: MESH_ID
  },
  ModifyServiceMeshName: { Name: body('string', true), ServiceMeshId: MESH_ID },
  UpdateControlPlaneLogConfig: {
    Enabled: body('boolean', true),
    LogTTLInDay: body('integer'),
    Project: body('string'),
    ServiceMeshId: MESH_ID
  },
  UpgradeMeshEditionPartially: {
    ASMGatewayContinue: body('boolean'),
    ExpectedVersion: body('string'),
    PreCheck: body('boolean'),
    ServiceMeshId: MESH_ID,
    SwitchToPro: body('boolean'),
    UpgradeGatewayRecords: body('string')
  },
  DescribeUpgradeVersion: { ServiceMeshId: query('string', true) },
  TagResources: { ...TAG_TARGET, ResourceId: query('string-list', true), Tag: query('tag-list', true) },
  UntagResources: {
    ...TAG_TARGET,
    All: query('boolean'),
    ResourceId: query('string-list', true),
    TagKey: query('string-list')
  },
  ListTagResources: {
    ...TAG_TARGET,
    NextToken: query('string'),
    ResourceId: query('string-list'),
    Tag: query('tag-list')
  },
  AddClusterIntoServiceMesh: {
    ClusterId: body('string', true),
    DiscoveryOnly: body('boolean'),
    IgnoreNamespaceCheck: body('boolean'),
    Kubeconfig: body('string'),
    ServiceMeshId: MESH_ID
  },
  RemoveClusterFromServiceMesh: {
    ClusterId: body('string', true),
    ReserveNamespace: body('boolean'),
    ServiceMeshId: MESH_ID
  },
  DeleteServiceMesh: {
    Force: body('boolean'),
    RetainResources: body('json-string-array'),
    ServiceMeshId: MESH_ID
  }
}

/** Name.N, or Tag.N.Key / Tag.N.Value: the flattened form of an array parameter (docs/reference/asm-lifecycle-api.md §0). */
const FLATTENED = /^([A-Za-z]+)\.([1-9]\d*)(?:\.(Key|Value))?$/

/**
 * The API's parameters of a request, checked against the table: names, placement, required ones and
 * formats. Throws the 400 AcsError the gateway answers with; returns query and body merged.
 */
export function readParameters(
  action: LifecycleAction,
  request: { query: Record<string, string>; body: Record<string, string> }
): Record<string, string> {
  const table = LIFECYCLE_PARAMETERS[action]
  const params: Record<string, string> = {}
  for (const at of ['query', 'body'] as const) {
    for (const [name, value] of Object.entries(request[at])) {
      if (RPC_COMMON_PARAMETERS.has(name)) continue
      const spec = table[baseName(name, table)]
      if (!spec) throw invalidParameter(name, `${action} has no such parameter.`)
      if (spec.at !== at) {
        const where = spec.at === 'query' ? 'in the query string' : 'in the form body'
        throw invalidParameter(name, `${action} takes it ${where}.`)
      }
      params[name] = value
    }
  }
  for (const [name, spec] of Object.entries(table)) {
    const present = isList(spec.kind)
      ? Object.keys(params).some(n => baseName(n, table) === name)
      : params[name]
    if (spec.required && !present) throw missingParameter(name)
    if (isList(spec.kind) || params[name] === undefined) continue
    const problem = formatProblem(spec.kind, params[name]) ?? valueProblem(name, params[name])
    if (problem) throw invalidParameter(name, problem)
  }
  return params
}

/** The values of Name.1, Name.2, ... in order; the indexes must run from 1 without gaps. */
export function readList(params: Record<string, string>, name: string): string[] {
  const values: string[] = []
  while (params[`${name}.${values.length + 1}`] !== undefined)
    values.push(params[`${name}.${values.length + 1}`])
  const count = Object.keys(params).filter(n => n.startsWith(`${name}.`)).length
  if (count !== values.length)
    throw invalidParameter(name, `${name}.N indexes must run 1, 2, 3, ... without gaps.`)
  return values
}

/** The table name a sent name belongs to: itself, or the array parameter it is one element of. */
function baseName(sent: string, table: Record<string, ParameterSpec>): string {
  if (table[sent] && !isList(table[sent].kind)) return sent
  const match = FLATTENED.exec(sent)
  if (!match) return sent
  const spec = table[match[1]]
  const shapeFits =
    spec?.kind === 'tag-list'
      ? match[3] !== undefined
      : spec?.kind === 'string-list' && match[3] === undefined
  return shapeFits ? match[1] : sent
}

function valueProblem(name: string, value: string): string | undefined {
  const allowed = LIFECYCLE_ENUMS[name]
  if (allowed && !allowed.includes(value)) return `"${value}" is not one of ${JSON.stringify(allowed)}.`
  return enumProblem(name, value)
}

function isList(kind: LifecycleKind): boolean {
  return kind === 'string-list' || kind === 'tag-list'
}

function formatProblem(kind: LifecycleKind, value: string): string | undefined {
  switch (kind) {
    case 'digits':
      return kindProblem('integer', value)
    case 'json-array':
      return Array.isArray(parseJson(value)) ? undefined : 'must be a JSON array serialized as a string.'
    case 'json-string-array': {
      const list = parseJson(value)
      return Array.isArray(list) && list.every(item => typeof item === 'string')
        ? undefined
        : 'must be a JSON array of strings serialized as a string, e.g. ["lb-xxx"].'
    }
    case 'string-list':
    case 'tag-list':
      return undefined
    default:
      return kindProblem(kind, value)
  }
}
