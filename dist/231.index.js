export const id = 231;
export const ids = [231];
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

/***/ 4231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_ACTIONS_BOT: () => (/* binding */ GITHUB_ACTIONS_BOT),
/* harmony export */   upsertPlanComment: () => (/* binding */ upsertPlanComment)
/* harmony export */ });
/* harmony import */ var _github_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9248);
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4285);
/**
 * One sticky plan comment per state key on a pull request: found by a hidden marker on its first line AND
 * by its author being the token's own identity, updated in place on re-runs, created when missing. Anyone
 * can write the marker into a comment; such a comment is never edited.
 *
 * The identity is the GraphQL `viewer` login, which installation tokens can read (GITHUB_TOKEN:
 * `github-actions[bot]`; a GitHub App token: `<app-slug>[bot]`; a personal token: the user), while REST
 * `GET /user` refuses installation tokens. When it cannot be read, it is taken to be
 * `github-actions[bot]`, whose comments only workflows of this repository can write.
 *
 * Requests go through the one GitHub client (github.ts), so a hung connection ends the comment step, not
 * the run.
 *
 * A comment is a convenience: the plan itself is in the outputs and the job summary. So no failure here
 * fails the run; each is logged (a notice when the token may not comment, else a warning) and returns 'skipped'.
 */


const PAGE_SIZE = 100;
/** GITHUB_TOKEN's identity: the fallback when the token's own cannot be read. */
const GITHUB_ACTIONS_BOT = 'github-actions[bot]';
/** The login the token acts as (see the header). */
async function tokenIdentity(octokit, log) {
    try {
        const { viewer } = await octokit.graphql('query { viewer { login } }');
        if (typeof viewer?.login === 'string' && viewer.login !== '')
            return viewer.login;
    }
    catch (error) {
        log.debug(`Could not read the token's identity (${error.message.split('\n')[0]}).`);
    }
    return GITHUB_ACTIONS_BOT;
}
async function upsertPlanComment(options) {
    const { log, issueNumber } = options;
    const repository = (0,_github_js__WEBPACK_IMPORTED_MODULE_0__/* .parseRepository */ .SU)(options.repository);
    if (!repository) {
        log.warning(`Plan comment skipped: repository "${options.repository}" is not owner/repo.`);
        return 'skipped';
    }
    const { owner, repo } = repository;
    if (!options.token) {
        log.warning('Plan comment skipped: github-token is empty. The plan is in the job summary.');
        return 'skipped';
    }
    if (!Number.isSafeInteger(issueNumber) || issueNumber < 1) {
        log.warning(`Plan comment skipped: "${issueNumber}" is not a pull request number.`);
        return 'skipped';
    }
    const marker = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .commentMarker */ .Ql)(options.stateKey);
    const body = options.body.startsWith(marker) ? options.body : `${marker}\n${options.body}`;
    try {
        const octokit = await (0,_github_js__WEBPACK_IMPORTED_MODULE_0__/* .createGitHubClient */ .LX)(options);
        const issue = { owner, repo, issue_number: issueNumber };
        const identity = await tokenIdentity(octokit, log);
        let existing;
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
            ...issue,
            per_page: PAGE_SIZE
        })) {
            // Ours: written by this token's identity and starting with the marker (a quote further down is not).
            existing = page.data.find(comment => comment.user?.login === identity && comment.body?.startsWith(marker));
            if (existing)
                break;
        }
        if (existing?.body === body) {
            log.info(`Plan comment on #${issueNumber} is up to date.`);
            return 'unchanged';
        }
        if (existing) {
            await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
            log.info(`Updated the plan comment on #${issueNumber}.`);
            return 'updated';
        }
        await octokit.rest.issues.createComment({ ...issue, body });
        log.info(`Posted the plan comment on #${issueNumber}.`);
        return 'created';
    }
    catch (error) {
        const { permission, message } = skippedBecause(error, issueNumber, options.apiUrl);
        // A token that may not comment is expected on fork pull requests: a notice, not a warning.
        if (permission)
            log.notice(message);
        else
            log.warning(message);
        return 'skipped';
    }
}
/** Why the comment was skipped and what to do, from an Octokit RequestError (or any other error). */
function skippedBecause(error, issueNumber, apiUrl) {
    const failed = (0,_github_js__WEBPACK_IMPORTED_MODULE_0__/* .githubFailure */ .eQ)(error, { apiUrl });
    // Only the first line: Octokit appends a documentation URL, and nothing from the request (its headers
    // carry the token) is ever printed.
    const firstLine = (text) => (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(text.split('\n')[0], 300);
    if (failed?.status === 403 || failed?.status === 404) {
        const text = `Plan comment skipped: the token cannot comment on pull request #${issueNumber} (HTTP ${failed.status}: ${firstLine(failed.message)}). ` +
            'Give the job `permissions: pull-requests: write`, or set comment: false. ' +
            'Pull requests from forks always get a read-only token, so they get no comment; the plan is in the job summary.';
        return { permission: true, message: text };
    }
    const what = failed ? failed.description : error instanceof Error ? error.message : String(error);
    return {
        permission: false,
        message: `Plan comment skipped: commenting on #${issueNumber} failed (${firstLine(what)}). The plan is in the job summary.`
    };
}


/***/ })

};
