export const id = 862;
export const ids = [862];
export const modules = {

/***/ 3986:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ realSleep)
/* harmony export */ });
/** setTimeout as a promise; rejects with the signal's reason as soon as it aborts. */
const realSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) {
        reject(signal.reason);
        return;
    }
    const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
    };
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
});


/***/ }),

/***/ 7276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Po: () => (/* binding */ describeGitHubFailure),
/* harmony export */   o7: () => (/* binding */ gitHubFailure),
/* harmony export */   rA: () => (/* binding */ GITHUB_TIMEOUT_MS),
/* harmony export */   zc: () => (/* binding */ timeLimit)
/* harmony export */ });
/* harmony import */ var _time_scale_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3633);
/**
 * What every GitHub REST call of the action shares (the state store and the plan comment): a time limit
 * per request, and what a failed request means. Without the limit a hung connection would hold the run
 * for undici's 300 s per attempt, times every retry.
 */

/** Per request: generous for the small JSON answers the action reads and writes (never below 2 s in tests). */
const GITHUB_TIMEOUT_MS = Math.max(2000, (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_0__/* .scaled */ .vK)(20_000));
/** The Octokit `request` option that ends one request after `ms`. */
const timeLimit = (ms = GITHUB_TIMEOUT_MS) => ({
    signal: AbortSignal.timeout(ms)
});
// By name: fetch's DOMException may come from another realm, where instanceof Error is false.
const isTimeout = (error) => {
    const name = error?.name;
    return name === 'TimeoutError' || name === 'AbortError';
};
/**
 * An Octokit RequestError (or fetch failure) → what it says; undefined for anything else. `timeoutMs`:
 * the limit the request had, named when it ran out.
 */
function gitHubFailure(error, timeoutMs = GITHUB_TIMEOUT_MS) {
    const raw = error;
    if (typeof raw?.status !== 'number')
        return undefined;
    if (raw.response !== undefined) {
        const message = raw.response.data?.message;
        return {
            status: raw.status,
            answered: true,
            message: typeof message === 'string' ? message : raw.message
        };
    }
    const timedOut = isTimeout(raw) || isTimeout(raw.cause);
    return {
        status: raw.status,
        answered: false,
        message: timedOut ? `no answer within ${timeoutMs / 1000} s` : `no answer (${raw.message.split('\n')[0]})`
    };
}
/** `GitHub answered 409: …` or `GitHub gave no answer within 20 s`, for messages. */
const describeGitHubFailure = (failure) => failure.answered
    ? `GitHub answered ${failure.status}: ${failure.message}`
    : `GitHub gave ${failure.message}`;


/***/ }),

/***/ 2120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ serialiseStateDocument),
/* harmony export */   aJ: () => (/* binding */ emptyStateDocument),
/* harmony export */   eM: () => (/* binding */ parseStateDocument),
/* harmony export */   ln: () => (/* binding */ withCurrentRecord)
/* harmony export */ });
/* unused harmony exports HISTORY_LIMIT, MAX_DOCUMENT_BYTES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * A StateDocument as text: strict parsing of what a store read, stable serialisation of what it writes,
 * and the one way a new record enters a document (history newest first, bounded).
 *
 * One shape table (below) both validates a read document and fixes the key order of a written one, so a
 * document always serialises the same way and hand edits that break it are caught, never ignored.
 */

/** Older records kept per state key; beyond this the oldest are dropped. */
const HISTORY_LIMIT = 50;
/**
 * Upper bound of a serialised document. The GitHub contents API only returns files up to 1 MB inline,
 * and a state file has no reason to grow: the oldest history goes first.
 */
const MAX_DOCUMENT_BYTES = 512 * 1024;
/** A short description of a found value (hand-edited files can hold anything, of any size). */
function found(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'object')
        return 'an object';
    const text = JSON.stringify(value);
    return `${typeof value} ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}
function string(options = {}) {
    return (value, at, problems) => {
        if (typeof value !== 'string')
            problems.push(`${at}: expected a string, found ${found(value)}`);
        else if (options.nonEmpty && value === '')
            problems.push(`${at}: must not be empty`);
        return value;
    };
}
const timestamp = (value, at, problems) => {
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
        problems.push(`${at}: expected an ISO 8601 time, found ${found(value)}`);
    }
    return value;
};
function oneOf(...allowed) {
    return (value, at, problems) => {
        if (!allowed.includes(value)) {
            problems.push(`${at}: expected ${allowed.map(a => JSON.stringify(a)).join(' or ')}, found ${found(value)}`);
        }
        return value;
    };
}
function arrayOf(item, unique) {
    return (value, at, problems) => {
        if (!Array.isArray(value)) {
            problems.push(`${at}: expected an array, found ${found(value)}`);
            return value;
        }
        const seen = new Set();
        return value.map((element, i) => {
            const key = unique?.(element);
            if (key !== undefined && seen.has(key))
                problems.push(`${at}[${i}]: duplicate ${JSON.stringify(key)}`);
            seen.add(key);
            return item(element, `${at}[${i}]`, problems);
        });
    };
}
/** Checks an object's fields and rebuilds it with keys in table order (unknown keys are an error). */
function object(fields, optional = []) {
    return (value, at, problems) => {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            problems.push(`${at}: expected an object, found ${found(value)}`);
            return value;
        }
        const input = value;
        const unknown = Object.keys(input).filter(key => !(key in fields));
        if (unknown.length > 0)
            problems.push(`${at}: unknown field ${unknown.map(k => JSON.stringify(k)).join(', ')}`);
        const output = {};
        for (const [key, check] of Object.entries(fields)) {
            if (input[key] === undefined) {
                if (!optional.includes(key))
                    problems.push(`${at}: missing field "${key}"`);
                continue;
            }
            output[key] = check(input[key], `${at}.${key}`, problems);
        }
        return output;
    };
}
const recordedParameter = object({ path: string({ nonEmpty: true }), parameter: string(), value: string() });
const stateRecord = object({
    meshId: string({ nonEmpty: true }),
    requestId: string(),
    origin: oneOf('created', 'adopted'),
    name: string({ nonEmpty: true }),
    region: string({ nonEmpty: true }),
    parameters: arrayOf(recordedParameter, p => p?.path),
    commitSha: string(),
    runId: string(),
    runAttempt: string(),
    actor: string(),
    repository: string(),
    time: timestamp
});
const pendingCreate = object({
    runId: string(),
    runAttempt: string(),
    actor: string(),
    since: timestamp,
    name: string({ nonEmpty: true }),
    region: string({ nonEmpty: true }),
    lockId: string({ nonEmpty: true }),
    existing: arrayOf(string({ nonEmpty: true })),
    outcome: oneOf('unknown')
}, ['lockId', 'existing', 'outcome']);
const stateDocument = object({
    schemaVersion: oneOf(1),
    stateKey: string({ nonEmpty: true }),
    current: stateRecord,
    pending: pendingCreate,
    history: arrayOf(stateRecord)
}, ['current', 'pending']);
function check(value) {
    const problems = [];
    const document = stateDocument(value, '$', problems);
    return { document, problems };
}
/** Text read from a store → a valid document; anything else is an ActionError naming the source. */
function parseStateDocument(text, source) {
    const corrupt = (what) => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The state record in ${source.description} is unreadable: ${what}.`, source.reset);
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (error) {
        throw corrupt(`it is not valid JSON (${error.message})`);
    }
    const version = value?.schemaVersion;
    if (typeof version === 'number' && version > 1) {
        throw corrupt(`it has schemaVersion ${version}, written by a newer version of this action (this one reads 1)`);
    }
    const { document, problems } = check(value);
    if (problems.length > 0) {
        const shown = problems.slice(0, 5).join('; ');
        throw corrupt(problems.length > 5 ? `${shown}; and ${problems.length - 5} more problems` : shown);
    }
    return document;
}
/** Stable pretty JSON with a trailing newline; keys in a fixed order whatever order the object has. */
function serialiseStateDocument(document) {
    const { document: canonical, problems } = check(document);
    if (problems.length > 0)
        throw new Error(`bug: refusing to write an invalid state document: ${problems.join('; ')}`);
    return `${JSON.stringify(canonical, null, 2)}\n`;
}
function emptyStateDocument(stateKey) {
    return { schemaVersion: 1, stateKey, history: [] };
}
/**
 * The document after recording `record` as current: the previous current record moves to the front of
 * the history, any pending create is cleared, and the history is cut to HISTORY_LIMIT and to
 * MAX_DOCUMENT_BYTES, oldest first.
 */
function withCurrentRecord(document, record) {
    const history = (document.current ? [document.current, ...document.history] : document.history).slice(0, HISTORY_LIMIT);
    const next = { schemaVersion: 1, stateKey: document.stateKey, current: record, history };
    while (next.history.length > 0 && Buffer.byteLength(serialiseStateDocument(next)) > MAX_DOCUMENT_BYTES) {
        next.history = next.history.slice(0, -1);
    }
    return next;
}


/***/ }),

/***/ 9862:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubStore: () => (/* binding */ createGitHubStore)
/* harmony export */ });
/* harmony import */ var _cloud_sleep_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3986);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _github_request_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7276);
/* harmony import */ var _time_scale_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3633);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2120);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6992);






/**
 * Attempts per call for 5xx answers, timeouts and network errors (Octokit reports all with a status ≥ 500).
 * Each attempt is cut after GITHUB_TIMEOUT_MS, so a call ends within about 4 × 20 s + 3.5 s.
 */
const ATTEMPTS = 4;
const FIRST_BACKOFF_MS = (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_2__/* .scaled */ .vK)(500);
function createGitHubStore(options) {
    const [owner, repo, ...extra] = options.repository.split('/');
    if (!owner || !repo || extra.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The repository "${options.repository}" is not in the form owner/repo.`, 'GITHUB_REPOSITORY is set by the runner; when running elsewhere set it to owner/repo.');
    }
    const { branch, path, log } = options;
    const sleep = options.sleep ?? _cloud_sleep_js__WEBPACK_IMPORTED_MODULE_5__/* .realSleep */ .u;
    const timeoutMs = options.requestTimeoutMs ?? _github_request_js__WEBPACK_IMPORTED_MODULE_1__/* .GITHUB_TIMEOUT_MS */ .rA;
    const failure = (error) => (0,_github_request_js__WEBPACK_IMPORTED_MODULE_1__/* .gitHubFailure */ .o7)(error, timeoutMs);
    const description = `branch ${branch}, file ${path}`;
    const source = {
        description,
        reset: `Repair ${path} on the branch ${branch} (its commit history holds every earlier version), or delete ` +
            'the file to start over (the next apply then adopts the mesh by name and region, or creates one).'
    };
    let client;
    const octokit = () => (client ??= __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413)).then(github => github.getOctokit(options.token, {
        baseUrl: options.apiUrl,
        log: {
            debug: (m) => log.debug(m),
            info: (m) => log.debug(m),
            warn: (m) => log.warning(m),
            error: (m) => log.warning(m)
        }
    })));
    /**
     * Runs one API call, each attempt within its time limit, retrying 5xx answers, timeouts and network
     * errors with doubling backoff; anything else is thrown.
     */
    async function call(what, fn) {
        const gh = await octokit();
        for (let attempt = 1;; attempt++) {
            try {
                return await fn(gh, (0,_github_request_js__WEBPACK_IMPORTED_MODULE_1__/* .timeLimit */ .zc)(timeoutMs));
            }
            catch (error) {
                const failed = failure(error);
                if (!failed || failed.status < 500 || attempt >= ATTEMPTS)
                    throw error;
                const wait = FIRST_BACKOFF_MS * 2 ** (attempt - 1);
                log.debug(`GitHub ${what}: ${(0,_github_request_js__WEBPACK_IMPORTED_MODULE_1__/* .describeGitHubFailure */ .Po)(failed)}; retry ${attempt} in ${wait} ms`);
                await sleep(wait);
            }
        }
    }
    /** A request failure → an error the user can act on. */
    function explain(error, action, what) {
        const failed = failure(error);
        if (!failed)
            return error;
        const detail = (0,_github_request_js__WEBPACK_IMPORTED_MODULE_1__/* .describeGitHubFailure */ .Po)(failed);
        if (!failed.answered)
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Cannot ${what} (${description}). ${detail}, on each of ${ATTEMPTS} attempts.`, `Check that the runner can reach ${options.apiUrl}, then re-run the job.`);
        if (failed.status === 429 || /rate limit/i.test(failed.message)) {
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Cannot ${what} (${description}). ${detail}`, 'Wait for the rate limit to reset, then re-run.');
        }
        if (failed.status === 401 || failed.status === 403) {
            const advice = action === 'read'
                ? 'Give the job `permissions: contents: read` (plan) or `contents: write` (apply), and check github-token.'
                : 'Give the job `permissions: contents: write`, and check github-token and any rules protecting ' +
                    `the branch ${branch}. Pull requests from forks get a read-only token: run apply on push or ` +
                    'workflow_dispatch, or use mode: plan there.';
            return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Cannot ${what} (${description}). ${detail}`, advice);
        }
        return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Cannot ${what} (${description}). ${detail}`, failed.status >= 500 ? 'GitHub had a problem; re-run the job.' : undefined);
    }
    async function read() {
        let data;
        try {
            data = (await call('read state', (gh, request) => gh.rest.repos.getContent({ owner, repo, path, ref: branch, request }))).data;
        }
        catch (error) {
            if (failure(error)?.status === 404) {
                await confirmRepositoryVisible();
                return {};
            }
            throw explain(error, 'read', 'read the state record');
        }
        if (Array.isArray(data) || data.type !== 'file') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The state record in ${description} is not a file.`, 'Choose another state-key, or move what is at that path on the branch.');
        }
        if (data.encoding !== 'base64' || typeof data.content !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`The state record in ${description} is too large to read through the contents API (${data.size} bytes).`, source.reset);
        }
        const text = Buffer.from(data.content, 'base64').toString('utf8');
        return { document: (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .parseStateDocument */ .eM)(text, source), revision: data.sha };
    }
    /**
     * A 404 for the file means "no state yet" only if the repository itself is visible: a token without
     * access also sees 404, and that must not pass for "no previous run".
     */
    async function confirmRepositoryVisible() {
        try {
            await call('get repository', (gh, request) => gh.rest.repos.get({ owner, repo, request }));
        }
        catch (error) {
            throw explain(error, 'read', `see the repository ${owner}/${repo}`);
        }
    }
    async function ensureBranch() {
        try {
            await call('get state branch', (gh, request) => gh.rest.git.getRef({ owner, repo, ref: `heads/${branch}`, request }));
            return;
        }
        catch (error) {
            if (failure(error)?.status !== 404)
                throw explain(error, 'write', `check the branch ${branch}`);
        }
        try {
            const { default_branch } = (await call('get repository', (gh, request) => gh.rest.repos.get({ owner, repo, request }))).data;
            const base = await call('get default branch', (gh, request) => gh.rest.git.getRef({ owner, repo, ref: `heads/${default_branch}`, request }));
            await call('create state branch', (gh, request) => gh.rest.git.createRef({
                owner,
                repo,
                ref: `refs/heads/${branch}`,
                sha: base.data.object.sha,
                request
            }));
            log.info(`Created the state branch ${branch} from ${default_branch}.`);
        }
        catch (error) {
            const failed = failure(error);
            // Another run created it first: fine, the contents PUT decides who wins.
            if (failed?.status === 422 && /already exists/i.test(failed.message))
                return;
            if (failed?.status === 404 || failed?.status === 409) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Cannot create the state branch ${branch}: the repository has no commit on its default branch yet.`, 'Push a first commit, or create the branch by hand.');
            }
            throw explain(error, 'write', `create the branch ${branch}`);
        }
    }
    async function write(document, expected, message) {
        const text = (0,_document_js__WEBPACK_IMPORTED_MODULE_3__/* .serialiseStateDocument */ .a)(document);
        const content = Buffer.from(text, 'utf8').toString('base64');
        if (expected === undefined)
            await ensureBranch();
        try {
            const { data } = await call('write state', (gh, request) => gh.rest.repos.createOrUpdateFileContents({
                owner,
                repo,
                path,
                branch,
                message,
                content,
                sha: expected,
                request
            }));
            const revision = data.content?.sha;
            if (!revision)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`GitHub did not return the new blob sha of ${description}.`);
            return { revision, location: data.commit.html_url ?? description };
        }
        catch (error) {
            const failed = failure(error);
            // 409 "<path> does not match <sha>", 422 `"sha" wasn't supplied` or "is at <sha> but expected <sha>"
            // (the branch moved under the write), 404 the branch was deleted since it was read.
            if (failed?.status === 409 ||
                failed?.status === 404 ||
                (failed?.status === 422 && /\bsha\b|but expected/i.test(failed.message))) {
                // A retried PUT conflicts with itself when GitHub applied the first attempt but answered 5xx (or
                // not in time): the file then holds exactly these bytes, which carry this run's time and lock id.
                const own = await alreadyWritten(text);
                if (own)
                    return own;
                throw new _store_js__WEBPACK_IMPORTED_MODULE_4__/* .StateConflictError */ .K(`the state record in ${description} changed since it was read (${failed.message})`);
            }
            throw explain(error, 'write', 'write the state record');
        }
    }
    /** The write's result when the file on the branch holds exactly `text` now; undefined otherwise. */
    async function alreadyWritten(text) {
        try {
            const { data } = await call('read state', (gh, request) => gh.rest.repos.getContent({ owner, repo, path, ref: branch, request }));
            if (Array.isArray(data) || data.type !== 'file' || typeof data.content !== 'string')
                return undefined;
            if (Buffer.from(data.content, 'base64').toString('utf8') !== text)
                return undefined;
            log.debug(`GitHub had applied the write of ${description} before answering with an error.`);
            return { revision: data.sha, location: data.html_url ?? description };
        }
        catch {
            return undefined;
        }
    }
    return { description, read, write };
}


/***/ }),

/***/ 6992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ StateConflictError)
/* harmony export */ });
class StateConflictError extends Error {
    constructor(message = 'the state record changed since it was read') {
        super(message);
        this.name = 'StateConflictError';
    }
}


/***/ })

};
