/** Cross-field rules (docs/contract.md §4 "requires"/"only" notes and §4.2), next to the field table they refer to. */

export interface Condition {
  path: string
  /** The value the field must have; omitted: the field must merely be set. */
  equals?: string | number | boolean
}

export type CrossRule =
  /** `path` (or `path` with `value`) may be set only when every condition holds. */
  | { kind: 'only'; path: string; value?: boolean; when: readonly Condition[] }
  /** When every condition holds, `path` must be set. */
  | { kind: 'needs'; path: string; when: readonly Condition[] }
  /** The quantity at `path` may not be above the one at `limit`. */
  | { kind: 'notAbove'; path: string; limit: string }
  /** The private key at `path` must belong to the certificate at `cert`. */
  | { kind: 'keyMatchesCert'; path: string; cert: string }

const PREPAY: Condition = { path: 'billing.chargeType', equals: 'PrePay' }
const resources = (component: 'opa' | 'proxy'): CrossRule[] =>
  (['cpu', 'memory'] as const).map(kind => ({
    kind: 'notAbove',
    path: `${component}.resources.requests.${kind}`,
    limit: `${component}.resources.limits.${kind}`
  }))

export const CROSS_RULES: readonly CrossRule[] = [
  { kind: 'only', path: 'billing.period', when: [PREPAY] },
  { kind: 'only', path: 'billing.autoRenew', when: [PREPAY] },
  {
    kind: 'only',
    path: 'billing.autoRenewPeriod',
    when: [PREPAY, { path: 'billing.autoRenew', equals: true }]
  },
  { kind: 'needs', path: 'billing.period', when: [PREPAY] },
  { kind: 'only', path: 'prometheus.url', when: [{ path: 'prometheus.customized', equals: true }] },
  { kind: 'needs', path: 'prometheus.url', when: [{ path: 'prometheus.customized', equals: true }] },
  { kind: 'only', path: 'kiali.enabled', value: true, when: [{ path: 'prometheus.enabled', equals: true }] },
  {
    kind: 'needs',
    path: 'accessLog.service.host',
    when: [{ path: 'accessLog.service.enabled', equals: true }]
  },
  {
    kind: 'needs',
    path: 'accessLog.service.port',
    when: [{ path: 'accessLog.service.enabled', equals: true }]
  },
  {
    kind: 'only',
    path: 'localityLoadBalancing.config',
    when: [{ path: 'localityLoadBalancing.enabled', equals: true }]
  },
  { kind: 'needs', path: 'configSource.nacosId', when: [{ path: 'configSource.enabled', equals: true }] },
  ...resources('opa'),
  ...resources('proxy'),
  // ExistingCaType "1" is istio-ca-secret (cert + key), "2" is cacerts (root cert + root key): docs/reference/asm-api.md §6.7.
  {
    kind: 'needs',
    path: 'certificateAuthority.cert',
    when: [{ path: 'certificateAuthority.type', equals: '1' }]
  },
  {
    kind: 'needs',
    path: 'certificateAuthority.key',
    when: [{ path: 'certificateAuthority.type', equals: '1' }]
  },
  {
    kind: 'needs',
    path: 'certificateAuthority.rootCert',
    when: [{ path: 'certificateAuthority.type', equals: '2' }]
  },
  {
    kind: 'needs',
    path: 'certificateAuthority.rootKey',
    when: [{ path: 'certificateAuthority.type', equals: '2' }]
  },
  { kind: 'needs', path: 'certificateAuthority.cert', when: [{ path: 'certificateAuthority.key' }] },
  { kind: 'needs', path: 'certificateAuthority.rootCert', when: [{ path: 'certificateAuthority.rootKey' }] },
  { kind: 'keyMatchesCert', path: 'certificateAuthority.key', cert: 'certificateAuthority.cert' },
  { kind: 'keyMatchesCert', path: 'certificateAuthority.rootKey', cert: 'certificateAuthority.rootCert' }
]
