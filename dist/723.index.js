export const id = 723;
export const ids = [723];
export const modules = {

/***/ 9996:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ decodeText),
/* harmony export */   p: () => (/* binding */ MAX_SPEC_BYTES)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7185);
/* harmony import */ var _problems_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4424);
/* harmony import */ var _rulebook_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3123);
/** The spec file's bytes → text: bounded in size, UTF-8 (RFC 3629) and printable as YAML 1.2 wants. */




const MAX_SPEC_BYTES = 1024 * 1024;
/** Bytes → text, or undefined with a diagnostic for oversized, binary or non-UTF-8 input. */
function decodeText(input, problems) {
    if (input.length > MAX_SPEC_BYTES) {
        // No size in `found`: a file is read only up to one byte past the limit (workspace.ts).
        problems.report(_rulebook_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_RULES */ .hV.size, _problems_js__WEBPACK_IMPORTED_MODULE_1__/* .START */ .d3, '', 'the spec file is larger than 1 MiB');
        return undefined;
    }
    const nul = input.indexOf(0);
    if (nul >= 0) {
        problems.report(_rulebook_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_RULES */ .hV.text, bytePosition(input, nul), '', 'the file contains NUL bytes: it looks binary, not a YAML text file');
        return undefined;
    }
    // The native check first: the byte loop below only has to find where a file goes wrong.
    const invalid = (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(input) ? -1 : firstInvalidUtf8(input);
    if (invalid >= 0) {
        problems.report(_rulebook_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_RULES */ .hV.text, bytePosition(input, invalid), '', 'the file is not valid UTF-8', {
            found: `byte 0x${input[invalid].toString(16).padStart(2, '0')} at offset ${invalid}`
        });
        return undefined;
    }
    const text = new TextDecoder('utf-8').decode(input);
    // YAML 1.2 allows only printable characters (tab, line breaks and the printable Unicode ranges).
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    const control = /[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]/.exec(text);
    if (control) {
        problems.report(_rulebook_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_RULES */ .hV.text, new _lines_js__WEBPACK_IMPORTED_MODULE_3__/* .LineIndex */ .r(text).range(control.index, control.index + 1), '', 'the file contains a control character, which YAML 1.2 does not allow', {
            found: `U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
        });
        return undefined;
    }
    return text;
}
function bytePosition(bytes, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset; i++) {
        if (bytes[i] === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    const column = offset - lineStart + 1;
    return { line, column, endLine: line, endColumn: column + 1 };
}
/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
function firstInvalidUtf8(bytes) {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) {
            i++;
            continue;
        }
        const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
        if (length === 0 || i + length > bytes.length)
            return i;
        const second = bytes[i + 1];
        const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
        const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
        if (second < low || second > high)
            return i;
        for (let j = 2; j < length; j++)
            if ((bytes[i + j] & 0xc0) !== 0x80)
                return i;
        i += length;
    }
    return -1;
}


/***/ }),

/***/ 7185:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ LineIndex)
/* harmony export */ });
class LineIndex {
    /** Offset of the first character of each line, ascending; line 1 starts at 0. */
    starts = [0];
    length;
    constructor(text) {
        this.length = text.length;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
            this.starts.push(i + 1);
    }
    /** The range from `start` to `end`, each clamped into the text (and `end` to no earlier than `start`). */
    range(start, end = start) {
        const from = this.clamp(start, 0);
        const [line, column] = this.lineColumn(from);
        const [endLine, endColumn] = this.lineColumn(this.clamp(end, from));
        return { line, column, endLine, endColumn };
    }
    clamp(offset, min) {
        return Math.min(Math.max(offset, min), this.length);
    }
    /** Binary search for the last line starting at or before `offset`. */
    lineColumn(offset) {
        let low = 0;
        let high = this.starts.length - 1;
        while (low < high) {
            const mid = (low + high + 1) >> 1;
            if (this.starts[mid] <= offset)
                low = mid;
            else
                high = mid - 1;
        }
        return [low + 1, offset - this.starts[low] + 1];
    }
}


/***/ }),

/***/ 4424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Zw: () => (/* binding */ Problems),
/* harmony export */   d3: () => (/* binding */ START)
/* harmony export */ });
/* unused harmony export MAX_DIAGNOSTICS */
const MAX_DIAGNOSTICS = 200;
class Problems {
    list = [];
    file;
    dropped = 0;
    constructor(file) {
        this.file = file;
    }
    /** A broken rule: an error or a warning as the rule's basis says (basis.ts). */
    report(rule, pos, path, message, detail = {}) {
        this.add(rule.level, pos, path, message, detail);
    }
    /** No more diagnostics will be listed: callers may skip work that only improves messages. */
    get isFull() {
        return this.list.length >= MAX_DIAGNOSTICS;
    }
    /** The diagnostics in file order, plus one line saying how many were left out. */
    all() {
        const sorted = [...this.list].sort((a, b) => a.line - b.line || a.column - b.column);
        if (this.dropped === 0)
            return sorted;
        const summary = {
            severity: 'error',
            file: this.file,
            line: 1,
            column: 1,
            path: '',
            message: `${this.dropped} more problems were found and not listed; fix the ones above first`
        };
        return [...sorted, summary];
    }
    add(severity, pos, path, message, detail) {
        if (this.list.length >= MAX_DIAGNOSTICS) {
            this.dropped++;
            return;
        }
        this.list.push({
            severity,
            file: this.file,
            line: pos.line,
            column: pos.column,
            endLine: pos.endLine,
            endColumn: pos.endColumn,
            path,
            message,
            ...(detail.expected === undefined ? {} : { expected: detail.expected }),
            ...(detail.found === undefined ? {} : { found: detail.found })
        });
    }
}
const START = { line: 1, column: 1, endLine: 1, endColumn: 1 };


/***/ }),

/***/ 3123:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Yl: () => (/* binding */ ENV_RULES),
/* harmony export */   hV: () => (/* binding */ FILE_RULES),
/* harmony export */   lE: () => (/* binding */ EXTRA_RULES),
/* harmony export */   on: () => (/* binding */ KEY_RULES)
/* harmony export */ });
/* harmony import */ var _basis_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/**
 * The rules that hold for every spec, whatever field they meet: the file, YAML, keys, types and `${NAME}`.
 * Rules of one field live in its entry of the field table (fields.ts), cross-field rules in rules.ts, the
 * rules of the structured values beside their checks; docs/rules.md lists them all (rules-doc.ts).
 */

const LIMITS = (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.2');
const FILE_RULES = {
    size: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file is at most 1 MiB.', LIMITS),
    text: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file is UTF-8 text without NUL bytes or control characters (YAML 1.2).', LIMITS),
    syntax: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file is valid YAML 1.2; the message points at the line of the mistake.', LIMITS),
    bounds: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('At most 64 levels of nesting, 50,000 YAML tokens, 100 aliases and 10,000 values added by aliases.', LIMITS),
    oneDocument: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file holds one YAML document (one mesh per file).', LIMITS),
    rootMapping: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('The file is not empty and its top level is a mapping.', LIMITS),
    duplicateKey: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('Each key appears once per mapping.', LIMITS),
    plainKey: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('Keys are plain names, not mappings or lists.', LIMITS),
    plainValue: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('Values are plain YAML: no tags such as !secret or !!binary.', LIMITS),
    alias: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('An alias (*name) refers to an anchor (&name) defined before it.', LIMITS)
};
const KEY_RULES = {
    unknownKey: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('Only known keys; the closest known key is suggested.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.2')),
    version: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('version: 1 is set.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4')),
    type: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)("Each value has its field's type: YAML 1.2 booleans (yes is a string), integers where the API takes " +
        'integers, a mapping for a section; a JSON string given for a mapping gets a hint to write YAML.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.2')),
    controlCharacter: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('A value holds no control characters or line breaks (except certificates and keys).', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .neverWorks */ .R_)('parameters are single lines of text, and values are printed in logs (SECURITY.md)')),
    emptyValue: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('A string is not empty where the field lists no empty value; leave the key out to leave it unset.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .borrowed */ .zF)('this action: an empty parameter is probably a mistake', 'docs/contract.md §4.2'))
};
const ENV_RULES = {
    reference: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('${NAME} is well formed and names a variable that is set and not empty.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.1')),
    expression: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('${{ … }} does not appear in the file: expressions are evaluated in workflow files only.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .neverWorks */ .R_)('GitHub evaluates ${{ }} in the workflow, never in a file the action reads')),
    bareReference: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('$NAME without braces is sent as written, not replaced.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .borrowed */ .zF)('this action: only ${NAME} is replaced', 'docs/contract.md §4.1')),
    ownVariables: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)("${NAME} names none of the runner's or the action's own variables (ACTIONS_*, GITHUB_*, RUNNER_*, " +
        "INPUT_*, ALIBABA_CLOUD_*), nor a variable holding one of the run's credentials.", (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.1')),
    fromSecret: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('A CA private key comes from ${NAME}, never written in the file.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.1'))
};
const EXTRA_RULES = {
    mapped: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('extraParameters does not name a parameter the spec maps.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .specFormat */ .BI)('§4.2')),
    reserved: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('extraParameters does not name a parameter of the RPC protocol (Action, Signature, ...).', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .neverWorks */ .R_)('it would break the signed request')),
    name: (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .rule */ .Hu)('An extra parameter is named with letters and digits, and its value is a single scalar.', (0,_basis_js__WEBPACK_IMPORTED_MODULE_0__/* .neverWorks */ .R_)('API parameter names are letters and digits, and their values single texts'))
};


/***/ }),

/***/ 9723:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createFileStore: () => (/* binding */ createFileStore)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8262);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _clock_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9373);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3916);
/* harmony import */ var _retry_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9809);
/* harmony import */ var _workspace_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3338);
/* harmony import */ var _document_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2120);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6992);
/**
 * `state: file`: the state document as a JSON file in the workspace.
 *
 * Revision = sha256 of the file's bytes. A write is a compare-and-swap between processes on one machine:
 * take `<file>.lock` (O_EXCL), re-check the revision, write a temp file and rename it over the record,
 * release the lock. A lock left by a crashed process is broken once it is older than `staleLockMs`.
 */









const sha256 = (bytes) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex');
const code = (error) => error.code;
/** The record's absolute path; the path must be relative and stay inside the workspace, links included. */
async function resolveInside(workspace, relative) {
    const outside = () => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .l(`state-file "${relative}" must be a path inside the workspace.`, 'Use a relative path such as .asm-state/<name>.json, without ".." leading out of the workspace.');
    if (relative.trim() === '' || node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(relative))
        throw outside();
    const root = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.realpath(workspace);
    const target = node_path__WEBPACK_IMPORTED_MODULE_2__.resolve(root, relative);
    // The workspace itself is no file to write.
    if (target === root || !(0,_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .isInside */ .FK)(root, target))
        throw outside();
    // A symbolic link on the way must not lead out either: check the deepest part that exists.
    let existing = target;
    for (;;) {
        try {
            const real = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.realpath(existing);
            if (!(0,_workspace_js__WEBPACK_IMPORTED_MODULE_6__/* .isInside */ .FK)(root, real))
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
    const staleLockMs = options.staleLockMs ?? _retry_js__WEBPACK_IMPORTED_MODULE_5__/* .POLL */ .eE.fileLock.staleAfterMs;
    const lockTimeoutMs = options.lockTimeoutMs ?? _retry_js__WEBPACK_IMPORTED_MODULE_5__/* .POLL */ .eE.fileLock.forMs;
    const sleep = options.sleep ?? _clock_js__WEBPACK_IMPORTED_MODULE_3__/* .realSleep */ .u;
    const description = `file ${options.path}`;
    const source = {
        description,
        reset: `Repair ${options.path} in the workspace, restore it from an earlier copy, or delete it to start over ` +
            '(the next apply then adopts the mesh by name and region, or creates one).'
    };
    const unreadable = (error, what) => unusable(options.path, error, what);
    let resolved;
    const file = () => (resolved ??= resolveInside(options.workspace, options.path).catch((error) => {
        throw error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .l ? error : unreadable(error, 'locate');
    }));
    return {
        description,
        async read() {
            const bytes = await readBytes(await file(), options.path);
            if (bytes === undefined)
                return {};
            return { document: (0,_document_js__WEBPACK_IMPORTED_MODULE_7__/* .parseStateDocument */ .eM)(bytes.toString('utf8'), source), revision: sha256(bytes) };
        },
        async siblings() {
            const target = await file();
            const names = await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readdir(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(target)).catch(() => []);
            const others = names
                .filter(name => name.endsWith('.json') && name !== node_path__WEBPACK_IMPORTED_MODULE_2__.basename(target))
                .slice(0, _store_js__WEBPACK_IMPORTED_MODULE_8__/* .MAX_SIBLINGS */ .N);
            const documents = [];
            for (const name of others) {
                const bytes = await readBytes(node_path__WEBPACK_IMPORTED_MODULE_2__.join(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(target), name), name).catch(() => undefined);
                const document = bytes && (0,_document_js__WEBPACK_IMPORTED_MODULE_7__/* .parsedOrUndefined */ .jq)(bytes.toString('utf8'), source);
                if (document)
                    documents.push(document);
            }
            return documents;
        },
        async write(document, expected, _message) {
            const target = await file();
            const text = (0,_document_js__WEBPACK_IMPORTED_MODULE_7__/* .serialiseStateDocument */ .a)(document);
            try {
                await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_2__.dirname(target), { recursive: true });
            }
            catch (error) {
                throw unreadable(error, 'create the directory of');
            }
            const release = await acquire(`${target}.lock`, {
                file: options.path,
                staleLockMs,
                lockTimeoutMs,
                sleep
            });
            try {
                const current = await readBytes(target, options.path);
                const revision = current === undefined ? undefined : sha256(current);
                if (revision !== expected) {
                    throw new _store_js__WEBPACK_IMPORTED_MODULE_8__/* .StateConflictError */ .K(`the state file ${options.path} changed since it was read`);
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
function unusable(file, error, what) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .l(`Cannot ${what} the state file ${file}: ${error.message}`, 'Check that the path is a regular file the runner user may read and write.');
}
async function readBytes(target, file) {
    try {
        return await node_fs__WEBPACK_IMPORTED_MODULE_1__.promises.readFile(target);
    }
    catch (error) {
        if (code(error) === 'ENOENT')
            return undefined;
        throw unusable(file, error, 'read');
    }
}
/**
 * Breaks the lock if it is stale; true when the lock is gone (broken or released meanwhile). The stale
 * file is moved aside first, so of two breakers only one moves it, and put back if it turns out to be a
 * fresh lock taken in between. A narrow window remains, but only right after a crash left a lock behind.
 */
async function breakIfStale(lock, staleLockMs) {
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
async function acquire(lock, options) {
    const { file, staleLockMs, lockTimeoutMs, sleep } = options;
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
                throw unusable(file, error, 'lock');
        }
        const gone = await breakIfStale(lock, staleLockMs).catch((error) => {
            throw unusable(file, error, 'lock');
        });
        if (gone)
            continue;
        if (Date.now() >= deadline) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ActionError */ .l(`The state file ${file} stayed locked by another run for ${Math.round(lockTimeoutMs / 1000)} s.`, `If no other run is writing it, delete ${file}.lock.`);
        }
        await sleep(_retry_js__WEBPACK_IMPORTED_MODULE_5__/* .POLL */ .eE.fileLock.everyMs);
    }
}


/***/ }),

/***/ 3338:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ isInside),
/* harmony export */   MB: () => (/* binding */ readSpecFile)
/* harmony export */ });
/* unused harmony export readBoundedFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8262);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _meshspec_input_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9996);
/**
 * The workspace: what is inside it (for the spec file and the state file), and the spec file read safely
 * from there (no escapes through `..`, absolute paths or links). Synchronous on purpose: a few small reads at
 * start-up, with nothing to overlap them with; the first async fs call would also pay for starting libuv's
 * thread pool.
 */




const code = (error) => error?.code;
/**
 * Whether `child` is `parent` or below it (both absolute and resolved). The folder itself counts as
 * inside: a caller that needs a file below it refuses the folder on its own terms ("is a directory").
 */
function isInside(parent, child) {
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(parent, child);
    return relative === '' || (!relative.startsWith('..') && !node_path__WEBPACK_IMPORTED_MODULE_1___default().isAbsolute(relative));
}
function readSpecFile(workspace, specPath) {
    if (!workspace) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l('GITHUB_WORKSPACE is not set', 'Run the action in a GitHub Actions job (or set GITHUB_WORKSPACE).');
    }
    if (!specPath.trim())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l('the spec input is empty', 'Set spec: to the path of the mesh spec file.');
    if (specPath.includes('\0'))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l('the spec path contains a NUL character', 'Fix the spec input.');
    const root = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(workspace);
    const candidate = node_path__WEBPACK_IMPORTED_MODULE_1___default().resolve(root, specPath);
    const relative = node_path__WEBPACK_IMPORTED_MODULE_1___default().relative(root, candidate).split((node_path__WEBPACK_IMPORTED_MODULE_1___default().sep)).join('/');
    const advice = `Give spec: as a path relative to the workspace (${root}), without .. leaving it.`;
    if (!isInside(root, candidate)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`the spec path ${JSON.stringify(specPath)} points outside the workspace`, advice);
    }
    let real;
    try {
        real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(candidate);
    }
    catch (error) {
        if (code(error) === 'ENOENT' || code(error) === 'ENOTDIR') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`spec file not found: ${relative} (tried ${candidate})`, 'Check the spec input, and run actions/checkout before this step.');
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`cannot resolve the spec path ${relative}: ${code(error) ?? String(error)}`, advice);
    }
    const realRoot = realRootOf(root);
    if (!isInside(realRoot, real)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`the spec path ${relative} is a link to a file outside the workspace`, advice);
    }
    try {
        return { relative, bytes: readRegularFile(real, relative, advice) };
    }
    catch (error) {
        if (error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l)
            throw error;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`cannot read the spec file ${relative}: ${code(error) ?? String(error)}`, advice);
    }
}
function realRootOf(root) {
    try {
        return node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(root);
    }
    catch {
        return root;
    }
}
function readRegularFile(real, relative, advice) {
    const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(real);
    if (info.isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`the spec path ${relative} is a directory`, 'Point spec: at the YAML file itself.');
    }
    if (!info.isFile())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l(`the spec path ${relative} is not a regular file`, advice);
    return readBoundedFile(real);
}
/**
 * A spec file's bytes, at most one byte more than MAX_SPEC_BYTES: enough for the spec engine to refuse
 * a larger file (meshspec/input-text.ts), whatever its size, without ever reading it whole. Not zero-filled: only the bytes read are
 * returned, and the pages never written cost no memory.
 */
function readBoundedFile(file) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'r');
    try {
        const buffer = Buffer.allocUnsafe(_meshspec_input_text_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_SPEC_BYTES */ .p + 1);
        let length = 0;
        while (length < buffer.length) {
            const bytesRead = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        return buffer.subarray(0, length);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}


/***/ })

};
