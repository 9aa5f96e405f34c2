/** Tags: a mapping of key → value, sent in the query as Tag.N.Key / Tag.N.Value (docs/reference/asm-api.md §1.1). */
import { borrowed, rule } from './basis.js'
import type { Constraint } from './fields.js'
import type { Problems } from './problems.js'
import { KEY_RULES } from './rulebook.js'
import { CONTROL, scalarText } from './scalars.js'
import { describeNode, type MapEntry, type MapNode } from './tree.js'
import type { Checked, Tag } from './values.js'

/** The CreateServiceMesh doc states no tag rules; these are Alibaba Cloud's, as the tagging APIs document them. */
const TAG_RULES_SOURCE = borrowed(
  "Alibaba Cloud's tag rules",
  'the TagResources documentation (not in this repository)'
)
export const TAG_RULES = {
  key: rule('A tag key has 1 to 128 characters and does not start with aliyun or acs:.', TAG_RULES_SOURCE),
  value: rule('A tag value has at most 128 characters.', TAG_RULES_SOURCE)
}
const SENT = "which Alibaba Cloud's tag rules do not allow; it is sent as written"

function keyProblem(key: string): string | undefined {
  if (key.length === 0) return `is empty, ${SENT}`
  if (key.length > 128) return `has ${key.length} characters, more than 128, ${SENT}`
  if (/^(aliyun|acs:)/i.test(key)) return `starts with aliyun or acs:, ${SENT}`
  return undefined
}

/** One tag's value as text, or undefined when it cannot be one (reported). */
function tagValue(entry: MapEntry, path: string, problems: Problems): string | undefined {
  const node = entry.value
  if (node.kind !== 'scalar') {
    problems.report(KEY_RULES.type, node.pos, path, `${path} must be a single value such as prod`, {
      found: describeNode(node)
    })
    return undefined
  }
  const value = node.value === null ? '' : scalarText(node)
  if (CONTROL.test(value)) {
    problems.report(
      KEY_RULES.controlCharacter,
      node.pos,
      path,
      `${path} holds a control character or line break`
    )
    return undefined
  }
  if (value.length > 128)
    problems.report(
      TAG_RULES.value,
      node.pos,
      path,
      `${path} has a value of ${value.length} characters, more than 128, ${SENT}`
    )
  return value
}

export function checkTags(
  map: MapNode,
  path: string,
  rules: readonly Constraint[],
  problems: Problems
): Checked | undefined {
  let ok = true
  for (const limit of rules) {
    if (limit.kind !== 'items' || limit.max === undefined || map.entries.length <= limit.max) continue
    problems.report(
      limit.basis,
      map.pos,
      path,
      `${path} has ${map.entries.length} tags, more than the ${limit.max} ${limit.basis.source} allows; they are sent as written`
    )
  }
  const tags: Tag[] = []
  for (const entry of map.entries) {
    const tagPath = `${path}.${entry.key}`
    if (CONTROL.test(entry.key)) {
      problems.report(
        KEY_RULES.controlCharacter,
        entry.keyPos,
        tagPath,
        `${path} has a key with a control character or line break`
      )
      ok = false
      continue
    }
    const problem = keyProblem(entry.key)
    if (problem) problems.report(TAG_RULES.key, entry.keyPos, tagPath, `${tagPath}: the key ${problem}`)
    const value = tagValue(entry, tagPath, problems)
    if (value === undefined) ok = false
    else tags.push({ key: entry.key, value })
  }
  return ok ? { kind: 'tags', value: tags } : undefined
}
