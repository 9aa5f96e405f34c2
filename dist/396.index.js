export const id = 396;
export const ids = [396];
export const modules = {

/***/ 3838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JN: () => (/* binding */ backoff),
/* harmony export */   vI: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   yS: () => (/* binding */ createApiClient)
/* harmony export */ });
/* unused harmony export resolveClientClass */
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2355);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3986);


/** Worst case about 1 + 2 + 4 s of backoff: long enough for a throttling window, short for a CI job. */
const DEFAULT_RETRY = { maxAttempts: 4, baseMs: 1000, capMs: 15000, maxHintMs: 60000 };
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
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_1__/* .realSleep */ .u;
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
                const failure = (0,_failure_js__WEBPACK_IMPORTED_MODULE_0__/* .classifyFailure */ .X)(call.action, error, call.timeout.readMs);
                const mayRepeat = failure.retryable && (call.retryUnknownOutcome !== false || !failure.outcomeUnknown);
                if (!mayRepeat || attempt >= policy.maxAttempts)
                    throw new _failure_js__WEBPACK_IMPORTED_MODULE_0__/* .CloudCallError */ .S(failure, attempt, host);
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
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3838);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2355);
/* harmony import */ var _sleep_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3986);
/** MeshApi over the ASM 2020-01-11 API (docs/reference/asm-api.md §2, §3). */




const VERSION = '2020-01-11';
const DEFAULT_MESH_TIMEOUTS = {
    read: { readMs: 10000, connectMs: 10000 },
    create: { readMs: 30000, connectMs: 30000 }
};
/** Polling: every 5 s (one poll per 5 s on average, the lag after `running` under 5 s), every 10 s after 5 min. */
const POLL = { firstMs: 5000, everyMs: 5000, slowMs: 10000, slowAfterMs: 300000, maxMs: 30000 };
/** Sends of CreateServiceMesh in all, when each earlier one ended unknown and no mesh was found. */
const MAX_CREATE_SENDS = 3;
/** The least time given to an in-flight create to show up in DescribeServiceMeshes. */
const LOOKUP_DELAY_MS = 2000;
const NOT_FOUND = ['ServiceMesh.NotFound', 'StatusForbidden'];
const isFailedState = (state) => state === 'failed' || state === 'create_timeout' || state.endsWith('_failed');
function asObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : {};
}
const str = (value) => (typeof value === 'string' ? value : '');
function meshInfo(info) {
    const errorMessage = str(info.ErrorMessage);
    return {
        id: str(info.ServiceMeshId),
        name: str(info.Name),
        region: str(info.RegionId),
        state: str(info.State),
        ...(errorMessage && { errorMessage })
    };
}
function createMeshApi(options) {
    const { log } = options;
    const sleep = options.sleep ?? _sleep_js__WEBPACK_IMPORTED_MODULE_3__/* .realSleep */ .u;
    const random = options.random ?? Math.random;
    const now = options.now ?? Date.now;
    const timeouts = { ...DEFAULT_MESH_TIMEOUTS, ...options.timeouts };
    const retry = { ..._client_js__WEBPACK_IMPORTED_MODULE_1__/* .DEFAULT_RETRY */ .vI, ...options.retry };
    const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .createApiClient */ .yS)({
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
        return body.ServiceMeshes.map(mesh => meshInfo(asObject(asObject(mesh).ServiceMeshInfo))).filter(mesh => mesh.name === name && mesh.region === region);
    }
    async function describe(meshId) {
        let response;
        try {
            response = await api('DescribeServiceMeshDetail', 'POST', { body: { ServiceMeshId: meshId } });
        }
        catch (error) {
            // The API answers StatusForbidden for a deleted mesh as well (docs/reference/asm-api.md §3, Terraform's reading).
            if (error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_2__/* .CloudCallError */ .S && NOT_FOUND.includes(error.failure.code ?? ''))
                return undefined;
            throw error;
        }
        const info = asObject(asObject(response.body.ServiceMesh).ServiceMeshInfo);
        if (typeof info.State !== 'string')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`DescribeServiceMeshDetail for ${meshId} answered without ServiceMesh.ServiceMeshInfo.State; ` +
                `request id ${response.requestId || 'none'}`, `Check that ${options.endpoint.host} is the Service Mesh API endpoint.`);
        return { ...meshInfo(info), id: str(info.ServiceMeshId) || meshId };
    }
    async function create(request, existing = []) {
        const where = `name "${request.name}" in ${request.region}`;
        for (let send = 1;; send++) {
            let unknown;
            try {
                const { body, requestId } = await client.call({
                    action: 'CreateServiceMesh',
                    version: VERSION,
                    method: 'POST',
                    query: request.query,
                    body: request.body,
                    timeout: timeouts.create,
                    retryUnknownOutcome: false
                });
                if (typeof body.ServiceMeshId === 'string' && body.ServiceMeshId)
                    return { meshId: body.ServiceMeshId, requestId, recovered: false };
                unknown = `the answer (request id ${requestId || 'none'}) holds no ServiceMeshId`;
            }
            catch (error) {
                if (!(error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_2__/* .CloudCallError */ .S) || !error.failure.outcomeUnknown)
                    throw error;
                unknown = error;
            }
            const reason = typeof unknown === 'string' ? unknown : unknown.message;
            log.warning(`CreateServiceMesh: ${reason}. The mesh may exist now; looking for ${where} before anything else.`);
            // A moment for an in-flight create to become visible in the list (never zero: jitter may be 0).
            await sleep(Math.max(LOOKUP_DELAY_MS, (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .backoff */ .JN)(send, retry, random)));
            const seen = await findByName(request.name, request.region).catch((error) => {
                if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l))
                    throw error;
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`CreateServiceMesh: the outcome is unknown (${reason}), and looking for ${where} failed too: ${error.message}`, `Look for a mesh with ${where} in the ASM console before re-running; ` +
                    'the next run adopts it (adopt-existing) instead of creating a second one.');
            });
            const found = seen.filter(mesh => !existing.includes(mesh.id));
            if (found.length === 1) {
                log.info(`Found mesh ${found[0].id} with ${where}: the create went through.`);
                const requestId = typeof unknown === 'string' ? '' : (unknown.failure.requestId ?? '');
                return { meshId: found[0].id, requestId, recovered: true };
            }
            if (found.length > 1)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`CreateServiceMesh: the outcome was unknown (${reason}) and ${found.length} meshes have ${where}: ` +
                    found.map(mesh => mesh.id).join(', '), 'Decide which mesh to keep, delete the others in the ASM console, then re-run the job.');
            if (send >= MAX_CREATE_SENDS)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`CreateServiceMesh: ${send} sends ended without a clear answer (last: ${reason}) and no mesh has ${where}`, `Check that the runner can reach ${options.endpoint.host}, then re-run the job; ` +
                    'if a mesh shows up in the ASM console later, the next run adopts it (adopt-existing).');
            log.info(`No mesh has ${where}: the create did not happen; sending it again (${send + 1} of ${MAX_CREATE_SENDS}).`);
        }
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
                if (!(error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_2__/* .CloudCallError */ .S && error.failure.retryable))
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
