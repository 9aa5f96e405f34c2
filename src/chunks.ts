/**
 * Every lazily loaded part of the action, in one place. ncc splits dist/ at each `import()` below into a
 * chunk of its own; the start chunk (inputs, the run, decisions, reports) loads on every run and each of
 * these only on the runs that need it, so start-up stays close to Node's own and a run that fails on its
 * inputs loads almost nothing. Nothing else in src/ imports these modules statically.
 */
export const chunks = {
  /** The spec engine with the yaml parser: a run that fails on its inputs never needs it. */
  specEngine: () => import('./meshspec/index.js'),
  /** The STS exchange and the mesh API client: a plan without credentials never calls the cloud. */
  cloud: () => import('./cloud/connect.js'),
  /** @alicloud/openapi-client and its tea runtime, the largest dependency: loaded at the first cloud call. */
  openApiClient: () => import('@alicloud/openapi-client'),
  /** Octokit (@actions/github): only the github state backend and the plan comment talk to GitHub. */
  octokit: () => import('@actions/github'),
  /** Each state backend: a run uses one of them. */
  fileStore: () => import('./state/file-store.js'),
  githubStore: () => import('./state/github-store.js'),
  /** The sticky plan comment: only plans in a pull request post it. */
  comment: () => import('./report/comment.js')
}
