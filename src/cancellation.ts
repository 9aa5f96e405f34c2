/**
 * The runner cancels a step with SIGINT, then SIGTERM. Instead of dying mid-create, the run stops at
 * the next safe point: never before a created mesh is recorded and output. Every message a cancelled
 * run ends with is here, one per point where it can stop.
 */
import { ActionError } from './errors.js'
import type { Log } from './log.js'

export interface Cancellation {
  signal: AbortSignal
  dispose(): void
}

export function watchForCancellation(log: Pick<Log, 'info'>): Cancellation {
  const controller = new AbortController()
  const onSignal = (name: NodeJS.Signals) => {
    log.info(`Received ${name}: stopping at the next safe point.`)
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

export const cancelledBeforeCreate = (): ActionError =>
  new ActionError('Cancelled before CreateServiceMesh was sent; nothing was created.')

export const cancelledWhileAnotherRunCreates = (runId: string, stateKey: string): ActionError =>
  new ActionError(
    `Cancelled while run ${runId} was creating the mesh for ${stateKey}; nothing was created by this run.`
  )

/** A mesh is only ever waited for once it is recorded and output. */
export const cancelledWhileWaiting = (meshId: string): ActionError =>
  new ActionError(
    `Cancelled while waiting for mesh ${meshId}; it is recorded in the state and output as service-mesh-id.`,
    'Creation continues in the cloud. The next run finds it in the state and does not create another.'
  )

/** The look for the mesh of a create of unknown outcome was cut short: the state marks the create unknown. */
export const cancelledWhileLooking = (where: string): ActionError =>
  new ActionError(`Cancelled while looking for a mesh with ${where}; it may exist.`)
