import * as core from '@actions/core'
import { ActionError } from './errors.js'

export interface Cancellation {
  signal: AbortSignal
  dispose(): void
}

/**
 * The runner cancels a step with SIGINT, then SIGTERM. Instead of dying mid-create, the run stops at
 * the next safe point: never before a created mesh is recorded and output.
 */
export function watchForCancellation(): Cancellation {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals) => {
    core.info(`Received ${name}: stopping at the next safe point.`)
    controller.abort(new ActionError(`Cancelled (${name}).`))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal)
      process.off('SIGTERM', onSignal)
    }
  }
}
