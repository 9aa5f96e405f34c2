/**
 * What a run shows on the runner, all of it from its Outcome: the step outputs (written as soon as they
 * are known, again when they change), the spec annotations, the on-change warning, the failed step, the
 * sticky plan comment and the job summary.
 */
import { readFile } from 'node:fs/promises'
import { chunks } from './chunks.js'
import type { Log } from './log.js'
import type { Outcome } from './outcome.js'
import { outputsOf, type OutputName } from './outputs.js'
import { annotate, formatDiagnostic, type AnnotationProperties } from './report/annotations.js'
import { shorten } from './report/markdown.js'
import { renderPlanComment, renderSummary } from './report/summary.js'
import type { Settings } from './settings.js'
import type { Change } from './state/record.js'

/** The step's side of the runner: @actions/core in production (main.ts), a recorder in tests. */
export interface Runner extends Log {
  warning(message: string, properties?: AnnotationProperties): void
  error(message: string, properties?: AnnotationProperties): void
  startGroup(name: string): void
  endGroup(): void
  setOutput(name: OutputName, value: string): void
  setFailed(message: string): void
  setSecret(value: string): void
  getIDToken(audience: string): Promise<string>
  /** Appends to the job summary; does nothing where there is none (GITHUB_STEP_SUMMARY unset). */
  writeSummary(markdown: string): Promise<void>
}

export class Publisher {
  private readonly written = new Map<OutputName, string>()
  private annotated = false

  constructor(private readonly runner: Runner) {}

  /** Outputs and annotations as far as the run got; called at each checkpoint of the run and at its end. */
  checkpoint(outcome: Outcome): void {
    for (const [name, value] of Object.entries(outputsOf(outcome)) as [OutputName, string][]) {
      if (this.written.get(name) === value) continue
      this.runner.setOutput(name, value)
      this.written.set(name, value)
    }
    if (!this.annotated && outcome.diagnostics.length > 0) {
      this.annotated = true
      this.annotateSpec(outcome)
    }
  }

  /** Everything else, once the run has ended. `settings` is absent when the inputs could not be read. */
  async finish(outcome: Outcome, settings?: Settings): Promise<void> {
    this.checkpoint(outcome)
    const warning = changeWarning(outcome)
    if (warning) this.runner.warning(warning)
    const drifted = driftWarning(outcome)
    if (drifted) this.runner.warning(drifted)
    const { failure } = outcome
    if (failure) {
      this.runner.setFailed(failure.advice ? `${failure.message}\n${failure.advice}` : failure.message)
      // A bug's message says so; the stack is for the debug log only.
      if (failure.stack) this.runner.debug(failure.stack)
    }
    if (settings) await commentOnPullRequest(outcome, settings, this.runner)
    await this.runner
      .writeSummary(renderSummary(outcome))
      .catch((error: unknown) =>
        this.runner.warning(`Could not write the job summary: ${(error as Error).message}`)
      )
  }

  private annotateSpec({ specFile, diagnostics }: Outcome): void {
    annotate(diagnostics, this.runner)
    const errors = diagnostics.filter(d => d.severity === 'error').length
    // The runner shows 10 annotations per kind; the full list stays in the log, folded.
    this.runner.startGroup(`${specFile}: ${errors} error(s), ${diagnostics.length - errors} warning(s)`)
    diagnostics.forEach(d => this.runner.info(formatDiagnostic(d)))
    this.runner.endGroup()
  }
}

/** Changes listed in the warning annotation; the rest are counted. */
const WARNED_CHANGES = 10

/**
 * With on-change: warn and a changed spec, one warning that names each changed parameter with its old and
 * new value, so the Checks tab tells the story without the summary.
 */
export function changeWarning({ decision, changes = [] }: Outcome): string | undefined {
  if (decision?.action !== 'warn') return undefined
  const listed = changes.slice(0, WARNED_CHANGES).map(describeChange)
  const more = changes.length - listed.length
  if (more > 0) listed.push(`and ${more} more`)
  return `${decision.reason}. Changes: ${listed.join('; ')}. The diff is in the job summary and the diff output.`
}

/** One warning naming the drifted parameters (docs/contract.md §7.2); the values are in the summary. */
export function driftWarning({ drift = [], decision, mesh, mode }: Outcome): string | undefined {
  if (drift.length === 0) return undefined
  const listed = drift.slice(0, WARNED_CHANGES).map(d => `${d.parameter} (${d.path})`)
  if (drift.length > listed.length) listed.push(`and ${drift.length - listed.length} more`)
  const what =
    decision?.action === 'update'
      ? mode === 'plan'
        ? 'apply sets them back to the spec'
        : 'this run set them back to the spec'
      : 'nothing was changed'
  return `The live mesh ${mesh?.id ?? ''} differs from its record: ${listed.join('; ')}; ${what}. The values are in the job summary and the drift output.`
}

/** `TraceSampling (tracing.sampling): 100 → 50`; `(not set)` for the side an added or removed one lacks. */
function describeChange(change: Change): string {
  const value = (v: string | undefined) => (v === undefined ? '(not set)' : shorten(v, 80))
  return `${change.parameter} (${change.path}): ${value(change.before)} → ${value(change.after)}`
}

async function commentOnPullRequest(outcome: Outcome, settings: Settings, log: Log): Promise<void> {
  const { run } = settings
  // A plan shows what apply would do; a destroy (on a closed pull request) says what was deleted and
  // when, and one with nothing to delete leaves that comment as it is.
  const { decision } = outcome
  if (settings.mode === 'apply' || !decision || decision.action === 'none' || !settings.comment) return
  if (!/^pull_request/.test(run.eventName)) return
  // pull_request_target runs with the base repository's secrets for a spec that may come from the pull
  // request: nothing derived from them, not even a fingerprint, goes into a comment anyone can read.
  if (run.eventName === 'pull_request_target' && outcome.usesEnvironment) {
    log.notice(
      'Plan comment skipped: on pull_request_target the comment is posted only when no spec value comes ' +
        'from the environment. The plan is in the job summary.'
    )
    return
  }
  const issueNumber = await pullRequestNumber(run.eventPath)
  if (!issueNumber) return
  const { upsertPlanComment } = await chunks.comment()
  await upsertPlanComment({
    token: settings.githubToken,
    apiUrl: run.apiUrl,
    repository: run.repository,
    issueNumber,
    stateKey: outcome.stateKey ?? '',
    body: renderPlanComment(outcome),
    log
  })
}

async function pullRequestNumber(eventPath: string): Promise<number | undefined> {
  if (!eventPath) return undefined
  try {
    const payload = JSON.parse(await readFile(eventPath, 'utf8')) as { pull_request?: { number?: unknown } }
    return typeof payload.pull_request?.number === 'number' ? payload.pull_request.number : undefined
  } catch {
    return undefined
  }
}
