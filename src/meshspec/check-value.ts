/**
 * One field's value → its checked value, by the field's type and constraints (fields.ts). A constraint whose
 * basis is an error refuses the value; one whose basis is a warning reports it and keeps it as written.
 */
import type { Basis } from './basis.js'
import { checkPem } from './check-pem.js'
import { type Context, TYPE_EXPECTED, wrongType } from './context.js'
import { type Constraint, type FieldEntry, REQUIRED_BASIS } from './fields.js'
import { FORMATS, isStringFormat } from './formats.js'
import { nodeToJson } from './json-value.js'
import type { Problems } from './problems.js'
import { KEY_RULES } from './rulebook.js'
import { asBoolean, asInteger, asNumber, asText, CONTROL } from './scalars.js'
import { checkAccessLogFormat, checkLocalityConfig } from './structured.js'
import { checkTags } from './tags.js'
import { describeNode, type SpecNode } from './tree.js'
import type { Checked } from './values.js'

export function checkValue(field: FieldEntry, node: SpecNode, ctx: Context): Checked | undefined {
  const { path, rules = [] } = field
  const { problems } = ctx
  const typeError = () => wrongType(problems, node, path, TYPE_EXPECTED[field.type])
  switch (field.type) {
    case 'boolean': {
      const value = asBoolean(node)
      return value === undefined ? typeError() : { kind: 'boolean', value }
    }
    case 'integer':
    case 'number': {
      const value = field.type === 'integer' ? asInteger(node) : asNumber(node)
      if (value === undefined) return typeError()
      return checkNumber(problems, node, path, value, rules) ? { kind: 'number', value } : undefined
    }
    case 'string':
    case 'quantity': {
      const value = asText(node, field.type === 'quantity')
      if (value === undefined) return typeError()
      return checkText(problems, node, path, value, field) ? { kind: 'text', value } : undefined
    }
    case 'stringList':
    case 'portList':
      return checkList(ctx, field, node)
    case 'tags':
      return node.kind === 'map' ? checkTags(node, path, rules, problems) : typeError()
    case 'json':
      if (node.kind !== 'map') return typeError()
      if (hasFormat(rules, 'accessLogFormat')) checkAccessLogFormat(node, path, problems)
      if (hasFormat(rules, 'localityLbConfig')) checkLocalityConfig(node, path, problems)
      return { kind: 'json', value: nodeToJson(node) }
    case 'certificate':
    case 'certificates':
    case 'privateKey':
      return checkPem(field, node, ctx)
  }
}

const hasFormat = (rules: readonly Constraint[], format: string): boolean =>
  rules.some(r => r.kind === 'format' && r.format === format)

/** Reports a broken constraint; true when that refuses the value. */
function broken(problems: Problems, basis: Basis, node: SpecNode, path: string, message: string): boolean {
  problems.report(basis, node.pos, path, message, { found: describeNode(node) })
  return basis.level === 'error'
}

const choicesOf = (values: readonly (string | number)[]): string =>
  values.map(v => JSON.stringify(v)).join(', ')

function enumMessage(
  path: string,
  value: string | number,
  values: readonly (string | number)[],
  basis: Basis
) {
  if (basis.level === 'warning') {
    return `${path} is not one of ${choicesOf(values)} that ${basis.source} lists; the API doc does not close the list, so it is sent as written`
  }
  const meant = values.find(v => String(v).toLowerCase() === String(value).toLowerCase())
  return `${path} must be one of ${choicesOf(values)}${meant === undefined ? '' : `; did you mean ${JSON.stringify(meant)}?`}`
}

function rangeMessage(path: string, value: number, rule: { min?: number; max?: number; basis: Basis }) {
  const { min, max, basis } = rule
  if (basis.level === 'warning') {
    const side = min !== undefined && value < min ? `below ${min}, the least` : `above ${max}, the most`
    return `${path} is ${side} ${basis.source} allows; the API doc sets no limit, so it is sent as written`
  }
  const bounds =
    min !== undefined && max !== undefined
      ? `from ${min} to ${max}`
      : min !== undefined
        ? `at least ${min}`
        : `at most ${max}`
  return `${path} must be ${bounds}`
}

/** Enum and range constraints of a number (or of one port of a list); false when an error refuses it. */
export function checkNumber(
  problems: Problems,
  node: SpecNode,
  path: string,
  value: number,
  rules: readonly Constraint[]
): boolean {
  let ok = true
  for (const rule of rules) {
    if (!ok) break
    if (rule.kind === 'enum' && !rule.values.includes(value))
      ok = !broken(problems, rule.basis, node, path, enumMessage(path, value, rule.values, rule.basis))
    if (rule.kind === 'range' && (value < (rule.min ?? -Infinity) || value > (rule.max ?? Infinity)))
      ok = !broken(problems, rule.basis, node, path, rangeMessage(path, value, rule))
  }
  return ok
}

/** Control characters, closed lists, emptiness and formats of a string; false when an error refuses it. */
export function checkText(
  problems: Problems,
  node: SpecNode,
  path: string,
  value: string,
  field: FieldEntry
) {
  const rules = field.rules ?? []
  if (CONTROL.test(value))
    return !broken(
      problems,
      KEY_RULES.controlCharacter,
      node,
      path,
      `${path} holds a control character or line break`
    )
  const enums = rules.filter(r => r.kind === 'enum')
  const closed = enums.find(r => r.basis.level === 'error')
  if (closed && !closed.values.includes(value))
    return !broken(problems, closed.basis, node, path, enumMessage(path, value, closed.values, closed.basis))
  if (value === '' && !closed) {
    if (field.required) {
      problems.report(REQUIRED_BASIS[field.required], node.pos, path, `${path} must not be empty`)
      return false
    }
    problems.report(
      KEY_RULES.emptyValue,
      node.pos,
      path,
      `${path} is empty and is sent as an empty parameter; leave the key out to leave it unset`
    )
    return true
  }
  for (const open of enums) {
    if (open !== closed && !open.values.includes(value))
      broken(problems, open.basis, node, path, enumMessage(path, value, open.values, open.basis))
  }
  for (const rule of rules) {
    if (rule.kind !== 'format' || !isStringFormat(rule.format)) continue
    const format = FORMATS[rule.format]
    const problem = format.check(value)
    if (problem && broken(problems, problem.rule ?? format.basis, node, path, `${path} ${problem.message}`))
      return false
  }
  return true
}

function checkList(ctx: Context, field: FieldEntry, node: SpecNode): Checked | undefined {
  const { problems } = ctx
  const { path, rules = [] } = field
  if (node.kind !== 'seq') return wrongType(problems, node, path, TYPE_EXPECTED[field.type])
  let ok = true
  for (const rule of rules) {
    if (rule.kind !== 'items') continue
    const { min = 0, max = Infinity } = rule
    if (node.items.length >= min && node.items.length <= max) continue
    const count = node.items.length < min ? `at least ${min}` : `at most ${max}`
    problems.report(rule.basis, node.pos, path, `${path} needs ${count} ${min === 1 ? 'item' : 'items'}`)
    ok &&= rule.basis.level !== 'error'
  }
  const unique = rules.find(r => r.kind === 'unique')
  const values: (string | number)[] = []
  node.items.forEach((item, i) => {
    const at = `${path}[${i}]`
    const value =
      field.type === 'portList' ? checkPort(problems, item, at, rules) : checkItem(problems, item, at, field)
    if (value === undefined) {
      ok = false
      return
    }
    const message = `${at} repeats ${JSON.stringify(value)}; an item listed twice is probably a mistake, it is sent as written`
    if (unique && values.includes(value) && broken(problems, unique.basis, item, at, message)) ok = false
    values.push(value)
  })
  if (!ok) return undefined
  return field.type === 'portList'
    ? { kind: 'ports', value: values as number[] }
    : { kind: 'list', value: values as string[] }
}

function checkPort(problems: Problems, node: SpecNode, path: string, rules: readonly Constraint[]) {
  const port = asInteger(node)
  if (port === undefined) return wrongType(problems, node, path, 'a port number')
  return checkNumber(problems, node, path, port, rules) ? port : undefined
}

function checkItem(problems: Problems, node: SpecNode, path: string, field: FieldEntry) {
  const text = asText(node, false)
  if (text === undefined) return wrongType(problems, node, path, 'a string')
  return checkText(problems, node, path, text, field) ? text : undefined
}
