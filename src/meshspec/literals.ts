/**
 * Two ways of writing a value that look like references but are not replaced (docs/contract.md §4.1): a
 * workflow expression `${{ … }}`, which GitHub evaluates only in workflow files, and `$NAME` without braces.
 */
import type { Basis } from './basis.js'
import { ENV_RULES } from './rulebook.js'

export interface LiteralProblem {
  rule: Basis
  /** The text as written, to find it in the source. */
  reference: string
  message: string
}

/** `$${` writes a literal `${`, so an expression after it is text. */
const EXPRESSION = /(?<!\$)\$\{\{(.*?)\}\}/g
const BARE = /(?<!\$)\$([A-Za-z_][A-Za-z0-9_]*)/g
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

function expressionAdvice(expression: string): string {
  const [context, name, ...more] = expression.trim().split('.')
  if (more.length === 0 && name !== undefined && NAME.test(name)) {
    if (context === 'env') return `write \${${name}} instead: the step's environment is read directly`
    if (context === 'secrets' || context === 'vars') {
      return `map it into the step's env: as ${name}: \${{ ${context}.${name} }} and write \${${name}}`
    }
  }
  return `map it into the step's env: as NAME: \${{ ${expression.trim()} }} and write \${NAME}`
}

/** The expressions in a string value (errors) and its bare `$NAME`s (warnings). */
export function literalProblems(value: string): LiteralProblem[] {
  const problems: LiteralProblem[] = []
  for (const [reference, expression] of value.matchAll(EXPRESSION)) {
    problems.push({
      rule: ENV_RULES.expression,
      reference,
      message: `${reference} is not evaluated in the spec file, only in workflow files; ${expressionAdvice(expression)}`
    })
  }
  for (const [reference, name] of value.matchAll(BARE)) {
    problems.push({
      rule: ENV_RULES.bareReference,
      reference,
      message: `${reference} is sent as written: only \${NAME} takes a value from the environment, so write \${${name}} to use the variable`
    })
  }
  return problems
}
