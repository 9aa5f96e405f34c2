/**
 * The field table's lifecycle columns (docs/contract.md §7.1, §7.2), keyed by CreateServiceMesh parameter:
 * how each parameter changes after creation, and where DescribeServiceMeshDetail shows its live value.
 * fields.ts merges them into FIELDS, so the validator's table is also the plan's and the drift check's.
 * Facts: docs/reference/asm-lifecycle-api.md §a.3 (how), §d.2 (live path); asm-lifecycle-params.json.
 */
import type { FieldEntry, FieldSpec } from './fields.js'

/** The APIs that change a mesh in place (§a, §b). */
export type UpdateApi =
  | 'UpdateMeshFeature'
  | 'ModifyServiceMeshName'
  | 'UpdateControlPlaneLogConfig'
  | 'TagResources'
  | 'UpgradeMeshEditionPartially'

export type HowItChanges =
  /** In place: `param` of `api` (UpgradeMeshEditionPartially: upgrade only, a lower version needs a new mesh). */
  | { kind: 'in place'; api: UpdateApi; param: string }
  /** Only CreateServiceMesh takes it; a later change is reported and not applied. */
  | { kind: 'create-time only' }
  /** No API changes it: a change needs a new mesh. */
  | { kind: 'new mesh' }

export interface Lifecycle {
  changes: HowItChanges
  /**
   * Where DescribeServiceMeshDetail shows the live value, from the root of its answer; absent when it
   * does not, or where the reference leaves the path or its meaning UNVERIFIED (never a false drift).
   */
  live?: string
}

const MC = 'ServiceMesh.Spec.MeshConfig.'
const EXTRA = `${MC}ExtraConfiguration.`

const umf = (param: string, live?: string): Lifecycle => ({
  changes: { kind: 'in place', api: 'UpdateMeshFeature', param },
  ...(live && { live })
})
const via = (api: UpdateApi, param: string, live?: string): Lifecycle => ({
  changes: { kind: 'in place', api, param },
  ...(live && { live })
})
const NEW_MESH: Lifecycle = { changes: { kind: 'new mesh' } }
const newMesh = (live: string): Lifecycle => ({ ...NEW_MESH, live })

export const LIFECYCLE: Readonly<Record<string, Lifecycle>> = {
  Name: via('ModifyServiceMeshName', 'Name', 'ServiceMesh.ServiceMeshInfo.Name'),
  RegionId: newMesh('ServiceMesh.ServiceMeshInfo.RegionId'),
  Tag: via('TagResources', 'Tag'),
  // §a.3 allows Default→Pro through a deprecated flag; Terraform replaces the mesh, and so does this action.
  Edition: newMesh('ServiceMesh.ServiceMeshInfo.Profile'),
  ClusterSpec: umf('ClusterSpec', 'ServiceMesh.ClusterSpec'),
  IstioVersion: via('UpgradeMeshEditionPartially', 'ExpectedVersion', 'ServiceMesh.ServiceMeshInfo.Version'),
  ClusterDomain: newMesh(`${MC}Proxy.ClusterDomain`),
  // Attachments after creation are Add/RemoveClusterFromServiceMesh's (§a.3, equivalence UNVERIFIED); that
  // GuestCluster shows in ServiceMesh.Clusters is UNVERIFIED too (§d.2): not compared.
  GuestCluster: { changes: { kind: 'create-time only' } },
  // The path is UNVERIFIED (§d.2): not compared.
  PlaygroundScene: NEW_MESH,
  VpcId: newMesh('ServiceMesh.Spec.Network.VpcId'),
  VSwitches: newMesh('ServiceMesh.Spec.Network.VSwitches'),
  // ModifyApiServerEipResource binds an existing EIP, which the spec cannot name; Terraform replaces (§a.3).
  ApiServerPublicEip: newMesh('ServiceMesh.Spec.LoadBalancer.ApiServerPublicEip'),
  ApiServerLoadBalancerSpec: NEW_MESH,
  PilotLoadBalancerSpec: NEW_MESH,
  ChargeType: NEW_MESH,
  Period: NEW_MESH,
  AutoRenew: NEW_MESH,
  AutoRenewPeriod: NEW_MESH,
  Tracing: umf('Tracing', `${MC}Tracing`),
  TraceSampling: umf('TraceSampling', `${MC}Pilot.TraceSampling`),
  CustomizedZipkin: umf('CustomizedZipkin', `${MC}CustomizedZipkin`),
  Telemetry: umf('Telemetry', `${MC}Telemetry`),
  // Prometheus.UseExternal's meaning is UNVERIFIED (§d.2): not compared.
  CustomizedPrometheus: umf('CustomizedPrometheus'),
  PrometheusUrl: umf('PrometheusUrl', `${MC}Prometheus.ExternalUrl`),
  KialiEnabled: umf('KialiEnabled', `${MC}Kiali.Enabled`),
  AccessLogEnabled: umf('AccessLogEnabled', `${MC}AccessLog.Enabled`),
  AccessLogFile: umf('AccessLogFile', `${MC}Proxy.AccessLogFile`),
  AccessLogProject: umf('AccessLogProject', `${MC}AccessLog.Project`),
  AccessLogFormat: umf('AccessLogFormat', `${MC}Proxy.AccessLogFormat`),
  AccessLogServiceEnabled: umf('AccessLogServiceEnabled', `${MC}Proxy.AccessLogServiceEnabled`),
  AccessLogServiceHost: umf('AccessLogServiceHost', `${MC}Proxy.AccessLogServiceHost`),
  AccessLogServicePort: umf('AccessLogServicePort', `${MC}Proxy.AccessLogServicePort`),
  ControlPlaneLogEnabled: via('UpdateControlPlaneLogConfig', 'Enabled', `${MC}ControlPlaneLogInfo.Enabled`),
  ControlPlaneLogProject: via('UpdateControlPlaneLogConfig', 'Project', `${MC}ControlPlaneLogInfo.Project`),
  EnableAudit: umf('EnableAudit', `${MC}Audit.Enabled`),
  AuditProject: umf('AuditProject', `${MC}Audit.Project`),
  OpaEnabled: umf('OpaEnabled', `${MC}OPA.Enabled`),
  // Shares OPA.Enabled with OpaEnabled, and which of the two drives it is UNVERIFIED (§d.2): not compared.
  OpenAgentPolicy: umf('OpenAgentPolicy'),
  OPALogLevel: umf('OPALogLevel', `${MC}OPA.LogLevel`),
  OPARequestCPU: umf('OPARequestCPU', `${MC}OPA.RequestCPU`),
  OPARequestMemory: umf('OPARequestMemory', `${MC}OPA.RequestMemory`),
  OPALimitCPU: umf('OPALimitCPU', `${MC}OPA.LimitCPU`),
  OPALimitMemory: umf('OPALimitMemory', `${MC}OPA.LimitMemory`),
  ProxyRequestCPU: umf('ProxyRequestCPU', `${MC}Proxy.RequestCPU`),
  ProxyRequestMemory: umf('ProxyRequestMemory', `${MC}Proxy.RequestMemory`),
  ProxyLimitCPU: umf('ProxyLimitCPU', `${MC}Proxy.LimitCPU`),
  ProxyLimitMemory: umf('ProxyLimitMemory', `${MC}Proxy.LimitMemory`),
  IncludeIPRanges: umf('IncludeIPRanges', `${MC}IncludeIPRanges`),
  ExcludeIPRanges: umf('ExcludeIPRanges', `${MC}ExcludeIPRanges`),
  ExcludeInboundPorts: umf('ExcludeInboundPorts', `${MC}ExcludeInboundPorts`),
  ExcludeOutboundPorts: umf('ExcludeOutboundPorts', `${MC}ExcludeOutboundPorts`),
  // In place per the API; Terraform replaces instead, and the effect is UNVERIFIED (§a.3).
  LocalityLoadBalancing: umf('LocalityLoadBalancing', `${MC}EnableLocalityLB`),
  LocalityLBConf: umf('LocalityLBConf', `${MC}LocalityLB`),
  RedisFilterEnabled: umf('RedisFilterEnabled', `${MC}ProtocolSupport.RedisFilterEnabled`),
  MysqlFilterEnabled: umf('MysqlFilterEnabled', `${MC}ProtocolSupport.MysqlFilterEnabled`),
  ThriftFilterEnabled: umf('ThriftFilterEnabled', `${MC}ProtocolSupport.ThriftFilterEnabled`),
  WebAssemblyFilterEnabled: umf('WebAssemblyFilterEnabled', `${MC}WebAssemblyFilterDeployment.Enabled`),
  DubboFilterEnabled: umf('DubboFilterEnabled', `${MC}ProtocolSupport.DubboFilterEnabled`),
  DNSProxyingEnabled: umf('DNSProxyingEnabled', `${MC}Proxy.EnableDNSProxying`),
  MSEEnabled: umf('MSEEnabled', `${MC}MSE.Enabled`),
  ConfigSourceEnabled: umf('ConfigSourceEnabled', `${MC}Pilot.ConfigSource.Enabled`),
  ConfigSourceNacosID: umf('ConfigSourceNacosID', `${MC}Pilot.ConfigSource.NacosID`),
  GatewayAPIEnabled: umf('GatewayAPIEnabled', `${MC}K8sNewAPIsSupport.GatewayAPIEnabled`),
  FilterGatewayClusterConfig: umf(
    'FilterGatewayClusterConfig',
    `${MC}Pilot.Feature.FilterGatewayClusterConfig`
  ),
  EnableSDSServer: umf('EnableSDSServer', `${MC}Pilot.Feature.EnableSDSServer`),
  EnableCRHistory: umf('EnableCRHistory', `${EXTRA}IstioCRHistory.EnableHistory`),
  // Of the two paths that show it, §d.2 names this one (which is authoritative is UNVERIFIED).
  CRAggregationEnabled: umf('CRAggregationEnabled', `${EXTRA}CRAggregationEnabled`),
  MultiBufferEnabled: umf('MultiBufferEnabled', `${EXTRA}MultiBuffer.Enabled`),
  MultiBufferPollDelay: umf('MultiBufferPollDelay', `${EXTRA}MultiBuffer.PollDelay`),
  EnableAmbient: NEW_MESH,
  EnableACMG: NEW_MESH,
  UseExistingCA: NEW_MESH,
  // The CA parameters are not shown in the detail; UpdateMeshFeature takes them on a mesh with a custom CA.
  ExistingCaCert: umf('ExistingCaCert'),
  ExistingCaKey: umf('ExistingCaKey'),
  ExistingRootCaCert: umf('ExistingRootCaCert'),
  ExistingRootCaKey: NEW_MESH,
  CertChain: umf('CertChain'),
  ExistingCaType: NEW_MESH
}

/** UpdateMeshFeature parameters Terraform sends on every call when set (§a.1): sent along when the spec sets them. */
export const RESENT_WITH_UPDATE = [
  'OpaEnabled',
  'EnableAudit',
  'AuditProject',
  'CustomizedPrometheus',
  'PrometheusUrl'
] as const

/** The table's entries with their lifecycle columns; a parameter without one is a bug in this file. */
export function withLifecycle(entries: readonly FieldEntry[]): FieldSpec[] {
  return entries.map(entry => {
    const lifecycle = LIFECYCLE[entry.api]
    if (!lifecycle) throw new Error(`lifecycle.ts has no entry for ${entry.api}`)
    return { ...entry, lifecycle }
  })
}

/** How a change is labelled in the plan: `in place (UpdateMeshFeature)`, `needs a new mesh`, ... */
export function howLabel(changes: HowItChanges): string {
  switch (changes.kind) {
    case 'in place':
      return `in place (${changes.api})`
    case 'create-time only':
      return 'create-time only: not applied'
    case 'new mesh':
      return 'needs a new mesh'
  }
}

/** How a field changes after creation, in words, for the README reference and the JSON Schema. */
export function afterCreation({ changes }: Lifecycle): string {
  if (changes.kind !== 'in place') return howLabel(changes)
  if (changes.api === 'UpgradeMeshEditionPartially')
    return 'in place (UpgradeMeshEditionPartially), upgrade only: a lower version needs a new mesh'
  if (changes.api === 'TagResources') return 'in place (TagResources, UntagResources for a removed key)'
  return howLabel(changes)
}
