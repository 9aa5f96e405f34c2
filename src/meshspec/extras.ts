/** extraParameters: raw CreateServiceMesh parameters this version does not map yet (docs/contract.md §4). */
import { wrongType } from './context.js'
import { FIELDS } from './fields.js'
import type { Problems } from './problems.js'
import { EXTRA_RULES } from './rulebook.js'
import { hasReportedPart, scalarText } from './scalars.js'
import { describeNode, type MapEntry } from './tree.js'
import type { ExtraParameter } from './values.js'

const API_NAMES = new Map(FIELDS.map(f => [f.api.toLowerCase(), f]))
/** Names the RPC protocol itself uses: an extra parameter with one of them would confuse the request. */
const RESERVED_NAMES = new Set(
  ['Action', 'Version', 'Format', 'AccessKeyId', 'SecurityToken', 'Signature', 'SignatureMethod']
    .concat(['SignatureVersion', 'SignatureNonce', 'SignatureType', 'Timestamp'])
    .map(n => n.toLowerCase())
)
const EXTRA_NAME = /^[A-Za-z][A-Za-z0-9]*$/

/** The field a name means, ignoring case: `traceSampling` is TraceSampling. */
export const fieldOfApiName = (name: string) => API_NAMES.get(name.toLowerCase())

function nameProblem(name: string, path: string) {
  const mapped = fieldOfApiName(name)
  if (!EXTRA_NAME.test(name))
    return {
      rule: EXTRA_RULES.name,
      message: `${path} is not an API parameter name: use letters and digits, such as SomeFutureFlag`
    }
  if (mapped)
    return { rule: EXTRA_RULES.mapped, message: `${path} is mapped by the spec: set it as ${mapped.path}` }
  if (RESERVED_NAMES.has(name.toLowerCase()))
    return {
      rule: EXTRA_RULES.reserved,
      message: `${path} is reserved by the API protocol: use only CreateServiceMesh parameters`
    }
  return undefined
}

export function checkExtras(entry: MapEntry, problems: Problems): ExtraParameter[] {
  const { value: node } = entry
  if (node.kind !== 'map') {
    wrongType(problems, node, 'extraParameters', 'a mapping of API parameter names to values')
    return []
  }
  const extras: ExtraParameter[] = []
  for (const extra of node.entries) {
    const path = `extraParameters.${extra.key}`
    const problem = nameProblem(extra.key, path)
    if (problem) {
      problems.report(problem.rule, extra.keyPos, path, problem.message)
      continue
    }
    const scalar = extra.value
    if (hasReportedPart(scalar)) continue
    if (scalar.kind !== 'scalar' || scalar.value === null) {
      problems.report(
        EXTRA_RULES.name,
        scalar.pos,
        path,
        `${path} must be a single value: a string, number or boolean`,
        {
          found: describeNode(scalar)
        }
      )
    } else extras.push({ name: extra.key, text: scalarText(scalar) })
  }
  return extras
}
