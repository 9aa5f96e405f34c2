/** Picks the state backend the inputs ask for and names the record for a state key. */
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
  // Each backend is its own chunk of the bundle, loaded only by the runs that use it.
  if (settings.state === 'file') {
    const { createFileStore } = await import('./file-store.js')
    return createFileStore({
      workspace: settings.run.workspace,
      path: settings.stateFile ?? statePath(FILE_FOLDER, stateKey)
    })
  }
  const { createGitHubStore } = await import('./github-store.js')
  return createGitHubStore({
    token: settings.githubToken,
    apiUrl: settings.run.apiUrl,
    repository: settings.run.repository,
    branch: settings.stateBranch,
    path: statePath('', stateKey),
    log
  })
}
