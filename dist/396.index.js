export const id = 396;
export const ids = [396];
export const modules = {

/***/ 3838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   yS: () => (/* binding */ createApiClient)
/* harmony export */ });
/* unused harmony exports backoff, resolveClientClass */
/* harmony import */ var _time_scale_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3633);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2355);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3986);



/** Worst case about 1 + 2 + 4 s of backoff: long enough for a throttling window, short for a CI job. */
const DEFAULT_RETRY = {
    maxAttempts: 4,
    baseMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_0__/* .scaled */ .vK)(1000),
    capMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_0__/* .scaled */ .vK)(15_000),
    maxHintMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_0__/* .scaled */ .vK)(60_000)
};
/** Capped exponential backoff with full jitter before retry number `retry` (1 = the first retry). */
function backoff(retry, policy, random) {
    return Math.floor(random() * Math.min(policy.capMs, policy.baseMs * 2 ** (retry - 1)));
}
/** The backoff, or the server's wait hint when it is longer (capped at maxHintMs). */
function retryDelay(failure, retry, policy, random) {
    const jitter = backoff(retry, policy, random);
    const hint = failure.retryAfterMs;
    return hint === undefined ? jitter : Math.max(Math.min(hint, policy.maxHintMs), jitter);
}
function createApiClient(options) {
    const policy = { ...DEFAULT_RETRY, ...options.retry };
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_2__/* .realSleep */ .u;
    const random = options.random ?? Math.random;
    const transport = options.transport ?? openApiTransport(options.endpoint, options.credentials);
    const host = options.endpoint.host;
    let calls = 0;
    async function call(call) {
        for (let attempt = 1;; attempt++) {
            calls++;
            try {
                const body = await transport(call);
                return { body, requestId: typeof body.RequestId === 'string' ? body.RequestId : '' };
            }
            catch (error) {
                const failure = (0,_failure_js__WEBPACK_IMPORTED_MODULE_1__/* .classifyFailure */ .X)(call.action, error, call.timeout.readMs);
                const mayRepeat = failure.retryable && (call.retryUnknownOutcome !== false || !failure.outcomeUnknown);
                if (!mayRepeat || attempt >= policy.maxAttempts)
                    throw new _failure_js__WEBPACK_IMPORTED_MODULE_1__/* .CloudCallError */ .S(failure, attempt, host);
                const delay = retryDelay(failure, attempt, policy, random);
                options.log.info(`${call.action}: ${failure.code ?? failure.kind} (${failure.message}); ` +
                    `retrying in ${(delay / 1000).toFixed(1)} s (attempt ${attempt + 1} of ${policy.maxAttempts})`);
                await sleep(delay);
            }
        }
    }
    return {
        call,
        get calls() {
            return calls;
        }
    };
}
/**
 * The package is CommonJS with its class on `exports.default`. Node's ESM loader and ts-jest hand over
 * `{ default: module.exports }` (so the class is at `.default.default`); a bundle may hand over
 * `module.exports` or the class itself. Take the first function found.
 */
function resolveClientClass(imported) {
    let candidate = imported;
    for (let depth = 0; depth < 3 && candidate; depth++) {
        if (typeof candidate === 'function')
            return candidate;
        candidate = candidate.default;
    }
    throw new Error('@alicloud/openapi-client: no Client class found on the module or its default export');
}
let clientClass;
/** Loaded on first use only, so runs that never call the cloud do not load the SDK (ncc splits it out). */
function loadClientClass() {
    clientClass ??= __webpack_require__.e(/* import() */ 500).then(__webpack_require__.t.bind(__webpack_require__, 6500, 23)).then(resolveClientClass);
    return clientClass;
}
function openApiTransport(endpoint, credentials) {
    let client;
    return async (call) => {
        client ??= loadClientClass().then(Client => new Client({
            endpoint: endpoint.host,
            protocol: endpoint.protocol,
            ...(credentials && {
                accessKeyId: credentials.accessKeyId,
                accessKeySecret: credentials.accessKeySecret,
                securityToken: credentials.securityToken
            })
        }));
        const response = await (await client).callApi({
            action: call.action,
            version: call.version,
            protocol: endpoint.protocol,
            pathname: '/',
            method: call.method,
            authType: call.anonymous ? 'Anonymous' : 'AK',
            style: 'RPC',
            reqBodyType: 'formData',
            bodyType: 'json'
        }, { query: call.query ?? {}, body: call.body }, { readTimeout: call.timeout.readMs, connectTimeout: call.timeout.connectMs });
        return response.body;
    };
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

/***/ 1396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_MESH_TIMEOUTS: () => (/* binding */ DEFAULT_MESH_TIMEOUTS),
/* harmony export */   createMeshApi: () => (/* binding */ createMeshApi)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _time_scale_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3633);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3838);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2355);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3986);
/** MeshApi over the ASM 2020-01-11 API (docs/reference/asm-api.md §2, §3). */





const VERSION = '2020-01-11';
const DEFAULT_MESH_TIMEOUTS = {
    // Not scaled for tests: a read shortened below what a loaded machine needs would only add retries.
    read: { readMs: 10_000, connectMs: 10_000 },
    create: { readMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(120_000), connectMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(120_000) }
};
/** Polling: every 5 s (one poll per 5 s on average, the lag after `running` under 5 s), every 10 s after 5 min. */
const POLL = {
    firstMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(5000),
    everyMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(5000),
    slowMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(10_000),
    slowAfterMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(300_000),
    maxMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(30_000)
};
/**
 * The mesh of a CreateServiceMesh of unknown outcome may show up in DescribeServiceMeshes late. It is
 * looked for (never created again) until the create's own timeout plus this window has passed since it
 * was sent, with backoff from 2 s to 30 s between looks.
 */
const LOOKUP = { windowMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(5 * 60_000), firstMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(2000), maxMs: (0,_time_scale_js__WEBPACK_IMPORTED_MODULE_1__/* .scaled */ .vK)(30_000) };
/**
 * Only ServiceMesh.NotFound means "no such mesh". StatusForbidden (HTTP 403) is answered for a deleted
 * mesh and for one the credentials may not see (docs/reference/asm-lifecycle-api.md §c, "Knowing it is
 * gone"): outside a deletion the two cannot be told apart, so it is an access error, never "gone".
 */
const NOT_FOUND = 'ServiceMesh.NotFound';
const AMBIGUOUS_FORBIDDEN = 'StatusForbidden';
/** Mesh ids are short runs of letters and digits (docs/reference/asm-api.md §2); nothing else is taken from an answer. */
const MESH_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;
const isFailedState = (state) => state === 'failed' || state === 'create_timeout' || state.endsWith('_failed');
function asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : {};
}
const str = (value) => (typeof value === 'string' ? value : '');
function meshInfo(info, api) {
    const id = str(info.ServiceMeshId);
    if (id !== '' && !MESH_ID.test(id))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`${api} answered a ServiceMeshId that is not a mesh id (${JSON.stringify(id.slice(0, 40))}).`, 'Check that the endpoint input names the Service Mesh API.');
    const errorMessage = str(info.ErrorMessage);
    return {
        id,
        name: str(info.Name),
        region: str(info.RegionId),
        state: str(info.State),
        ...(errorMessage && { errorMessage })
    };
}
const minutes = (ms) => `${Math.round(ms / 6000) / 10} min`;
function createMeshApi(options) {
    const { log } = options;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_4__/* .realSleep */ .u;
    const random = options.random ?? Math.random;
    const now = options.now ?? Date.now;
    const timeouts = { ...DEFAULT_MESH_TIMEOUTS, ...options.timeouts };
    const retry = { ..._client_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_RETRY */ .vI, ...options.retry };
    const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .createApiClient */ .yS)({
        endpoint: options.endpoint,
        credentials: options.credentials,
        log,
        sleep,
        random,
        retry,
        transport: options.transport
    });
    const api = (action, method, rest = {}) => client.call({ action, version: VERSION, method, timeout: timeouts.read, ...rest });
    async function findByName(name, region) {
        // The API has no name or region filter (docs/reference/asm-api.md §3): list all, filter here.
        const { body, requestId } = await api('DescribeServiceMeshes', 'GET');
        if (!Array.isArray(body.ServiceMeshes))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`DescribeServiceMeshes answered without a ServiceMeshes list; request id ${requestId || 'none'}`, `Check that ${options.endpoint.host} is the Service Mesh API endpoint.`);
        return body.ServiceMeshes.map(mesh => meshInfo(asObject(asObject(mesh).ServiceMeshInfo), 'DescribeServiceMeshes')).filter(mesh => mesh.name === name && mesh.region === region);
    }
    async function describe(meshId) {
        let response;
        try {
            response = await api('DescribeServiceMeshDetail', 'POST', { body: { ServiceMeshId: meshId } });
        }
        catch (error) {
            if (!(error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_3__/* .CloudCallError */ .S))
                throw error;
            if (error.failure.code === NOT_FOUND)
                return undefined;
            if (error.failure.code === AMBIGUOUS_FORBIDDEN)
                throw new _failure_js__WEBPACK_IMPORTED_MODULE_3__/* .CloudCallError */ .S(error.failure, error.attempts, options.endpoint.host, 'The API answers StatusForbidden both for a deleted mesh and for one these credentials may not ' +
                    `see, so mesh ${meshId} is not taken as gone and nothing is created in its place. Check that the ` +
                    'credentials may call servicemesh:DescribeServiceMeshDetail and that the mesh is in this account. ' +
                    'If it was deleted, delete its state record; the next apply then creates (or adopts) a mesh.');
            throw error;
        }
        const info = asObject(asObject(response.body.ServiceMesh).ServiceMeshInfo);
        if (typeof info.State !== 'string')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`DescribeServiceMeshDetail for ${meshId} answered without ServiceMesh.ServiceMeshInfo.State; ` +
                `request id ${response.requestId || 'none'}`, `Check that ${options.endpoint.host} is the Service Mesh API endpoint.`);
        return { ...meshInfo(info, 'DescribeServiceMeshDetail'), id: str(info.ServiceMeshId) || meshId };
    }
    async function findCreated(request, existing, look) {
        const where = `name "${request.name}" in ${request.region}`;
        const until = look.since + timeouts.create.readMs + LOOKUP.windowMs;
        let interval = LOOKUP.firstMs;
        for (;;) {
            let failure;
            try {
                const fresh = (await findByName(request.name, request.region)).filter(m => !existing.includes(m.id));
                if (fresh.length === 1)
                    return fresh[0];
                if (fresh.length > 1)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`${fresh.length} new meshes have ${where}: ${fresh.map(mesh => mesh.id).join(', ')}`, 'Decide which mesh to keep, delete the others in the ASM console, then re-run the job.');
            }
            catch (error) {
                if (!(error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_3__/* .CloudCallError */ .S && error.failure.retryable))
                    throw error;
                failure = error;
            }
            const remaining = until - now();
            if (remaining <= 0) {
                if (failure)
                    throw failure;
                return undefined;
            }
            if (failure)
                log.warning(`${failure.message}; looking again in ${Math.round(interval / 100) / 10} s`);
            await sleep(Math.min(interval, remaining), look.signal).catch(() => undefined);
            if (look.signal?.aborted)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Cancelled while looking for a mesh with ${where}; it may exist.`);
            interval = Math.min(interval * 2, LOOKUP.maxMs);
        }
    }
    async function create(request, existing, look = {}) {
        const where = `name "${request.name}" in ${request.region}`;
        const since = now();
        let reason;
        let requestId = '';
        try {
            const answer = await client.call({
                action: 'CreateServiceMesh',
                version: VERSION,
                method: 'POST',
                query: request.query,
                body: request.body,
                timeout: timeouts.create,
                retryUnknownOutcome: false
            });
            const meshId = answer.body.ServiceMeshId;
            if (typeof meshId === 'string' && MESH_ID.test(meshId))
                return { meshId, requestId: answer.requestId, recovered: false };
            requestId = answer.requestId;
            reason = `the answer (request id ${requestId || 'none'}) holds no ServiceMeshId`;
        }
        catch (error) {
            if (!(error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_3__/* .CloudCallError */ .S) || !error.failure.outcomeUnknown)
                throw error;
            reason = error.message;
            requestId = error.failure.requestId ?? '';
        }
        const window = timeouts.create.readMs + LOOKUP.windowMs;
        log.warning(`CreateServiceMesh: ${reason}. The mesh may exist now, so the create is not sent again; ` +
            `looking for ${where} until ${minutes(window)} after it was sent.`);
        const found = await findCreated(request, existing, { ...look, since }).catch((error) => {
            if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l))
                throw error;
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`CreateServiceMesh: the outcome is unknown (${reason}), and looking for ${where} failed too: ${error.message}`, `Look for a mesh with ${where} in the ASM console. The state record marks the create as unknown, ` +
                'so the next run looks for it first and records it instead of creating a second one.');
        });
        if (found) {
            log.info(`Found mesh ${found.id} with ${where}: the create went through.`);
            return { meshId: found.id, requestId, recovered: true };
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`CreateServiceMesh: the outcome is unknown (${reason}), and no new mesh with ${where} appeared within ` +
            `${minutes(window)} of the send; the create was not sent again.`, `Check the ASM console for a mesh with ${where}. The state record marks the create as unknown: the ` +
            'next run looks for the mesh first, records it if it appeared, and creates one only if it did not.');
    }
    async function waitUntilRunning(meshId, wait) {
        const start = now();
        const deadline = start + wait.timeoutSeconds * 1000;
        const cancelled = () => new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Stopped waiting for mesh ${meshId}: the job was cancelled. Creation continues in the cloud.`, `Check the mesh ${meshId} in the ASM console.`);
        let interval = POLL.firstMs;
        let last;
        for (;;) {
            const remaining = deadline - now();
            if (remaining <= 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Mesh ${meshId} is not running after ${wait.timeoutSeconds} s (last state: ${last?.state || 'unknown'}). ` +
                    'Creation continues in the cloud.', `Raise wait-timeout-seconds, or set wait: false and check mesh ${meshId} later in the ASM console.`);
            try {
                await sleep(Math.min(interval, remaining), wait.signal);
            }
            catch (error) {
                if (wait.signal?.aborted)
                    throw cancelled();
                throw error;
            }
            if (wait.signal?.aborted)
                throw cancelled();
            try {
                last = await describe(meshId);
            }
            catch (error) {
                if (!(error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_3__/* .CloudCallError */ .S && error.failure.retryable))
                    throw error;
                interval = Math.min(interval * 2, POLL.maxMs);
                log.warning(`${error.message}; polling again in ${interval / 1000} s`);
                continue;
            }
            if (!last)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Mesh ${meshId} no longer exists (DescribeServiceMeshDetail: not found) while waiting for it.`, 'Someone or something deleted it; check the ASM console, then re-run the job to create it again.');
            const elapsed = now() - start;
            wait.onProgress?.(last, Math.round(elapsed / 1000));
            if (last.state === 'running')
                return last;
            if (isFailedState(last.state))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Mesh ${meshId} failed (state ${last.state}): ${last.errorMessage || 'the API gave no ErrorMessage'}`, 'Fix the cause the message names (quotas, VPC or vSwitch, permissions), delete the failed mesh, and re-run.');
            interval = elapsed >= POLL.slowAfterMs ? POLL.slowMs : POLL.everyMs;
        }
    }
    return {
        create,
        findByName,
        findCreated,
        describe,
        waitUntilRunning,
        get calls() {
            return client.calls;
        }
    };
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


/***/ })

};
