/**
 * Why a rule exists, which decides whether breaking it is an error or a warning (docs/contract.md §4.2): an
 * error only where the CreateServiceMesh documentation says the value cannot work, or where it can never work;
 * a rule learned anywhere else is a warning that names where it comes from. Every check reports through a
 * Basis (Problems.report), and docs/rules.md is generated from the same objects.
 */

export interface Basis {
  level: 'error' | 'warning'
  /** Who states the rule, as a warning names it: "Terraform's provider", "ROS's validator". */
  source: string
  /** Where the rule is written down (a document in this repository where there is one), for docs/rules.md. */
  ref: string
}

/** A rule of the rule book: what it checks, and why. */
export interface Rule extends Basis {
  text: string
}

export const ASM_DOC = 'docs/reference/asm-api.md'
const CONTRACT = 'docs/contract.md'

/** The CreateServiceMesh documentation says the value cannot work (or requires it). */
export const apiDoc = (section: string): Basis => ({
  level: 'error',
  source: 'the CreateServiceMesh doc',
  ref: `${ASM_DOC} ${section}`
})

/** The CreateServiceMesh documentation says a value is only valid together with another: the API ignores it. */
export const apiDocNote = (section: string): Basis => ({
  level: 'warning',
  source: 'the CreateServiceMesh doc',
  ref: `${ASM_DOC} ${section}`
})

/** The value can never work, whatever the API documents: `source` says why, for docs/rules.md. */
export const neverWorks = (why: string): Basis => ({
  level: 'error',
  source: `can never work: ${why}`,
  ref: `${CONTRACT} §4.2`
})

/** What this action itself requires of its file (docs/contract.md §4, §4.1). */
export const specFormat = (section: string): Basis => ({
  level: 'error',
  source: 'the spec format of this action',
  ref: `${CONTRACT} ${section}`
})

/** A rule from anywhere but the CreateServiceMesh doc: a warning naming its source. */
export const borrowed = (source: string, ref: string): Basis => ({ level: 'warning', source, ref })

export const rule = (text: string, basis: Basis): Rule => ({ text, ...basis })
