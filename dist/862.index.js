export const id = 862;
export const ids = [862];
export const modules = {

/***/ 9248:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LX: () => (/* binding */ createGitHubClient),
/* harmony export */   SU: () => (/* binding */ parseRepository),
/* harmony export */   eQ: () => (/* binding */ githubFailure)
/* harmony export */ });
/* harmony import */ var _chunks_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6461);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9373);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9809);



/** How many attempts each failed request had, by its final error. */
const attemptsMade = new WeakMap();
async function createGitHubClient(options) {
    const { log } = options;
    const apiUrl = options.apiUrl.replace(/\/+$/, '');
    const timeoutMs = options.requestTimeoutMs ?? _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .TIMEOUTS */ .fT.githubMs;
    const clock = { sleep: options.sleep ?? _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m.sleep, random: options.random ?? _clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m.random };
    const { getOctokit } = await _chunks_js__WEBPACK_IMPORTED_MODULE_0__/* .chunks */ .V.octokit();
    const octokit = getOctokit(options.token, {
        baseUrl: apiUrl,
        ...(options.fetch && { request: { fetch: options.fetch } }),
        log: {
            debug: (m) => log.debug(m),
            info: (m) => log.debug(m),
            warn: (m) => log.warning(m),
            error: (m) => log.warning(m)
        }
    });
    // Every request, paginated and GraphQL ones included, passes through here. The hook chain hands every
    // hook the same options object (the auth hook below this one ignores what is passed on), so the time
    // limit of each attempt is set on it.
    octokit.hook.wrap('request', (request, endpoint) => (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .retrying */ .R$)(async (attempt) => {
        endpoint.request = { ...endpoint.request, signal: AbortSignal.timeout(timeoutMs) };
        try {
            return await request(endpoint);
        }
        catch (error) {
            if (typeof error === 'object' && error !== null)
                attemptsMade.set(error, attempt);
            throw error;
        }
    }, {
        policy: _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .RETRY */ .p6.github,
        clock,
        retryable: error => retryableFailure(error, endpoint.method, `GitHub ${endpoint.method} ${endpoint.url}`, {
            apiUrl,
            requestTimeoutMs: timeoutMs
        }),
        log: line => log.debug(line)
    }));
    return octokit;
}
/**
 * Reads, PUT (the state write is a compare-and-swap: a repeat of one that went through conflicts) and
 * PATCH may be repeated after any retryable failure. A POST (a new comment, the state branch) only when
 * it certainly never left the runner: one that GitHub may have carried out is not sent twice.
 */
function retryableFailure(error, method, what, where) {
    const failed = githubFailure(error, where);
    if (!failed?.retryable || (method === 'POST' && !failed.notSent))
        return undefined;
    return { reason: `${what}: ${failed.description}` };
}
// By name: fetch's DOMException may come from another realm, where instanceof Error is false.
const isTimeout = (error) => {
    const name = error?.name;
    return name === 'TimeoutError' || name === 'AbortError';
};
/**
 * What went wrong with a request, from Octokit's RequestError; undefined for anything else. Octokit
 * reports a request that got no answer (refused connection, unresolvable name, time limit) as status 500
 * without a response: that is told apart here, so it is never reported as an answer GitHub gave.
 */
function githubFailure(error, { apiUrl, requestTimeoutMs = _retry_js__WEBPACK_IMPORTED_MODULE_2__/* .TIMEOUTS */ .fT.githubMs }) {
    const raw = error;
    if (typeof raw?.status !== 'number')
        return undefined;
    const attempts = attemptsMade.get(raw) ?? 1;
    if (raw.response) {
        const data = raw.response.data;
        const message = typeof data?.message === 'string' ? data.message : error.message;
        const description = `GitHub answered ${raw.status}: ${message}`;
        return {
            status: raw.status,
            message,
            description,
            retryable: raw.status >= 500,
            notSent: false,
            attempts
        };
    }
    if (isTimeout(raw) || isTimeout(raw.cause)) {
        const message = `no answer within ${requestTimeoutMs / 1000} s`;
        return { message, description: `GitHub gave ${message}`, retryable: true, notSent: false, attempts };
    }
    const code = raw.cause?.cause?.code;
    const connection = (0,_retry_js__WEBPACK_IMPORTED_MODULE_2__/* .connectionFailure */ .Dx)(typeof code === 'string' ? code : undefined);
    const message = connection?.message ?? error.message.split('\n')[0];
    const description = `GitHub could not be reached at ${apiUrl.replace(/\/+$/, '')}: ${message}`;
    const notSent = connection !== undefined && !connection.outcomeUnknown;
    // Anything else without an answer (a socket closed early) is worth another attempt, like a 5xx.
    return { message, description, retryable: connection?.retryable ?? true, notSent, attempts };
}
/** `owner/repo` → its two parts; undefined for anything else. */
function parseRepository(repository) {
    const [owner, repo, ...extra] = repository.split('/');
    return owner && repo && extra.length === 0 ? { owner, repo } : undefined;
}


/***/ }),

/***/ 9862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubStore: () => (/* binding */ createGitHubStore)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9248);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2120);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6992);
/**
 * `state: github`: one JSON file per state key on a branch of the repository, through the REST API.
 *
 * Revision = the file's git blob sha; a write is a contents PUT with that sha, which GitHub refuses when
 * the file changed (409 stale sha, 422 sha missing), so a lost race surfaces as StateConflictError and the
 * caller re-reads. The branch's commit log is the audit trail.
 *
 * The branch is created on first use as a ref at the head of the default branch: one call, no git-data
 * plumbing, and it works on every repository that has a commit. (An orphan branch would keep the code out
 * of the state branch, but needs tree and commit objects created by hand; not worth it for a ref nobody
 * checks out.)
 */




function createGitHubStore(options) {
    const parsed = (0,_github_js__WEBPACK_IMPORTED_MODULE_1__/* .parseRepository */ .SU)(options.repository);
    if (!options.repository) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l('state: github (the default) keeps the state record on a branch of the repository, and GITHUB_REPOSITORY is not set.', 'Outside GitHub Actions, set state: file to keep the record in the workspace (or set GITHUB_REPOSITORY to owner/repo).');
    }
    if (!parsed) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The repository "${options.repository}" is not in the form owner/repo.`, 'GITHUB_REPOSITORY is set by the runner; when running elsewhere set it to owner/repo.');
    }
    return new GitHubStore(options, parsed);
}
class GitHubStore {
    options;
    description;
    owner;
    repo;
    branch;
    path;
    source;
    client;
    constructor(options, { owner, repo }) {
        this.options = options;
        this.owner = owner;
        this.repo = repo;
        this.branch = options.branch;
        this.path = options.path;
        this.description = `branch ${options.branch}, file ${options.path}`;
        this.source = {
            description: this.description,
            reset: `Repair ${options.path} on the branch ${options.branch} (its commit history holds every earlier version), or delete ` +
                'the file to start over (the next apply then adopts the mesh by name and region, or creates one).'
        };
    }
    /** One REST call through the shared client, which retries and times out every request. */
    async call(fn) {
        return fn(await (this.client ??= (0,_github_js__WEBPACK_IMPORTED_MODULE_1__/* .createGitHubClient */ .LX)(this.options)));
    }
    failure(error) {
        return (0,_github_js__WEBPACK_IMPORTED_MODULE_1__/* .githubFailure */ .eQ)(error, this.options);
    }
    /** A request failure → an error the user can act on. */
    explain(error, action, what) {
        const failed = this.failure(error);
        if (!failed)
            return error;
        const problem = `Cannot ${what} (${this.description}). ${failed.description}`;
        if (failed.status === undefined)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`${problem}${failed.attempts > 1 ? `, on each of ${failed.attempts} attempts` : ''}.`, `Check that the runner can reach ${this.options.apiUrl}, then re-run the job.`);
        if (failed.status === 429 || /rate limit/i.test(failed.message))
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(problem, 'Wait for the rate limit to reset, then re-run.');
        if (failed.status === 401 || failed.status === 403) {
            const advice = action === 'read'
                ? 'Give the job `permissions: contents: read` (plan) or `contents: write` (apply), and check github-token.'
                : 'Give the job `permissions: contents: write`, and check github-token and any rules protecting ' +
                    `the branch ${this.branch}. Pull requests from forks get a read-only token: run apply on push or ` +
                    'workflow_dispatch, or use mode: plan there.';
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(problem, advice);
        }
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(problem, failed.status >= 500 ? 'GitHub had a problem; re-run the job.' : undefined);
    }
    async siblings() {
        const { owner, repo, branch } = this;
        const slash = this.path.lastIndexOf('/');
        const folder = slash < 0 ? '' : this.path.slice(0, slash);
        let data;
        try {
            data = (await this.call(gh => gh.rest.repos.getContent({ owner, repo, path: folder, ref: branch })))
                .data;
        }
        catch (error) {
            if (this.failure(error)?.status === 404)
                return [];
            throw this.explain(error, 'read', 'list the state records');
        }
        const files = (Array.isArray(data) ? data : [])
            .filter(entry => entry.type === 'file' && entry.name.endsWith('.json') && entry.path !== this.path)
            .slice(0, _store_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_SIBLINGS */ .N);
        const documents = [];
        for (const entry of files) {
            const read = await this.readAt(entry.path).catch(() => ({}));
            if (read.document)
                documents.push(read.document);
        }
        return documents;
    }
    read() {
        return this.readAt(this.path);
    }
    async readAt(path) {
        const { owner, repo, branch, description, source } = this;
        let data;
        try {
            data = (await this.call(gh => gh.rest.repos.getContent({ owner, repo, path, ref: branch }))).data;
        }
        catch (error) {
            if (this.failure(error)?.status === 404) {
                if (path === this.path)
                    await this.confirmRepositoryVisible();
                return {};
            }
            throw this.explain(error, 'read', 'read the state record');
        }
        if (Array.isArray(data) || data.type !== 'file') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The state record in ${description} is not a file.`, 'Choose another state-key, or move what is at that path on the branch.');
        }
        if (data.encoding !== 'base64' || typeof data.content !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The state record in ${description} is too large to read through the contents API (${data.size} bytes).`, source.reset);
        }
        const text = Buffer.from(data.content, 'base64').toString('utf8');
        return { document: (0,_document_js__WEBPACK_IMPORTED_MODULE_2__/* .parseStateDocument */ .eM)(text, source), revision: data.sha };
    }
    /**
     * A 404 for the file means "no state yet" only if the repository itself is visible: a token without
     * access also sees 404, and that must not pass for "no previous run".
     */
    async confirmRepositoryVisible() {
        const { owner, repo } = this;
        try {
            await this.call(gh => gh.rest.repos.get({ owner, repo }));
        }
        catch (error) {
            throw this.explain(error, 'read', `see the repository ${owner}/${repo}`);
        }
    }
    async ensureBranch() {
        const { owner, repo, branch } = this;
        try {
            await this.call(gh => gh.rest.git.getRef({ owner, repo, ref: `heads/${branch}` }));
            return;
        }
        catch (error) {
            if (this.failure(error)?.status !== 404)
                throw this.explain(error, 'write', `check the branch ${branch}`);
        }
        try {
            const { default_branch } = (await this.call(gh => gh.rest.repos.get({ owner, repo }))).data;
            const base = await this.call(gh => gh.rest.git.getRef({ owner, repo, ref: `heads/${default_branch}` }));
            await this.call(gh => gh.rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha: base.data.object.sha }));
            this.options.log.info(`Created the state branch ${branch} from ${default_branch}.`);
        }
        catch (error) {
            const failed = this.failure(error);
            // Another run created it first: fine, the contents PUT decides who wins.
            if (failed?.status === 422 && /already exists/i.test(failed.message))
                return;
            if (failed?.status === 404 || failed?.status === 409) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Cannot create the state branch ${branch}: the repository has no commit on its default branch yet.`, 'Push a first commit, or create the branch by hand.');
            }
            throw this.explain(error, 'write', `create the branch ${branch}`);
        }
    }
    async write(document, expected, message) {
        const { owner, repo, path, branch, description } = this;
        const text = (0,_document_js__WEBPACK_IMPORTED_MODULE_2__/* .serialiseStateDocument */ .a)(document);
        const content = Buffer.from(text, 'utf8').toString('base64');
        if (expected === undefined)
            await this.ensureBranch();
        try {
            const { data } = await this.call(gh => gh.rest.repos.createOrUpdateFileContents({
                owner,
                repo,
                path,
                branch,
                message,
                content,
                sha: expected
            }));
            const revision = data.content?.sha;
            if (!revision)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`GitHub did not return the new blob sha of ${description}.`);
            return { revision, location: data.commit.html_url ?? description };
        }
        catch (error) {
            const failed = this.failure(error);
            // 409 "<path> does not match <sha>", 422 `"sha" wasn't supplied` or "is at <sha> but expected <sha>"
            // (the branch moved under the write), 404 the branch was deleted since it was read.
            if (failed?.status === 409 ||
                failed?.status === 404 ||
                (failed?.status === 422 && /\bsha\b|but expected/i.test(failed.message))) {
                // The client (github.ts) repeats a PUT after a 5xx or no answer in time; when GitHub had applied the
                // first attempt, the repeat conflicts with it and the file holds exactly these bytes, which carry
                // this run's time and lock id.
                const own = await this.alreadyWritten(text);
                if (own)
                    return own;
                throw new _store_js__WEBPACK_IMPORTED_MODULE_3__/* .StateConflictError */ .K(`the state record in ${description} changed since it was read (${failed.message})`);
            }
            throw this.explain(error, 'write', 'write the state record');
        }
    }
    /** The write's result when the file on the branch holds exactly `text` now; undefined otherwise. */
    async alreadyWritten(text) {
        const { owner, repo, path, branch, description } = this;
        try {
            const { data } = await this.call(gh => gh.rest.repos.getContent({ owner, repo, path, ref: branch }));
            if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string')
                return undefined;
            if (Buffer.from(data.content, 'base64').toString('utf8') !== text)
                return undefined;
            this.options.log.debug(`GitHub had applied the write of ${description} before answering with an error.`);
            return { revision: data.sha, location: data.html_url ?? description };
        }
        catch {
            return undefined;
        }
    }
}


/***/ })

};
