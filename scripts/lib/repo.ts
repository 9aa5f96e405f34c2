/** Where the repository's parts are, for scripts compiled into build/scripts (run from anywhere). */
import path from 'node:path'
import { REPO_ROOT } from '../../__tests__/support/repo-root.js'

export { REPO_ROOT }
export const BUILD_DIR = path.join(REPO_ROOT, 'build')
export const DIST_DIR = path.join(REPO_ROOT, 'dist')
export const DIST_ENTRY = path.join(DIST_DIR, 'index.js')
