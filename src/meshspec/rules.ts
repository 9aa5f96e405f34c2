/**
 * Cross-field rules, next to the field table they refer to. Each carries its basis (basis.ts): the
 * CreateServiceMesh doc's "must"/"requires" notes are errors, its "only if" notes warnings that the API
 * ignores the value (docs/contract.md §4.2), and a rule from anywhere else a warning naming its source.
 */
import { apiDoc, apiDocNote, ASM_DOC, type Basis, borrowed, neverWorks } from './basis.js'

export interface Condition {
  path: string
  /** The value the field must have; omitted: the field must merely be set. */
  equals?: string | number | boolean
}

interface Common {
  path: string
  basis: Basis
  /** Why, for the message: the clause after the semicolon, which names the rule's source. */
  note: string
}

export type CrossRule =
  /** `path` (or `path` with `value`) is meant only when every condition holds. */
  | (Common & { kind: 'only'; value?: boolean; when: readonly Condition[] })
  /** When every condition holds, `path` is meant to be set. */
  | (Common & { kind: 'needs'; when: readonly Condition[] })
  /** The quantity at `path` is meant not to be above the one at `limit`. */
  | (Common & { kind: 'notAbove'; limit: string })
  /** The private key at `path` must belong to the certificate at `cert`. */
  | (Common & { kind: 'keyMatchesCert'; cert: string })

const PREPAY: Condition = { path: 'billing.chargeType', equals: 'PrePay' }
const on = (path: string): Condition => ({ path, equals: true })
const BILLING_NOTE = apiDocNote('§1.1, §6.9')
const SUBSCRIPTIONS = borrowed("Alibaba Cloud's subscription APIs", 'docs/contract.md §4.2')
const KUBERNETES = borrowed('Kubernetes, which refuses a request above its limit', `${ASM_DOC} §6.4`)

const resources = (component: 'opa' | 'proxy'): CrossRule[] =>
  (['cpu', 'memory'] as const).map(kind => ({
    kind: 'notAbove',
    path: `${component}.resources.requests.${kind}`,
    limit: `${component}.resources.limits.${kind}`,
    basis: KUBERNETES,
    note: 'Kubernetes refuses a request above its limit, but it is sent as written'
  }))

/** ExistingCaType "1" is istio-ca-secret (cert + key), "2" is cacerts (root cert + root key): asm-api.md §6.7. */
const caType = (type: '1' | '2', path: string): CrossRule => ({
  kind: 'needs',
  path,
  when: [{ path: 'certificateAuthority.type', equals: type }],
  basis: apiDoc('§6.7'),
  note: `the API doc says ExistingCaType "${type}" needs ${type === '1' ? 'ExistingCaCert and ExistingCaKey' : 'ExistingRootCaCert and ExistingRootCaKey'}`
})

const keyNeedsCert = (path: string, cert: string): CrossRule[] => [
  {
    kind: 'needs',
    path: cert,
    when: [{ path }],
    basis: neverWorks('a CA key is of no use without its certificate'),
    note: 'a CA key is of no use without its certificate'
  },
  {
    kind: 'keyMatchesCert',
    path,
    cert,
    basis: neverWorks('a CA signs with the private key of its own certificate'),
    note: `the key must be the private key of the certificate in ${cert}`
  }
]

export const CROSS_RULES: readonly CrossRule[] = [
  ...(['billing.period', 'billing.autoRenew', 'billing.autoRenewPeriod'] as const).map((path): CrossRule => ({
    kind: 'only',
    path,
    when: [PREPAY],
    basis: BILLING_NOTE,
    note: 'the API doc says it applies only to PrePay, so the API ignores it'
  })),
  {
    kind: 'only',
    path: 'billing.autoRenewPeriod',
    when: [on('billing.autoRenew')],
    basis: SUBSCRIPTIONS,
    note: "Alibaba Cloud's subscription APIs use a renewal period only with auto-renewal, but it is sent as written"
  },
  {
    kind: 'needs',
    path: 'billing.period',
    when: [PREPAY],
    basis: SUBSCRIPTIONS,
    note: "Alibaba Cloud's subscription APIs need the length of a subscription, and the API doc states no default"
  },
  {
    kind: 'only',
    path: 'prometheus.url',
    when: [on('prometheus.customized')],
    basis: borrowed(
      "the API doc's note that PrometheusUrl is used with CustomizedPrometheus",
      `${ASM_DOC} §1.1`
    ),
    note: 'the API doc uses PrometheusUrl with CustomizedPrometheus, so the API probably ignores it'
  },
  {
    kind: 'needs',
    path: 'prometheus.url',
    when: [on('prometheus.customized')],
    basis: borrowed("Terraform's provider, which sends both", `${ASM_DOC} §5`),
    note: 'your own Prometheus needs its address, though the API doc does not require it'
  },
  {
    kind: 'only',
    path: 'kiali.enabled',
    value: true,
    when: [on('prometheus.enabled')],
    basis: apiDoc('§1.1'),
    note: 'the API doc says KialiEnabled requires Telemetry'
  },
  {
    kind: 'only',
    path: 'accessLog.format',
    when: [on('accessLog.enabled')],
    basis: apiDocNote('§6.5'),
    note: 'the API doc says AccessLogFormat is used only with access logs on, so the API ignores it'
  },
  ...(['host', 'port'] as const).map((part): CrossRule => ({
    kind: 'needs',
    path: `accessLog.service.${part}`,
    when: [on('accessLog.service.enabled')],
    basis: borrowed('this action: logs are sent to a host and port', 'docs/contract.md §4.2'),
    note: `the access log service needs a ${part} to send to, though the API doc does not require it`
  })),
  {
    kind: 'only',
    path: 'localityLoadBalancing.config',
    when: [on('localityLoadBalancing.enabled')],
    basis: borrowed(
      "Istio's locality settings, which act only when locality load balancing is on",
      `${ASM_DOC} §6.6`
    ),
    note: 'Istio applies locality settings only with locality load balancing on, so they are probably ignored'
  },
  {
    kind: 'needs',
    path: 'configSource.nacosId',
    when: [on('configSource.enabled')],
    basis: borrowed('this action: a Nacos config source needs its instance', `${ASM_DOC} §1.1`),
    note: 'the config source needs the id of a Nacos instance, though the API doc does not require it'
  },
  ...resources('opa'),
  ...resources('proxy'),
  caType('1', 'certificateAuthority.cert'),
  caType('1', 'certificateAuthority.key'),
  caType('2', 'certificateAuthority.rootCert'),
  caType('2', 'certificateAuthority.rootKey'),
  ...keyNeedsCert('certificateAuthority.key', 'certificateAuthority.cert'),
  ...keyNeedsCert('certificateAuthority.rootKey', 'certificateAuthority.rootCert')
]
