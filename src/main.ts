/**
 * One step of the action: read the inputs, run, publish. Every decision is in decide.ts; the run's stages
 * are in run.ts; what is shown comes from the run's Outcome (publish.ts). This file only wires the real
 * runner, state store and cloud to them.
 */
import * as core from '@actions/core'
import { appendFile } from 'node:fs/promises'
import { EOL } from 'node:os'
import { watchForCancellation } from './cancellation.js'
import { chunks } from './chunks.js'
import { systemClock } from './clock.js'
import { actionsLog } from './log.js'
import { failureOf, startOutcome, type Outcome } from './outcome.js'
import { Publisher, type Runner } from './publish.js'
import { runMesh, type MeshDeps } from './run.js'
import { readSettings, SettingsError, type Settings } from './settings.js'
import { openStateStore } from './state/open.js'
import { TIME_SCALE, TIME_SCALE_VARIABLE } from './time-scale.js'

export async function run(env: NodeJS.ProcessEnv = process.env, runner: Runner = actionsRunner(env)) {
  const cancellation = watchForCancellation(runner)
  const publisher = new Publisher(runner)
  let settings: Settings | undefined
  let outcome: Outcome
  try {
    settings = readSettings(env)
    if (TIME_SCALE !== 1)
      runner.warning(
        `${TIME_SCALE_VARIABLE}=${TIME_SCALE}: every timeout and wait of this run is shortened. ` +
          'It is a setting for the action’s own tests; unset it in workflows.'
      )
    outcome = await runMesh(settings, deps(settings, runner, cancellation.signal, publisher))
  } catch (error) {
    // Only reading the inputs can throw here: runMesh puts every failure into its Outcome.
    const mode = error instanceof SettingsError ? error.mode : 'apply'
    outcome = { ...startOutcome(mode), failure: failureOf(error, 'inputs') }
  } finally {
    cancellation.dispose()
  }
  await publisher.finish(outcome, settings)
}

/** The real state store and cloud, on the real clock, logging to the runner. */
function deps(settings: Settings, runner: Runner, signal: AbortSignal, publisher: Publisher): MeshDeps {
  return {
    openStore: stateKey => openStateStore(settings, stateKey, runner),
    connect: async plan => {
      const { connectCloud } = await chunks.cloud()
      return connectCloud(plan, {
        endpoint: settings.endpoint,
        getIDToken: audience => runner.getIDToken(audience),
        setSecret: value => runner.setSecret(value),
        log: runner
      })
    },
    clock: systemClock,
    log: runner,
    mask: value => runner.setSecret(value),
    signal,
    onCheckpoint: outcome => publisher.checkpoint(outcome)
  }
}

/**
 * @actions/core as a Runner. Outputs and masks go through core, which writes the runner's files named in
 * process.env; the job summary goes to GITHUB_STEP_SUMMARY of `env`, as core.summary would append it.
 */
export function actionsRunner(env: NodeJS.ProcessEnv): Runner {
  // Plain lines through printable() (log.ts), so no quoted text can print a workflow command.
  const log = actionsLog(core)
  return {
    ...log,
    warning: (message, properties) => core.warning(message, properties),
    error: (message, properties) => core.error(message, properties),
    startGroup: name => core.startGroup(name),
    endGroup: () => core.endGroup(),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: message => core.setFailed(message),
    setSecret: value => core.setSecret(value),
    getIDToken: audience => core.getIDToken(audience),
    writeSummary: async markdown => {
      if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, `${markdown}${EOL}`)
    }
  }
}
