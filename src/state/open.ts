/** Picks the state backend the inputs ask for and names the record for a state key. */
import { chunks } from '../chunks.js'
import type { Log } from '../log.js'
import type { Settings } from '../settings.js'
import type { MeshRequest } from '../meshspec/request.js'
import { defaultStateKey, statePath } from './key.js'
import type { StateStore } from './store.js'

/** Default identity of a mesh across runs: `<region>/<name>`, refused when it could not be a safe path. */
export const stateKeyFor = (request: Pick<MeshRequest, 'name' | 'region'>): string =>
  defaultStateKey(request.region, request.name)

/** Where `state: file` keeps records when no state-file is given. */
const FILE_FOLDER = '.asm-state'

export async function openStateStore(settings: Settings, stateKey: string, log: Log): Promise<StateStore> {
  if (settings.state === 'file') {
    const { createFileStore } = await chunks.fileStore()
    return createFileStore({
      workspace: settings.run.workspace,
      path: settings.stateFile ?? statePath(FILE_FOLDER, stateKey)
    })
  }
  const { createGitHubStore } = await chunks.githubStore()
  return createGitHubStore({
    token: settings.githubToken,
    apiUrl: settings.run.apiUrl,
    repository: settings.run.repository,
    branch: settings.stateBranch,
    path: statePath('', stateKey),
    log
  })
}
