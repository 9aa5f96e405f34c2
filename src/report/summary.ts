/**
 * What a run decided and why, as GitHub-flavoured Markdown: the job summary and the PR plan comment.
 *
 * Both are pure functions of the run's Outcome: only what it holds is rendered. Diff values are the
 * record's comparables, so secrets appear only as their fingerprints. Both outputs are bounded: the runner
 * drops a step summary over 1 MiB, and GitHub refuses a comment over 65,536 characters.
 */
import type { Diagnostic } from '../diagnostics.js'
import type { Outcome } from '../outcome.js'
import type { Change } from '../state/record.js'
import { describeDiagnostic } from './annotations.js'
import { destroyVerdict } from './destroy.js'
import { code, commentMarker, count, grouped, joinWithin, link, shorten, tableRow, text } from './markdown.js'

export const LIMITS = {
  diffRows: 200,
  diagnostics: 500,
  summaryBytes: 900 * 1024,
  /** GitHub's limit is 65,536 characters; bytes ≥ characters, so this bound is safe. */
  commentBytes: 60_000,
  /** Longest value shown in a table cell, in characters. */
  value: 80
}

export function renderSummary(outcome: Outcome): string {
  return joinWithin(body(outcome), LIMITS.summaryBytes, 'the full diff is in the step output `diff`')
}

export function renderPlanComment(outcome: Outcome): string {
  const footer = outcome.runUrl
    ? [
        '',
        `<sub>Updated by ${link('this workflow run', outcome.runUrl)}; its job summary has the details.</sub>`
      ]
    : []
  const rest = joinWithin(
    [...body(outcome), ...footer],
    LIMITS.commentBytes - Buffer.byteLength(commentMarker(outcome.stateKey ?? '')) - 1,
    "the workflow run's job summary has the rest"
  )
  return `${commentMarker(outcome.stateKey ?? '')}\n${rest}`
}

function body(outcome: Outcome): string[] {
  const lines = [heading(outcome), '', `**${verdict(outcome)}**`]
  if (outcome.decision) lines.push('', `Why: ${sentence(outcome.decision.reason)}`)
  lines.push(...whatWentWrong(outcome), '', ...details(outcome))
  if (outcome.decision && !outcome.cloudRead)
    lines.push(
      '',
      'Note: No credentials in plan mode: the cloud was not read; the plan uses the state record only.'
    )
  if (outcome.changes) lines.push('', '### Changes', '', ...changes(outcome.changes, outcome.labels))
  if (outcome.drift?.length) lines.push('', '### Drift', '', ...drift(outcome))
  if (outcome.notCompared?.length) lines.push('', ...notCompared(outcome.notCompared))
  if (outcome.diagnostics.length) lines.push('', '### Spec problems', '', ...diagnostics(outcome.diagnostics))
  return lines
}

const errorCount = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.filter(d => d.severity === 'error').length

/** The error and what to do about it; for spec errors only what to do, as the verdict counts them. */
function whatWentWrong({ decision, failure, diagnostics }: Outcome): string[] {
  if (decision?.action === 'fail') return ['', `What to do: ${sentence(decision.advice)}`]
  if (!failure) return []
  if (failure.kind === 'spec' && errorCount(diagnostics) > 0)
    return [
      '',
      'What to do: Fix the errors listed under Spec problems below (each names its line and column), then run again.'
    ]
  const lines = ['', `Error: ${sentence(failure.message)}`]
  if (failure.advice) lines.push('', `What to do: ${sentence(failure.advice)}`)
  return lines
}

/** Escaped text ending in a full stop. */
function sentence(value: string): string {
  return text(/[.!?]$/.test(value.trim()) ? value.trim() : `${value.trim()}.`)
}

function heading(outcome: Outcome): string {
  const subject = outcome.stateKey || outcome.specFile
  return `## Service mesh ${outcome.mode}${subject ? ` for ${code(subject)}` : ''}`
}

/** One line that says what happened (apply) or would happen (plan). */
function verdict(outcome: Outcome): string {
  const d = outcome.decision
  const plan = outcome.mode === 'plan'
  const mesh = (id: string | undefined) => (id ? `mesh ${code(id)}` : 'the mesh')
  const errors = errorCount(outcome.diagnostics)
  if (!d && outcome.failure && errors === 0) return 'Failed before a decision was made.'
  if (!d) {
    return `The spec has ${count(errors, 'error')}; nothing ${plan ? 'would be' : 'was'} sent to the cloud.`
  }
  switch (d.action) {
    case 'create':
      if (plan) return 'Would create a new mesh.'
      return outcome.created
        ? `Created ${mesh(outcome.mesh?.id)}.`
        : 'A create was decided, but no mesh was created.'
    case 'adopt':
      return `${plan ? 'Would adopt' : 'Adopted'} existing ${mesh(d.mesh.id)}.`
    case 'keep':
      if (outcome.drift?.length || outcome.changes?.length)
        return `${plan ? 'Apply would keep' : 'Kept'} ${mesh(d.meshId)} as it is.`
      return `${plan ? 'No change' : 'Unchanged'}: ${mesh(d.meshId)} matches the spec.`
    case 'warn':
      return plan
        ? `Spec changed: apply would keep ${mesh(d.meshId)} as it is and warn (on-change: warn).`
        : `Spec changed: kept ${mesh(d.meshId)} as it is (on-change: warn).`
    case 'update': {
      const apis = [...new Set(d.plan.steps.map(step => step.api))].join(', ')
      if (plan)
        return apis
          ? `Would update ${mesh(d.meshId)} in place (${apis}).`
          : `Would update the record of ${mesh(d.meshId)}; no call needed.`
      if (outcome.updated)
        return `Updated ${mesh(d.meshId)} in place (${outcome.updates?.map(u => u.api).join(', ')}).`
      return apis
        ? `An update was decided, but no call went through.`
        : `Updated the record of ${mesh(d.meshId)}.`
    }
    case 'fail':
      if (outcome.mode === 'destroy') return destroyVerdict(outcome)
      return plan ? 'Apply would fail; nothing would be created.' : 'Failed; nothing was created.'
    case 'delete':
    case 'none':
      return destroyVerdict(outcome)
    case 'unknown':
      return d.meshId
        ? `The state records ${mesh(d.meshId)}; the cloud was not read, so its state is unknown.`
        : 'Would create a new mesh, or adopt one with the same name and region if it exists (the cloud was not read to check).'
  }
}

function details(outcome: Outcome): string[] {
  const { mesh, requestId, specFile, stateLocation, runUrl, updates = [] } = outcome
  const items = [
    mesh ? `Mesh: ${code(mesh.id)}${mesh.state ? ` (state ${code(mesh.state)})` : ''}` : '',
    requestId ? `Request id: ${code(requestId)}` : '',
    ...updates.map(
      u => `${text(u.api)}: request id ${u.requestId ? code(u.requestId) : 'unknown (read back)'}`
    ),
    specFile ? `Spec: ${code(specFile)}` : '',
    stateLocation
      ? `State: ${/^https?:\/\//.test(stateLocation) ? link('recorded state', stateLocation) : code(stateLocation)}`
      : '',
    runUrl ? `Run: ${link('workflow run', runUrl)}` : ''
  ]
  return items.filter(Boolean).map(item => `- ${item}`)
}

/**
 * The diff as a table. With no earlier record every parameter is `added`: that table says little, so it
 * is folded under a one-line count.
 */
const cell = (value: string | undefined) =>
  value === undefined ? '' : code(shorten(value, LIMITS.value), true)

function changes(all: readonly Change[], labels: Outcome['labels']): string[] {
  if (all.length === 0) return ['No changes: the spec matches the recorded run.']
  const shown = all.slice(0, LIMITS.diffRows)
  // With a record, each change says how apply makes it (update-plan.ts changeLabel).
  const how = (c: Change) => (labels ? [text(labels[c.path] ?? '')] : [])
  const lines = [
    tableRow(['Parameter', 'Spec path', 'Change', 'Before', 'After', ...(labels ? ['How'] : [])]),
    tableRow(['---', '---', '---', '---', '---', ...(labels ? ['---'] : [])]),
    ...shown.map(c =>
      tableRow([cell(c.parameter), cell(c.path), c.change, cell(c.before), cell(c.after), ...how(c)])
    )
  ]
  const left = all.length - shown.length
  if (left > 0)
    lines.push(
      '',
      `_${count(left, 'more change')} not shown (${shown.length} of ${grouped(all.length)}); the step output \`diff\` has them all._`
    )
  // Only a first create (no record, so no labels) folds its all-added table under one line.
  if (labels || !all.every(c => c.change === 'added')) return lines
  return [
    `<details><summary>${count(all.length, 'parameter')} added: no earlier run is recorded.</summary>`,
    '',
    ...lines,
    '',
    '</details>'
  ]
}

/** Live values that differ from the record, and what apply does about them. */
function drift({ drift: all = [], decision, mode }: Outcome): string[] {
  const shown = all.slice(0, LIMITS.diffRows)
  const setBack = decision?.action === 'update'
  const what = setBack
    ? `${mode === 'plan' ? 'Apply sets' : 'This run set'} the values the spec manages back to the spec.`
    : 'Reported only: on-change is not update, or the spec changed in a way that cannot be applied.'
  return [
    `The live mesh differs from its record (${count(all.length, 'parameter')}). ${what}`,
    '',
    tableRow(['Parameter', 'Spec path', 'Recorded', 'Live']),
    tableRow(['---', '---', '---', '---']),
    ...shown.map(d => tableRow([cell(d.parameter), cell(d.path), cell(d.recorded), cell(d.live)]))
  ]
}

/** Recorded parameters whose live value could not be compared: listed, folded, never counted as drift. */
function notCompared(all: NonNullable<Outcome['notCompared']>): string[] {
  const shown = all.slice(0, LIMITS.diffRows)
  return [
    `<details><summary>${count(all.length, 'recorded parameter')} not compared with the live mesh.</summary>`,
    '',
    ...shown.map(n => `- ${code(n.path)} (${text(n.parameter)}): ${text(n.why)}`),
    '',
    '</details>'
  ]
}

function diagnostics(all: readonly Diagnostic[]): string[] {
  const errors = errorCount(all)
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
