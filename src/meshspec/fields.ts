/**
 * THE table: one entry per CreateServiceMesh parameter (API 2020-01-11, 78 parameters). The validator,
 * the request builder, diff labels, the JSON Schema and the README reference are all driven from it, so
 * adding a parameter is one entry here. Facts come from docs/reference/asm-api.md §1, §6.
 */

import { apiDoc, ASM_DOC, type Basis, borrowed, neverWorks, specFormat } from './basis.js'
import { type Lifecycle, withLifecycle } from './lifecycle.js'

/** What the YAML value looks like. */
export type ValueType =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'number'
  /** Kubernetes quantity: a string or a plain number (`cpu: 1` and `cpu: "1"` both fine). */
  | 'quantity'
  | 'stringList'
  | 'portList'
  /** Mapping of tag key → value. */
  | 'tags'
  /** Any mapping, sent as compact JSON. */
  | 'json'
  /** One certificate, PEM or Base64 of the PEM. */
  | 'certificate'
  /** Several certificates in one PEM (or its Base64). */
  | 'certificates'
  /** A private key, PEM or Base64 of the PEM. */
  | 'privateKey'

/** How the value is written on the wire. */
export type WireEncoding =
  | 'text'
  | 'boolean'
  | 'decimal'
  /** Compact JSON array string, e.g. `["vsw-a","vsw-b"]`. */
  | 'jsonArray'
  /** Comma-joined items, e.g. `80,81`. */
  | 'commaList'
  | 'compactJson'
  /** Base64 of the PEM text. */
  | 'base64Pem'
  /** Query `Tag.N.Key` / `Tag.N.Value`, N from 1. */
  | 'tagQuery'

export type Format =
  | 'region'
  | 'vpcId'
  | 'vswId'
  | 'cidr'
  | 'cidrOrAny'
  | 'url'
  | 'httpUrl'
  | 'host'
  | 'dnsName'
  /** A Kubernetes quantity (the grammar); `cpu` and `memory` add the units each is counted in. */
  | 'quantity'
  | 'cpu'
  | 'memory'
  | 'duration'
  | 'accessLogFormat'
  | 'localityLbConfig'

/**
 * One rule of a field, with its basis (basis.ts): an error or a warning. Formats carry their basis in
 * formats.ts and structured.ts, as the same format means the same rule wherever it is used.
 */
export type Constraint =
  | { kind: 'enum'; values: readonly (string | number)[]; basis: Basis }
  /** Inclusive bounds of a number, or of each item of a port list. */
  | { kind: 'range'; min?: number; max?: number; basis: Basis }
  /** Format of the value, or of each item of a list. */
  | { kind: 'format'; format: Format }
  /** Items of a list, or certificates in a chain, or tags: at least / at most. */
  | { kind: 'items'; min?: number; max?: number; basis: Basis }
  | { kind: 'unique'; basis: Basis }

export interface FieldSpec {
  /** Spec path as in docs/contract.md §4, e.g. `tracing.sampling`. */
  path: string
  /** CreateServiceMesh parameter name. */
  api: string
  type: ValueType
  wire: WireEncoding
  position: 'body' | 'query'
  rules?: readonly Constraint[]
  /** `api`: the API requires it; `spec`: the action requires it (the mesh's identity). */
  required?: 'api' | 'spec'
  /** Never shown or stored: compared as a `sha256:` fingerprint. */
  secret?: true
  /** Compared as a fingerprint because the value is a long blob (certificates). */
  fingerprint?: true
  /** The API marks the parameter deprecated: setting it is a warning with this advice. */
  deprecated?: string
  /** Must be written as `${NAME}`: a literal value in the file is an error. */
  mustInterpolate?: true
  /** A list whose order carries no meaning: compared sorted. */
  orderInsensitive?: true
  description: string
  /** How it changes after creation and where its live value shows (lifecycle.ts). */
  lifecycle: Lifecycle
}

/** An entry as written below; withLifecycle adds its lifecycle columns. */
export type FieldEntry = Omit<FieldSpec, 'lifecycle'>

export const REQUIRED_BASIS: Readonly<Record<'api' | 'spec', Basis>> = {
  api: apiDoc('§1.1'),
  spec: specFormat('§4')
}
export const DEPRECATED = borrowed('the API SDK, which marks it deprecated', `${ASM_DOC} §1.1`)

/** The CreateServiceMesh doc closes these lists and documents these ranges. */
const DOC = apiDoc('§1.1')
const PORT = neverWorks('a port is a number from 1 to 65535')
const MONTHS = neverWorks('a subscription or renewal lasts at least one month')
const ROS = borrowed("ROS's validator", `${ASM_DOC} §5`)
const REPEAT = borrowed('this action: an item listed twice is probably a mistake', 'docs/contract.md §4.2')

const oneOf = (values: readonly (string | number)[], basis: Basis = DOC): Constraint => ({
  kind: 'enum',
  values,
  basis
})
const range = (min: number | undefined, max: number | undefined, basis: Basis): Constraint => ({
  kind: 'range',
  ...(min === undefined ? {} : { min }),
  ...(max === undefined ? {} : { max }),
  basis
})
const format = (name: Format): Constraint => ({ kind: 'format', format: name })
const unique: Constraint = { kind: 'unique', basis: REPEAT }
const PORTS = [range(1, 65535, PORT), unique]

const SLB_SPECS = [
  'slb.s1.small',
  'slb.s2.small',
  'slb.s2.medium',
  'slb.s3.small',
  'slb.s3.medium',
  'slb.s3.large'
] as const

const bool = (path: string, api: string, description: string): FieldEntry => ({
  path,
  api,
  type: 'boolean',
  wire: 'boolean',
  position: 'body',
  description
})

const text = (path: string, api: string, description: string, rules?: readonly Constraint[]): FieldEntry => ({
  path,
  api,
  type: 'string',
  wire: 'text',
  position: 'body',
  description,
  ...(rules ? { rules } : {})
})

const quantity = (path: string, api: string, kind: 'cpu' | 'memory', description: string): FieldEntry => ({
  path,
  api,
  type: 'quantity',
  wire: 'text',
  position: 'body',
  rules: [format('quantity'), format(kind)],
  description
})

export const FIELDS: readonly FieldSpec[] = withLifecycle([
  {
    ...text('name', 'Name', 'Name of the mesh; with the region it identifies the mesh across runs.'),
    required: 'spec'
  },
  {
    ...text('region', 'RegionId', 'Region of the mesh, e.g. cn-hangzhou.', [format('region')]),
    required: 'api'
  },
  {
    path: 'tags',
    api: 'Tag',
    type: 'tags',
    wire: 'tagQuery',
    position: 'query',
    rules: [{ kind: 'items', max: 20, basis: borrowed('the ListTagResources doc', `${ASM_DOC} §6.10`) }],
    description: 'Tags of the mesh (key: value), sent in file order.'
  },
  text('edition', 'Edition', 'Mesh edition.', [
    oneOf(['Default', 'Pro'], borrowed("Terraform's provider", `${ASM_DOC} §1.1, §5`))
  ]),
  text('clusterSpec', 'ClusterSpec', 'Instance specification.', [
    oneOf(['standard', 'enterprise', 'ultimate'])
  ]),
  text(
    'istioVersion',
    'IstioVersion',
    'ASM (Istio) version, e.g. v1.22.6.71-g0b38b4b3-aliyun; see DescribeVersions.'
  ),
  text('clusterDomain', 'ClusterDomain', 'Kubernetes cluster domain, e.g. cluster.local.', [
    format('dnsName')
  ]),
  text(
    'guestCluster',
    'GuestCluster',
    'ID of an ACK cluster to add on creation (same VPC, vSwitch and cluster domain).'
  ),
  text('playgroundScene', 'PlaygroundScene', 'Playground scenario to set up.', [oneOf(['ewmaLb'])]),

  { ...text('network.vpcId', 'VpcId', 'ID of the VPC of the mesh.', [format('vpcId')]), required: 'api' },
  {
    path: 'network.vSwitches',
    api: 'VSwitches',
    type: 'stringList',
    wire: 'jsonArray',
    position: 'body',
    rules: [format('vswId'), { kind: 'items', min: 1, basis: DOC }, unique],
    required: 'api',
    orderInsensitive: true,
    description: 'IDs of the vSwitches of the mesh (sent as a JSON array string).'
  },

  bool('loadBalancer.apiServerPublicEip', 'ApiServerPublicEip', 'Expose the API server with a public EIP.'),
  text('loadBalancer.apiServerSpec', 'ApiServerLoadBalancerSpec', 'SLB specification of the API server.', [
    oneOf(SLB_SPECS)
  ]),
  text('loadBalancer.pilotSpec', 'PilotLoadBalancerSpec', 'SLB specification of Pilot.', [oneOf(SLB_SPECS)]),

  text('billing.chargeType', 'ChargeType', 'Billing method.', [oneOf(['PayOnDemand', 'PrePay'])]),
  {
    path: 'billing.period',
    api: 'Period',
    type: 'integer',
    wire: 'decimal',
    position: 'body',
    rules: [range(1, undefined, MONTHS), range(undefined, 36, ROS)],
    description: 'Subscription length in months (PrePay only).'
  },
  bool('billing.autoRenew', 'AutoRenew', 'Renew the subscription automatically (PrePay only).'),
  {
    path: 'billing.autoRenewPeriod',
    api: 'AutoRenewPeriod',
    type: 'integer',
    wire: 'decimal',
    position: 'body',
    rules: [range(1, undefined, MONTHS), oneOf([1, 2, 3, 6], ROS)],
    description: 'Months per automatic renewal (PrePay with autoRenew only).'
  },

  bool('tracing.enabled', 'Tracing', 'Enable tracing.'),
  {
    path: 'tracing.sampling',
    api: 'TraceSampling',
    type: 'number',
    wire: 'decimal',
    position: 'body',
    rules: [range(0, 100, DOC)],
    description: 'Trace sampling percentage, 0-100.'
  },
  bool('tracing.customizedZipkin', 'CustomizedZipkin', 'Use your own Zipkin.'),

  bool('prometheus.enabled', 'Telemetry', 'Enable Prometheus metrics collection.'),
  bool('prometheus.customized', 'CustomizedPrometheus', 'Use your own Prometheus (needs prometheus.url).'),
  text('prometheus.url', 'PrometheusUrl', 'URL of your own Prometheus (only with prometheus.customized).', [
    format('url'),
    format('httpUrl')
  ]),

  bool('kiali.enabled', 'KialiEnabled', 'Enable Kiali (needs prometheus.enabled).'),

  bool('accessLog.enabled', 'AccessLogEnabled', 'Enable access logs.'),
  text('accessLog.file', 'AccessLogFile', 'Access log file: "" (off) or /dev/stdout.', [
    oneOf(['', '/dev/stdout'])
  ]),
  text('accessLog.project', 'AccessLogProject', 'SLS project for access logs.'),
  {
    path: 'accessLog.format',
    api: 'AccessLogFormat',
    type: 'json',
    wire: 'compactJson',
    position: 'body',
    rules: [format('accessLogFormat')],
    description:
      'Access log format: field name → Envoy format string; must hold the 23 keys the API requires.'
  },
  bool(
    'accessLog.service.enabled',
    'AccessLogServiceEnabled',
    'Send access logs to a gRPC access log service.'
  ),
  text('accessLog.service.host', 'AccessLogServiceHost', 'Host of the access log service.', [format('host')]),
  {
    path: 'accessLog.service.port',
    api: 'AccessLogServicePort',
    type: 'integer',
    wire: 'decimal',
    position: 'body',
    rules: [range(1, 65535, PORT)],
    description: 'Port of the access log service, 1-65535.'
  },

  bool('controlPlaneLog.enabled', 'ControlPlaneLogEnabled', 'Collect control-plane logs.'),
  text('controlPlaneLog.project', 'ControlPlaneLogProject', 'SLS project for control-plane logs.'),

  bool('audit.enabled', 'EnableAudit', 'Enable mesh audit (needs SLS).'),
  text('audit.project', 'AuditProject', 'SLS project for audit logs (default mesh-log-<meshId>).'),

  bool('opa.enabled', 'OpaEnabled', 'Enable the OPA plug-in.'),
  bool('opa.openAgentPolicy', 'OpenAgentPolicy', 'Install Open Policy Agent.'),
  text('opa.logLevel', 'OPALogLevel', 'OPA log level.', [
    oneOf(['debug', 'info', 'error'], borrowed('the UpdateMeshFeature doc', `${ASM_DOC} §1.1`))
  ]),
  quantity(
    'opa.resources.requests.cpu',
    'OPARequestCPU',
    'cpu',
    'CPU request of the OPA proxy, e.g. 1 or 500m.'
  ),
  quantity(
    'opa.resources.requests.memory',
    'OPARequestMemory',
    'memory',
    'Memory request of the OPA proxy, e.g. 512Mi.'
  ),
  quantity('opa.resources.limits.cpu', 'OPALimitCPU', 'cpu', 'CPU limit of the OPA proxy, e.g. 2.'),
  quantity(
    'opa.resources.limits.memory',
    'OPALimitMemory',
    'memory',
    'Memory limit of the OPA proxy, e.g. 1024Mi.'
  ),

  quantity(
    'proxy.resources.requests.cpu',
    'ProxyRequestCPU',
    'cpu',
    'CPU request of the sidecar, e.g. 100m.'
  ),
  quantity(
    'proxy.resources.requests.memory',
    'ProxyRequestMemory',
    'memory',
    'Memory request of the sidecar, e.g. 128Mi.'
  ),
  quantity('proxy.resources.limits.cpu', 'ProxyLimitCPU', 'cpu', 'CPU limit of the sidecar, e.g. 2000m.'),
  quantity(
    'proxy.resources.limits.memory',
    'ProxyLimitMemory',
    'memory',
    'Memory limit of the sidecar, e.g. 1024Mi.'
  ),
  {
    path: 'proxy.includeIPRanges',
    api: 'IncludeIPRanges',
    type: 'stringList',
    wire: 'commaList',
    position: 'body',
    rules: [format('cidrOrAny'), unique],
    orderInsensitive: true,
    description: 'Outbound IP ranges the sidecar intercepts: CIDRs, or * for all.'
  },
  {
    path: 'proxy.excludeIPRanges',
    api: 'ExcludeIPRanges',
    type: 'stringList',
    wire: 'commaList',
    position: 'body',
    rules: [format('cidr'), unique],
    orderInsensitive: true,
    description: 'Outbound IP ranges (CIDRs) the sidecar does not intercept.'
  },
  {
    path: 'proxy.excludeInboundPorts',
    api: 'ExcludeInboundPorts',
    type: 'portList',
    wire: 'commaList',
    position: 'body',
    rules: PORTS,
    orderInsensitive: true,
    description: 'Inbound ports the sidecar does not intercept.'
  },
  {
    path: 'proxy.excludeOutboundPorts',
    api: 'ExcludeOutboundPorts',
    type: 'portList',
    wire: 'commaList',
    position: 'body',
    rules: PORTS,
    orderInsensitive: true,
    description: 'Outbound ports the sidecar does not intercept.'
  },

  bool('localityLoadBalancing.enabled', 'LocalityLoadBalancing', 'Enable locality-aware load balancing.'),
  {
    path: 'localityLoadBalancing.config',
    api: 'LocalityLBConf',
    type: 'json',
    wire: 'compactJson',
    position: 'body',
    rules: [format('localityLbConfig')],
    description:
      'Locality load balancing: failover [{from, to}] or distribute [{from, to: {locality: weight}}].'
  },

  bool('filters.redis', 'RedisFilterEnabled', 'Enable the Redis filter.'),
  bool('filters.mysql', 'MysqlFilterEnabled', 'Enable the MySQL filter.'),
  bool('filters.thrift', 'ThriftFilterEnabled', 'Enable the Thrift filter.'),
  bool('filters.webAssembly', 'WebAssemblyFilterEnabled', 'Enable WebAssembly filters.'),
  bool('filters.dubbo', 'DubboFilterEnabled', 'Enable the Dubbo filter.'),

  bool('dnsProxying', 'DNSProxyingEnabled', 'Enable DNS proxying in the sidecar.'),
  bool('mse', 'MSEEnabled', 'Integrate with Microservices Engine (MSE).'),
  bool('configSource.enabled', 'ConfigSourceEnabled', 'Use a Nacos instance as an extra config source.'),
  text('configSource.nacosId', 'ConfigSourceNacosID', 'ID of the MSE Nacos instance, e.g. mse-cn-abc.'),
  bool('gatewayAPI', 'GatewayAPIEnabled', 'Enable the Kubernetes Gateway API.'),
  bool(
    'filterGatewayClusterConfig',
    'FilterGatewayClusterConfig',
    'Push only the cluster config gateways need.'
  ),
  bool('sdsServer', 'EnableSDSServer', 'Enable the SDS server.'),
  bool('crHistory', 'EnableCRHistory', 'Keep the history of Istio resources.'),
  bool('crAggregation', 'CRAggregationEnabled', 'Enable Kubernetes API aggregation of Istio resources.'),
  bool('multiBuffer.enabled', 'MultiBufferEnabled', 'Enable Multi-Buffer TLS acceleration.'),
  {
    path: 'multiBuffer.pollDelay',
    api: 'MultiBufferPollDelay',
    type: 'string',
    wire: 'text',
    position: 'body',
    rules: [format('duration')],
    description: 'Multi-Buffer poll delay, a duration such as 30s or 500ms.'
  },
  bool('ambient', 'EnableAmbient', 'Enable ambient mode.'),
  bool('acmg', 'EnableACMG', 'Enable ACMG.'),

  bool('certificateAuthority.useExisting', 'UseExistingCA', 'Use your own CA instead of a generated one.'),
  {
    path: 'certificateAuthority.cert',
    api: 'ExistingCaCert',
    type: 'certificate',
    wire: 'base64Pem',
    position: 'body',
    fingerprint: true,
    description: 'CA certificate, PEM or Base64 of the PEM (sent as Base64).'
  },
  {
    path: 'certificateAuthority.key',
    api: 'ExistingCaKey',
    type: 'privateKey',
    wire: 'base64Pem',
    position: 'body',
    secret: true,
    mustInterpolate: true,
    description: 'Private key of the CA certificate; must be ${NAME} from a secret.'
  },
  {
    path: 'certificateAuthority.rootCert',
    api: 'ExistingRootCaCert',
    type: 'certificate',
    wire: 'base64Pem',
    position: 'body',
    fingerprint: true,
    description: 'Root CA certificate, PEM or Base64 of the PEM.'
  },
  {
    path: 'certificateAuthority.rootKey',
    api: 'ExistingRootCaKey',
    type: 'privateKey',
    wire: 'base64Pem',
    position: 'body',
    secret: true,
    mustInterpolate: true,
    deprecated: 'the API deprecates ExistingRootCaKey; prefer cert, key and certChain',
    description: 'Private key of the root CA (deprecated by the API); must be ${NAME} from a secret.'
  },
  {
    path: 'certificateAuthority.certChain',
    api: 'CertChain',
    type: 'certificates',
    wire: 'base64Pem',
    position: 'body',
    rules: [{ kind: 'items', min: 2, basis: apiDoc('§6.7') }],
    fingerprint: true,
    description: 'Certificate chain from the CA to the root, at least two certificates.'
  },
  {
    ...text(
      'certificateAuthority.type',
      'ExistingCaType',
      'Type of the existing CA (deprecated by the API).',
      [oneOf(['1', '2'])]
    ),
    deprecated: 'the API deprecates ExistingCaType; set cert, key and certChain instead'
  }
])

/**
 * Keys of the action itself, not API parameters (docs/contract.md §7.3): checked like the fields above,
 * never sent and never part of the diff (`api` is empty), so without lifecycle columns.
 */
export const ACTION_FIELDS: readonly FieldEntry[] = [
  bool(
    'lifecycle.preventDestroy',
    '',
    "`true`: `mode: destroy` refuses to delete the recorded mesh (as Terraform's prevent_destroy)."
  )
]

/** Spec keys that are not API parameters. */
export const SPEC_KEYS = {
  version: 'Format version of this file; must be 1.',
  extraParameters:
    'Raw CreateServiceMesh parameters this version does not know yet: name → scalar, sent as written.'
} as const

/** One-line descriptions of the sections (mappings that group fields), for the schema and docs. */
export const SECTIONS: Readonly<Record<string, string>> = {
  network: 'Network of the mesh.',
  loadBalancer: 'Load balancers of the control plane.',
  billing: 'Billing of the mesh.',
  tracing: 'Distributed tracing.',
  prometheus: 'Metrics collection with Prometheus.',
  kiali: 'Kiali mesh topology.',
  accessLog: 'Data-plane access logs.',
  'accessLog.service': 'gRPC access log service (Envoy ALS).',
  controlPlaneLog: 'Control-plane logs.',
  audit: 'Mesh audit.',
  opa: 'Open Policy Agent plug-in.',
  'opa.resources': 'Resources of the OPA proxy.',
  'opa.resources.requests': 'Resource requests.',
  'opa.resources.limits': 'Resource limits.',
  proxy: 'Sidecar proxy.',
  'proxy.resources': 'Resources of the sidecar proxy.',
  'proxy.resources.requests': 'Resource requests.',
  'proxy.resources.limits': 'Resource limits.',
  localityLoadBalancing: 'Locality-aware load balancing.',
  filters: 'Protocol filters.',
  configSource: 'Extra config source (MSE Nacos).',
  multiBuffer: 'Multi-Buffer TLS acceleration.',
  certificateAuthority: 'Use your own certificate authority.',
  lifecycle: 'What the action may do to the mesh; not sent to the API.'
}
