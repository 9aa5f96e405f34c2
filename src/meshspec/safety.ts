/**
 * What in a spec could be turned against the runner rather than be wrong for the API, checked on the whole
 * tree after parsing, apart from the field rules:
 * - control characters and line breaks in mapping keys (anywhere) and in extraParameters values: keys end
 *   up in paths, diagnostics and log lines, where a line break could start a workflow command
 *   (docs/reference/runner-contract.md §1.3); other values are refused by the field rules already;
 * - path syntax in `name`, which becomes part of the default state key `<region>/<name>` (a file path on
 *   the state branch);
 * - names the API would likely refuse, as warnings: the API documents no naming rule
 *   (docs/reference/asm-lifecycle-api.md, ModifyServiceMeshName), so none of this is an error.
 */
import { borrowed, neverWorks, type Rule, rule, specFormat } from './basis.js'
import type { Problems } from './problems.js'
import type { MapNode, SpecNode } from './tree.js'

export const SAFETY_RULES = {
  keyControlCharacter: rule(
    'A key holds no control characters or line breaks.',
    neverWorks(
      'keys are printed in paths and log lines, where a line break could start a workflow command (SECURITY.md)'
    )
  ),
  extraControlCharacter: rule(
    'An extraParameters value holds no control characters or line breaks.',
    neverWorks('parameters are single lines of text, and values are printed in logs (SECURITY.md)')
  ),
  namePath: rule(
    'name is not path syntax (/, \\, . or ..): it is part of the default state key <region>/<name>.',
    specFormat('§2 (state-key)')
  ),
  usualName: rule(
    'name has 1-63 letters, digits, Chinese characters, _ and -, and starts with a letter, digit or Chinese character.',
    borrowed(
      'the usual Alibaba Cloud naming rule (the ASM API publishes none)',
      'docs/reference/asm-lifecycle-api.md §b'
    )
  )
} satisfies Record<string, Rule>

// Line breaks (also U+0085, U+2028, U+2029), other C0/C1 controls and DEL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/
/**
 * The usual Alibaba Cloud resource name: 1-63 characters of letters, digits, CJK ideographs, `_` and `-`,
 * starting with a letter, digit or ideograph. UNVERIFIED for ASM (no published rule), hence a warning.
 */
const USUAL_NAME = /^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff_-]{0,62}$/u

/** A key as it may appear in a message: quoted, line breaks escaped. */
const shown = (key: string): string => JSON.stringify(key)

export function checkSafety(root: MapNode, problems: Problems): void {
  checkKeys(root, '', problems)
  for (const entry of root.entries) {
    if (entry.key === 'name') checkName(entry.value, problems)
    if (entry.key === 'extraParameters' && entry.value.kind === 'map') checkExtraValues(entry.value, problems)
  }
}

function checkKeys(node: SpecNode, path: string, problems: Problems): void {
  if (node.kind === 'seq') node.items.forEach((item, i) => checkKeys(item, `${path}[${i}]`, problems))
  if (node.kind !== 'map') return
  for (const entry of node.entries) {
    const safe = !CONTROL.test(entry.key)
    const childPath = `${path ? `${path}.` : ''}${safe ? entry.key : shown(entry.key)}`
    // Tag keys have their own rule (tags.ts), which reports them once.
    if (!safe && path !== 'tags')
      problems.report(
        SAFETY_RULES.keyControlCharacter,
        entry.keyPos,
        childPath,
        `the key ${shown(entry.key)} contains a control character or line break: write the key on one line`
      )
    checkKeys(entry.value, childPath, problems)
  }
}

function checkExtraValues(map: MapNode, problems: Problems): void {
  for (const { key, value } of map.entries) {
    if (value.kind !== 'scalar' || typeof value.value !== 'string' || !CONTROL.test(value.value)) continue
    problems.report(
      SAFETY_RULES.extraControlCharacter,
      value.pos,
      `extraParameters.${CONTROL.test(key) ? shown(key) : key}`,
      'the value contains a control character or line break: write it on one line'
    )
  }
}

function checkName(node: SpecNode, problems: Problems): void {
  if (node.kind !== 'scalar' || typeof node.value !== 'string' || node.value === '') return
  const name = node.value
  const from = node.env ? 'the value of name' : `the name ${shown(name)}`
  if (name === '.' || name === '..' || /[/\\]/.test(name)) {
    problems.report(
      SAFETY_RULES.namePath,
      node.pos,
      'name',
      `${from} is path syntax, and name is part of the default state key <region>/<name>: use a name ` +
        'without / or \\ that is not . or .. (the state-key input can put keys in folders)'
    )
    return
  }
  if (!CONTROL.test(name) && !USUAL_NAME.test(name))
    problems.report(
      SAFETY_RULES.usualName,
      node.pos,
      'name',
      `${from} is not like an Alibaba Cloud resource name (1-63 letters, digits, Chinese characters, _ and -, ` +
        'starting with a letter, digit or Chinese character); the API publishes no naming rule and may refuse it'
    )
}
