export const id = 231;
export const ids = [231];
export const modules = {

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

/***/ 4231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertPlanComment: () => (/* binding */ upsertPlanComment)
/* harmony export */ });
/* unused harmony export GITHUB_ACTIONS_BOT */
/* harmony import */ var _github_request_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7276);
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
 * Every request has a time limit, so a hung connection ends the comment step, not the run.
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
        const { viewer } = await octokit.graphql('query { viewer { login } }', {
            request: (0,_github_request_js__WEBPACK_IMPORTED_MODULE_0__/* .timeLimit */ .zc)()
        });
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
    const [owner, repo, ...extra] = options.repository.split('/');
    if (!owner || !repo || extra.length > 0) {
        log.warning(`Plan comment skipped: repository "${options.repository}" is not owner/repo.`);
        return 'skipped';
    }
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
        // Loaded here so runs that never comment never load the GitHub client.
        const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        const octokit = getOctokit(options.token, { baseUrl: options.apiUrl.replace(/\/+$/, '') });
        const issue = { owner, repo, issue_number: issueNumber };
        const identity = await tokenIdentity(octokit, log);
        let existing;
        // Page by page by hand: Octokit's paginate drops the `request` option, and with it the time limit.
        for (let page = 1; !existing; page++) {
            const { data } = await octokit.rest.issues.listComments({
                ...issue,
                per_page: PAGE_SIZE,
                page,
                request: (0,_github_request_js__WEBPACK_IMPORTED_MODULE_0__/* .timeLimit */ .zc)()
            });
            // Ours: written by this token's identity and starting with the marker (a quote further down is not).
            existing = data.find(comment => comment.user?.login === identity && comment.body?.startsWith(marker));
            if (data.length < PAGE_SIZE)
                break;
        }
        if (existing?.body === body) {
            log.info(`Plan comment on #${issueNumber} is up to date.`);
            return 'unchanged';
        }
        if (existing) {
            await octokit.rest.issues.updateComment({
                owner,
                repo,
                comment_id: existing.id,
                body,
                request: (0,_github_request_js__WEBPACK_IMPORTED_MODULE_0__/* .timeLimit */ .zc)()
            });
            log.info(`Updated the plan comment on #${issueNumber}.`);
            return 'updated';
        }
        await octokit.rest.issues.createComment({ ...issue, body, request: (0,_github_request_js__WEBPACK_IMPORTED_MODULE_0__/* .timeLimit */ .zc)() });
        log.info(`Posted the plan comment on #${issueNumber}.`);
        return 'created';
    }
    catch (error) {
        const { permission, message } = skippedBecause(error, issueNumber);
        // A token that may not comment is expected on fork pull requests: a notice, not a warning.
        if (permission)
            log.notice(message);
        else
            log.warning(message);
        return 'skipped';
    }
}
/** Why the comment was skipped and what to do, from an Octokit RequestError (or any other error). */
function skippedBecause(error, issueNumber) {
    const status = error instanceof Error ? error.status : undefined;
    // Only the first line: Octokit appends a documentation URL, and nothing from the request (its headers
    // carry the token) is ever printed.
    const message = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)((error instanceof Error ? error.message : String(error)).split('\n')[0], 300);
    if (status === 403 || status === 404) {
        const text = `Plan comment skipped: the token cannot comment on pull request #${issueNumber} (HTTP ${status}: ${message}). ` +
            'Give the job `permissions: pull-requests: write`, or set comment: false. ' +
            'Pull requests from forks always get a read-only token, so they get no comment; the plan is in the job summary.';
        return { permission: true, message: text };
    }
    const failure = (0,_github_request_js__WEBPACK_IMPORTED_MODULE_0__/* .gitHubFailure */ .o7)(error);
    const what = failure ? (0,_markdown_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)((0,_github_request_js__WEBPACK_IMPORTED_MODULE_0__/* .describeGitHubFailure */ .Po)(failure), 300) : message;
    return {
        permission: false,
        message: `Plan comment skipped: commenting on #${issueNumber} failed (${what}). The plan is in the job summary.`
    };
}


/***/ })

};
