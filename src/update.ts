/**
 * Acting on an `update` decision (docs/contract.md §7.1): the plan's calls in order, each sent once,
 * the record compare-and-swapped to what is true after each, a wait for `running` after every call that
 * can leave it (the last one only with `wait`), then one read to confirm the values the detail shows.
 * The first failed call stops the run; the record then says what is left for the next run.
 *
 * An update whose outcome is unknown (timeout, reset, 5xx) is read back first and sent again only when
 * its values do not show (RETRY.updateSends); a 4xx is final, as for every call (cloud/client.ts).
 */
import type { Clock } from './clock.js'
import { CloudCallError } from './cloud/failure.js'
import type { MeshApi } from './cloud/types.js'
import { ActionError } from './errors.js'
import { notYetLive } from './live.js'
import type { Log } from './log.js'
import { RETRY, retrying } from './retry.js'
import type { Change } from './state/record.js'
import type { UpdatePlan, UpdateStep } from './update-plan.js'

export interface UpdateContext {
  mesh: MeshApi
  meshId: string
  /** The mesh's region, when tags are read back. */
  tagsIn?: string
  log: Log
  clock: Pick<Clock, 'sleep' | 'random'>
  wait: boolean
  waitTimeoutSeconds: number
  signal?: AbortSignal
  /** Records what is true once these changes are (compare-and-swap, state/store.ts). */
  record(changes: readonly Change[]): Promise<void>
  /** Told each call that answered. */
  onCall(sent: SentCall): void
}

export interface SentCall {
  api: string
  /** '' when the call's answer was lost and its values were read back instead. */
  requestId: string
}

export interface UpdateResult {
  /** The mesh's state when last read, undefined when the run did not wait for it. */
  state?: string
}

export async function runUpdate(plan: UpdatePlan, context: UpdateContext): Promise<UpdateResult> {
  const { steps } = plan
  let state: string | undefined
  // Removed parameters and values already live need no call: recorded with the first one, or alone.
  let withNext: readonly Change[] = plan.recordOnly
  for (const [index, step] of steps.entries()) {
    if (index > 0 && steps[index - 1].waits) state = await waitRunning(context, steps[index - 1].api)
    const requestId = await send(step, context)
    context.onCall({ api: step.api, requestId })
    await context.record([...withNext, ...step.changes])
    withNext = []
  }
  if (withNext.length > 0) await context.record(withNext)
  const last = steps.at(-1)
  if (!last) return { state }
  if (last.waits) {
    if (!context.wait) return {}
    state = await waitRunning(context, last.api)
  }
  return { state: await confirm(steps, context) }
}

async function waitRunning(context: UpdateContext, after: string): Promise<string> {
  const info = await context.log.group(`Waiting for mesh ${context.meshId} to run after ${after}`, () =>
    context.mesh.waitUntilRunning(context.meshId, {
      timeoutSeconds: context.waitTimeoutSeconds,
      signal: context.signal,
      onProgress: (shown, elapsed) => context.log.info(`${Math.round(elapsed)}s: ${shown.state}`)
    })
  )
  return info.state
}

/** One call; after an unknown outcome it is read back, and sent again only when its values do not show. */
async function send(step: UpdateStep, context: UpdateContext): Promise<string> {
  return retrying(
    async attempt => {
      if (attempt > 1 && (await landed(step, context))) {
        context.log.info(`${step.api}: the mesh shows its values; it went through, not sending it again.`)
        return ''
      }
      context.log.info(`${step.api}: ${step.changes.map(c => c.path).join(', ')}`)
      return context.mesh.change({ action: step.api, query: step.query, body: step.body })
    },
    {
      policy: RETRY.updateSends,
      clock: context.clock,
      retryable: error =>
        error instanceof CloudCallError && error.failure.outcomeUnknown
          ? {
              reason: `${error.message}. The change may have been made: reading mesh ${context.meshId} back first`
            }
          : undefined,
      log: line => context.log.warning(line)
    }
  )
}

async function landed(step: UpdateStep, context: UpdateContext): Promise<boolean> {
  if (step.waits) await waitRunning(context, step.api)
  const read = await context.mesh.readLive(context.meshId, context.tagsIn)
  if (!read) return false
  const { pending, compared } = notYetLive(step.changes, read.live)
  return compared > 0 && pending.length === 0
}

/** One read of the mesh after the last call: every change the detail shows must show. Its state. */
async function confirm(steps: readonly UpdateStep[], context: UpdateContext): Promise<string> {
  const read = await context.mesh.readLive(context.meshId, context.tagsIn)
  if (!read)
    throw new ActionError(
      `Mesh ${context.meshId} no longer exists after its update.`,
      'Someone or something deleted it; check the ASM console.'
    )
  const { pending } = notYetLive(
    steps.flatMap(s => s.changes),
    read.live
  )
  if (pending.length === 0) return read.info.state
  throw new ActionError(
    `Mesh ${context.meshId} was updated, but the detail does not show ${pending
      .map(c => `${c.path} (${c.parameter}) = ${c.after ?? '(removed)'}`)
      .join(', ')}.`,
    'The API accepted the change and the record says so; the next plan shows it as drift. ' +
      'Check the mesh in the ASM console, then run apply again to set it.'
  )
}
