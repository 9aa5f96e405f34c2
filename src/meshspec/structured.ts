/** Shapes of the two mapping-valued parameters: AccessLogFormat (docs/reference/asm-api.md §6.5) and LocalityLBConf (§6.6). */
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

const isNonEmptyString = (node: SpecNode): boolean =>
  node.kind === 'scalar' && typeof node.value === 'string' && node.value !== ''

export function checkAccessLogFormat(map: MapNode, path: string, problems: Problems): void {
  for (const entry of map.entries) {
    if (!isNonEmptyString(entry.value)) {
      problems.error(
        entry.value.pos,
        `${path}.${entry.key}`,
        `${path}.${entry.key} must be an Envoy format string`,
        {
          expected: 'a non-empty string such as "%REQ(:AUTHORITY)%"',
          found: describeNode(entry.value)
        }
      )
    }
  }
  const missing = ACCESS_LOG_KEYS.filter(key => !map.entries.some(e => e.key === key))
  if (missing.length > 0) {
    problems.error(map.pos, path, `${path} lacks ${missing.length} of the keys the API requires`, {
      expected: `also: ${missing.join(', ')}`,
      found: `${map.entries.length} keys`
    })
  }
}

/** Checks the keys of a mapping; returns false when it is not one. */
function checkKeys(
  node: SpecNode,
  path: string,
  known: readonly string[],
  problems: Problems
): node is MapNode {
  if (node.kind !== 'map') {
    problems.error(node.pos, path, `${path} must be a mapping`, {
      expected: `a mapping with ${known.join(', ')}`,
      found: describeNode(node)
    })
    return false
  }
  for (const entry of node.entries) {
    if (known.includes(entry.key)) continue
    const suggestion = closest(entry.key, known)
    const hint = suggestion ? ` (did you mean ${suggestion}?)` : ''
    problems.error(
      entry.keyPos,
      `${path}.${entry.key}`,
      `unknown key ${JSON.stringify(entry.key)} in ${path}${hint}`,
      {
        expected: suggestion ? `a known key such as ${suggestion}` : `one of: ${known.join(', ')}`,
        found: JSON.stringify(entry.key)
      }
    )
  }
  return true
}

function checkLocality(map: MapNode, key: string, path: string, problems: Problems): void {
  const entry = map.entries.find(e => e.key === key)
  if (!entry) {
    problems.error(map.pos, path, `${path} needs ${key}`, {
      expected: `${key}: a locality such as cn-hangzhou`
    })
  } else if (!isNonEmptyString(entry.value)) {
    problems.error(entry.value.pos, `${path}.${key}`, `${path}.${key} must be a locality`, {
      expected: 'a region, or region/zone/subzone, such as cn-hangzhou',
      found: describeNode(entry.value)
    })
  }
}

function eachRule(
  node: SpecNode,
  path: string,
  problems: Problems,
  check: (rule: MapNode, at: string) => void
) {
  if (node.kind !== 'seq' || node.items.length === 0) {
    problems.error(node.pos, path, `${path} must be a non-empty list`, {
      expected: 'a list of {from, to} entries',
      found: describeNode(node)
    })
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
    problems.error(map.pos, path, `${path} sets neither failover nor distribute`, {
      expected: 'failover: [{from, to}] or distribute: [{from, to: {locality: weight}}]'
    })
  }
  if (failover && distribute) {
    problems.error(
      distribute.keyPos,
      `${path}.distribute`,
      `${path} may set failover or distribute, not both`
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
      if (!to) problems.error(rule.pos, at, `${at} needs to`, { expected: 'to: {locality: weight, ...}' })
      else checkWeights(to.value, `${at}.to`, problems)
    })
  }
}

function checkWeights(node: SpecNode, path: string, problems: Problems): void {
  if (node.kind !== 'map' || node.entries.length === 0) {
    problems.error(node.pos, path, `${path} must map localities to weights`, {
      expected: 'a mapping such as {cn-hangzhou: 80, cn-shanghai: 20}',
      found: describeNode(node)
    })
    return
  }
  let total = 0
  for (const entry of node.entries) {
    const { value } = entry
    if (
      value.kind !== 'scalar' ||
      typeof value.value !== 'number' ||
      !Number.isInteger(value.value) ||
      value.value < 0
    ) {
      problems.error(
        value.pos,
        `${path}.${entry.key}`,
        `${path}.${entry.key} must be a whole-number weight`,
        {
          expected: 'an integer from 0 to 100',
          found: describeNode(value)
        }
      )
      return
    }
    total += value.value
  }
  if (total !== 100) {
    problems.error(node.pos, path, `the weights in ${path} add up to ${total}`, {
      expected: 'weights adding up to 100'
    })
  }
}
