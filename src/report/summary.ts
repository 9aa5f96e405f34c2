/**
 * What a run decided and why, as GitHub-flavoured Markdown: the job summary and the PR plan comment.
 *
 * Only what the report holds is rendered. Diff values are the record's comparables, so secrets appear only
 * as their fingerprints. Both outputs are bounded: the runner drops a step summary over 1 MiB, and GitHub
 * refuses a comment over 65,536 characters.
 */
import type { Decision } from '../decide.js'
import type { Diagnostic } from '../diagnostics.js'
import type { Change } from '../state/record.js'
import { describeDiagnostic } from './annotations.js'
import { code, commentMarker, count, grouped, joinWithin, link, shorten, tableRow, text } from './markdown.js'

export interface RunReport {
  mode: 'plan' | 'apply'
  stateKey: string
  specFile: string
  /** Undefined when the spec was invalid (nothing was decided). */
  decision?: Decision
  changes: Change[]
  meshId?: string
  meshState?: string
  requestId?: string
  created: boolean
  diagnostics: Diagnostic[]
  /** Extra lines, e.g. "plan without credentials: the cloud was not read". */
  notes: string[]
  /** Link to the workflow run. */
  runUrl?: string
  /** Link to the state commit, or the state file's path. */
  stateLocation?: string
  /** Why the run failed, when it did (with the advice), whatever stage it reached. */
  failure?: { message: string; advice?: string }
}

export const LIMITS = {
  diffRows: 200,
  diagnostics: 500,
  summaryBytes: 900 * 1024,
  /** GitHub's limit is 65,536 characters; bytes ≥ characters, so this bound is safe. */
  commentBytes: 60_000,
  /** Longest value shown in a table cell, in characters. */
  value: 80
}

export function renderSummary(report: RunReport): string {
  return joinWithin(body(report), LIMITS.summaryBytes, 'the full diff is in the step output `diff`')
}

export function renderPlanComment(report: RunReport): string {
  const footer = report.runUrl
    ? [
        '',
        `<sub>Updated by ${link('this workflow run', report.runUrl)}; its job summary has the details.</sub>`
      ]
    : []
  const rest = joinWithin(
    [...body(report), ...footer],
    LIMITS.commentBytes - Buffer.byteLength(commentMarker(report.stateKey)) - 1,
    "the workflow run's job summary has the rest"
  )
  return `${commentMarker(report.stateKey)}\n${rest}`
}

function body(report: RunReport): string[] {
  const decision = report.decision
  const lines = [heading(report), '', `**${verdict(report)}**`]
  if (decision) lines.push('', `Why: ${sentence(decision.reason)}`)
  if (decision?.action === 'fail') lines.push('', `What to do: ${sentence(decision.advice)}`)
  else if (report.failure) {
    lines.push('', `Error: ${sentence(report.failure.message)}`)
    if (report.failure.advice) lines.push('', `What to do: ${sentence(report.failure.advice)}`)
  }
  lines.push('', ...details(report))
  for (const note of report.notes) lines.push('', `Note: ${sentence(note)}`)
  lines.push('', '### Changes', '', ...changes(report))
  if (report.diagnostics.length) lines.push('', '### Spec problems', '', ...diagnostics(report.diagnostics))
  return lines
}

/** Escaped text ending in a full stop. */
function sentence(value: string): string {
  return text(/[.!?]$/.test(value.trim()) ? value.trim() : `${value.trim()}.`)
}

function heading(report: RunReport): string {
  const subject = report.stateKey || report.specFile
  return `## Service mesh ${report.mode}${subject ? ` for ${code(subject)}` : ''}`
}

/** One line that says what happened (apply) or would happen (plan). */
function verdict(report: RunReport): string {
  const d = report.decision
  const plan = report.mode === 'plan'
  const mesh = (id: string | undefined) => (id ? `mesh ${code(id)}` : 'the mesh')
  const errors = report.diagnostics.filter(x => x.severity === 'error').length
  if (!d && report.failure && errors === 0) return 'Failed before a decision was made.'
  if (!d) {
    return `The spec has ${count(errors, 'error')}; nothing ${plan ? 'would be' : 'was'} sent to the cloud.`
  }
  switch (d.action) {
    case 'create':
      if (plan) return 'Would create a new mesh.'
      return report.created
        ? `Created ${mesh(report.meshId)}.`
        : 'A create was decided, but no mesh was created.'
    case 'adopt':
      return `${plan ? 'Would adopt' : 'Adopted'} existing ${mesh(d.mesh.id)}.`
    case 'keep':
      return `${plan ? 'No change' : 'Unchanged'}: ${mesh(d.meshId)} matches the spec.`
    case 'warn':
      return plan
        ? `Spec changed: apply would keep ${mesh(d.meshId)} as it is and warn (on-change: warn).`
        : `Spec changed: kept ${mesh(d.meshId)} as it is (on-change: warn).`
    case 'fail':
      return plan ? 'Apply would fail; nothing would be created.' : 'Failed; nothing was created.'
    case 'unknown':
      return d.meshId
        ? `The state records ${mesh(d.meshId)}; the cloud was not read, so its state is unknown.`
        : 'Would create a new mesh, or adopt one with the same name and region if it exists (the cloud was not read to check).'
  }
}

function details(report: RunReport): string[] {
  const meshId = report.meshId ?? meshOf(report.decision)
  const items = [
    meshId ? `Mesh: ${code(meshId)}${report.meshState ? ` (state ${code(report.meshState)})` : ''}` : '',
    report.requestId ? `Request id: ${code(report.requestId)}` : '',
    report.specFile ? `Spec: ${code(report.specFile)}` : '',
    report.stateLocation
      ? `State: ${/^https?:\/\//.test(report.stateLocation) ? link('recorded state', report.stateLocation) : code(report.stateLocation)}`
      : '',
    report.runUrl ? `Run: ${link('workflow run', report.runUrl)}` : ''
  ]
  return items.filter(Boolean).map(item => `- ${item}`)
}

function meshOf(decision: Decision | undefined): string | undefined {
  if (!decision || decision.action === 'create') return undefined
  return decision.action === 'adopt' ? decision.mesh.id : decision.meshId
}

function changes(report: RunReport): string[] {
  if (!report.decision && report.changes.length === 0)
    return [
      report.diagnostics.some(d => d.severity === 'error')
        ? 'No diff: the spec has errors.'
        : 'No diff was made.'
    ]
  if (report.changes.length === 0) return ['No changes: the spec matches the recorded run.']
  const cell = (value: string | undefined) =>
    value === undefined ? '' : code(shorten(value, LIMITS.value), true)
  const shown = report.changes.slice(0, LIMITS.diffRows)
  const lines = [
    tableRow(['Parameter', 'Spec path', 'Change', 'Before', 'After']),
    tableRow(['---', '---', '---', '---', '---']),
    ...shown.map(c => tableRow([cell(c.parameter), cell(c.path), c.change, cell(c.before), cell(c.after)]))
  ]
  const left = report.changes.length - shown.length
  if (left > 0)
    lines.push(
      '',
      `_${count(left, 'more change')} not shown (${shown.length} of ${grouped(report.changes.length)}); the step output \`diff\` has them all._`
    )
  return lines
}

function diagnostics(all: readonly Diagnostic[]): string[] {
  const errors = all.filter(d => d.severity === 'error').length
  const shown = all.slice(0, LIMITS.diagnostics)
  const lines = [
    `${count(errors, 'error')}, ${count(all.length - errors, 'warning')}:`,
    '',
    ...shown.map(
      d => `- **${d.severity}** ${code(`${d.file}:${d.line}:${d.column}`)} ${text(describeDiagnostic(d))}`
    )
  ]
  const left = all.length - shown.length
  if (left > 0) lines.push('', `_${count(left, 'more problem')} not shown; the step log lists them all._`)
  return lines
}
