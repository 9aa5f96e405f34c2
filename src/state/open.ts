/** Picks the state backend the inputs ask for and names the record for a state key. */
import { chunks } from '../chunks.js'
import type { Log } from '../log.js'
import type { Settings } from '../settings.js'
import type { MeshRequest } from '../meshspec/request.js'
import type { StateStore } from './store.js'

/** Default identity of a mesh across runs: `<region>/<name>`. */
export const stateKeyFor = (request: Pick<MeshRequest, 'name' | 'region'>): string =>
  `${request.region}/${request.name}`

export async function openStateStore(settings: Settings, stateKey: string, log: Log): Promise<StateStore> {
  if (settings.state === 'file') {
    const { createFileStore } = await chunks.fileStore()
    return createFileStore({
      workspace: settings.run.workspace,
      path: settings.stateFile ?? `.asm-state/${stateKey}.json`
    })
  }
  const { createGitHubStore } = await chunks.githubStore()
  return createGitHubStore({
    token: settings.githubToken,
    apiUrl: settings.run.apiUrl,
    repository: settings.run.repository,
    branch: settings.stateBranch,
    path: `${stateKey}.json`,
    log
  })
}
