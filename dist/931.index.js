export const id = 931;
export const ids = [931];
export const modules = {

/***/ 8931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   apply: () => (/* binding */ apply)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _decide_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3431);
/* harmony import */ var _cloud_failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2355);
/* harmony import */ var _cloud_sleep_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(3986);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(632);
/* harmony import */ var _state_diff_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(310);
/* harmony import */ var _state_document_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2120);
/* harmony import */ var _state_store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6992);
/* harmony import */ var _time_scale_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3633);
/**
 * Acting on a decision in `apply` mode, with the state record as the lock that keeps two runs from
 * both creating: a `pending` entry is compare-and-swapped in before CreateServiceMesh, and the record
 * is written right after it answers, before any waiting, so a cancelled job never loses a mesh id.
 *
 * Every way out of a create leaves the entry right: a mesh → recorded (entry gone); certainly not
 * created → entry gone; anything else (unknown outcome, cancellation, an exception) → entry marked
 * `unknown`, so the next run looks for the mesh before it creates one.
 */










/** A pending create older than this is treated as abandoned (its run died without cleaning up). */
const PENDING_STALE_MS = (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_6__/* .scaled */ .vK)(30 * 60 * 1000);
/** How long to wait for another run's create to be recorded, polling the record. */
const PENDING_WAIT_MS = (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_6__/* .scaled */ .vK)(10 * 60 * 1000);
const PENDING_POLL_MS = (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_6__/* .scaled */ .vK)(5000);
/** Lost compare-and-swap races tolerated before giving up. */
const MAX_ROUNDS = 8;
async function apply(input, deps) {
    const now = deps.now ?? (() => new Date());
    const sleep = deps.sleep ?? _cloud_sleep_js__WEBPACK_IMPORTED_MODULE_7__/* .realSleep */ .u;
    // Marks this process's pending entry, so it is never mistaken for another run's (docs/contract.md §5).
    const lockId = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)();
    const waitUntil = now().getTime() + PENDING_WAIT_MS;
    let alreadyRead = input.initial;
    for (let round = 1; round <= MAX_ROUNDS;) {
        let { document, revision } = alreadyRead ?? (await deps.store.read());
        alreadyRead = undefined;
        // This process's own entry (a write GitHub applied but answered with an error) is no one's to wait for.
        const pending = document?.pending?.lockId === lockId ? undefined : document?.pending;
        if (pending && !abandoned(pending, input.run, now())) {
            if (deps.signal?.aborted)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`Cancelled while run ${pending.runId} was creating the mesh for ${input.stateKey}; nothing was created by this run.`);
            if (now().getTime() >= waitUntil)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`Run ${pending.runId} (attempt ${pending.runAttempt}) has been creating the mesh for ${input.stateKey} since ${pending.since}; nothing was created by this run.`, 'Run again once that run has finished; it records the mesh, and this run then keeps it.');
            deps.log.info(`Run ${pending.runId} (attempt ${pending.runAttempt}) is creating this mesh since ${pending.since}; waiting for it to record the result.`);
            // A cancellation ends the pause early; the next round says what happened.
            await sleep(PENDING_POLL_MS, deps.signal).catch(() => undefined);
            continue;
        }
        round++;
        try {
            if (pending && document) {
                const earlier = await findEarlierCreate(pending, document, deps);
                if (earlier) {
                    const decision = {
                        action: 'adopt',
                        mesh: earlier,
                        reason: `run ${pending.runId} (attempt ${pending.runAttempt}) created mesh ${earlier.id} without recording it`
                    };
                    return await act(decision, {}, { input, document, revision, deps, now, lockId });
                }
                // Looked for as long as that create could show up: it made no mesh, and its entry can go.
                document = { ...document, pending: undefined };
                revision = (await deps.store.write(document, revision, `Clear the abandoned create for ${input.stateKey}`)).revision;
            }
            const record = document?.current;
            const facts = await (0,_facts_js__WEBPACK_IMPORTED_MODULE_8__/* .gatherFacts */ .p)({
                record,
                changed: input.changedFrom(record),
                adoptExisting: input.settings.adoptExisting,
                onChange: input.settings.onChange,
                request: input.request,
                mesh: deps.mesh
            });
            return await act((0,_decide_js__WEBPACK_IMPORTED_MODULE_9__/* .decide */ .L)(facts), facts, { input, document, revision, deps, now, lockId });
        }
        catch (error) {
            if (!(error instanceof _state_store_js__WEBPACK_IMPORTED_MODULE_5__/* .StateConflictError */ .K))
                throw error;
            deps.log.info('Another run changed the state record at the same time; reading it again and re-deciding.');
        }
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`The state record for ${input.stateKey} kept changing under this run (${MAX_ROUNDS} attempts); nothing was created.`, 'Another workflow is applying the same state key. Run again once it has finished.');
}
/**
 * A pending entry that no live process will finish: its create's outcome is unknown, it is older than
 * PENDING_STALE_MS, or it belongs to an earlier attempt of this run (a re-run starts only after the
 * earlier attempt ended). Any other entry is a live process's, even one of the same run and attempt
 * (matrix jobs share both); this process's own entry is told apart by its lock id before this is asked.
 */
function abandoned(pending, run, now) {
    return (pending.outcome === 'unknown' ||
        now.getTime() - Date.parse(pending.since) >= PENDING_STALE_MS ||
        (pending.runId === run.runId && Number(pending.runAttempt) < Number(run.runAttempt)));
}
/**
 * The mesh an abandoned entry's create made, if it made one: a mesh with the name and region it sent
 * that is neither recorded nor among those that existed before it was sent. Looked for until that create
 * could no longer show up (a run cancelled mid-create had no time to look itself).
 */
async function findEarlierCreate(pending, document, deps) {
    deps.log.info(`Run ${pending.runId} (attempt ${pending.runAttempt}) started creating this mesh at ${pending.since} ` +
        `and did not record the outcome; looking for a mesh it may have made before anything else.`);
    // Entries written by earlier versions do not list the meshes that existed before: only recorded ones are excluded.
    const existing = [...new Set([...(pending.existing ?? []), ...recordedIds(document)])];
    return deps.mesh.findCreated(pending, existing, { since: Date.parse(pending.since), signal: deps.signal });
}
async function act(decision, facts, context) {
    const { input, document, revision, deps, now } = context;
    const base = document ?? (0,_state_document_js__WEBPACK_IMPORTED_MODULE_4__/* .emptyStateDocument */ .aJ)(input.stateKey);
    switch (decision.action) {
        case 'create':
            return create(decision, facts, context, base);
        case 'adopt': {
            deps.onMeshId?.(decision.mesh.id);
            const record = newRecord(input, decision.mesh.id, '', 'adopted', now);
            const written = await writeRecord(deps, { ...base, pending: undefined }, record, revision, input.stateKey);
            return {
                decision,
                meshId: decision.mesh.id,
                created: false,
                meshState: decision.mesh.state,
                stateLocation: written.location
            };
        }
        case 'keep':
        case 'warn':
            deps.onMeshId?.(decision.meshId);
            return {
                decision,
                meshId: decision.meshId,
                created: false,
                ...(facts.existing?.state ? { meshState: facts.existing.state } : {})
            };
        case 'fail':
        case 'unknown':
            return { decision, ...(decision.meshId ? { meshId: decision.meshId } : {}), created: false };
    }
}
/** Takes the lock, sends CreateServiceMesh once, and settles the pending entry whatever happens. */
async function create(decision, facts, context, base) {
    const { input, deps, now } = context;
    const { name, region } = input.request;
    const { pending, held } = await takeLock(facts, context, base);
    const markUnknown = once(() => held.write({ ...base, pending: { ...pending, outcome: 'unknown' } }, `Create outcome unknown for ${input.stateKey}`));
    const settleFailed = (error) => deps.log.warning(`Could not mark the create for ${input.stateKey} in the state record: ${error.message}`);
    // The runner kills the step about 10 s after the cancel signal: record at once that the outcome is open.
    const onAbort = () => void markUnknown().catch(settleFailed);
    deps.signal?.addEventListener('abort', onAbort, { once: true });
    let result;
    let refused = false;
    deps.log.info(`Sending CreateServiceMesh for name "${name}" in ${region}; the answer can take a minute or two.`);
    try {
        result = await deps.mesh.create(input.request, pending.existing ?? [], { signal: deps.signal });
    }
    catch (error) {
        refused = error instanceof _cloud_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudCallError */ .S && !error.failure.outcomeUnknown;
        throw error;
    }
    finally {
        deps.signal?.removeEventListener('abort', onAbort);
        if (!result) {
            const settled = refused
                ? held.write({ ...base, pending: undefined }, `Create refused for ${input.stateKey}`)
                : markUnknown();
            await settled.catch(settleFailed);
        }
    }
    deps.onMeshId?.(result.meshId);
    const record = newRecord(input, result.meshId, result.requestId, 'created', now);
    await held.idle();
    const written = await writeRecord(deps, { ...base, pending: undefined }, record, held.revision, input.stateKey).catch(async (error) => {
        // Not recorded: the entry says the outcome is open, so the next run finds this mesh and records it.
        await markUnknown().catch(() => undefined);
        throw error;
    });
    return {
        decision,
        meshId: result.meshId,
        requestId: result.requestId,
        created: true,
        stateLocation: written.location
    };
}
/**
 * Lists the same-name meshes (unless this round just did: they are never this run's, adopt-existing or
 * not) and compare-and-swaps the pending entry in with them. A cancellation by then sends nothing.
 */
async function takeLock(facts, { input, document, revision, deps, now, lockId }, base) {
    const cancelled = () => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l('Cancelled before CreateServiceMesh was sent; nothing was created.');
    if (deps.signal?.aborted)
        throw cancelled();
    const { name, region } = input.request;
    const listed = facts.candidates ?? (await deps.mesh.findByName(name, region));
    const pending = {
        runId: input.run.runId,
        runAttempt: input.run.runAttempt,
        actor: input.run.actor,
        since: now().toISOString(),
        name,
        region,
        lockId,
        existing: [...new Set([...recordedIds(document), ...listed.map(mesh => mesh.id)])]
    };
    const locked = await deps.store.write({ ...base, pending }, revision, `Creating mesh ${input.stateKey}`);
    const held = new HeldRecord(deps.store, locked.revision);
    if (deps.signal?.aborted) {
        await held
            .write({ ...base, pending: undefined }, `Cancelled before creating ${input.stateKey}`)
            .catch(() => undefined);
        throw cancelled();
    }
    return { pending, held };
}
/** The state record while this run holds its pending entry: writes in order, each on the last one's revision. */
class HeldRecord {
    store;
    revision;
    queue = Promise.resolve();
    constructor(store, revision) {
        this.store = store;
        this.revision = revision;
    }
    write(document, message) {
        const written = this.queue.then(async () => {
            const result = await this.store.write(document, this.revision, message);
            this.revision = result.revision;
            return result;
        });
        this.queue = written.catch(() => undefined);
        return written;
    }
    /** Resolves once every write started so far has ended. */
    idle() {
        return this.queue;
    }
}
/** `fn` called at most once; later calls share its promise. */
function once(fn) {
    let started;
    return () => (started ??= fn());
}
/** Meshes this state key has recorded, now or earlier: never to be mistaken for a new one. */
function recordedIds(document) {
    const recorded = document?.current ? [document.current, ...document.history] : (document?.history ?? []);
    return recorded.map(r => r.meshId);
}
function newRecord(input, meshId, requestId, origin, now) {
    return {
        meshId,
        requestId,
        origin,
        name: input.request.name,
        region: input.request.region,
        parameters: (0,_state_diff_js__WEBPACK_IMPORTED_MODULE_3__/* .toRecordedParameters */ .A)(input.request.parameters),
        commitSha: input.run.sha,
        runId: input.run.runId,
        runAttempt: input.run.runAttempt,
        actor: input.run.actor,
        repository: input.run.repository,
        time: now().toISOString()
    };
}
/**
 * Writes the new current record, keeping the old one in history. After a create the mesh exists, so
 * a conflict here must not lose it: re-read and write again on top of whatever is there now.
 */
async function writeRecord(deps, base, record, revision, stateKey) {
    let document = base;
    let expected = revision;
    for (let attempt = 1;; attempt++) {
        try {
            return await deps.store.write((0,_state_document_js__WEBPACK_IMPORTED_MODULE_4__/* .withCurrentRecord */ .ln)(document, record), expected, `Record mesh ${record.meshId} for ${stateKey}`);
        }
        catch (error) {
            if (!(error instanceof _state_store_js__WEBPACK_IMPORTED_MODULE_5__/* .StateConflictError */ .K) || attempt >= 5) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`Mesh ${record.meshId} exists but its record for ${stateKey} could not be written: ${error.message}`, 'Keep this id. Re-run the job: with adopt-existing (the default) it finds the mesh by name and records it.');
            }
            const latest = await deps.store.read();
            document = latest.document ?? base;
            expected = latest.revision;
        }
    }
}


/***/ }),

/***/ 2355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ CloudCallError),
/* harmony export */   X: () => (/* binding */ classifyFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * What went wrong with one cloud call, decided from the error @alicloud/openapi-client 0.4.15 throws
 * (reference alibaba-signing-sts.md §3.8), and the ActionError the user finally sees.
 */

/** Socket errors raised before a single byte of the request left the runner. */
const NOT_SENT = ['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'];
/** Socket errors after which the service may have processed the request. */
const CUT_OFF = ['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT'];
const text = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
/**
 * openapi-client 0.4.15 builds its error from the response BODY only (`code`, `statusCode`, `data` =
 * body + statusCode); the response headers, `x-acs-retry-after` included, are dropped. A wait hint is
 * therefore only seen when the error object itself carries `retryAfter` in milliseconds, the shape
 * @alicloud/openapi-core's ThrottlingError is documented to have (not verified against a live service).
 */
function retryAfterHint(error) {
    const hint = error?.retryAfter;
    return typeof hint === 'number' && Number.isFinite(hint) && hint > 0 ? hint : undefined;
}
/** `timeoutMs` is the call's read timeout, named in the message of a timeout. */
function classifyFailure(api, error, timeoutMs) {
    const raw = (typeof error === 'object' && error !== null ? error : {});
    const status = typeof raw.statusCode === 'number' ? raw.statusCode : undefined;
    const code = text(raw.code);
    if (status !== undefined) {
        const data = raw.data ?? {};
        const base = {
            api,
            status,
            code,
            message: text(data.Message) ?? text(data.message) ?? `HTTP ${status}`,
            requestId: text(data.RequestId) ?? text(data.requestId),
            recommend: text(data.Recommend),
            retryAfterMs: retryAfterHint(error)
        };
        // A throttled request was turned away before it was processed.
        if (code?.includes('Throttling'))
            return { ...base, kind: 'throttled', retryable: true, outcomeUnknown: false };
        if (code === 'ServiceUnavailable' || status >= 500)
            return { ...base, kind: 'server', retryable: true, outcomeUnknown: true };
        return { ...base, kind: 'client', retryable: false, outcomeUnknown: false };
    }
    // A body that is not JSON (a proxy's HTML page, a cut-off answer) or JSON that is not an object.
    if (raw.name === 'SyntaxError' || raw.message === 'The value is not a object')
        return {
            api,
            kind: 'malformed',
            message: 'the answer was not a JSON object',
            retryable: true,
            outcomeUnknown: true
        };
    // httpx names both its read timeout and its socket-idle ("connect") timeout RequestTimeoutError.
    if (raw.name === 'RequestTimeoutError')
        return {
            api,
            kind: 'timeout',
            message: `no answer within ${timeoutMs / 1000} s`,
            retryable: true,
            outcomeUnknown: true
        };
    if (code && NOT_SENT.includes(code))
        return {
            api,
            kind: 'network',
            code,
            message: `could not connect (${code})`,
            retryable: true,
            outcomeUnknown: false
        };
    if (code && CUT_OFF.includes(code))
        return {
            api,
            kind: 'network',
            code,
            message: `the connection broke (${code})`,
            retryable: true,
            outcomeUnknown: true
        };
    if (code === 'ENOTFOUND')
        return {
            api,
            kind: 'network',
            code,
            message: 'the host name does not resolve',
            retryable: false,
            outcomeUnknown: false
        };
    return {
        api,
        kind: 'unexpected',
        code,
        // httpx appends "<METHOD> <url> failed." and the URL query may hold the OIDC token: cut the query.
        message: (text(raw.message) ?? String(error)).replace(/(https?:\/\/[^\s?]*)\?\S*/g, '$1?…'),
        retryable: false,
        outcomeUnknown: true
    };
}
/** Error codes whose fix is known; the rest fall back to the kind's advice and the Recommend link. */
const CODE_ADVICE = [
    [
        /^InvalidAccessKeyId/,
        () => 'The AccessKey id is unknown or disabled: check access-key-id or ALIBABA_CLOUD_ACCESS_KEY_ID.'
    ],
    [
        /^SignatureDoesNotMatch$/,
        () => 'The AccessKey secret does not belong to the AccessKey id: check access-key-secret or ALIBABA_CLOUD_ACCESS_KEY_SECRET.'
    ],
    [
        /^InvalidSecurityToken/,
        () => 'The security token is invalid or expired: get fresh temporary credentials and re-run the job.'
    ],
    [
        /^(Forbidden|NoPermission)/,
        api => `The credentials may not call ${api}: grant the RAM user or role the permission servicemesh:${api} ` +
            '(for example with the AliyunASMFullAccess policy).'
    ],
    [
        /^(InvalidParameter|MissingParameter)/,
        () => 'Fix the parameter the message names in the spec file and run again.'
    ]
];
function adviceFor(f, host, attempts) {
    switch (f.kind) {
        case 'throttled':
            return (`Alibaba Cloud throttled ${f.api} on all ${attempts} attempts. Wait a few minutes and re-run the job; ` +
                'if it keeps happening, spread out jobs that use the same account.');
        case 'server':
            return 'The service failed on its side. Re-run the job; if it persists, contact Alibaba Cloud support with the request id.';
        case 'timeout':
            return `Re-run the job; if it persists, check that the runner can reach ${host}.`;
        case 'network':
            return `Check the endpoint input (${host}) and that the runner can reach it.`;
        case 'malformed':
            return `Check that ${host} is an Alibaba Cloud API endpoint (a proxy or captive portal may be answering instead).`;
        case 'client': {
            const known = CODE_ADVICE.find(([pattern]) => f.code !== undefined && pattern.test(f.code));
            const advice = known ? known[1](f.api) : 'Correct the request as the message says.';
            return f.recommend ? `${advice} Details: ${f.recommend}` : advice;
        }
        case 'unexpected':
            return 'This looks like a bug in the action; please report it with this message.';
    }
}
/** `CreateServiceMesh failed: Throttling.User (HTTP 400): too many requests; request id ABC; after 4 attempts`. */
function describeFailure(f, attempts) {
    const what = [f.code, f.status !== undefined ? `(HTTP ${f.status})` : undefined].filter(Boolean).join(' ');
    const parts = [`${f.api} failed: ${what ? `${what}: ` : ''}${f.message}`];
    parts.push(`request id ${f.requestId ?? 'none (no answer from the service)'}`);
    if (attempts > 1)
        parts.push(`after ${attempts} attempts`);
    return parts.join('; ');
}
/** The ActionError of a cloud call; callers read `failure` to decide (e.g. create's unknown outcome). */
class CloudCallError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l {
    failure;
    attempts;
    constructor(failure, attempts, host, advice = adviceFor(failure, host, attempts)) {
        super(describeFailure(failure, attempts), advice);
        this.failure = failure;
        this.attempts = attempts;
        this.name = 'CloudCallError';
    }
}


/***/ }),

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
