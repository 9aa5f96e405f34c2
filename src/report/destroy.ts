/** What a destroy did, in the words of the job summary and the PR comment: pure functions of its Outcome. */
import type { Outcome } from '../outcome.js'
import { code, text } from './markdown.js'

/** The verdict line of a destroy (docs/contract.md §7.3). */
export function destroyVerdict(outcome: Outcome): string {
  const { decision, deletion, mesh } = outcome
  const id = code(mesh?.id ?? 'unknown')
  if (decision?.action === 'none') return 'Nothing to delete.'
  if (decision?.action === 'fail') return 'Destroy refused; nothing was deleted.'
  if (!deletion) return `The deletion of mesh ${id} did not finish; the next destroy finishes it.`
  return deletion.waited
    ? `Deleted mesh ${id}: gone at ${text(deletion.at)}.`
    : `Deleting mesh ${id}: DeleteServiceMesh was accepted at ${text(deletion.at)} (wait: false, so not waited until gone).`
}
