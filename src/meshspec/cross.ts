/** The cross-field rules of rules.ts, read against the fields a spec sets. */
import type { Context, Present } from './context.js'
import { quantityAmount } from './formats.js'
import { type Condition, CROSS_RULES, type CrossRule } from './rules.js'

export function checkCrossRules(ctx: Context): void {
  for (const rule of CROSS_RULES) crossRule(rule, ctx)
}

/** true / false, or undefined when a condition's field is set but invalid (already reported). */
function holds(conditions: readonly Condition[], present: Map<string, Present>): boolean | undefined {
  let result: boolean | undefined = true
  for (const { path, equals } of conditions) {
    const field = present.get(path)
    if (!field) return false
    if (equals === undefined) continue
    if (!field.checked) result = undefined
    else if (field.checked.value !== equals) return false
  }
  return result
}

/** A value as YAML shows it: strings quoted, so `type: "2"` is not read as a number. */
const shown = (value: string | number | boolean): string =>
  typeof value === 'string' ? JSON.stringify(value) : String(value)

function describeConditions(conditions: readonly Condition[], present: Map<string, Present>) {
  const expected = conditions.map(c =>
    c.equals === undefined ? `${c.path} set` : `${c.path}: ${shown(c.equals)}`
  )
  const found = conditions.map(c => {
    const checked = present.get(c.path)?.checked
    if (!checked) return present.has(c.path) ? `${c.path} invalid` : `${c.path} not set`
    return typeof checked.value === 'object' ? `${c.path} set` : `${c.path}: ${shown(checked.value)}`
  })
  return { expected: expected.join(' and '), found: found.join(', ') }
}

function crossRule(rule: CrossRule, ctx: Context): void {
  const { problems, present } = ctx
  const subject = present.get(rule.path)
  const error = rule.basis.level === 'error'
  switch (rule.kind) {
    case 'only': {
      if (!subject || (rule.value !== undefined && subject.checked?.value !== rule.value)) return
      if (holds(rule.when, present) !== false) return
      const shown = rule.value === undefined ? rule.path : `${rule.path}: ${rule.value}`
      const { expected, found } = describeConditions(rule.when, present)
      const message = `${shown} ${error ? 'needs' : 'is set without'} ${expected}; ${rule.note}`
      return problems.report(rule.basis, subject.entry.keyPos, rule.path, message, { found })
    }
    case 'needs': {
      if (subject || holds(rule.when, present) !== true) return
      const last = present.get(rule.when[rule.when.length - 1].path) as Present
      const { expected } = describeConditions(rule.when, present)
      const message = `${rule.path} ${error ? 'is required' : 'is not set'} with ${expected}; ${rule.note}`
      return problems.report(rule.basis, last.entry.keyPos, rule.path, message)
    }
    case 'notAbove': {
      const limit = present.get(rule.limit)
      if (subject?.checked?.kind !== 'text' || limit?.checked?.kind !== 'text') return
      const [request, most] = [subject.checked.value, limit.checked.value]
      if (quantityAmount(request) <= quantityAmount(most)) return
      const message = `${rule.path} ${request} is above ${rule.limit} ${most}; ${rule.note}`
      return problems.report(rule.basis, subject.entry.value.pos, rule.path, message)
    }
    case 'keyMatchesCert': {
      const key = ctx.keys.get(rule.path)
      const certificate = ctx.certificates.get(rule.cert)?.[0]
      if (!key || !certificate || certificate.checkPrivateKey(key)) return
      const message = `${rule.path} does not match ${rule.cert}; ${rule.note}`
      return problems.report(rule.basis, (subject as Present).entry.value.pos, rule.path, message)
    }
  }
}
