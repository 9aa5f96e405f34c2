/**
 * Where DescribeServiceMeshDetail shows each live value (docs/reference/asm-lifecycle-api.md §d.2, and
 * `updateOnlyDetailPaths` in asm-lifecycle-params.json), keyed by the API parameter that sets it, and the
 * JSON form it comes back in. Paths are relative to `ServiceMesh`. A mesh's live values are its
 * `parameters` in wire form; a value never set is left out, as the reference allows ("may be absent").
 */
import type { EmulatedMesh } from './mesh-service.js'
import { parseJson } from './mesh-parameters.js'

/** `float32`: Go's float32 in the SDK model, so 0.1 comes back as 0.10000000149011612 (§d.2 pitfalls). */
type Form = 'boolean' | 'integer' | 'float32' | 'string' | 'json' | 'json-text' | 'locality'

export interface LivePath {
  form: Form
  paths: string[]
}

const MC = 'Spec.MeshConfig.'
const EXTRA = `${MC}ExtraConfiguration.`
const INJECTOR = `${MC}SidecarInjector.`

function at(form: Form, ...paths: string[]): LivePath {
  return { form, paths }
}

export const LIVE_PATHS: Record<string, LivePath> = {
  AccessLogEnabled: at('boolean', `${MC}AccessLog.Enabled`),
  AccessLogFile: at('string', `${MC}Proxy.AccessLogFile`),
  // The server may re-serialise the JSON (§d.2, UNVERIFIED): it does here, compactly.
  AccessLogFormat: at('json-text', `${MC}Proxy.AccessLogFormat`),
  AccessLogGatewayEnabled: at('boolean', `${EXTRA}AccessLogExtraConf.GatewayEnabled`),
  AccessLogGatewayLifecycle: at('integer', `${EXTRA}AccessLogExtraConf.GatewayLifecycle`),
  AccessLogProject: at('string', `${MC}AccessLog.Project`),
  AccessLogServiceEnabled: at('boolean', `${MC}Proxy.AccessLogServiceEnabled`),
  AccessLogServiceHost: at('string', `${MC}Proxy.AccessLogServiceHost`),
  AccessLogServicePort: at('integer', `${MC}Proxy.AccessLogServicePort`),
  AccessLogSidecarEnabled: at('boolean', `${EXTRA}AccessLogExtraConf.SidecarEnabled`),
  AccessLogSidecarLifecycle: at('integer', `${EXTRA}AccessLogExtraConf.SidecarLifecycle`),
  ApiServerPublicEip: at('boolean', 'Spec.LoadBalancer.ApiServerPublicEip'),
  AuditProject: at('string', `${MC}Audit.Project`),
  AutoInjectionPolicyEnabled: at('boolean', `${INJECTOR}AutoInjectionPolicyEnabled`),
  // Which of the two is authoritative is UNVERIFIED (§d.2): both show the value.
  CRAggregationEnabled: at(
    'boolean',
    `${EXTRA}CRAggregationEnabled`,
    `${EXTRA}CRAggregationConfiguration.Enabled`
  ),
  ClusterDomain: at('string', `${MC}Proxy.ClusterDomain`),
  ClusterSpec: at('string', 'ClusterSpec'),
  CniEnabled: at('boolean', `${INJECTOR}InitCNIConfiguration.Enabled`),
  CniExcludeNamespaces: at('string', `${INJECTOR}InitCNIConfiguration.ExcludeNamespaces`),
  ConfigSourceEnabled: at('boolean', `${MC}Pilot.ConfigSource.Enabled`),
  ConfigSourceNacosID: at('string', `${MC}Pilot.ConfigSource.NacosID`),
  ControlPlaneLogEnabled: at('boolean', `${MC}ControlPlaneLogInfo.Enabled`),
  ControlPlaneLogProject: at('string', `${MC}ControlPlaneLogInfo.Project`),
  CustomizedPrometheus: at('boolean', `${MC}Prometheus.UseExternal`),
  CustomizedZipkin: at('boolean', `${MC}CustomizedZipkin`),
  DNSProxyingEnabled: at('boolean', `${MC}Proxy.EnableDNSProxying`),
  DiscoverySelectors: at('json', `${EXTRA}DiscoverySelectors`),
  DubboFilterEnabled: at('boolean', `${MC}ProtocolSupport.DubboFilterEnabled`),
  Edition: at('string', 'ServiceMeshInfo.Profile', `${MC}Edition.Name`),
  EnableAudit: at('boolean', `${MC}Audit.Enabled`),
  EnableAutoDiagnosis: at('boolean', `${EXTRA}AutoDiagnosis.AutoDiagnosisEnabled`),
  EnableCRHistory: at('boolean', `${EXTRA}IstioCRHistory.EnableHistory`),
  EnableNamespacesByDefault: at('boolean', `${INJECTOR}EnableNamespacesByDefault`),
  EnableSDSServer: at('boolean', `${MC}Pilot.Feature.EnableSDSServer`),
  ExcludeIPRanges: at('string', `${MC}ExcludeIPRanges`),
  ExcludeInboundPorts: at('string', `${MC}ExcludeInboundPorts`),
  ExcludeOutboundPorts: at('string', `${MC}ExcludeOutboundPorts`),
  FilterGatewayClusterConfig: at('boolean', `${MC}Pilot.Feature.FilterGatewayClusterConfig`),
  GatewayAPIEnabled: at('boolean', `${MC}K8sNewAPIsSupport.GatewayAPIEnabled`),
  Http10Enabled: at('boolean', `${MC}Pilot.Http10Enabled`),
  IncludeIPRanges: at('string', `${MC}IncludeIPRanges`),
  IstioVersion: at('string', 'ServiceMeshInfo.Version'),
  KialiEnabled: at('boolean', `${MC}Kiali.Enabled`),
  LabelsForOffloadedWorkloads: at('string', `${EXTRA}IstiodExtraConfiguration.LabelsForOffloadedWorkloads`),
  Lifecycle: at('json', `${EXTRA}Lifecycle`),
  LocalityLBConf: at('locality', `${MC}LocalityLB`),
  LocalityLoadBalancing: at('boolean', `${MC}EnableLocalityLB`),
  // UpdateControlPlaneLogConfig's LogTTLInDay (§b).
  LogTTLInDay: at('integer', `${MC}ControlPlaneLogInfo.LogTTL`),
  MSEEnabled: at('boolean', `${MC}MSE.Enabled`),
  MultiBufferEnabled: at('boolean', `${EXTRA}MultiBuffer.Enabled`),
  MultiBufferPollDelay: at('string', `${EXTRA}MultiBuffer.PollDelay`),
  MysqlFilterEnabled: at('boolean', `${MC}ProtocolSupport.MysqlFilterEnabled`),
  NFDEnabled: at('boolean', `${EXTRA}NFDConfiguration.Enabled`),
  NFDLabelPruned: at('boolean', `${EXTRA}NFDConfiguration.NFDLabelPruned`),
  Name: at('string', 'ServiceMeshInfo.Name'),
  OPALimitCPU: at('string', `${MC}OPA.LimitCPU`),
  OPALimitMemory: at('string', `${MC}OPA.LimitMemory`),
  OPALogLevel: at('string', `${MC}OPA.LogLevel`),
  OPARequestCPU: at('string', `${MC}OPA.RequestCPU`),
  OPARequestMemory: at('string', `${MC}OPA.RequestMemory`),
  OPAScopeInjected: at('boolean', `${EXTRA}OPAScopeInjection.OPAScopeInjected`),
  // Both flags land in OPA.Enabled; which one drives it is UNVERIFIED (§d.2). OpaEnabled is rendered
  // last so it wins, as Terraform reads it back.
  OpenAgentPolicy: at('boolean', `${MC}OPA.Enabled`),
  OpaEnabled: at('boolean', `${MC}OPA.Enabled`),
  OutboundTrafficPolicy: at('string', `${MC}OutboundTrafficPolicy`),
  PilotEnableQuicListeners: at('boolean', `${EXTRA}IstiodExtraConfiguration.PilotEnableQuicListeners`),
  PlaygroundScene: at('string', `${EXTRA}Playground.Scene`),
  PrometheusUrl: at('string', `${MC}Prometheus.ExternalUrl`),
  ProxyInitCPUResourceLimit: at('string', `${EXTRA}SidecarProxyInitResourceLimit.ResourceCPULimit`),
  ProxyInitCPUResourceRequest: at('string', `${EXTRA}SidecarProxyInitResourceRequest.ResourceCPURequest`),
  ProxyInitMemoryResourceLimit: at('string', `${EXTRA}SidecarProxyInitResourceLimit.ResourceMemoryLimit`),
  ProxyInitMemoryResourceRequest: at(
    'string',
    `${EXTRA}SidecarProxyInitResourceRequest.ResourceMemoryRequest`
  ),
  ProxyLimitCPU: at('string', `${MC}Proxy.LimitCPU`),
  ProxyLimitMemory: at('string', `${MC}Proxy.LimitMemory`),
  ProxyRequestCPU: at('string', `${MC}Proxy.RequestCPU`),
  ProxyRequestMemory: at('string', `${MC}Proxy.RequestMemory`),
  RedisFilterEnabled: at('boolean', `${MC}ProtocolSupport.RedisFilterEnabled`),
  RegionId: at('string', 'ServiceMeshInfo.RegionId'),
  SidecarInjectorLimitCPU: at('string', `${INJECTOR}LimitCPU`),
  SidecarInjectorLimitMemory: at('string', `${INJECTOR}LimitMemory`),
  SidecarInjectorRequestCPU: at('string', `${INJECTOR}RequestCPU`),
  SidecarInjectorRequestMemory: at('string', `${INJECTOR}RequestMemory`),
  SidecarInjectorWebhookAsYaml: at('string', `${INJECTOR}SidecarInjectorWebhookAsYaml`),
  Telemetry: at('boolean', `${MC}Telemetry`),
  TerminationDrainDuration: at('string', `${EXTRA}TerminationDrainDuration`),
  ThriftFilterEnabled: at('boolean', `${MC}ProtocolSupport.ThriftFilterEnabled`),
  TraceSampling: at('float32', `${MC}Pilot.TraceSampling`),
  Tracing: at('boolean', `${MC}Tracing`),
  VSwitches: at('json', 'Spec.Network.VSwitches'),
  VpcId: at('string', 'Spec.Network.VpcId'),
  WebAssemblyFilterEnabled: at('boolean', `${MC}WebAssemblyFilterDeployment.Enabled`)
}

/**
 * Values the server fills when none was sent (Terraform marks them Computed, §d.2 pitfalls). AuditProject's
 * default is documented (§a.2 #12); IncludeIPRanges' "*" is the documented "all" value, but that the
 * server fills exactly it is UNVERIFIED.
 */
const COMPUTED: Record<string, (mesh: EmulatedMesh) => string> = {
  AuditProject: mesh => `mesh-log-${mesh.id}`,
  IncludeIPRanges: () => '*'
}

/** Writes every live value of the mesh into the `ServiceMesh` object of a detail answer. */
export function renderLiveValues(shown: Record<string, unknown>, mesh: EmulatedMesh): void {
  for (const [name, live] of Object.entries(LIVE_PATHS)) {
    const value = mesh.parameters[name] ?? COMPUTED[name]?.(mesh)
    if (value === undefined) continue
    for (const path of live.paths) setPath(shown, path, jsonValue(live.form, value))
  }
}

/** Sets a dotted path, creating the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node = target
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    node[key] = typeof next === 'object' && next !== null && !Array.isArray(next) ? next : {}
    node = node[key] as Record<string, unknown>
  }
  node[keys[keys.length - 1]] = value
}

/** A wire value as the detail shows it; a value that does not parse (set by drift) is shown as sent. */
function jsonValue(form: Form, value: string): unknown {
  switch (form) {
    case 'boolean':
      return value === 'true' ? true : value === 'false' ? false : value
    case 'integer':
      return Number.isInteger(Number(value)) ? Number(value) : value
    case 'float32':
      return Number.isFinite(Number(value)) ? Math.fround(Number(value)) : value
    case 'string':
      return value
    case 'json':
      return parseJson(value) ?? value
    case 'json-text': {
      const parsed = parseJson(value)
      return parsed === undefined ? value : JSON.stringify(parsed)
    }
    case 'locality':
      return locality(value)
  }
}

/**
 * LocalityLBConf is sent as {"failover":[…]} / {"distribute":[…]}; the SDK model shows LocalityLB with
 * Failover / Distribute keys (§d.1). That the server renames them so is UNVERIFIED; it means the action
 * cannot compare the two texts naively.
 */
function locality(value: string): unknown {
  const parsed = parseJson(value)
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return value
  const { failover, distribute } = parsed as Record<string, unknown>
  return {
    ...(failover === undefined ? {} : { Failover: failover }),
    ...(distribute === undefined ? {} : { Distribute: distribute })
  }
}
