/** Shapes of the two mapping-valued parameters: AccessLogFormat (docs/reference/asm-api.md §6.5) and LocalityLBConf (§6.6). */
import { apiDoc, ASM_DOC, borrowed, rule } from './basis.js'
import type { Problems } from './problems.js'
import { closest } from './suggest.js'
import { describeNode, type MapNode, type SpecNode } from './tree.js'

/** Keys the API requires in AccessLogFormat. */
export const ACCESS_LOG_KEYS: readonly string[] = [
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

export const ACCESS_LOG_RULES = {
  keys: rule(`accessLog.format holds the ${ACCESS_LOG_KEYS.length} keys the API requires.`, apiDoc('§6.5')),
  values: rule(
    'Each accessLog.format value is a non-empty Envoy format string such as "%REQ(:METHOD)%".',
    borrowed("the API doc's example", `${ASM_DOC} §6.5`)
  )
}

/** The CreateServiceMesh doc shows one example; the shape is Istio's, as the UpdateMeshFeature doc describes it. */
const ISTIO = borrowed(
  "Istio's locality settings, as the UpdateMeshFeature doc describes them",
  `${ASM_DOC} §6.6`
)
export const LOCALITY_RULES = {
  shape: rule('localityLoadBalancing.config sets failover or distribute, not both, and no other key.', ISTIO),
  entries: rule('Each failover and distribute entry is a {from, to} mapping of localities.', ISTIO),
  weights: rule('The weights of each distribute entry are whole numbers adding up to 100.', ISTIO)
}
/** Ends every locality warning: it names where the rule comes from. */
const AS_ISTIO = "as Istio's locality settings expect; it is sent as written"

const isNonEmptyString = (node: SpecNode): boolean =>
  node.kind === 'scalar' && typeof node.value === 'string' && node.value !== ''

export function checkAccessLogFormat(map: MapNode, path: string, problems: Problems): void {
  for (const entry of map.entries) {
    if (isNonEmptyString(entry.value)) continue
    const at = `${path}.${entry.key}`
    problems.report(
      ACCESS_LOG_RULES.values,
      entry.value.pos,
      at,
      `${at} is not an Envoy format string such as "%REQ(:METHOD)%", as in the API doc's example; it is sent as written`,
      { found: describeNode(entry.value) }
    )
  }
  const missing = ACCESS_LOG_KEYS.filter(key => !map.entries.some(e => e.key === key))
  if (missing.length > 0) {
    problems.report(
      ACCESS_LOG_RULES.keys,
      map.pos,
      path,
      `${path} lacks ${missing.length} of the ${ACCESS_LOG_KEYS.length} keys the API requires: ${missing.join(', ')}`
    )
  }
}

/** Warns about the keys of a mapping that are not `known`; false when it is not a mapping. */
function checkKeys(
  node: SpecNode,
  path: string,
  known: readonly string[],
  problems: Problems
): node is MapNode {
  if (node.kind !== 'map') {
    problems.report(
      LOCALITY_RULES.entries,
      node.pos,
      path,
      `${path} is not a mapping of ${known.join(' and ')} ${AS_ISTIO}`,
      {
        found: describeNode(node)
      }
    )
    return false
  }
  for (const entry of node.entries) {
    if (known.includes(entry.key)) continue
    const at = `${path}.${entry.key}`
    const suggestion = closest(entry.key, known)
    const hint = suggestion ? `did you mean ${suggestion}?` : `the keys are ${known.join(' and ')}`
    problems.report(
      known.includes('from') ? LOCALITY_RULES.entries : LOCALITY_RULES.shape,
      entry.keyPos,
      at,
      `${at} is not a key of Istio's locality settings, it is sent as written; ${hint}`
    )
  }
  return true
}

function checkLocality(map: MapNode, key: string, path: string, problems: Problems): void {
  const entry = map.entries.find(e => e.key === key)
  if (!entry) {
    problems.report(LOCALITY_RULES.entries, map.pos, path, `${path} has no ${key} locality, ${AS_ISTIO}`)
  } else if (!isNonEmptyString(entry.value)) {
    const at = `${path}.${key}`
    problems.report(
      LOCALITY_RULES.entries,
      entry.value.pos,
      at,
      `${at} is not a locality such as cn-hangzhou ${AS_ISTIO}`,
      {
        found: describeNode(entry.value)
      }
    )
  }
}

function eachRule(
  node: SpecNode,
  path: string,
  problems: Problems,
  check: (rule: MapNode, at: string) => void
) {
  if (node.kind !== 'seq' || node.items.length === 0) {
    problems.report(
      LOCALITY_RULES.entries,
      node.pos,
      path,
      `${path} is not a non-empty list of {from, to} entries ${AS_ISTIO}`,
      {
        found: describeNode(node)
      }
    )
    return
  }
  node.items.forEach((item, i) => {
    const at = `${path}[${i}]`
    if (checkKeys(item, at, ['from', 'to'], problems)) check(item, at)
  })
}

/** Istio's LocalityLoadBalancerSetting: failover or distribute (not both); distribute weights sum to 100. */
export function checkLocalityConfig(map: MapNode, path: string, problems: Problems): void {
  checkKeys(map, path, ['failover', 'distribute'], problems)
  const failover = map.entries.find(e => e.key === 'failover')
  const distribute = map.entries.find(e => e.key === 'distribute')
  if (!failover && !distribute) {
    problems.report(
      LOCALITY_RULES.shape,
      map.pos,
      path,
      `${path} sets neither failover nor distribute, ${AS_ISTIO}`
    )
  }
  if (failover && distribute) {
    problems.report(
      LOCALITY_RULES.shape,
      distribute.keyPos,
      `${path}.distribute`,
      `${path}.distribute is set beside failover, where Istio's locality settings take one of them; it is sent as written`
    )
  }
  if (failover) {
    eachRule(failover.value, `${path}.failover`, problems, (rule, at) => {
      checkLocality(rule, 'from', at, problems)
      checkLocality(rule, 'to', at, problems)
    })
  }
  if (distribute) {
    eachRule(distribute.value, `${path}.distribute`, problems, (rule, at) => {
      checkLocality(rule, 'from', at, problems)
      const to = rule.entries.find(e => e.key === 'to')
      if (!to) problems.report(LOCALITY_RULES.entries, rule.pos, at, `${at} has no to weights, ${AS_ISTIO}`)
      else checkWeights(to.value, `${at}.to`, problems)
    })
  }
}

/** A locality's weight: a whole number, not negative. */
const weightOf = (node: SpecNode): number | undefined =>
  node.kind === 'scalar' && typeof node.value === 'number' && Number.isInteger(node.value) && node.value >= 0
    ? node.value
    : undefined

function checkWeights(node: SpecNode, path: string, problems: Problems): void {
  if (node.kind !== 'map' || node.entries.length === 0) {
    problems.report(
      LOCALITY_RULES.weights,
      node.pos,
      path,
      `${path} does not map localities to weights ${AS_ISTIO}`,
      {
        found: describeNode(node)
      }
    )
    return
  }
  const bad = node.entries.find(entry => weightOf(entry.value) === undefined)
  if (bad) {
    const at = `${path}.${bad.key}`
    problems.report(
      LOCALITY_RULES.weights,
      bad.value.pos,
      at,
      `${at} is not a whole-number weight ${AS_ISTIO}`,
      {
        found: describeNode(bad.value)
      }
    )
    return
  }
  const total = node.entries.reduce((sum, entry) => sum + (weightOf(entry.value) ?? 0), 0)
  if (total !== 100) {
    problems.report(
      LOCALITY_RULES.weights,
      node.pos,
      path,
      `${path} weights add up to ${total}, not 100 ${AS_ISTIO}`
    )
  }
}
