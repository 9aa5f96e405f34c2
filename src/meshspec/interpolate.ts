/** `${NAME}` references in string values, replaced from the environment; `$${` writes a literal `${`. */

export type Env = Readonly<Record<string, string | undefined>>

export interface InterpolationProblem {
  /** Index in the string of the `${` the problem is about. */
  index: number
  /** The reference as written, e.g. `${ASM_CA_KEY}`, to find it in the source. */
  reference: string
  message: string
  expected?: string
}

export interface Interpolated {
  value: string
  /** Names referenced, in order (empty when the string uses no `${`). */
  names: string[]
  /** The whole string was exactly one `${NAME}`. */
  whole: boolean
  /** Values substituted from the environment: they must be masked. */
  substituted: string[]
  problems: InterpolationProblem[]
}

const REFERENCE = /\$\$\{|\$\{([^}]*)\}?/g
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

export function interpolate(text: string, env: Env): Interpolated {
  const result: Interpolated = { value: '', names: [], whole: false, substituted: [], problems: [] }
  let last = 0
  for (const match of text.matchAll(REFERENCE)) {
    const [reference, name] = match
    result.value += text.slice(last, match.index)
    last = match.index + reference.length
    if (reference === '$${') {
      result.value += '${'
      continue
    }
    if (!reference.endsWith('}') || name === undefined || !NAME.test(name)) {
      result.problems.push({
        index: match.index,
        reference,
        message: `${reference} is not a valid environment reference: write \${NAME} with NAME made of letters, digits and _, or $\${ for a literal \${`
      })
      result.value += reference
      continue
    }
    result.names.push(name)
    const value = env[name]
    // An empty variable counts as missing: in a workflow, `${{ secrets.X }}` of an unset secret is empty.
    if (value === undefined || value === '') {
      result.problems.push({
        index: match.index,
        reference,
        message: `environment variable ${name} is not set or is empty: set it in the step's env:, for a secret as ${name}: \${{ secrets.${name} }}`
      })
      continue
    }
    result.substituted.push(value)
    result.value += value
  }
  result.value += text.slice(last)
  result.whole = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(text)
  return result
}
