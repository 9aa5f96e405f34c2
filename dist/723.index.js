export const id = 723;
export const ids = [723];
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

/***/ 9723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createFileStore: () => (/* binding */ createFileStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _cloud_sleep_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3986);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2120);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6992);
/**
 * `state: file`: the state document as a JSON file in the workspace.
 *
 * Revision = sha256 of the file's bytes. A write is a compare-and-swap between processes on one machine:
 * take `<file>.lock` (O_EXCL), re-check the revision, write a temp file and rename it over the record,
 * release the lock. A lock left by a crashed process is broken once it is older than `staleLockMs`.
 */







const LOCK_POLL_MS = 25;
const sha256 = (bytes) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
const code = (error) => error.code;
/** The record's absolute path; the path must be relative and stay inside the workspace, links included. */
async function resolveInside(workspace, relative) {
    const outside = () => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l(`state-file "${relative}" must be a path inside the workspace.`, 'Use a relative path such as .asm-state/<name>.json, without ".." leading out of the workspace.');
    if (relative.trim() === '' || node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(relative))
        throw outside();
    const root = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.realpath(workspace);
    const target = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(root, relative);
    const isInside = (p) => {
        const rel = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(root, p);
        return rel !== '' && !rel.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(rel);
    };
    if (!isInside(target))
        throw outside();
    // A symbolic link on the way must not lead out either: check the deepest part that exists.
    let existing = target;
    for (;;) {
        try {
            const real = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.realpath(existing);
            if (real !== root && !isInside(real))
                throw outside();
            return target;
        }
        catch (error) {
            if (code(error) !== 'ENOENT')
                throw error;
            existing = node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(existing);
        }
    }
}
function createFileStore(options) {
    const staleLockMs = options.staleLockMs ?? 30_000;
    const lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
    const sleep = options.sleep ?? _cloud_sleep_js__WEBPACK_IMPORTED_MODULE_6__/* .realSleep */ .u;
    const description = `file ${options.path}`;
    const source = {
        description,
        reset: `Repair ${options.path} in the workspace, restore it from an earlier copy, or delete it to start over ` +
            '(the next apply then adopts the mesh by name and region, or creates one).'
    };
    const unreadable = (error, what) => new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l(`Cannot ${what} the state file ${options.path}: ${error.message}`, 'Check that the path is a regular file the runner user may read and write.');
    let resolved;
    const file = () => (resolved ??= resolveInside(options.workspace, options.path).catch((error) => {
        throw error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l ? error : unreadable(error, 'locate');
    }));
    async function readBytes(target) {
        try {
            return await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(target);
        }
        catch (error) {
            if (code(error) === 'ENOENT')
                return undefined;
            throw unreadable(error, 'read');
        }
    }
    /**
     * Breaks the lock if it is stale; true when the lock is gone (broken or released meanwhile). The stale
     * file is moved aside first, so of two breakers only one moves it, and put back if it turns out to be a
     * fresh lock taken in between. A narrow window remains, but only right after a crash left a lock behind.
     */
    async function breakIfStale(lock) {
        let stat;
        try {
            stat = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(lock);
        }
        catch (error) {
            if (code(error) === 'ENOENT')
                return true;
            throw error;
        }
        if (Date.now() - stat.mtimeMs < staleLockMs)
            return false;
        const aside = `${lock}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.stale`;
        try {
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(lock, aside);
        }
        catch (error) {
            if (code(error) === 'ENOENT')
                return true;
            throw error;
        }
        const moved = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.stat(aside);
        const fresh = moved.ino !== stat.ino;
        // A fresh lock taken between our stat and rename goes back, unless yet another one exists by now.
        if (fresh)
            await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.link(aside, lock).catch(() => undefined);
        await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(aside, { force: true });
        return !fresh;
    }
    async function acquire(lock) {
        const deadline = Date.now() + lockTimeoutMs;
        for (;;) {
            try {
                const handle = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.open(lock, node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_CREAT | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_EXCL | node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_WRONLY);
                await handle.writeFile(`${process.pid} ${new Date().toISOString()}\n`);
                await handle.close();
                return () => node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(lock, { force: true });
            }
            catch (error) {
                if (code(error) !== 'EEXIST')
                    throw unreadable(error, 'lock');
            }
            const gone = await breakIfStale(lock).catch((error) => {
                throw unreadable(error, 'lock');
            });
            if (gone)
                continue;
            if (Date.now() >= deadline) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l(`The state file ${options.path} stayed locked by another run for ${Math.round(lockTimeoutMs / 1000)} s.`, `If no other run is writing it, delete ${options.path}.lock.`);
            }
            await sleep(LOCK_POLL_MS);
        }
    }
    return {
        description,
        async read() {
            const bytes = await readBytes(await file());
            if (bytes === undefined)
                return {};
            return { document: (0,_document_js__WEBPACK_IMPORTED_MODULE_4__/* .parseStateDocument */ .eM)(bytes.toString('utf8'), source), revision: sha256(bytes) };
        },
        async write(document, expected, _message) {
            const target = await file();
            const text = (0,_document_js__WEBPACK_IMPORTED_MODULE_4__/* .serialiseStateDocument */ .a)(document);
            try {
                await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(target), { recursive: true });
            }
            catch (error) {
                throw unreadable(error, 'create the directory of');
            }
            const release = await acquire(`${target}.lock`);
            try {
                const current = await readBytes(target);
                const revision = current === undefined ? undefined : sha256(current);
                if (revision !== expected) {
                    throw new _store_js__WEBPACK_IMPORTED_MODULE_5__/* .StateConflictError */ .K(`the state file ${options.path} changed since it was read`);
                }
                const temp = `${target}.${process.pid}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`;
                try {
                    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.writeFile(temp, text, { flush: true });
                    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rename(temp, target);
                }
                catch (error) {
                    await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.rm(temp, { force: true });
                    throw unreadable(error, 'write');
                }
                return { revision: sha256(text), location: options.path };
            }
            finally {
                await release();
            }
        }
    };
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
