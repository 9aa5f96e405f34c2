export const id = 319;
export const ids = [319];
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

/***/ 5319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GITHUB_ISSUER: () => (/* binding */ GITHUB_ISSUER),
/* harmony export */   STS_TIMEOUT: () => (/* binding */ STS_TIMEOUT),
/* harmony export */   resolveCredentials: () => (/* binding */ resolveCredentials),
/* harmony export */   tokenClaims: () => (/* binding */ tokenClaims)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _credential_plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5990);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3838);
/* harmony import */ var _failure_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2355);
/**
 * A credential plan (credential-plan.ts) turned into Credentials: keys as given, or for OIDC the GitHub
 * token exchanged at STS AssumeRoleWithOIDC, with errors turned into trust-policy advice.
 */




const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
/** AssumeRoleWithOIDC answers in well under a second; 10 s allows a slow network, not a hung one. */
const STS_TIMEOUT = { readMs: 10000, connectMs: 10000 };
async function resolveCredentials(plan, deps) {
    switch (plan.kind) {
        case 'none':
            throw (0,_credential_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .missingCredentialsError */ .D8)();
        case 'static':
        case 'env': {
            deps.setSecret(plan.keys.accessKeySecret);
            if (plan.keys.securityToken)
                deps.setSecret(plan.keys.securityToken);
            deps.log.info(`Credentials: AccessKey ${redactedId(plan.keys.accessKeyId)} from ${plan.kind === 'static' ? 'the action inputs' : 'the environment'}`);
            return { ...plan.keys, source: plan.kind };
        }
        case 'oidc':
            return assumeRoleWithOidc(plan.oidc, plan.stsEndpoint, deps);
    }
}
async function assumeRoleWithOidc(oidc, sts, deps) {
    let token;
    try {
        token = await deps.getIDToken(oidc.audience);
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`Could not get a GitHub OIDC token for audience "${oidc.audience}": ${error.message}`, 'Check that the job has `permissions: id-token: write`; pull requests from forks never get a token.');
    }
    deps.setSecret(token);
    const client = (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .createApiClient */ .yS)({
        endpoint: sts,
        log: deps.log,
        sleep: deps.sleep,
        random: deps.random,
        retry: deps.retry,
        transport: deps.transport
    });
    let response;
    try {
        // Parameters in the query, as sts20150401 1.1.4 sends them through this library (reference §4.1).
        response = await client.call({
            action: 'AssumeRoleWithOIDC',
            version: '2015-04-01',
            method: 'POST',
            anonymous: true,
            query: {
                OIDCProviderArn: oidc.providerArn,
                RoleArn: oidc.roleArn,
                OIDCToken: token,
                RoleSessionName: oidc.roleSessionName,
                DurationSeconds: String(oidc.durationSeconds)
            },
            timeout: deps.stsTimeout ?? STS_TIMEOUT
        });
    }
    catch (error) {
        if (error instanceof _failure_js__WEBPACK_IMPORTED_MODULE_3__/* .CloudCallError */ .S && error.failure.kind === 'client')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(error.message, stsAdvice(error.failure.code ?? '', oidc, token) ?? error.advice);
        throw error;
    }
    const issued = response.body.Credentials;
    const field = (name) => (typeof issued?.[name] === 'string' ? issued[name] : '');
    const accessKeyId = field('AccessKeyId');
    const accessKeySecret = field('AccessKeySecret');
    const securityToken = field('SecurityToken');
    // Masked before anything else can print them.
    if (accessKeySecret)
        deps.setSecret(accessKeySecret);
    if (securityToken)
        deps.setSecret(securityToken);
    if (!accessKeyId || !accessKeySecret || !securityToken)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .l(`AssumeRoleWithOIDC answered without Credentials.AccessKeyId/AccessKeySecret/SecurityToken; ` +
            `request id ${response.requestId || 'none'}`, `Check that ${sts.host} is an Alibaba Cloud STS endpoint (the sts-endpoint input).`);
    const expiration = field('Expiration');
    deps.log.info(`Credentials: assumed ${oidc.roleArn} with the GitHub OIDC token via ${sts.host}` +
        (expiration ? ` (valid until ${expiration})` : ''));
    return { accessKeyId, accessKeySecret, securityToken, source: 'oidc', ...(expiration && { expiration }) };
}
/** The token's claims that trust policies test; none of them is secret. The signature is not checked. */
function tokenClaims(token) {
    let payload = {};
    try {
        payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    }
    catch {
        // Not a JWT: every claim shows as "?" below.
    }
    const claim = (name) => {
        const value = payload?.[name];
        return Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : '?';
    };
    return {
        iss: claim('iss'),
        sub: claim('sub'),
        aud: claim('aud'),
        repository: claim('repository'),
        ref: claim('ref')
    };
}
function stsAdvice(code, oidc, token) {
    const claims = tokenClaims(token);
    const shown = Object.entries(claims)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ');
    if (code.endsWith('AudienceNotMatch'))
        return (`The audience input ("${oidc.audience}") must equal a Client ID of the RAM OIDC provider ${oidc.providerArn}: ` +
            'change the input or add it as a Client ID.');
    if (code.endsWith('IssuerNotMatch'))
        return `The RAM OIDC provider ${oidc.providerArn} must have the issuer URL ${GITHUB_ISSUER} (the token's iss is ${claims.iss}).`;
    if (code === 'AuthenticationFail.NoPermission')
        return (`The trust policy of ${oidc.roleArn} must allow the provider ${oidc.providerArn} with conditions that match ` +
            `this token: oidc:iss = ${claims.iss}, oidc:aud = ${claims.aud}, oidc:sub = ${claims.sub} ` +
            `(StringLike with * works, e.g. repo:${claims.repository}:*). Token claims: ${shown}.`);
    if (code.startsWith('EntityNotExist.Role'))
        return `The role ${oidc.roleArn} does not exist: check role-to-assume (account id and role name).`;
    if (code.endsWith('Expired'))
        return 'The token had expired when STS checked it: re-run the job; on a self-hosted runner, check the clock (NTP).';
    if (code.endsWith('PublicKeyFingerprintMismatch') || code.endsWith('IssuerConfigurationBroken'))
        return `Update the fingerprint of the RAM OIDC provider ${oidc.providerArn} for ${GITHUB_ISSUER}.`;
    if (code.startsWith('AuthenticationFail'))
        return `STS rejected the GitHub token for ${oidc.roleArn}. Token claims: ${shown}.`;
    return undefined;
}
/** Enough of an AccessKey ID to tell keys apart in a log, not the whole credential: `LTAI…mKeY`. */
const redactedId = (id) => (id.length > 8 ? `${id.slice(0, 4)}…${id.slice(-4)}` : '…');


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


/***/ })

};
