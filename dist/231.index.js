export const id = 231;
export const ids = [231];
export const modules = {

/***/ 4231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertPlanComment: () => (/* binding */ upsertPlanComment)
/* harmony export */ });
/* harmony import */ var _markdown_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4285);

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
    const marker = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .commentMarker */ .Ql)(options.stateKey);
    const body = options.body.startsWith(marker) ? options.body : `${marker}\n${options.body}`;
    try {
        // Loaded here so runs that never comment never load the GitHub client.
        const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        const octokit = getOctokit(options.token, { baseUrl: options.apiUrl.replace(/\/+$/, '') });
        const issue = { owner, repo, issue_number: issueNumber };
        let existing;
        for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, {
            ...issue,
            per_page: 100
        })) {
            // Only a comment that starts with the marker is ours; a quote of it further down is not.
            existing = page.data.find(comment => comment.body?.startsWith(marker));
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
    const message = (0,_markdown_js__WEBPACK_IMPORTED_MODULE_0__/* .shorten */ .ml)((error instanceof Error ? error.message : String(error)).split('\n')[0], 300);
    if (status === 403 || status === 404) {
        const text = `Plan comment skipped: the token cannot comment on pull request #${issueNumber} (HTTP ${status}: ${message}). ` +
            'Give the job `permissions: pull-requests: write`, or set comment: false. ' +
            'Pull requests from forks always get a read-only token, so they get no comment; the plan is in the job summary.';
        return { permission: true, message: text };
    }
    const what = typeof status === 'number' ? `HTTP ${status}: ${message}` : message;
    return {
        permission: false,
        message: `Plan comment skipped: commenting on #${issueNumber} failed (${what}). The plan is in the job summary.`
    };
}


/***/ })

};
