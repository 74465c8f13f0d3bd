export const id = 279;
export const ids = [279,378];
export const modules = {

/***/ 16378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_RETRY: () => (/* binding */ DEFAULT_RETRY),
/* harmony export */   bD: () => (/* binding */ withRetry),
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   hD: () => (/* binding */ rateLimitWait)
/* harmony export */ });
/**
 * Four tries, 1 s, 2 s, 4 s apart: GitHub's 5xx blips usually clear within seconds. Rate limits
 * are waited out for up to 5 minutes: GitHub's secondary limits ask for about a minute, and a
 * primary limit that resets later than that is better reported than waited on by a paid runner.
 */
const DEFAULT_RETRY = {
    attempts: 4,
    firstDelayMs: 1000,
    maxDelayMs: 10_000,
    maxRateLimitWaitMs: 5 * 60_000,
    requestTimeoutMs: 2 * 60_000,
};
/**
 * Runs `call` until it succeeds, `isRetryable(error)` says no, or attempts run out; the last
 * error is thrown unchanged, so nothing is swallowed. `onRetry` reports each retry.
 */
async function withRetry(call, isRetryable, policy = DEFAULT_RETRY, onRetry) {
    for (let attempt = 1;; attempt++) {
        try {
            return await call();
        }
        catch (error) {
            if (attempt >= policy.attempts || !isRetryable(error))
                throw error;
            const delay = Math.min(policy.firstDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
            onRetry?.(error, attempt, delay);
            await new Promise((resolve) => setTimeout(resolve, delay));
        }
    }
}
/** Server errors (5xx) and network failures are worth retrying at once; 4xx are not (rate limits: see rateLimitDelayMs). */
function isTransient(error) {
    const status = error?.status;
    if (typeof status === 'number')
        return status >= 500;
    return true;
}
/**
 * Reads a rate-limit answer as GitHub documents it ("Best practices for using the REST API"):
 * a 403 or 429 with `retry-after` (seconds) waits that long; with `x-ratelimit-remaining: 0`
 * waits until `x-ratelimit-reset` (epoch seconds); any other 429 waits a minute. A 403 with
 * neither header is a permission refusal, not a rate limit: undefined.
 */
function rateLimitWait(error, nowMs) {
    const status = error?.status;
    if (status !== 403 && status !== 429)
        return undefined;
    const headers = error.response?.headers ?? {};
    const header = (name) => {
        const value = headers[name];
        return value === undefined || value === null ? undefined : String(value);
    };
    const retryAfter = header('retry-after');
    if (retryAfter !== undefined && /^\d{1,7}$/.test(retryAfter.trim())) {
        // At least a second: `retry-after: 0` repeated would otherwise spin without using up any budget.
        return { delayMs: Math.max(1, Number(retryAfter.trim())) * 1000, reason: `retry-after: ${retryAfter.trim()}` };
    }
    const reset = header('x-ratelimit-reset');
    if (header('x-ratelimit-remaining') === '0' && reset !== undefined && /^\d{1,12}$/.test(reset.trim())) {
        const resetMs = Number(reset.trim()) * 1000;
        // One extra second: GitHub's reset is whole seconds and clocks differ a little.
        return {
            delayMs: Math.max(0, resetMs - nowMs) + 1000,
            reason: `x-ratelimit-remaining: 0 until ${new Date(resetMs).toISOString()}`,
        };
    }
    return status === 429 ? { delayMs: 60_000, reason: 'HTTP 429 without retry-after' } : undefined;
}


/***/ }),

/***/ 74279:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gatewayCheckCommand: () => (/* binding */ gatewayCheckCommand),
  gatewayCommand: () => (/* binding */ gatewayCommand),
  gatewayReplayDeadCommand: () => (/* binding */ gatewayReplayDeadCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/adapters/bounded-file.ts
var bounded_file = __webpack_require__(79144);
// EXTERNAL MODULE: ./node_modules/ajv/dist/runtime/ucs2length.js
var ucs2length = __webpack_require__(36214);
;// CONCATENATED MODULE: ./src/generated/gateway-validator.js
// Generated from remediations/gateway.schema.json by scripts/build-validators.mjs; do not edit.
/* eslint-disable */

const runtime = (m) => (typeof m === "function" ? m : m.default);
"use strict";const validate = (/* unused pure expression or super */ null && (validate10));/* harmony default export */ const gateway_validator = (validate10);const schema11 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://remediate.dev/schemas/gateway-v1.json","title":"Alert gateway configuration (remediate gateway --config gateway.yml)","type":"object","additionalProperties":false,"required":["listen","state","github","sources","rules"],"properties":{"listen":{"description":"An address like 127.0.0.1:9095 or [::1]:9095 (port 0 picks a free port).","type":"string","pattern":"^(?:\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})):(?:0|[1-9][0-9]{0,4})$"},"state":{"description":"The folder of the gateway's durable state; a relative path is taken from the config file's folder.","type":"string","minLength":1,"maxLength":4096},"github":{"type":"object","additionalProperties":false,"required":["repository"],"$comment":"Exactly one of token-env or app; each branch lists its property only to satisfy ajv's strict mode.","oneOf":[{"properties":{"token-env":true},"required":["token-env"]},{"properties":{"app":true},"required":["app"]}],"properties":{"repository":{"description":"An owner/name like acme/ops.","type":"string","pattern":"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$"},"token-env":{"description":"The environment variable holding the GitHub token (or use app, not both).","$ref":"#/definitions/envName"},"app":{"description":"Authenticate as a GitHub App installed on the repository (or use token-env, not both).","type":"object","additionalProperties":false,"required":["id","private-key-file","installation-id"],"properties":{"id":{"description":"The App's id (a number) or client id (Iv...), both on the App's settings page.","type":["integer","string"],"minimum":1,"maximum":9007199254740991,"pattern":"^(?:[1-9][0-9]{0,15}|Iv[A-Za-z0-9._-]{1,98})$"},"private-key-file":{"description":"The App's private key (the .pem from its settings, \"Private keys\"), mode 0600; a relative path is taken from the config file's folder.","type":"string","minLength":1,"maxLength":4096},"installation-id":{"description":"The installation's id: the number at the end of its settings URL (.../settings/installations/<id>).","type":"integer","minimum":1,"maximum":9007199254740991}}},"api-url":{"description":"An https:// URL (http:// only on a loopback address), like https://github.example.com/api/v3.","type":"string","pattern":"^https?://[^\\s]{1,2000}$"},"event-type":{"description":"The repository_dispatch event type: 1-100 letters, digits and . _ - (default remediate).","type":"string","pattern":"^[A-Za-z0-9._-]{1,100}$"}}},"sources":{"type":"array","minItems":1,"maxItems":64,"items":{"type":"object","additionalProperties":false,"required":["id","type","path","auth"],"properties":{"id":{"description":"Lower-case letters, digits and '-', at most 64.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},"type":{"enum":["alertmanager","grafana","pagerduty","generic"]},"path":{"description":"A URL path like /alertmanager: '/' then letters, digits and . _ ~ / -, at most 200.","type":"string","pattern":"^/[A-Za-z0-9._~/-]{0,199}$"},"auth":{"description":"How requests prove they come from the sender: a bearer token, an HMAC signature, or both (both are then required).","type":"object","additionalProperties":false,"properties":{"bearer-env":{"description":"The environment variable holding the token expected as `Authorization: Bearer <token>`.","$ref":"#/definitions/envName"},"hmac-env":{"description":"The environment variable holding the HMAC-SHA256 signing secret.","$ref":"#/definitions/envName"},"timestamp-header":{"description":"Grafana only: the header name configured as the HMAC signature's timestamp header.","type":"string","pattern":"^[A-Za-z0-9-]{1,100}$"}}}}}},"rules":{"type":"array","maxItems":1000,"items":{"type":"object","additionalProperties":false,"required":["source","match","remediation"],"properties":{"source":{"type":"string","minLength":1,"maxLength":64},"match":{"description":"Labels the alert must have: each an exact value, or {regex: ...} matched against the whole value.","type":"object","minProperties":1,"maxProperties":32,"propertyNames":{"$ref":"#/definitions/labelName"},"additionalProperties":{"description":"An exact value, or {regex: ...} matched against the whole value.","type":["string","object"],"maxLength":1024,"additionalProperties":false,"required":["regex"],"properties":{"regex":{"type":"string","minLength":1,"maxLength":1024}}}},"remediation":{"description":"An exact version like reapply-config@v1.0.0.","type":"string","minLength":1,"maxLength":200},"target":{"description":"The run's target: {label: name, strip-port?: true} or {value: text}.","type":"object","additionalProperties":false,"properties":{"label":{"$ref":"#/definitions/labelName"},"strip-port":{"type":"boolean"},"value":{"type":"string","minLength":1,"maxLength":200}}},"params":{"type":"object","maxProperties":64,"propertyNames":{"pattern":"^[a-z][a-z0-9_-]{0,62}$"},"additionalProperties":{"$ref":"#/definitions/valueFrom"}},"on-resolved":{"description":"What a resolved alert this rule matches does: absent, it is recorded only; with event-type, it is also dispatched under that event type (never the fix's), for a workflow of your own.","type":"object","additionalProperties":false,"required":["event-type"],"properties":{"event-type":{"description":"The repository_dispatch event type of resolutions: 1-100 letters, digits and . _ -.","type":"string","pattern":"^[A-Za-z0-9._-]{1,100}$"}}},"rate-limit":{"description":"At most `max` dispatches per rule and target within the window; beyond it alerts are recorded as throttled.","type":"object","additionalProperties":false,"required":["max","within"],"properties":{"max":{"type":"integer","minimum":1,"maximum":10000},"within":{"$ref":"#/definitions/duration"}}}}}}},"definitions":{"envName":{"description":"An environment variable name like AM_BEARER.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"},"labelName":{"description":"A label name: letters, digits and _, not starting with a digit.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"},"duration":{"description":"A duration like 30s, 10m or 1h.","type":"string","pattern":"^[1-9][0-9]{0,6}(ms|s|m|h)$"},"valueFrom":{"description":"{label: name} or {value: text}.","type":"object","additionalProperties":false,"properties":{"label":{"$ref":"#/definitions/labelName"},"value":{"type":"string","maxLength":4096}}}}};const schema12 = {"description":"An environment variable name like AM_BEARER.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"};const schema15 = {"description":"A label name: letters, digits and _, not starting with a digit.","type":"string","pattern":"^[A-Za-z_][A-Za-z0-9_]{0,127}$"};const schema19 = {"description":"A duration like 30s, 10m or 1h.","type":"string","pattern":"^[1-9][0-9]{0,6}(ms|s|m|h)$"};const pattern0 = new RegExp("^(?:\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})):(?:0|[1-9][0-9]{0,4})$", "u");const pattern1 = new RegExp("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$", "u");const pattern2 = new RegExp("^[A-Za-z_][A-Za-z0-9_]{0,127}$", "u");const pattern3 = new RegExp("^(?:[1-9][0-9]{0,15}|Iv[A-Za-z0-9._-]{1,98})$", "u");const pattern4 = new RegExp("^https?://[^\\s]{1,2000}$", "u");const pattern5 = new RegExp("^[A-Za-z0-9._-]{1,100}$", "u");const pattern6 = new RegExp("^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$", "u");const pattern7 = new RegExp("^/[A-Za-z0-9._~/-]{0,199}$", "u");const pattern10 = new RegExp("^[A-Za-z0-9-]{1,100}$", "u");const pattern13 = new RegExp("^[a-z][a-z0-9_-]{0,62}$", "u");const pattern16 = new RegExp("^[1-9][0-9]{0,6}(ms|s|m|h)$", "u");const func2 = runtime(ucs2length);const schema17 = {"description":"{label: name} or {value: text}.","type":"object","additionalProperties":false,"properties":{"label":{"$ref":"#/definitions/labelName"},"value":{"type":"string","maxLength":4096}}};function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){for(const key0 in data){if(!((key0 === "label") || (key0 === "value"))){const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema17,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}}if(data.label !== undefined){let data0 = data.label;if(typeof data0 === "string"){if(!pattern2.test(data0)){const err1 = {instancePath:instancePath+"/label",schemaPath:"#/definitions/labelName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema15,data:data0};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}}else {const err2 = {instancePath:instancePath+"/label",schemaPath:"#/definitions/labelName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data0};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}}if(data.value !== undefined){let data1 = data.value;if(typeof data1 === "string"){if(func2(data1) > 4096){const err3 = {instancePath:instancePath+"/value",schemaPath:"#/properties/value/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema17.properties.value,data:data1};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}}else {const err4 = {instancePath:instancePath+"/value",schemaPath:"#/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema17.properties.value.type,parentSchema:schema17.properties.value,data:data1};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}}}else {const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema17.type,parentSchema:schema17,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}validate11.errors = vErrors;return errors === 0;}function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){/*# sourceURL="https://remediate.dev/schemas/gateway-v1.json" */;let vErrors = null;let errors = 0;if(data && typeof data == "object" && !Array.isArray(data)){if(data.listen === undefined){const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "listen"},message:"must have required property '"+"listen"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;}if(data.state === undefined){const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "state"},message:"must have required property '"+"state"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err1];}else {vErrors.push(err1);}errors++;}if(data.github === undefined){const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "github"},message:"must have required property '"+"github"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err2];}else {vErrors.push(err2);}errors++;}if(data.sources === undefined){const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "sources"},message:"must have required property '"+"sources"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err3];}else {vErrors.push(err3);}errors++;}if(data.rules === undefined){const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "rules"},message:"must have required property '"+"rules"+"'",schema:schema11.required,parentSchema:schema11,data};if(vErrors === null){vErrors = [err4];}else {vErrors.push(err4);}errors++;}for(const key0 in data){if(!(((((key0 === "listen") || (key0 === "state")) || (key0 === "github")) || (key0 === "sources")) || (key0 === "rules"))){const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema11,data};if(vErrors === null){vErrors = [err5];}else {vErrors.push(err5);}errors++;}}if(data.listen !== undefined){let data0 = data.listen;if(typeof data0 === "string"){if(!pattern0.test(data0)){const err6 = {instancePath:instancePath+"/listen",schemaPath:"#/properties/listen/pattern",keyword:"pattern",params:{pattern: "^(?:\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})):(?:0|[1-9][0-9]{0,4})$"},message:"must match pattern \""+"^(?:\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})):(?:0|[1-9][0-9]{0,4})$"+"\"",schema:"^(?:\\[[0-9A-Fa-f:.]{2,45}\\]|[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252})):(?:0|[1-9][0-9]{0,4})$",parentSchema:schema11.properties.listen,data:data0};if(vErrors === null){vErrors = [err6];}else {vErrors.push(err6);}errors++;}}else {const err7 = {instancePath:instancePath+"/listen",schemaPath:"#/properties/listen/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.listen.type,parentSchema:schema11.properties.listen,data:data0};if(vErrors === null){vErrors = [err7];}else {vErrors.push(err7);}errors++;}}if(data.state !== undefined){let data1 = data.state;if(typeof data1 === "string"){if(func2(data1) > 4096){const err8 = {instancePath:instancePath+"/state",schemaPath:"#/properties/state/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.state,data:data1};if(vErrors === null){vErrors = [err8];}else {vErrors.push(err8);}errors++;}if(func2(data1) < 1){const err9 = {instancePath:instancePath+"/state",schemaPath:"#/properties/state/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.state,data:data1};if(vErrors === null){vErrors = [err9];}else {vErrors.push(err9);}errors++;}}else {const err10 = {instancePath:instancePath+"/state",schemaPath:"#/properties/state/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.state.type,parentSchema:schema11.properties.state,data:data1};if(vErrors === null){vErrors = [err10];}else {vErrors.push(err10);}errors++;}}if(data.github !== undefined){let data2 = data.github;const _errs9 = errors;let valid1 = false;let passing0 = null;const _errs10 = errors;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2["token-env"] === undefined){const err11 = {instancePath:instancePath+"/github",schemaPath:"#/properties/github/oneOf/0/required",keyword:"required",params:{missingProperty: "token-env"},message:"must have required property '"+"token-env"+"'",schema:schema11.properties.github.oneOf[0].required,parentSchema:schema11.properties.github.oneOf[0],data:data2};if(vErrors === null){vErrors = [err11];}else {vErrors.push(err11);}errors++;}}var _valid0 = _errs10 === errors;if(_valid0){valid1 = true;passing0 = 0;}const _errs11 = errors;if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2.app === undefined){const err12 = {instancePath:instancePath+"/github",schemaPath:"#/properties/github/oneOf/1/required",keyword:"required",params:{missingProperty: "app"},message:"must have required property '"+"app"+"'",schema:schema11.properties.github.oneOf[1].required,parentSchema:schema11.properties.github.oneOf[1],data:data2};if(vErrors === null){vErrors = [err12];}else {vErrors.push(err12);}errors++;}}var _valid0 = _errs11 === errors;if(_valid0 && valid1){valid1 = false;passing0 = [passing0, 1];}else {if(_valid0){valid1 = true;passing0 = 1;}}if(!valid1){const err13 = {instancePath:instancePath+"/github",schemaPath:"#/properties/github/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf",schema:schema11.properties.github.oneOf,parentSchema:schema11.properties.github,data:data2};if(vErrors === null){vErrors = [err13];}else {vErrors.push(err13);}errors++;}else {errors = _errs9;if(vErrors !== null){if(_errs9){vErrors.length = _errs9;}else {vErrors = null;}}}if(data2 && typeof data2 == "object" && !Array.isArray(data2)){if(data2.repository === undefined){const err14 = {instancePath:instancePath+"/github",schemaPath:"#/properties/github/required",keyword:"required",params:{missingProperty: "repository"},message:"must have required property '"+"repository"+"'",schema:schema11.properties.github.required,parentSchema:schema11.properties.github,data:data2};if(vErrors === null){vErrors = [err14];}else {vErrors.push(err14);}errors++;}for(const key1 in data2){if(!(((((key1 === "repository") || (key1 === "token-env")) || (key1 === "app")) || (key1 === "api-url")) || (key1 === "event-type"))){const err15 = {instancePath:instancePath+"/github",schemaPath:"#/properties/github/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.github,data:data2};if(vErrors === null){vErrors = [err15];}else {vErrors.push(err15);}errors++;}}if(data2.repository !== undefined){let data3 = data2.repository;if(typeof data3 === "string"){if(!pattern1.test(data3)){const err16 = {instancePath:instancePath+"/github/repository",schemaPath:"#/properties/github/properties/repository/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$"},message:"must match pattern \""+"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$"+"\"",schema:"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$",parentSchema:schema11.properties.github.properties.repository,data:data3};if(vErrors === null){vErrors = [err16];}else {vErrors.push(err16);}errors++;}}else {const err17 = {instancePath:instancePath+"/github/repository",schemaPath:"#/properties/github/properties/repository/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.github.properties.repository.type,parentSchema:schema11.properties.github.properties.repository,data:data3};if(vErrors === null){vErrors = [err17];}else {vErrors.push(err17);}errors++;}}if(data2["token-env"] !== undefined){let data4 = data2["token-env"];if(typeof data4 === "string"){if(!pattern2.test(data4)){const err18 = {instancePath:instancePath+"/github/token-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema12,data:data4};if(vErrors === null){vErrors = [err18];}else {vErrors.push(err18);}errors++;}}else {const err19 = {instancePath:instancePath+"/github/token-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data4};if(vErrors === null){vErrors = [err19];}else {vErrors.push(err19);}errors++;}}if(data2.app !== undefined){let data5 = data2.app;if(data5 && typeof data5 == "object" && !Array.isArray(data5)){if(data5.id === undefined){const err20 = {instancePath:instancePath+"/github/app",schemaPath:"#/properties/github/properties/app/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema11.properties.github.properties.app.required,parentSchema:schema11.properties.github.properties.app,data:data5};if(vErrors === null){vErrors = [err20];}else {vErrors.push(err20);}errors++;}if(data5["private-key-file"] === undefined){const err21 = {instancePath:instancePath+"/github/app",schemaPath:"#/properties/github/properties/app/required",keyword:"required",params:{missingProperty: "private-key-file"},message:"must have required property '"+"private-key-file"+"'",schema:schema11.properties.github.properties.app.required,parentSchema:schema11.properties.github.properties.app,data:data5};if(vErrors === null){vErrors = [err21];}else {vErrors.push(err21);}errors++;}if(data5["installation-id"] === undefined){const err22 = {instancePath:instancePath+"/github/app",schemaPath:"#/properties/github/properties/app/required",keyword:"required",params:{missingProperty: "installation-id"},message:"must have required property '"+"installation-id"+"'",schema:schema11.properties.github.properties.app.required,parentSchema:schema11.properties.github.properties.app,data:data5};if(vErrors === null){vErrors = [err22];}else {vErrors.push(err22);}errors++;}for(const key2 in data5){if(!(((key2 === "id") || (key2 === "private-key-file")) || (key2 === "installation-id"))){const err23 = {instancePath:instancePath+"/github/app",schemaPath:"#/properties/github/properties/app/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.github.properties.app,data:data5};if(vErrors === null){vErrors = [err23];}else {vErrors.push(err23);}errors++;}}if(data5.id !== undefined){let data6 = data5.id;if((!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))) && (typeof data6 !== "string")){const err24 = {instancePath:instancePath+"/github/app/id",schemaPath:"#/properties/github/properties/app/properties/id/type",keyword:"type",params:{type: schema11.properties.github.properties.app.properties.id.type},message:"must be integer,string",schema:schema11.properties.github.properties.app.properties.id.type,parentSchema:schema11.properties.github.properties.app.properties.id,data:data6};if(vErrors === null){vErrors = [err24];}else {vErrors.push(err24);}errors++;}if((typeof data6 == "number") && (isFinite(data6))){if(data6 > 9007199254740991 || isNaN(data6)){const err25 = {instancePath:instancePath+"/github/app/id",schemaPath:"#/properties/github/properties/app/properties/id/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991",schema:9007199254740991,parentSchema:schema11.properties.github.properties.app.properties.id,data:data6};if(vErrors === null){vErrors = [err25];}else {vErrors.push(err25);}errors++;}if(data6 < 1 || isNaN(data6)){const err26 = {instancePath:instancePath+"/github/app/id",schemaPath:"#/properties/github/properties/app/properties/id/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.github.properties.app.properties.id,data:data6};if(vErrors === null){vErrors = [err26];}else {vErrors.push(err26);}errors++;}}if(typeof data6 === "string"){if(!pattern3.test(data6)){const err27 = {instancePath:instancePath+"/github/app/id",schemaPath:"#/properties/github/properties/app/properties/id/pattern",keyword:"pattern",params:{pattern: "^(?:[1-9][0-9]{0,15}|Iv[A-Za-z0-9._-]{1,98})$"},message:"must match pattern \""+"^(?:[1-9][0-9]{0,15}|Iv[A-Za-z0-9._-]{1,98})$"+"\"",schema:"^(?:[1-9][0-9]{0,15}|Iv[A-Za-z0-9._-]{1,98})$",parentSchema:schema11.properties.github.properties.app.properties.id,data:data6};if(vErrors === null){vErrors = [err27];}else {vErrors.push(err27);}errors++;}}}if(data5["private-key-file"] !== undefined){let data7 = data5["private-key-file"];if(typeof data7 === "string"){if(func2(data7) > 4096){const err28 = {instancePath:instancePath+"/github/app/private-key-file",schemaPath:"#/properties/github/properties/app/properties/private-key-file/maxLength",keyword:"maxLength",params:{limit: 4096},message:"must NOT have more than 4096 characters",schema:4096,parentSchema:schema11.properties.github.properties.app.properties["private-key-file"],data:data7};if(vErrors === null){vErrors = [err28];}else {vErrors.push(err28);}errors++;}if(func2(data7) < 1){const err29 = {instancePath:instancePath+"/github/app/private-key-file",schemaPath:"#/properties/github/properties/app/properties/private-key-file/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.github.properties.app.properties["private-key-file"],data:data7};if(vErrors === null){vErrors = [err29];}else {vErrors.push(err29);}errors++;}}else {const err30 = {instancePath:instancePath+"/github/app/private-key-file",schemaPath:"#/properties/github/properties/app/properties/private-key-file/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.github.properties.app.properties["private-key-file"].type,parentSchema:schema11.properties.github.properties.app.properties["private-key-file"],data:data7};if(vErrors === null){vErrors = [err30];}else {vErrors.push(err30);}errors++;}}if(data5["installation-id"] !== undefined){let data8 = data5["installation-id"];if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){const err31 = {instancePath:instancePath+"/github/app/installation-id",schemaPath:"#/properties/github/properties/app/properties/installation-id/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.github.properties.app.properties["installation-id"].type,parentSchema:schema11.properties.github.properties.app.properties["installation-id"],data:data8};if(vErrors === null){vErrors = [err31];}else {vErrors.push(err31);}errors++;}if((typeof data8 == "number") && (isFinite(data8))){if(data8 > 9007199254740991 || isNaN(data8)){const err32 = {instancePath:instancePath+"/github/app/installation-id",schemaPath:"#/properties/github/properties/app/properties/installation-id/maximum",keyword:"maximum",params:{comparison: "<=", limit: 9007199254740991},message:"must be <= 9007199254740991",schema:9007199254740991,parentSchema:schema11.properties.github.properties.app.properties["installation-id"],data:data8};if(vErrors === null){vErrors = [err32];}else {vErrors.push(err32);}errors++;}if(data8 < 1 || isNaN(data8)){const err33 = {instancePath:instancePath+"/github/app/installation-id",schemaPath:"#/properties/github/properties/app/properties/installation-id/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.github.properties.app.properties["installation-id"],data:data8};if(vErrors === null){vErrors = [err33];}else {vErrors.push(err33);}errors++;}}}}else {const err34 = {instancePath:instancePath+"/github/app",schemaPath:"#/properties/github/properties/app/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.github.properties.app.type,parentSchema:schema11.properties.github.properties.app,data:data5};if(vErrors === null){vErrors = [err34];}else {vErrors.push(err34);}errors++;}}if(data2["api-url"] !== undefined){let data9 = data2["api-url"];if(typeof data9 === "string"){if(!pattern4.test(data9)){const err35 = {instancePath:instancePath+"/github/api-url",schemaPath:"#/properties/github/properties/api-url/pattern",keyword:"pattern",params:{pattern: "^https?://[^\\s]{1,2000}$"},message:"must match pattern \""+"^https?://[^\\s]{1,2000}$"+"\"",schema:"^https?://[^\\s]{1,2000}$",parentSchema:schema11.properties.github.properties["api-url"],data:data9};if(vErrors === null){vErrors = [err35];}else {vErrors.push(err35);}errors++;}}else {const err36 = {instancePath:instancePath+"/github/api-url",schemaPath:"#/properties/github/properties/api-url/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.github.properties["api-url"].type,parentSchema:schema11.properties.github.properties["api-url"],data:data9};if(vErrors === null){vErrors = [err36];}else {vErrors.push(err36);}errors++;}}if(data2["event-type"] !== undefined){let data10 = data2["event-type"];if(typeof data10 === "string"){if(!pattern5.test(data10)){const err37 = {instancePath:instancePath+"/github/event-type",schemaPath:"#/properties/github/properties/event-type/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._-]{1,100}$"},message:"must match pattern \""+"^[A-Za-z0-9._-]{1,100}$"+"\"",schema:"^[A-Za-z0-9._-]{1,100}$",parentSchema:schema11.properties.github.properties["event-type"],data:data10};if(vErrors === null){vErrors = [err37];}else {vErrors.push(err37);}errors++;}}else {const err38 = {instancePath:instancePath+"/github/event-type",schemaPath:"#/properties/github/properties/event-type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.github.properties["event-type"].type,parentSchema:schema11.properties.github.properties["event-type"],data:data10};if(vErrors === null){vErrors = [err38];}else {vErrors.push(err38);}errors++;}}}else {const err39 = {instancePath:instancePath+"/github",schemaPath:"#/properties/github/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.github.type,parentSchema:schema11.properties.github,data:data2};if(vErrors === null){vErrors = [err39];}else {vErrors.push(err39);}errors++;}}if(data.sources !== undefined){let data11 = data.sources;if(Array.isArray(data11)){if(data11.length > 64){const err40 = {instancePath:instancePath+"/sources",schemaPath:"#/properties/sources/maxItems",keyword:"maxItems",params:{limit: 64},message:"must NOT have more than 64 items",schema:64,parentSchema:schema11.properties.sources,data:data11};if(vErrors === null){vErrors = [err40];}else {vErrors.push(err40);}errors++;}if(data11.length < 1){const err41 = {instancePath:instancePath+"/sources",schemaPath:"#/properties/sources/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema11.properties.sources,data:data11};if(vErrors === null){vErrors = [err41];}else {vErrors.push(err41);}errors++;}const len0 = data11.length;for(let i0=0; i0<len0; i0++){let data12 = data11[i0];if(data12 && typeof data12 == "object" && !Array.isArray(data12)){if(data12.id === undefined){const err42 = {instancePath:instancePath+"/sources/" + i0,schemaPath:"#/properties/sources/items/required",keyword:"required",params:{missingProperty: "id"},message:"must have required property '"+"id"+"'",schema:schema11.properties.sources.items.required,parentSchema:schema11.properties.sources.items,data:data12};if(vErrors === null){vErrors = [err42];}else {vErrors.push(err42);}errors++;}if(data12.type === undefined){const err43 = {instancePath:instancePath+"/sources/" + i0,schemaPath:"#/properties/sources/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema11.properties.sources.items.required,parentSchema:schema11.properties.sources.items,data:data12};if(vErrors === null){vErrors = [err43];}else {vErrors.push(err43);}errors++;}if(data12.path === undefined){const err44 = {instancePath:instancePath+"/sources/" + i0,schemaPath:"#/properties/sources/items/required",keyword:"required",params:{missingProperty: "path"},message:"must have required property '"+"path"+"'",schema:schema11.properties.sources.items.required,parentSchema:schema11.properties.sources.items,data:data12};if(vErrors === null){vErrors = [err44];}else {vErrors.push(err44);}errors++;}if(data12.auth === undefined){const err45 = {instancePath:instancePath+"/sources/" + i0,schemaPath:"#/properties/sources/items/required",keyword:"required",params:{missingProperty: "auth"},message:"must have required property '"+"auth"+"'",schema:schema11.properties.sources.items.required,parentSchema:schema11.properties.sources.items,data:data12};if(vErrors === null){vErrors = [err45];}else {vErrors.push(err45);}errors++;}for(const key3 in data12){if(!((((key3 === "id") || (key3 === "type")) || (key3 === "path")) || (key3 === "auth"))){const err46 = {instancePath:instancePath+"/sources/" + i0,schemaPath:"#/properties/sources/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.sources.items,data:data12};if(vErrors === null){vErrors = [err46];}else {vErrors.push(err46);}errors++;}}if(data12.id !== undefined){let data13 = data12.id;if(typeof data13 === "string"){if(!pattern6.test(data13)){const err47 = {instancePath:instancePath+"/sources/" + i0+"/id",schemaPath:"#/properties/sources/items/properties/id/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"},message:"must match pattern \""+"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"+"\"",schema:"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$",parentSchema:schema11.properties.sources.items.properties.id,data:data13};if(vErrors === null){vErrors = [err47];}else {vErrors.push(err47);}errors++;}}else {const err48 = {instancePath:instancePath+"/sources/" + i0+"/id",schemaPath:"#/properties/sources/items/properties/id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.sources.items.properties.id.type,parentSchema:schema11.properties.sources.items.properties.id,data:data13};if(vErrors === null){vErrors = [err48];}else {vErrors.push(err48);}errors++;}}if(data12.type !== undefined){let data14 = data12.type;if(!((((data14 === "alertmanager") || (data14 === "grafana")) || (data14 === "pagerduty")) || (data14 === "generic"))){const err49 = {instancePath:instancePath+"/sources/" + i0+"/type",schemaPath:"#/properties/sources/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.sources.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema11.properties.sources.items.properties.type.enum,parentSchema:schema11.properties.sources.items.properties.type,data:data14};if(vErrors === null){vErrors = [err49];}else {vErrors.push(err49);}errors++;}}if(data12.path !== undefined){let data15 = data12.path;if(typeof data15 === "string"){if(!pattern7.test(data15)){const err50 = {instancePath:instancePath+"/sources/" + i0+"/path",schemaPath:"#/properties/sources/items/properties/path/pattern",keyword:"pattern",params:{pattern: "^/[A-Za-z0-9._~/-]{0,199}$"},message:"must match pattern \""+"^/[A-Za-z0-9._~/-]{0,199}$"+"\"",schema:"^/[A-Za-z0-9._~/-]{0,199}$",parentSchema:schema11.properties.sources.items.properties.path,data:data15};if(vErrors === null){vErrors = [err50];}else {vErrors.push(err50);}errors++;}}else {const err51 = {instancePath:instancePath+"/sources/" + i0+"/path",schemaPath:"#/properties/sources/items/properties/path/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.sources.items.properties.path.type,parentSchema:schema11.properties.sources.items.properties.path,data:data15};if(vErrors === null){vErrors = [err51];}else {vErrors.push(err51);}errors++;}}if(data12.auth !== undefined){let data16 = data12.auth;if(data16 && typeof data16 == "object" && !Array.isArray(data16)){for(const key4 in data16){if(!(((key4 === "bearer-env") || (key4 === "hmac-env")) || (key4 === "timestamp-header"))){const err52 = {instancePath:instancePath+"/sources/" + i0+"/auth",schemaPath:"#/properties/sources/items/properties/auth/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.sources.items.properties.auth,data:data16};if(vErrors === null){vErrors = [err52];}else {vErrors.push(err52);}errors++;}}if(data16["bearer-env"] !== undefined){let data17 = data16["bearer-env"];if(typeof data17 === "string"){if(!pattern2.test(data17)){const err53 = {instancePath:instancePath+"/sources/" + i0+"/auth/bearer-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema12,data:data17};if(vErrors === null){vErrors = [err53];}else {vErrors.push(err53);}errors++;}}else {const err54 = {instancePath:instancePath+"/sources/" + i0+"/auth/bearer-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data17};if(vErrors === null){vErrors = [err54];}else {vErrors.push(err54);}errors++;}}if(data16["hmac-env"] !== undefined){let data18 = data16["hmac-env"];if(typeof data18 === "string"){if(!pattern2.test(data18)){const err55 = {instancePath:instancePath+"/sources/" + i0+"/auth/hmac-env",schemaPath:"#/definitions/envName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema12,data:data18};if(vErrors === null){vErrors = [err55];}else {vErrors.push(err55);}errors++;}}else {const err56 = {instancePath:instancePath+"/sources/" + i0+"/auth/hmac-env",schemaPath:"#/definitions/envName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.type,parentSchema:schema12,data:data18};if(vErrors === null){vErrors = [err56];}else {vErrors.push(err56);}errors++;}}if(data16["timestamp-header"] !== undefined){let data19 = data16["timestamp-header"];if(typeof data19 === "string"){if(!pattern10.test(data19)){const err57 = {instancePath:instancePath+"/sources/" + i0+"/auth/timestamp-header",schemaPath:"#/properties/sources/items/properties/auth/properties/timestamp-header/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9-]{1,100}$"},message:"must match pattern \""+"^[A-Za-z0-9-]{1,100}$"+"\"",schema:"^[A-Za-z0-9-]{1,100}$",parentSchema:schema11.properties.sources.items.properties.auth.properties["timestamp-header"],data:data19};if(vErrors === null){vErrors = [err57];}else {vErrors.push(err57);}errors++;}}else {const err58 = {instancePath:instancePath+"/sources/" + i0+"/auth/timestamp-header",schemaPath:"#/properties/sources/items/properties/auth/properties/timestamp-header/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.sources.items.properties.auth.properties["timestamp-header"].type,parentSchema:schema11.properties.sources.items.properties.auth.properties["timestamp-header"],data:data19};if(vErrors === null){vErrors = [err58];}else {vErrors.push(err58);}errors++;}}}else {const err59 = {instancePath:instancePath+"/sources/" + i0+"/auth",schemaPath:"#/properties/sources/items/properties/auth/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.sources.items.properties.auth.type,parentSchema:schema11.properties.sources.items.properties.auth,data:data16};if(vErrors === null){vErrors = [err59];}else {vErrors.push(err59);}errors++;}}}else {const err60 = {instancePath:instancePath+"/sources/" + i0,schemaPath:"#/properties/sources/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.sources.items.type,parentSchema:schema11.properties.sources.items,data:data12};if(vErrors === null){vErrors = [err60];}else {vErrors.push(err60);}errors++;}}}else {const err61 = {instancePath:instancePath+"/sources",schemaPath:"#/properties/sources/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.sources.type,parentSchema:schema11.properties.sources,data:data11};if(vErrors === null){vErrors = [err61];}else {vErrors.push(err61);}errors++;}}if(data.rules !== undefined){let data20 = data.rules;if(Array.isArray(data20)){if(data20.length > 1000){const err62 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/maxItems",keyword:"maxItems",params:{limit: 1000},message:"must NOT have more than 1000 items",schema:1000,parentSchema:schema11.properties.rules,data:data20};if(vErrors === null){vErrors = [err62];}else {vErrors.push(err62);}errors++;}const len1 = data20.length;for(let i1=0; i1<len1; i1++){let data21 = data20[i1];if(data21 && typeof data21 == "object" && !Array.isArray(data21)){if(data21.source === undefined){const err63 = {instancePath:instancePath+"/rules/" + i1,schemaPath:"#/properties/rules/items/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema11.properties.rules.items.required,parentSchema:schema11.properties.rules.items,data:data21};if(vErrors === null){vErrors = [err63];}else {vErrors.push(err63);}errors++;}if(data21.match === undefined){const err64 = {instancePath:instancePath+"/rules/" + i1,schemaPath:"#/properties/rules/items/required",keyword:"required",params:{missingProperty: "match"},message:"must have required property '"+"match"+"'",schema:schema11.properties.rules.items.required,parentSchema:schema11.properties.rules.items,data:data21};if(vErrors === null){vErrors = [err64];}else {vErrors.push(err64);}errors++;}if(data21.remediation === undefined){const err65 = {instancePath:instancePath+"/rules/" + i1,schemaPath:"#/properties/rules/items/required",keyword:"required",params:{missingProperty: "remediation"},message:"must have required property '"+"remediation"+"'",schema:schema11.properties.rules.items.required,parentSchema:schema11.properties.rules.items,data:data21};if(vErrors === null){vErrors = [err65];}else {vErrors.push(err65);}errors++;}for(const key5 in data21){if(!(((((((key5 === "source") || (key5 === "match")) || (key5 === "remediation")) || (key5 === "target")) || (key5 === "params")) || (key5 === "on-resolved")) || (key5 === "rate-limit"))){const err66 = {instancePath:instancePath+"/rules/" + i1,schemaPath:"#/properties/rules/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items,data:data21};if(vErrors === null){vErrors = [err66];}else {vErrors.push(err66);}errors++;}}if(data21.source !== undefined){let data22 = data21.source;if(typeof data22 === "string"){if(func2(data22) > 64){const err67 = {instancePath:instancePath+"/rules/" + i1+"/source",schemaPath:"#/properties/rules/items/properties/source/maxLength",keyword:"maxLength",params:{limit: 64},message:"must NOT have more than 64 characters",schema:64,parentSchema:schema11.properties.rules.items.properties.source,data:data22};if(vErrors === null){vErrors = [err67];}else {vErrors.push(err67);}errors++;}if(func2(data22) < 1){const err68 = {instancePath:instancePath+"/rules/" + i1+"/source",schemaPath:"#/properties/rules/items/properties/source/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.rules.items.properties.source,data:data22};if(vErrors === null){vErrors = [err68];}else {vErrors.push(err68);}errors++;}}else {const err69 = {instancePath:instancePath+"/rules/" + i1+"/source",schemaPath:"#/properties/rules/items/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.source.type,parentSchema:schema11.properties.rules.items.properties.source,data:data22};if(vErrors === null){vErrors = [err69];}else {vErrors.push(err69);}errors++;}}if(data21.match !== undefined){let data23 = data21.match;if(data23 && typeof data23 == "object" && !Array.isArray(data23)){if(Object.keys(data23).length > 32){const err70 = {instancePath:instancePath+"/rules/" + i1+"/match",schemaPath:"#/properties/rules/items/properties/match/maxProperties",keyword:"maxProperties",params:{limit: 32},message:"must NOT have more than 32 properties",schema:32,parentSchema:schema11.properties.rules.items.properties.match,data:data23};if(vErrors === null){vErrors = [err70];}else {vErrors.push(err70);}errors++;}if(Object.keys(data23).length < 1){const err71 = {instancePath:instancePath+"/rules/" + i1+"/match",schemaPath:"#/properties/rules/items/properties/match/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema11.properties.rules.items.properties.match,data:data23};if(vErrors === null){vErrors = [err71];}else {vErrors.push(err71);}errors++;}for(const key6 in data23){const _errs61 = errors;if(typeof key6 === "string"){if(!pattern2.test(key6)){const err72 = {instancePath:instancePath+"/rules/" + i1+"/match",schemaPath:"#/definitions/labelName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema15,data:key6,propertyName:key6};if(vErrors === null){vErrors = [err72];}else {vErrors.push(err72);}errors++;}}else {const err73 = {instancePath:instancePath+"/rules/" + i1+"/match",schemaPath:"#/definitions/labelName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:key6,propertyName:key6};if(vErrors === null){vErrors = [err73];}else {vErrors.push(err73);}errors++;}var valid14 = _errs61 === errors;if(!valid14){const err74 = {instancePath:instancePath+"/rules/" + i1+"/match",schemaPath:"#/properties/rules/items/properties/match/propertyNames",keyword:"propertyNames",params:{propertyName: key6},message:"property name must be valid",schema:schema11.properties.rules.items.properties.match.propertyNames,parentSchema:schema11.properties.rules.items.properties.match,data:data23};if(vErrors === null){vErrors = [err74];}else {vErrors.push(err74);}errors++;}}for(const key7 in data23){let data24 = data23[key7];if((typeof data24 !== "string") && (!(data24 && typeof data24 == "object" && !Array.isArray(data24)))){const err75 = {instancePath:instancePath+"/rules/" + i1+"/match/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/items/properties/match/additionalProperties/type",keyword:"type",params:{type: schema11.properties.rules.items.properties.match.additionalProperties.type},message:"must be string,object",schema:schema11.properties.rules.items.properties.match.additionalProperties.type,parentSchema:schema11.properties.rules.items.properties.match.additionalProperties,data:data24};if(vErrors === null){vErrors = [err75];}else {vErrors.push(err75);}errors++;}if(typeof data24 === "string"){if(func2(data24) > 1024){const err76 = {instancePath:instancePath+"/rules/" + i1+"/match/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/items/properties/match/additionalProperties/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.rules.items.properties.match.additionalProperties,data:data24};if(vErrors === null){vErrors = [err76];}else {vErrors.push(err76);}errors++;}}if(data24 && typeof data24 == "object" && !Array.isArray(data24)){if(data24.regex === undefined){const err77 = {instancePath:instancePath+"/rules/" + i1+"/match/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/items/properties/match/additionalProperties/required",keyword:"required",params:{missingProperty: "regex"},message:"must have required property '"+"regex"+"'",schema:schema11.properties.rules.items.properties.match.additionalProperties.required,parentSchema:schema11.properties.rules.items.properties.match.additionalProperties,data:data24};if(vErrors === null){vErrors = [err77];}else {vErrors.push(err77);}errors++;}for(const key8 in data24){if(!(key8 === "regex")){const err78 = {instancePath:instancePath+"/rules/" + i1+"/match/" + key7.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/rules/items/properties/match/additionalProperties/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key8},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.match.additionalProperties,data:data24};if(vErrors === null){vErrors = [err78];}else {vErrors.push(err78);}errors++;}}if(data24.regex !== undefined){let data25 = data24.regex;if(typeof data25 === "string"){if(func2(data25) > 1024){const err79 = {instancePath:instancePath+"/rules/" + i1+"/match/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/regex",schemaPath:"#/properties/rules/items/properties/match/additionalProperties/properties/regex/maxLength",keyword:"maxLength",params:{limit: 1024},message:"must NOT have more than 1024 characters",schema:1024,parentSchema:schema11.properties.rules.items.properties.match.additionalProperties.properties.regex,data:data25};if(vErrors === null){vErrors = [err79];}else {vErrors.push(err79);}errors++;}if(func2(data25) < 1){const err80 = {instancePath:instancePath+"/rules/" + i1+"/match/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/regex",schemaPath:"#/properties/rules/items/properties/match/additionalProperties/properties/regex/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.rules.items.properties.match.additionalProperties.properties.regex,data:data25};if(vErrors === null){vErrors = [err80];}else {vErrors.push(err80);}errors++;}}else {const err81 = {instancePath:instancePath+"/rules/" + i1+"/match/" + key7.replace(/~/g, "~0").replace(/\//g, "~1")+"/regex",schemaPath:"#/properties/rules/items/properties/match/additionalProperties/properties/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.match.additionalProperties.properties.regex.type,parentSchema:schema11.properties.rules.items.properties.match.additionalProperties.properties.regex,data:data25};if(vErrors === null){vErrors = [err81];}else {vErrors.push(err81);}errors++;}}}}}else {const err82 = {instancePath:instancePath+"/rules/" + i1+"/match",schemaPath:"#/properties/rules/items/properties/match/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.match.type,parentSchema:schema11.properties.rules.items.properties.match,data:data23};if(vErrors === null){vErrors = [err82];}else {vErrors.push(err82);}errors++;}}if(data21.remediation !== undefined){let data26 = data21.remediation;if(typeof data26 === "string"){if(func2(data26) > 200){const err83 = {instancePath:instancePath+"/rules/" + i1+"/remediation",schemaPath:"#/properties/rules/items/properties/remediation/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema11.properties.rules.items.properties.remediation,data:data26};if(vErrors === null){vErrors = [err83];}else {vErrors.push(err83);}errors++;}if(func2(data26) < 1){const err84 = {instancePath:instancePath+"/rules/" + i1+"/remediation",schemaPath:"#/properties/rules/items/properties/remediation/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.rules.items.properties.remediation,data:data26};if(vErrors === null){vErrors = [err84];}else {vErrors.push(err84);}errors++;}}else {const err85 = {instancePath:instancePath+"/rules/" + i1+"/remediation",schemaPath:"#/properties/rules/items/properties/remediation/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.remediation.type,parentSchema:schema11.properties.rules.items.properties.remediation,data:data26};if(vErrors === null){vErrors = [err85];}else {vErrors.push(err85);}errors++;}}if(data21.target !== undefined){let data27 = data21.target;if(data27 && typeof data27 == "object" && !Array.isArray(data27)){for(const key9 in data27){if(!(((key9 === "label") || (key9 === "strip-port")) || (key9 === "value"))){const err86 = {instancePath:instancePath+"/rules/" + i1+"/target",schemaPath:"#/properties/rules/items/properties/target/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key9},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties.target,data:data27};if(vErrors === null){vErrors = [err86];}else {vErrors.push(err86);}errors++;}}if(data27.label !== undefined){let data28 = data27.label;if(typeof data28 === "string"){if(!pattern2.test(data28)){const err87 = {instancePath:instancePath+"/rules/" + i1+"/target/label",schemaPath:"#/definitions/labelName/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z_][A-Za-z0-9_]{0,127}$"},message:"must match pattern \""+"^[A-Za-z_][A-Za-z0-9_]{0,127}$"+"\"",schema:"^[A-Za-z_][A-Za-z0-9_]{0,127}$",parentSchema:schema15,data:data28};if(vErrors === null){vErrors = [err87];}else {vErrors.push(err87);}errors++;}}else {const err88 = {instancePath:instancePath+"/rules/" + i1+"/target/label",schemaPath:"#/definitions/labelName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data28};if(vErrors === null){vErrors = [err88];}else {vErrors.push(err88);}errors++;}}if(data27["strip-port"] !== undefined){let data29 = data27["strip-port"];if(typeof data29 !== "boolean"){const err89 = {instancePath:instancePath+"/rules/" + i1+"/target/strip-port",schemaPath:"#/properties/rules/items/properties/target/properties/strip-port/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema11.properties.rules.items.properties.target.properties["strip-port"].type,parentSchema:schema11.properties.rules.items.properties.target.properties["strip-port"],data:data29};if(vErrors === null){vErrors = [err89];}else {vErrors.push(err89);}errors++;}}if(data27.value !== undefined){let data30 = data27.value;if(typeof data30 === "string"){if(func2(data30) > 200){const err90 = {instancePath:instancePath+"/rules/" + i1+"/target/value",schemaPath:"#/properties/rules/items/properties/target/properties/value/maxLength",keyword:"maxLength",params:{limit: 200},message:"must NOT have more than 200 characters",schema:200,parentSchema:schema11.properties.rules.items.properties.target.properties.value,data:data30};if(vErrors === null){vErrors = [err90];}else {vErrors.push(err90);}errors++;}if(func2(data30) < 1){const err91 = {instancePath:instancePath+"/rules/" + i1+"/target/value",schemaPath:"#/properties/rules/items/properties/target/properties/value/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema11.properties.rules.items.properties.target.properties.value,data:data30};if(vErrors === null){vErrors = [err91];}else {vErrors.push(err91);}errors++;}}else {const err92 = {instancePath:instancePath+"/rules/" + i1+"/target/value",schemaPath:"#/properties/rules/items/properties/target/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties.target.properties.value.type,parentSchema:schema11.properties.rules.items.properties.target.properties.value,data:data30};if(vErrors === null){vErrors = [err92];}else {vErrors.push(err92);}errors++;}}}else {const err93 = {instancePath:instancePath+"/rules/" + i1+"/target",schemaPath:"#/properties/rules/items/properties/target/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.target.type,parentSchema:schema11.properties.rules.items.properties.target,data:data27};if(vErrors === null){vErrors = [err93];}else {vErrors.push(err93);}errors++;}}if(data21.params !== undefined){let data31 = data21.params;if(data31 && typeof data31 == "object" && !Array.isArray(data31)){if(Object.keys(data31).length > 64){const err94 = {instancePath:instancePath+"/rules/" + i1+"/params",schemaPath:"#/properties/rules/items/properties/params/maxProperties",keyword:"maxProperties",params:{limit: 64},message:"must NOT have more than 64 properties",schema:64,parentSchema:schema11.properties.rules.items.properties.params,data:data31};if(vErrors === null){vErrors = [err94];}else {vErrors.push(err94);}errors++;}for(const key10 in data31){const _errs84 = errors;if(typeof key10 === "string"){if(!pattern13.test(key10)){const err95 = {instancePath:instancePath+"/rules/" + i1+"/params",schemaPath:"#/properties/rules/items/properties/params/propertyNames/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9_-]{0,62}$"},message:"must match pattern \""+"^[a-z][a-z0-9_-]{0,62}$"+"\"",schema:"^[a-z][a-z0-9_-]{0,62}$",parentSchema:schema11.properties.rules.items.properties.params.propertyNames,data:key10,propertyName:key10};if(vErrors === null){vErrors = [err95];}else {vErrors.push(err95);}errors++;}}var valid20 = _errs84 === errors;if(!valid20){const err96 = {instancePath:instancePath+"/rules/" + i1+"/params",schemaPath:"#/properties/rules/items/properties/params/propertyNames",keyword:"propertyNames",params:{propertyName: key10},message:"property name must be valid",schema:schema11.properties.rules.items.properties.params.propertyNames,parentSchema:schema11.properties.rules.items.properties.params,data:data31};if(vErrors === null){vErrors = [err96];}else {vErrors.push(err96);}errors++;}}for(const key11 in data31){if(!(validate11(data31[key11], {instancePath:instancePath+"/rules/" + i1+"/params/" + key11.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data31,parentDataProperty:key11,rootData}))){vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);errors = vErrors.length;}}}else {const err97 = {instancePath:instancePath+"/rules/" + i1+"/params",schemaPath:"#/properties/rules/items/properties/params/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties.params.type,parentSchema:schema11.properties.rules.items.properties.params,data:data31};if(vErrors === null){vErrors = [err97];}else {vErrors.push(err97);}errors++;}}if(data21["on-resolved"] !== undefined){let data33 = data21["on-resolved"];if(data33 && typeof data33 == "object" && !Array.isArray(data33)){if(data33["event-type"] === undefined){const err98 = {instancePath:instancePath+"/rules/" + i1+"/on-resolved",schemaPath:"#/properties/rules/items/properties/on-resolved/required",keyword:"required",params:{missingProperty: "event-type"},message:"must have required property '"+"event-type"+"'",schema:schema11.properties.rules.items.properties["on-resolved"].required,parentSchema:schema11.properties.rules.items.properties["on-resolved"],data:data33};if(vErrors === null){vErrors = [err98];}else {vErrors.push(err98);}errors++;}for(const key12 in data33){if(!(key12 === "event-type")){const err99 = {instancePath:instancePath+"/rules/" + i1+"/on-resolved",schemaPath:"#/properties/rules/items/properties/on-resolved/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key12},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties["on-resolved"],data:data33};if(vErrors === null){vErrors = [err99];}else {vErrors.push(err99);}errors++;}}if(data33["event-type"] !== undefined){let data34 = data33["event-type"];if(typeof data34 === "string"){if(!pattern5.test(data34)){const err100 = {instancePath:instancePath+"/rules/" + i1+"/on-resolved/event-type",schemaPath:"#/properties/rules/items/properties/on-resolved/properties/event-type/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9._-]{1,100}$"},message:"must match pattern \""+"^[A-Za-z0-9._-]{1,100}$"+"\"",schema:"^[A-Za-z0-9._-]{1,100}$",parentSchema:schema11.properties.rules.items.properties["on-resolved"].properties["event-type"],data:data34};if(vErrors === null){vErrors = [err100];}else {vErrors.push(err100);}errors++;}}else {const err101 = {instancePath:instancePath+"/rules/" + i1+"/on-resolved/event-type",schemaPath:"#/properties/rules/items/properties/on-resolved/properties/event-type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema11.properties.rules.items.properties["on-resolved"].properties["event-type"].type,parentSchema:schema11.properties.rules.items.properties["on-resolved"].properties["event-type"],data:data34};if(vErrors === null){vErrors = [err101];}else {vErrors.push(err101);}errors++;}}}else {const err102 = {instancePath:instancePath+"/rules/" + i1+"/on-resolved",schemaPath:"#/properties/rules/items/properties/on-resolved/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties["on-resolved"].type,parentSchema:schema11.properties.rules.items.properties["on-resolved"],data:data33};if(vErrors === null){vErrors = [err102];}else {vErrors.push(err102);}errors++;}}if(data21["rate-limit"] !== undefined){let data35 = data21["rate-limit"];if(data35 && typeof data35 == "object" && !Array.isArray(data35)){if(data35.max === undefined){const err103 = {instancePath:instancePath+"/rules/" + i1+"/rate-limit",schemaPath:"#/properties/rules/items/properties/rate-limit/required",keyword:"required",params:{missingProperty: "max"},message:"must have required property '"+"max"+"'",schema:schema11.properties.rules.items.properties["rate-limit"].required,parentSchema:schema11.properties.rules.items.properties["rate-limit"],data:data35};if(vErrors === null){vErrors = [err103];}else {vErrors.push(err103);}errors++;}if(data35.within === undefined){const err104 = {instancePath:instancePath+"/rules/" + i1+"/rate-limit",schemaPath:"#/properties/rules/items/properties/rate-limit/required",keyword:"required",params:{missingProperty: "within"},message:"must have required property '"+"within"+"'",schema:schema11.properties.rules.items.properties["rate-limit"].required,parentSchema:schema11.properties.rules.items.properties["rate-limit"],data:data35};if(vErrors === null){vErrors = [err104];}else {vErrors.push(err104);}errors++;}for(const key13 in data35){if(!((key13 === "max") || (key13 === "within"))){const err105 = {instancePath:instancePath+"/rules/" + i1+"/rate-limit",schemaPath:"#/properties/rules/items/properties/rate-limit/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key13},message:"must NOT have additional properties",schema:false,parentSchema:schema11.properties.rules.items.properties["rate-limit"],data:data35};if(vErrors === null){vErrors = [err105];}else {vErrors.push(err105);}errors++;}}if(data35.max !== undefined){let data36 = data35.max;if(!(((typeof data36 == "number") && (!(data36 % 1) && !isNaN(data36))) && (isFinite(data36)))){const err106 = {instancePath:instancePath+"/rules/" + i1+"/rate-limit/max",schemaPath:"#/properties/rules/items/properties/rate-limit/properties/max/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema11.properties.rules.items.properties["rate-limit"].properties.max.type,parentSchema:schema11.properties.rules.items.properties["rate-limit"].properties.max,data:data36};if(vErrors === null){vErrors = [err106];}else {vErrors.push(err106);}errors++;}if((typeof data36 == "number") && (isFinite(data36))){if(data36 > 10000 || isNaN(data36)){const err107 = {instancePath:instancePath+"/rules/" + i1+"/rate-limit/max",schemaPath:"#/properties/rules/items/properties/rate-limit/properties/max/maximum",keyword:"maximum",params:{comparison: "<=", limit: 10000},message:"must be <= 10000",schema:10000,parentSchema:schema11.properties.rules.items.properties["rate-limit"].properties.max,data:data36};if(vErrors === null){vErrors = [err107];}else {vErrors.push(err107);}errors++;}if(data36 < 1 || isNaN(data36)){const err108 = {instancePath:instancePath+"/rules/" + i1+"/rate-limit/max",schemaPath:"#/properties/rules/items/properties/rate-limit/properties/max/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema11.properties.rules.items.properties["rate-limit"].properties.max,data:data36};if(vErrors === null){vErrors = [err108];}else {vErrors.push(err108);}errors++;}}}if(data35.within !== undefined){let data37 = data35.within;if(typeof data37 === "string"){if(!pattern16.test(data37)){const err109 = {instancePath:instancePath+"/rules/" + i1+"/rate-limit/within",schemaPath:"#/definitions/duration/pattern",keyword:"pattern",params:{pattern: "^[1-9][0-9]{0,6}(ms|s|m|h)$"},message:"must match pattern \""+"^[1-9][0-9]{0,6}(ms|s|m|h)$"+"\"",schema:"^[1-9][0-9]{0,6}(ms|s|m|h)$",parentSchema:schema19,data:data37};if(vErrors === null){vErrors = [err109];}else {vErrors.push(err109);}errors++;}}else {const err110 = {instancePath:instancePath+"/rules/" + i1+"/rate-limit/within",schemaPath:"#/definitions/duration/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.type,parentSchema:schema19,data:data37};if(vErrors === null){vErrors = [err110];}else {vErrors.push(err110);}errors++;}}}else {const err111 = {instancePath:instancePath+"/rules/" + i1+"/rate-limit",schemaPath:"#/properties/rules/items/properties/rate-limit/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.properties["rate-limit"].type,parentSchema:schema11.properties.rules.items.properties["rate-limit"],data:data35};if(vErrors === null){vErrors = [err111];}else {vErrors.push(err111);}errors++;}}}else {const err112 = {instancePath:instancePath+"/rules/" + i1,schemaPath:"#/properties/rules/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.properties.rules.items.type,parentSchema:schema11.properties.rules.items,data:data21};if(vErrors === null){vErrors = [err112];}else {vErrors.push(err112);}errors++;}}}else {const err113 = {instancePath:instancePath+"/rules",schemaPath:"#/properties/rules/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema11.properties.rules.type,parentSchema:schema11.properties.rules,data:data20};if(vErrors === null){vErrors = [err113];}else {vErrors.push(err113);}errors++;}}}else {const err114 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema11.type,parentSchema:schema11,data};if(vErrors === null){vErrors = [err114];}else {vErrors.push(err114);}errors++;}validate10.errors = vErrors;return errors === 0;}

// EXTERNAL MODULE: ./src/core/definition.ts
var definition = __webpack_require__(64286);
// EXTERNAL MODULE: ./src/core/dispatch-payload.ts
var dispatch_payload = __webpack_require__(77670);
// EXTERNAL MODULE: ./src/core/schema-errors.ts
var schema_errors = __webpack_require__(16386);
// EXTERNAL MODULE: ./src/core/version-ref.ts
var version_ref = __webpack_require__(89715);
// EXTERNAL MODULE: ./src/core/yaml-issues.ts
var yaml_issues = __webpack_require__(87161);
;// CONCATENATED MODULE: ./src/core/gateway-config.ts
// The alert gateway's configuration (issue 15): which senders it accepts (sources, each with its
// secret), and the allow-list of rules that turn an alert into exactly one pinned remediation.
// Pure: the caller reads the file and hands in its text; secrets stay in the environment and
// only their variable names are here.
// Precompiled from remediations/gateway.schema.json (scripts/build-validators.mjs).







/** Largest gateway.yml accepted: a config is a page of YAML. */
const MAX_GATEWAY_CONFIG_BYTES = 256 * 1024;
/** Paths the gateway serves itself; a source there would shadow them or be shadowed. */
const RESERVED_PATHS = new Set(['/healthz', '/metrics']);
/** A gateway config failed validation: `issues` holds every problem, each at file:line:col. */
class GatewayConfigError extends errors/* UsageError */.eb {
    issues;
    constructor(issues) {
        super('INVALID_CONFIG', issues.map(yaml_issues/* formatIssue */.Hd).join('\n'));
        this.issues = issues;
    }
}
/**
 * Parses and validates gateway.yml text: the schema first, then what a schema cannot say (rules
 * naming existing sources, unique ids and paths, the auth each sender type can give, regexes
 * that compile, exact versions). Throws GatewayConfigError (INVALID_CONFIG) listing every problem.
 */
function parseGatewayConfig(text, file) {
    const issueAt = (line, column, path, message) => ({
        file,
        line,
        column,
        path,
        message,
    });
    if (text.length > MAX_GATEWAY_CONFIG_BYTES) {
        throw new GatewayConfigError([
            issueAt(1, 1, '', `file is ${text.length} characters; at most ${MAX_GATEWAY_CONFIG_BYTES} are accepted`),
        ]);
    }
    const read = (0,yaml_issues/* readYamlConfig */.Qn)(text, file);
    if (!read.ok)
        throw new GatewayConfigError(read.issues);
    const { data, issue } = read;
    if (!gateway_validator(data)) {
        throw new GatewayConfigError((0,yaml_issues/* dedupeIssues */.kk)((gateway_validator.errors ?? []).map((e) => 
        // An empty match would route every alert of the source: an allow-list names what it allows.
        e.keyword === 'minProperties' && e.instancePath.endsWith('/match')
            ? issue((0,schema_errors/* pointerToPath */.ox)(e.instancePath), 'expected at least one label to match')
            : // The schema's "exactly one of token-env or app", said as what to write.
                e.schemaPath.startsWith('#/properties/github/oneOf')
                    ? githubAuthIssue(data, issue)
                    : (0,yaml_issues/* schemaIssue */.h)(e, issue))));
    }
    const raw = data;
    const problems = semanticIssues(raw, issue);
    if (problems.length)
        throw new GatewayConfigError(problems);
    return normalise(raw);
}
/** The full-match form of a rule's regex: `^(?:re)$`, so `web` never matches `web-canary`. */
function fullMatchRegex(source) {
    return new RegExp(`^(?:${source})$`, 'u');
}
/** Splits `host:port` / `[v6]:port` (already checked by the schema) into its parts. */
function parseListen(text) {
    const colon = text.lastIndexOf(':');
    const host = text.slice(0, colon);
    return { host: host.startsWith('[') ? host.slice(1, -1) : host, port: Number(text.slice(colon + 1)) };
}
function semanticIssues(raw, issue) {
    const problems = [];
    const { port } = parseListen(raw.listen);
    if (port > 65535)
        problems.push(issue(['listen'], `expected a port of at most 65535, got ${port}`));
    const apiUrl = raw.github['api-url'];
    if (apiUrl !== undefined) {
        const problem = apiUrlProblem(apiUrl);
        if (problem)
            problems.push(issue(['github', 'api-url'], problem));
    }
    const tokenEnv = raw.github['token-env'];
    const ids = new Map();
    const paths = new Map();
    raw.sources.forEach((source, index) => {
        const at = ['sources', index];
        const firstId = ids.get(source.id);
        // Two sources with one id would make a rule's `source` mean either sender's alerts.
        if (firstId !== undefined) {
            problems.push(issue([...at, 'id'], `duplicate source id '${source.id}' (first used in sources[${firstId}])`));
        }
        else
            ids.set(source.id, index);
        const firstPath = paths.get(source.path);
        // Two sources at one path: a request could only be checked against one sender's secret.
        if (firstPath !== undefined) {
            problems.push(issue([...at, 'path'], `duplicate path '${source.path}' (first used in sources[${firstPath}])`));
        }
        else
            paths.set(source.path, index);
        if (RESERVED_PATHS.has(source.path.replace(/\/+$/, ''))) {
            problems.push(issue([...at, 'path'], `'${source.path}' is served by the gateway itself; choose another path`));
        }
        // Dot segments and empty segments are normalised differently by proxies and by the server;
        // a path that means two things could route a request past the check a proxy applies.
        if (source.path
            .split('/')
            .some((part, i, all) => part === '.' || part === '..' || (part === '' && i > 0 && i < all.length - 1))) {
            problems.push(issue([...at, 'path'], `expected a path without '.', '..' or empty segments, got '${source.path}'`));
        }
        problems.push(...authIssues(source, tokenEnv, at, issue));
    });
    raw.rules.forEach((rule, index) => {
        const at = ['rules', index];
        // A rule naming no source would never match, so the alert it was written for does nothing.
        if (!ids.has(rule.source)) {
            problems.push(issue([...at, 'source'], `expected the id of a source (${[...ids.keys()].join(', ')}), got '${rule.source}'`));
        }
        for (const [label, matcher] of Object.entries(rule.match)) {
            if (typeof matcher === 'string')
                continue;
            try {
                fullMatchRegex(matcher.regex);
            }
            catch {
                problems.push(issue([...at, 'match', label, 'regex'], `expected a valid regular expression, got '${matcher.regex}'`));
            }
        }
        // The version is the operator's, never the alert's: a floating reference would let whoever
        // releases next decide what runs on an alert.
        try {
            (0,version_ref/* parseVersionRef */.PL)(rule.remediation);
        }
        catch (error) {
            problems.push(issue([...at, 'remediation'], error.message));
        }
        if (rule.target !== undefined) {
            problems.push(...valueFromIssues(rule.target, [...at, 'target'], issue));
            if (rule.target['strip-port'] !== undefined && rule.target.label === undefined) {
                problems.push(issue([...at, 'target', 'strip-port'], 'strip-port applies to a target taken from a label'));
            }
            if (rule.target.value !== undefined && !dispatch_payload/* TARGET */.Qn.test(rule.target.value)) {
                problems.push(issue([...at, 'target', 'value'], `expected a target of ${dispatch_payload/* TARGET_RULE */.$_}, got '${rule.target.value}'`));
            }
        }
        for (const [name, from] of Object.entries(rule.params ?? {})) {
            problems.push(...valueFromIssues(from, [...at, 'params', name], issue));
        }
        // Attack: a resolution dispatched under the fix's event type would start the fix when the
        // alert ends (the on-alert workflow listens for that type); any resolved alert could then
        // trigger a remediation. The runner refuses a resolved alert too (dispatch-payload.ts).
        const resolvedType = rule['on-resolved']?.['event-type'];
        if (resolvedType !== undefined && resolvedType === (raw.github['event-type'] ?? 'remediate')) {
            problems.push(issue([...at, 'on-resolved', 'event-type'], `'${resolvedType}' is the event type that starts fixes (github.event-type); give resolutions their own, like remediate-resolved`));
        }
        const limit = rule['rate-limit'];
        if (limit !== undefined) {
            try {
                (0,definition/* parseDuration */.E9)(limit.within);
            }
            catch (error) {
                problems.push(issue([...at, 'rate-limit', 'within'], error.message));
            }
        }
    });
    return problems;
}
/**
 * Both `token-env` and `app`, or neither: which credentials the gateway would use is a guess, so
 * the config says it. Located at `app` when both are there, at `github` when neither is.
 */
function githubAuthIssue(data, issue) {
    const github = data.github ?? {};
    if ('token-env' in github && 'app' in github) {
        return issue(['github', 'app'], 'expected token-env or app, not both: keep app to authenticate as the GitHub App, or token-env for a token from the environment', true);
    }
    return issue(['github'], 'expected token-env: <variable holding a token>, or app: { id: <App id>, private-key-file: <path>, installation-id: <number> }', true);
}
function authIssues(source, tokenEnv, at, issue) {
    const problems = [];
    const { 'bearer-env': bearer, 'hmac-env': hmac, 'timestamp-header': timestamp } = source.auth;
    // An open endpoint would let anyone on the network start remediations.
    if (bearer === undefined && hmac === undefined) {
        problems.push(issue([...at, 'auth'], 'expected bearer-env or hmac-env: every source must authenticate its requests'));
    }
    // Alertmanager cannot sign a body; a configured HMAC secret would refuse every real request.
    if (source.type === 'alertmanager' && hmac !== undefined) {
        problems.push(issue([...at, 'auth', 'hmac-env'], 'Alertmanager does not sign requests; use bearer-env (its http_config.authorization)', true));
    }
    // PagerDuty authenticates its webhooks by signature only; a custom header is a shared static
    // value visible in its UI, so the signature is required.
    if (source.type === 'pagerduty' && hmac === undefined) {
        problems.push(issue([...at, 'auth'], "expected hmac-env: PagerDuty's X-PagerDuty-Signature is required"));
    }
    if (timestamp !== undefined && (source.type !== 'grafana' || hmac === undefined)) {
        problems.push(issue([...at, 'auth', 'timestamp-header'], 'timestamp-header applies to a grafana source with hmac-env', true));
    }
    // Reusing the GitHub token as a sender's secret would hand the dispatch token to every sender's config.
    for (const [key, name] of [
        ['bearer-env', bearer],
        ['hmac-env', hmac],
    ]) {
        if (name !== undefined && name === tokenEnv) {
            problems.push(issue([...at, 'auth', key], `'${name}' is the GitHub token's variable (token-env); give the sender its own secret`));
        }
    }
    return problems;
}
function valueFromIssues(from, at, issue) {
    // Both or neither: which one wins would be a guess.
    if ((from.label === undefined) === (from.value === undefined)) {
        return [issue(at, 'expected exactly one of label or value')];
    }
    return [];
}
/**
 * Why `text` is not an API base the gateway may send its credentials to, or undefined: https://
 * (http:// only on a loopback address), without credentials, query or fragment. Also applied to
 * GITHUB_API_URL, which overrides `github.api-url`.
 */
function apiUrlProblem(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        return `expected a URL like https://api.github.com, got '${text}'`;
    }
    // The token travels in every request: over plain http only to this machine.
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        return `expected an https:// URL (http:// only on a loopback address), got '${text}'`;
    }
    // Credentials in the URL would end up in logs; a query or fragment would be dropped or misread.
    if (url.username || url.password || url.search || url.hash) {
        return `expected a URL without credentials, query or fragment, got '${text}'`;
    }
    return undefined;
}
function githubAuth(github) {
    if (github.app === undefined)
        return { kind: 'token', tokenEnv: github['token-env'] ?? '' };
    const { id } = github.app;
    return {
        kind: 'app',
        // A quoted numeric id is the same App: GitHub takes it as a number.
        appId: typeof id === 'string' && /^[0-9]+$/.test(id) ? Number(id) : id,
        privateKeyFile: github.app['private-key-file'],
        installationId: github.app['installation-id'],
    };
}
function valueFrom(raw) {
    return raw.label !== undefined ? { label: raw.label } : { value: raw.value ?? '' };
}
function normalise(raw) {
    const apiUrl = raw.github['api-url'];
    return {
        listen: parseListen(raw.listen),
        state: raw.state,
        github: {
            repository: raw.github.repository,
            auth: githubAuth(raw.github),
            ...(apiUrl !== undefined ? { apiUrl: apiUrl.replace(/\/+$/, '') } : {}),
            eventType: raw.github['event-type'] ?? 'remediate',
        },
        sources: raw.sources.map((s) => ({
            id: s.id,
            type: s.type,
            path: s.path,
            auth: {
                ...(s.auth['bearer-env'] !== undefined ? { bearerEnv: s.auth['bearer-env'] } : {}),
                ...(s.auth['hmac-env'] !== undefined ? { hmacEnv: s.auth['hmac-env'] } : {}),
                ...(s.auth['timestamp-header'] !== undefined ? { timestampHeader: s.auth['timestamp-header'] } : {}),
            },
        })),
        rules: raw.rules.map((r) => ({
            source: r.source,
            match: Object.fromEntries(Object.entries(r.match).map(([k, v]) => [k, typeof v === 'string' ? v : { regex: v.regex }])),
            remediation: r.remediation,
            ...(r.target !== undefined
                ? {
                    target: {
                        ...valueFrom(r.target),
                        ...(r.target['strip-port'] !== undefined ? { stripPort: r.target['strip-port'] } : {}),
                    },
                }
                : {}),
            params: Object.fromEntries(Object.entries(r.params ?? {}).map(([k, v]) => [k, valueFrom(v)])),
            ...(r['rate-limit'] !== undefined
                ? { rateLimit: { max: r['rate-limit'].max, within: r['rate-limit'].within } }
                : {}),
            ...(r['on-resolved'] !== undefined ? { onResolved: { eventType: r['on-resolved']['event-type'] } } : {}),
        })),
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/adapters/gateway-store.ts
// The alert gateway's durable state: every alert it accepted and the queue of repository_dispatch
// calls it owes GitHub, in one SQLite file (`<state>/gateway.sqlite`) through Node's built-in
// `node:sqlite` (no native build, nothing downloaded at install).
//
// Durability. Each `accept` is one transaction that is on disk before it returns: the database runs
// in WAL mode with `synchronous=FULL`, so COMMIT appends the transaction to the write-ahead log and
// fsyncs the log before returning. (In WAL mode `synchronous=NORMAL` syncs only at checkpoints: a
// commit survives a `kill -9`, because the bytes are in the OS page cache, but not a power cut or
// a kernel crash. FULL survives both.) The gateway answers 2xx only after `accept` returned, so an
// alert answered 2xx is never lost; if the write throws, the caller answers 5xx and the sender
// retries.
//
// Exactly once, and what `kill -9` allows. The dedupe key of an alert firing (`source`, `key`, and
// `event`: the firing, or its resolution when a rule dispatches those) is UNIQUE among
// dispatches, so a re-sent alert (a retry, a re-notification, a restart, concurrent requests,
// even two processes on one state folder) is queued at most once; that is exact.
// Sending is not: a dispatch is marked sent only after GitHub answered 2xx, so a crash after
// GitHub accepted the dispatch and before `markSent` committed leaves it queued, and the restarted
// gateway sends it again. No local store can close that window (GitHub's dispatch API takes no
// idempotency key, and marking before sending would lose the dispatch when the crash comes first),
// so at the HTTP level delivery is at least once, and a second POST happens only after a crash in
// that window of a few milliseconds. The payload carries the alert key as the run's idempotency
// key (`alert.id` / `alert.fingerprint@startsAt`, core/idempotency-key.ts), so the second run is
// refused as DUPLICATE_ALERT and recorded: one fix, which is what "sends none twice" can mean.
//
// Node versions. `node:sqlite` is loaded when a store is opened, not when this module is imported:
// a static import would stop the whole CLI bundle from loading on a Node without it (22.0-22.12
// need a flag), long before the CLI could say why. Node 22 prints "ExperimentalWarning: SQLite is
// an experimental feature" once on stderr when it loads the module; Node 24 prints nothing. The
// warning is left alone: hiding it would mean patching process warnings for the whole process.



/** The database file inside the state folder. */
const GATEWAY_DATABASE_FILE = 'gateway.sqlite';
/** The schema version this module writes (`PRAGMA user_version`). */
const SCHEMA_VERSION = 2;
const OUTCOMES = ['queued', 'duplicate', 'unmatched', 'resolved', 'invalid', 'throttled'];
/** Each step migrates from version index to index + 1, inside the opening transaction. */
const MIGRATIONS = [
    `CREATE TABLE alerts (
     id INTEGER PRIMARY KEY,
     source TEXT NOT NULL,
     key TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('firing', 'resolved')),
     name TEXT NOT NULL,
     received_at TEXT NOT NULL,
     outcome TEXT NOT NULL CHECK (outcome IN ('queued', 'duplicate', 'unmatched', 'resolved', 'invalid', 'throttled')),
     body TEXT NOT NULL
   ) STRICT;
   CREATE INDEX alerts_by_outcome ON alerts (outcome);
   CREATE INDEX alerts_by_key ON alerts (source, key);
   CREATE TABLE dispatches (
     id INTEGER PRIMARY KEY,
     alert_id INTEGER NOT NULL REFERENCES alerts (id),
     source TEXT NOT NULL,
     key TEXT NOT NULL,
     rule_index INTEGER NOT NULL,
     target TEXT,
     payload TEXT NOT NULL,
     queued_at TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'dead')),
     attempts INTEGER NOT NULL DEFAULT 0,
     not_before TEXT NOT NULL,
     sent_at TEXT,
     last_error TEXT,
     -- One dispatch per alert firing, whatever the timing of the requests that carry it.
     UNIQUE (source, key)
   ) STRICT;
   CREATE INDEX dispatches_due ON dispatches (state, not_before, id);
   CREATE INDEX dispatches_by_rule ON dispatches (rule_index, target, queued_at);
   CREATE INDEX dispatches_by_sent_at ON dispatches (sent_at);`,
    // 2: a dispatch says which state of the alert it is about, and the once-only key includes it, so
    // a resolution can be dispatched after its firing. SQLite cannot change a UNIQUE constraint in
    // place: the table is rebuilt, every row kept as a firing dispatch.
    `CREATE TABLE dispatches_v2 (
     id INTEGER PRIMARY KEY,
     alert_id INTEGER NOT NULL REFERENCES alerts (id),
     source TEXT NOT NULL,
     key TEXT NOT NULL,
     event TEXT NOT NULL DEFAULT 'firing' CHECK (event IN ('firing', 'resolved')),
     rule_index INTEGER NOT NULL,
     target TEXT,
     payload TEXT NOT NULL,
     queued_at TEXT NOT NULL,
     state TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'dead')),
     attempts INTEGER NOT NULL DEFAULT 0,
     not_before TEXT NOT NULL,
     sent_at TEXT,
     last_error TEXT,
     -- One dispatch per alert firing, and one per its resolution, whatever the timing of the requests.
     UNIQUE (source, key, event)
   ) STRICT;
   INSERT INTO dispatches_v2 (id, alert_id, source, key, event, rule_index, target, payload, queued_at, state,
                              attempts, not_before, sent_at, last_error)
     SELECT id, alert_id, source, key, 'firing', rule_index, target, payload, queued_at, state,
            attempts, not_before, sent_at, last_error FROM dispatches;
   DROP TABLE dispatches;
   ALTER TABLE dispatches_v2 RENAME TO dispatches;
   CREATE INDEX dispatches_due ON dispatches (state, not_before, id);
   CREATE INDEX dispatches_by_rule ON dispatches (rule_index, target, queued_at);
   CREATE INDEX dispatches_by_sent_at ON dispatches (sent_at);`,
];
/** The gateway's alerts and dispatch queue, durable on disk. One instance per process and folder. */
class GatewayStore {
    #db;
    #file;
    #statements = new Map();
    constructor(db, file) {
        this.#db = db;
        this.#file = file;
    }
    /**
     * Opens (creating when needed) the store in `stateDir`, migrating its schema. Throws a
     * UsageError (IO_ERROR) when the folder or database cannot be created or written.
     */
    static open(stateDir) {
        // Undefined on a Node without the module (getBuiltinModule returns undefined for unknown ids).
        const sqlite = process.getBuiltinModule('node:sqlite');
        if (sqlite === undefined) {
            throw new errors/* UsageError */.eb('USAGE', `the gateway needs Node.js 22.13 or later (node:sqlite), got ${process.version}: upgrade Node.js`);
        }
        try {
            // The state holds alert bodies (labels, annotations): readable by the gateway's user only.
            (0,external_node_fs_.mkdirSync)(stateDir, { recursive: true, mode: 0o700 });
        }
        catch (error) {
            throw ((0,errors/* usageErrorFromSystem */.tz)(error, `gateway state folder ${stateDir}`) ??
                new errors/* UsageError */.eb('IO_ERROR', `gateway state folder ${stateDir}: ${(0,errors/* describeError */.Uc)(error)}`, { cause: error }));
        }
        const file = (0,external_node_path_.join)(stateDir, GATEWAY_DATABASE_FILE);
        let db;
        try {
            db = new sqlite.DatabaseSync(file);
            // Waits out another process's write (`remediate gateway replay-dead` next to a running gateway).
            db.exec('PRAGMA busy_timeout = 5000');
            // See the module comment: WAL + FULL makes every committed transaction durable on return.
            const mode = db.prepare('PRAGMA journal_mode = WAL').get();
            if (mode?.journal_mode !== 'wal')
                throw new Error(`expected journal_mode wal, got ${mode?.journal_mode}`);
            db.exec('PRAGMA synchronous = FULL');
            migrate(db);
            // Proves the folder is writable now rather than at the first alert.
            db.exec('BEGIN IMMEDIATE; COMMIT');
        }
        catch (error) {
            try {
                db?.close();
            }
            catch {
                // The open error below is the one to report; a failed close of a half-open handle adds nothing.
            }
            if (error instanceof errors/* UsageError */.eb)
                throw error;
            throw new errors/* UsageError */.eb('IO_ERROR', `gateway state ${file} cannot be opened for writing: ${(0,errors/* describeError */.Uc)(error)} ` +
                '(check that the folder exists, is writable by this user and is not on a read-only volume)', { cause: error });
        }
        return new GatewayStore(db, file);
    }
    /** The database file's path. */
    get file() {
        return this.#file;
    }
    /**
     * One transaction, synced before it returns: records the alert, and when `dispatch` is given
     * and no earlier alert with the same (source, key, event) was queued (sent, or dead since),
     * queues it (or, with `limit`, records it 'throttled' when the window is full). A resolution is
     * queued only when its firing was, and a firing only when its key has not resolved yet (else
     * either is recorded 'resolved'). Returns what happened.
     * Dedupe survives restarts.
     */
    accept(alert, outcome) {
        const receivedAt = isoTime(alert.receivedAt, 'receivedAt');
        const since = limitSince(outcome);
        return this.#transaction(() => this.#record(alert, outcome, receivedAt, since));
    }
    /**
     * `accept` for many alerts in one transaction and one sync (a group commit): what a server
     * receiving many requests at once uses to sync once per batch rather than once per alert.
     * Entries are applied in order, so a later entry sees an earlier one's key and rate-limit count.
     * All or nothing: an invalid time in any entry throws before anything is written.
     */
    acceptMany(entries) {
        const checked = entries.map((entry) => ({
            entry,
            receivedAt: isoTime(entry.alert.receivedAt, 'receivedAt'),
            since: limitSince(entry.outcome),
        }));
        if (checked.length === 0)
            return [];
        return this.#transaction(() => checked.map(({ entry, receivedAt, since }) => this.#record(entry.alert, entry.outcome, receivedAt, since)));
    }
    /** Records one alert inside the caller's transaction. */
    #record(alert, outcome, receivedAt, since) {
        const insertAlert = (recorded) => Number(this.#statement(`INSERT INTO alerts (source, key, status, name, received_at, outcome, body) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(alert.source, alert.key, alert.status, alert.name, receivedAt, recorded, alert.body).lastInsertRowid);
        if (typeof outcome === 'string') {
            insertAlert(outcome);
            return outcome;
        }
        // A dead dispatch counts as taken too: GitHub refused that payload for good, so sending it
        // again on a re-notification would fail the same way; `replay-dead` is the way back.
        const { dispatch, limit } = outcome;
        const event = dispatch.event ?? 'firing';
        const taken = this.#statement(`SELECT 1 AS taken FROM dispatches WHERE source = ? AND key = ? AND event = ?`).get(alert.source, alert.key, event);
        if (taken !== undefined) {
            insertAlert('duplicate');
            return 'duplicate';
        }
        // Attack: senders retry and do not keep order (Alertmanager's retries and HA peer, PagerDuty's
        // unordered webhooks), so a firing can arrive after the resolution of the same alert. A
        // re-fire has a new startsAt (a new key): a firing whose key already resolved is stale, and
        // starting its fix would let the end of an alert start one. Recorded only.
        if (event === 'firing' &&
            this.#statement(`SELECT 1 AS ended FROM alerts WHERE source = ? AND key = ? AND status = 'resolved' LIMIT 1`).get(alert.source, alert.key) !== undefined) {
            insertAlert('resolved');
            return 'resolved';
        }
        // Attack: resolutions are not rate-limited, so one dispatched whatever became of its firing
        // (throttled, never received, made up by the sender) let a flapping alert or a sender's fresh
        // ids cause dispatches without bound, spending GitHub's budget until its secondary rate limit
        // paused the fixes too. A resolution ends a firing this gateway queued (sent or dead since),
        // so resolutions are bounded by the rate-limited firings; any other is recorded only.
        if (event === 'resolved' &&
            this.#statement(`SELECT 1 AS fired FROM dispatches WHERE source = ? AND key = ? AND event = 'firing'`).get(alert.source, alert.key) === undefined) {
            insertAlert('resolved');
            return 'resolved';
        }
        // Counted inside the transaction, so concurrent requests cannot all see room in the window.
        if (limit !== undefined &&
            since !== undefined &&
            this.#countSince(dispatch.ruleIndex, dispatch.target, since) >= limit.max) {
            insertAlert('throttled');
            return 'throttled';
        }
        const alertId = insertAlert('queued');
        this.#statement(`INSERT INTO dispatches (alert_id, source, key, event, rule_index, target, payload, queued_at, state, attempts, not_before)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?)`).run(alertId, alert.source, alert.key, event, dispatch.ruleIndex, dispatch.target ?? null, dispatch.payload, receivedAt, receivedAt);
        return 'queued';
    }
    /**
     * Rate limit per rule and target: how many fixes (firing dispatches) were queued for
     * (ruleIndex, target) since `since` (ISO), whatever became of them. Resolutions do not count:
     * the limit bounds how often a target is remediated.
     */
    countQueuedSince(ruleIndex, target, since) {
        return this.#countSince(ruleIndex, target, isoTime(since, 'since'));
    }
    #countSince(ruleIndex, target, since) {
        const row = this.#statement(`SELECT count(*) AS n FROM dispatches
       WHERE rule_index = ? AND target IS ? AND queued_at >= ? AND event = 'firing'`).get(ruleIndex, target ?? null, since);
        return row.n;
    }
    /** The next due dispatch (notBefore <= now, not sent, not dead), oldest due first, or undefined. */
    nextDue(now) {
        const row = this.#statement(`SELECT id, key, rule_index, target, payload, attempts, not_before, queued_at FROM dispatches
       WHERE state = 'queued' AND not_before <= ? ORDER BY not_before, id LIMIT 1`).get(isoTime(now, 'now'));
        return row === undefined ? undefined : toQueued(row);
    }
    /** Records that GitHub accepted dispatch `id` (answered 2xx) at `at`. */
    markSent(id, at) {
        this.#updateQueued(id, `UPDATE dispatches SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL
       WHERE id = ? AND state = 'queued'`, isoTime(at, 'at'), id);
    }
    /** Records a failed attempt that is worth retrying (5xx, network, rate limit) not before `notBefore`. */
    markRetry(id, notBefore, error) {
        this.#updateQueued(id, `UPDATE dispatches SET not_before = ?, attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'queued'`, isoTime(notBefore, 'notBefore'), error, id);
    }
    /** Records that GitHub refused dispatch `id` for good (a 4xx other than a rate limit): never retried. */
    markDead(id, error) {
        this.#updateQueued(id, `UPDATE dispatches SET state = 'dead', attempts = attempts + 1, last_error = ? WHERE id = ? AND state = 'queued'`, error, id);
    }
    /**
     * Queues every dead dispatch again, due at `now`, with its attempts reset so the backoff starts
     * over (`remediate gateway replay-dead`). Returns how many were re-queued.
     */
    requeueDead(now) {
        const at = isoTime(now, 'now');
        return this.#transaction(() => Number(this.#statement(`UPDATE dispatches SET state = 'queued', not_before = ?, attempts = 0 WHERE state = 'dead'`).run(at).changes));
    }
    /** Alerts by outcome, and dispatches by state. */
    counts() {
        const alerts = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
        for (const row of this.#statement(`SELECT outcome, count(*) AS n FROM alerts GROUP BY outcome`).all()) {
            alerts[row.outcome] = row.n;
        }
        const states = { queued: 0, sent: 0, dead: 0 };
        for (const row of this.#statement(`SELECT state, count(*) AS n FROM dispatches GROUP BY state`).all()) {
            states[row.state] = row.n;
        }
        return { alerts, ...states };
    }
    /** When GitHub last accepted a dispatch (ISO), or undefined if never. */
    lastSentAt() {
        const row = this.#statement(`SELECT max(sent_at) AS at FROM dispatches`).get();
        return row.at ?? undefined;
    }
    /** The journal mode and sync level this connection runs with ('wal' and 2, FULL): for /healthz and tests. */
    durability() {
        const mode = this.#db.prepare('PRAGMA journal_mode').get();
        const sync = this.#db.prepare('PRAGMA synchronous').get();
        return { journalMode: mode.journal_mode, synchronous: sync.synchronous };
    }
    /** Closes the database; the store cannot be used afterwards. */
    close() {
        if (this.#db.isOpen)
            this.#db.close();
    }
    #statement(sql) {
        let statement = this.#statements.get(sql);
        if (statement === undefined) {
            statement = this.#db.prepare(sql);
            this.#statements.set(sql, statement);
        }
        return statement;
    }
    /** Runs `body` in one write transaction; COMMIT returns after the log is synced (see the module comment). */
    #transaction(body) {
        try {
            this.#db.exec('BEGIN IMMEDIATE');
        }
        catch (error) {
            throw this.#writeError(error);
        }
        try {
            const result = body();
            this.#db.exec('COMMIT');
            return result;
        }
        catch (error) {
            if (this.#db.isTransaction)
                this.#db.exec('ROLLBACK');
            throw this.#writeError(error);
        }
    }
    #updateQueued(id, sql, ...values) {
        const changes = this.#transaction(() => Number(this.#statement(sql).run(...values).changes));
        // Only the dispatcher moves a queued dispatch on; anything else is a bug worth stopping for.
        if (changes !== 1)
            throw new errors/* UsageError */.eb('NOT_FOUND', `expected queued dispatch ${id} in ${this.#file}, found none`);
    }
    #writeError(error) {
        if (error instanceof errors/* UsageError */.eb)
            return error;
        return new errors/* UsageError */.eb('IO_ERROR', `gateway state ${this.#file}: write failed: ${(0,errors/* describeError */.Uc)(error)}`, {
            cause: error,
        });
    }
}
/** Creates or upgrades the schema to SCHEMA_VERSION, in one transaction. */
function migrate(db) {
    db.exec('BEGIN IMMEDIATE');
    try {
        const { user_version: version } = db.prepare('PRAGMA user_version').get();
        if (version > SCHEMA_VERSION) {
            throw new errors/* UsageError */.eb('IO_ERROR', `gateway state schema ${version} was written by a newer remediate (this one reads up to ${SCHEMA_VERSION}): upgrade remediate`);
        }
        for (let step = version; step < SCHEMA_VERSION; step++)
            db.exec(MIGRATIONS[step] ?? '');
        if (version !== SCHEMA_VERSION)
            db.exec(`PRAGMA user_version = ${SCHEMA_VERSION}`);
        db.exec('COMMIT');
    }
    catch (error) {
        if (db.isTransaction)
            db.exec('ROLLBACK');
        throw error;
    }
}
/**
 * The canonical form of a time, so that times stored as text compare in time order (every one is
 * `Date.toISOString()`: UTC, milliseconds, `Z`). Throws on a value that is not a time.
 */
function isoTime(value, what) {
    const time = new Date(value);
    if (Number.isNaN(time.getTime()))
        throw new errors/* UsageError */.eb('USAGE', `expected ${what} as an ISO 8601 time, got '${value}'`);
    return time.toISOString();
}
/** The canonical `since` of a dispatch's rate limit, validated ahead of the transaction. */
function limitSince(outcome) {
    if (typeof outcome === 'string' || outcome.limit === undefined)
        return undefined;
    if (!Number.isInteger(outcome.limit.max) || outcome.limit.max < 0) {
        throw new errors/* UsageError */.eb('USAGE', `expected a rate limit of 0 or more dispatches, got ${outcome.limit.max}`);
    }
    return isoTime(outcome.limit.since, 'limit.since');
}
function toQueued(row) {
    return {
        id: row.id,
        key: row.key,
        ruleIndex: row.rule_index,
        target: row.target ?? undefined,
        payload: row.payload,
        attempts: row.attempts,
        notBefore: row.not_before,
        queuedAt: row.queued_at,
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(58500);
// EXTERNAL MODULE: ./src/adapters/retry.ts
var retry = __webpack_require__(16378);
;// CONCATENATED MODULE: ./src/adapters/github-dispatch.ts
// Sends the gateway's queued dispatches to GitHub (`POST /repos/{owner}/{repo}/dispatches`) and
// says what to do with each answer: sent, retry later, or failed for good. A dispatch is marked
// sent only after GitHub answered 2xx; see gateway-store.ts for what that means under `kill -9`.
// sendDispatch is the one place that classifies an answer, including what a 401 means for a
// token that can be renewed (a GitHub App's, github-app-token.ts) and for one that cannot.



/** The first retry's delay: GitHub's 5xx blips usually clear within seconds. */
const BACKOFF_BASE_MS = 1000;
/** The longest wait between two sends of one dispatch: an outage is retried at least this often. */
const BACKOFF_CAP_MS = 5 * 60_000;
/** Least wait after GitHub's secondary rate limit (a 403 or 429 saying so, without headers). */
const SECONDARY_RATE_LIMIT_MS = 60_000;
const DEFAULT_TIMEOUT_MS = 30_000;
/** GitHub's error messages are short; anything longer is an HTML page or a proxy's, and is cut. */
const MESSAGE_LIMIT = 500;
/**
 * The delay before the next send after `attempts` failed ones: doubling from 1 s, capped at
 * 5 minutes, with "equal jitter" (half fixed, half random) so that many dispatches failed by one
 * outage do not come back in one burst, while each still waits at least half its step.
 */
function backoffMs(attempts, random = Math.random) {
    const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(Math.max(0, attempts), 30));
    return Math.round(step / 2 + (step / 2) * random());
}
/**
 * POSTs one repository_dispatch event. 2xx: sent. 5xx, a network error or a timeout: retry with
 * backoff. 429, or 403 with `retry-after` or `x-ratelimit-remaining: 0`: retry when GitHub says.
 * Any other answer (4xx, a redirect): failed, with GitHub's `message`; never retried. With a
 * token source: no token is a retry (`credentials`); a 401 drops the token and sends once more
 * with a fresh one, and a 401 to that one is a retry (`credentials`), not a failed dispatch.
 */
async function sendDispatch(request) {
    const [owner = '', repo = '', ...rest] = request.repository.split('/');
    if (owner === '' || repo === '' || rest.length > 0) {
        return { kind: 'failed', status: 0, message: `expected repository as owner/name, got '${request.repository}'` };
    }
    const url = `${request.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/dispatches`;
    if (typeof request.token === 'string')
        return postDispatch(request, url, request.token);
    const source = request.token;
    const noCredentials = (reason) => ({
        kind: 'retry',
        afterMs: backoffMs(request.attempts ?? 0, request.random ?? Math.random),
        reason,
        credentials: true,
    });
    for (let renewed = false;; renewed = true) {
        let token;
        try {
            token = await source.token(request.signal);
        }
        catch (error) {
            // The alert stays queued: a token that cannot be had now (GitHub down, the App's key or
            // installation wrong) is retried, never a reason to drop the dispatch.
            if (request.signal?.aborted === true) {
                return { kind: 'retry', afterMs: backoffMs(request.attempts ?? 0, request.random), reason: 'aborted' };
            }
            return noCredentials((0,errors/* describeError */.Uc)(error));
        }
        const result = await postDispatch(request, url, token);
        if (result.kind !== 'failed' || result.status !== 401)
            return result;
        // A revoked (or otherwise retired) installation token: the dispatch is not at fault, so the
        // token is dropped and the send made once more with a fresh one.
        source.invalidate(token);
        if (renewed)
            return noCredentials(`HTTP 401 to a token minted just now: ${result.message}`);
    }
}
/** One POST with `token`, its answer classified. */
async function postDispatch(request, url, token) {
    const random = request.random ?? Math.random;
    const backoff = (reason) => ({
        kind: 'retry',
        afterMs: backoffMs(request.attempts ?? 0, random),
        reason,
    });
    const timeout = AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const signal = request.signal === undefined ? timeout : AbortSignal.any([request.signal, timeout]);
    let response;
    try {
        response = await fetch(url, {
            method: 'POST',
            headers: {
                authorization: `Bearer ${token}`,
                accept: 'application/vnd.github+json',
                'x-github-api-version': '2022-11-28',
                'content-type': 'application/json',
                'user-agent': 'remediate-gateway',
            },
            body: request.body,
            // A POST must not be replayed elsewhere by a redirect (and lose its method or token on the
            // way): a moved repository is reported, not followed.
            redirect: 'manual',
            signal,
        });
    }
    catch (error) {
        if (timeout.aborted)
            return backoff(`no answer within ${request.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`);
        if (request.signal?.aborted === true)
            return backoff('aborted');
        return backoff(`network error: ${networkReason(error)}`);
    }
    const status = response.status;
    let text;
    try {
        text = await response.text();
    }
    catch (error) {
        // The status line arrived: a 2xx is GitHub's acceptance even if the (empty) body broke off.
        if (status >= 200 && status < 300)
            return { kind: 'sent' };
        return backoff(`network error reading the answer to HTTP ${status}: ${networkReason(error)}`);
    }
    if (status >= 200 && status < 300)
        return { kind: 'sent' };
    if (status >= 500)
        return backoff(`HTTP ${status}${messageSuffix(text)}`);
    const headers = Object.fromEntries(response.headers.entries());
    const wait = (0,retry/* rateLimitWait */.hD)({ status, response: { headers } }, (request.nowMs ?? Date.now)());
    if (wait !== undefined) {
        return { kind: 'retry', afterMs: wait.delayMs, reason: `HTTP ${status}, ${wait.reason}`, rateLimited: true };
    }
    // GitHub's secondary rate limit answers 403 with neither header; its documentation says to wait
    // at least a minute. Marking it dead would lose the alert during a storm (its key is taken).
    if ((status === 403 || status === 429) && /rate limit/i.test(githubMessage(text) ?? '')) {
        return {
            kind: 'retry',
            afterMs: Math.max(SECONDARY_RATE_LIMIT_MS, backoffMs(request.attempts ?? 0, request.random)),
            reason: `HTTP ${status}, ${githubMessage(text) ?? 'rate limited'}`,
            rateLimited: true,
        };
    }
    if (status >= 300 && status < 400) {
        const location = response.headers.get('location');
        return {
            kind: 'failed',
            status,
            message: `GitHub redirected the dispatch${location === null ? '' : ` to ${location}`}: check github.repository (renamed or moved?)`,
        };
    }
    return { kind: 'failed', status, message: githubMessage(text) ?? `HTTP ${status}` };
}
/** A `sleep` for runDispatcher: resolves after `ms` or as soon as `signal` aborts. */
async function abortableSleep(ms, signal) {
    try {
        await (0,promises_.setTimeout)(ms, undefined, { signal });
    }
    catch (error) {
        if (!signal.aborted)
            throw error;
    }
}
/**
 * Sends due dispatches one at a time until `signal` aborts: takes the next due one, sends it,
 * records the answer (sent, retry with backoff, dead), and idles when nothing is due. A rate
 * limit pauses every send until it lifts, as it applies to the token, not to one dispatch. A send
 * that throws is a retry, reported through onEvent; a store that throws stops the loop (rejects).
 */
async function runDispatcher(store, send, options) {
    const { now, sleep, signal, onEvent } = options;
    const idleMs = options.idleMs ?? 1000;
    while (!signal.aborted) {
        const due = store.nextDue(now().toISOString());
        if (due === undefined) {
            await sleep(idleMs, signal);
            continue;
        }
        const started = now();
        let result;
        try {
            result = await send(due);
        }
        catch (error) {
            result = { kind: 'retry', afterMs: backoffMs(due.attempts), reason: `send failed: ${(0,errors/* describeError */.Uc)(error)}` };
        }
        const finished = now();
        const attempts = due.attempts + 1;
        switch (result.kind) {
            case 'sent':
                store.markSent(due.id, finished.toISOString());
                onEvent?.({
                    kind: 'sent',
                    id: due.id,
                    key: due.key,
                    attempts,
                    latencyMs: Math.max(0, finished.getTime() - Date.parse(due.queuedAt)),
                    requestMs: finished.getTime() - started.getTime(),
                });
                break;
            case 'retry':
                store.markRetry(due.id, new Date(finished.getTime() + result.afterMs).toISOString(), result.reason);
                onEvent?.({
                    kind: 'retry',
                    id: due.id,
                    key: due.key,
                    attempts,
                    afterMs: result.afterMs,
                    reason: result.reason,
                    ...(result.credentials === true ? { credentials: true } : {}),
                });
                // A rate limit or missing credentials hold for every dispatch: pause them all.
                if (result.rateLimited === true || result.credentials === true)
                    await sleep(result.afterMs, signal);
                break;
            case 'failed': {
                const message = `HTTP ${result.status}: ${result.message}`;
                store.markDead(due.id, message);
                onEvent?.({
                    kind: 'failed',
                    id: due.id,
                    key: due.key,
                    attempts,
                    status: result.status,
                    message: result.message,
                });
                break;
            }
        }
    }
}
/** GitHub's `message` from an error body (plus its field errors), or undefined for a body that is not GitHub's JSON. */
function githubMessage(text) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        return text.trim() === '' ? undefined : oneLine(text);
    }
    const message = body?.message;
    if (typeof message !== 'string')
        return oneLine(text);
    const errors = body.errors;
    const details = Array.isArray(errors)
        ? errors
            .map((e) => e?.message)
            .filter((m) => typeof m === 'string')
        : [];
    return oneLine([message, ...details].join('; '));
}
function messageSuffix(text) {
    const message = githubMessage(text);
    // A 5xx from GitHub's edge is an HTML page: its text says nothing the status does not.
    return message === undefined || /^<!doctype|^<html/i.test(text.trim()) ? '' : `: ${message}`;
}
/** One line, bounded: the message lands in the state and the logs. */
function oneLine(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MESSAGE_LIMIT ? `${flat.slice(0, MESSAGE_LIMIT)}...` : flat;
}
/** The system error code behind undici's "fetch failed", when there is one. */
function networkReason(error) {
    const cause = error?.cause;
    if (typeof cause?.code === 'string')
        return cause.code;
    if (typeof cause?.message === 'string')
        return cause.message;
    return (0,errors/* describeError */.Uc)(error);
}

;// CONCATENATED MODULE: ./src/adapters/github-app-token.ts
// Authenticates the gateway to GitHub as a GitHub App (issue 15): the App's private key signs a
// short JWT, which GitHub exchanges for an installation access token narrowed to the one
// repository the gateway dispatches to. The token is cached until shortly before it expires;
// concurrent callers share one refresh, and a token GitHub refused (401) can be dropped.




/** Largest key file read: a 4096-bit RSA key in PEM is about 3.3 KB. */
const MAX_APP_KEY_BYTES = 64 * 1024;
/** How far `iat` is set back: GitHub recommends 60 s against clock drift. */
const JWT_CLOCK_DRIFT_S = 60;
/** `exp - iat`: GitHub refuses a JWT that expires more than 10 minutes ahead. */
const JWT_LIFETIME_S = 600;
/** A cached token is renewed this long before its `expires_at` (GitHub's tokens live an hour). */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** While a renewal fails, the cached token is still used until this long before it expires. */
const LAST_RESORT_MARGIN_MS = 60_000;
const github_app_token_DEFAULT_TIMEOUT_MS = 30_000;
/** Where the config names the key file, for messages. */
const KEY_LABEL = 'github.app.private-key-file';
/**
 * Reads the App's private key once (bounded: a FIFO, a device or a huge file is refused) and
 * parses it as an RSA private key (PKCS#1 as GitHub downloads it, or PKCS#8). A file other users
 * can access is refused (UNPROTECTED_KEY); one its group can access is accepted with a warning.
 * Throws UsageError (INVALID_KEY, UNPROTECTED_KEY, NOT_FOUND, ...) naming the file and the fix.
 */
function loadAppPrivateKey(path) {
    let warning;
    const checkFile = (stats) => {
        if (process.platform === 'win32')
            return;
        const mode = `0${(stats.mode & 0o777).toString(8)}`;
        // Attack: another local user (or another container sharing the volume) reads the key and
        // mints tokens for every repository the App is installed on. Refused, as ssh refuses.
        if ((stats.mode & 0o007) !== 0) {
            throw new errors/* UsageError */.eb('UNPROTECTED_KEY', `${KEY_LABEL} ${path} is accessible to other users (mode ${mode}): chmod 600 ${path}, owned by the gateway's user`);
        }
        // A group bit is how some platforms hand a secret to a non-root process (Kubernetes fsGroup),
        // so it is allowed, but said: the group's members can read the key too.
        if ((stats.mode & 0o070) !== 0) {
            warning = `${KEY_LABEL} ${path} is accessible to its group (mode ${mode}); chmod 600 it unless that group is the gateway's alone`;
        }
    };
    const pem = (0,bounded_file/* readBoundedFile */.M)(path, { label: KEY_LABEL, maxBytes: MAX_APP_KEY_BYTES, checkFile });
    const expected = `expected the GitHub App's RSA private key in PEM (the .pem file downloaded from the App's settings, "Private keys")`;
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)({ key: pem, format: 'pem' });
    }
    catch (error) {
        // Read from the PEM itself: OpenSSL's error for a missing passphrase differs between versions.
        const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem.toString('latin1'));
        throw new errors/* UsageError */.eb('INVALID_KEY', `${KEY_LABEL} ${path}: ${expected}, got ${encrypted ? 'an encrypted key (GitHub issues it unencrypted)' : 'something else'}`, { cause: error });
    }
    // RS256 is RSASSA-PKCS1-v1_5: an RSA-PSS or elliptic-curve key cannot make a JWT GitHub accepts.
    if (key.asymmetricKeyType !== 'rsa') {
        throw new errors/* UsageError */.eb('INVALID_KEY', `${KEY_LABEL} ${path}: ${expected}, got a ${key.asymmetricKeyType ?? 'non-RSA'} key`);
    }
    return warning === undefined ? { key } : { key, warning };
}
/**
 * The JWT that authenticates as the App: RS256 over `{alg: RS256, typ: JWT}` and
 * `{iat: now - 60 s, exp: iat + 10 min, iss: appId}`. Setting `iat` back absorbs a local clock up
 * to a minute ahead of GitHub's, and keeps `exp` under GitHub's 10-minute limit from its view too.
 */
function createAppJwt(appId, key, nowMs) {
    const iat = Math.floor(nowMs / 1000) - JWT_CLOCK_DRIFT_S;
    const header = { alg: 'RS256', typ: 'JWT' };
    const payload = { iat, exp: iat + JWT_LIFETIME_S, iss: appId };
    const data = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
    // For an RSA key, node:crypto signs with PKCS#1 v1.5 padding: RS256.
    return `${data}.${(0,external_node_crypto_.sign)('sha256', Buffer.from(data), key).toString('base64url')}`;
}
/**
 * Installation tokens of a GitHub App, minted on demand and cached. `token()` answers from the
 * cache until REFRESH_MARGIN_MS before `expires_at`, then exchanges a fresh JWT; callers arriving
 * meanwhile share that one exchange. A failed exchange rejects with ServiceError
 * (GITHUB_APP_TOKEN), unless the cached token is still good for a minute, and is tried again by
 * the next call.
 */
class GitHubAppTokens {
    #options;
    #now;
    #cached;
    #refresh;
    constructor(options) {
        this.#options = options;
        this.#now = options.nowMs ?? Date.now;
    }
    /** A token valid for a few minutes at least; `signal` abandons the wait (not a shared exchange others wait on). */
    token(signal) {
        const cached = this.#cached;
        if (cached !== undefined && this.#now() < cached.expiresAt - REFRESH_MARGIN_MS)
            return Promise.resolve(cached.token);
        if (signal?.aborted === true)
            return Promise.reject(abortReason(signal));
        const refresh = this.#refresh ?? this.#startRefresh();
        refresh.waiters++;
        return new Promise((resolve, reject) => {
            const onAbort = () => {
                settle();
                if (--refresh.waiters === 0) {
                    // Nobody wants this exchange any more (the gateway is stopping): end it, and let the
                    // next caller start its own rather than join one being aborted.
                    if (this.#refresh === refresh)
                        this.#refresh = undefined;
                    refresh.controller.abort(abortReason(signal));
                }
                reject(abortReason(signal));
            };
            let done = false;
            const settle = () => {
                done = true;
                signal?.removeEventListener('abort', onAbort);
            };
            signal?.addEventListener('abort', onAbort, { once: true });
            refresh.promise.then((fresh) => {
                if (done)
                    return;
                settle();
                refresh.waiters--;
                resolve(fresh.token);
            }, (error) => {
                if (done)
                    return;
                settle();
                refresh.waiters--;
                // A renewal that fails inside the margin (GitHub down for a minute) need not stop
                // dispatches while the token in hand is still good.
                const cachedNow = this.#cached;
                if (cachedNow !== undefined && this.#now() < cachedNow.expiresAt - LAST_RESORT_MARGIN_MS) {
                    resolve(cachedNow.token);
                }
                else
                    reject(error);
            });
        });
    }
    /**
     * Drops `token` after GitHub refused it (401: revoked, or the installation changed), so the
     * next call mints another. A token other than the cached one (already replaced) is ignored.
     */
    invalidate(token) {
        if (this.#cached?.token === token)
            this.#cached = undefined;
    }
    #startRefresh() {
        const controller = new AbortController();
        const refresh = {
            controller,
            waiters: 0,
            promise: this.#exchange(controller.signal).then((fresh) => {
                if (this.#refresh === refresh)
                    this.#refresh = undefined;
                this.#cached = fresh;
                return fresh;
            }, (error) => {
                if (this.#refresh === refresh)
                    this.#refresh = undefined;
                throw error;
            }),
        };
        this.#refresh = refresh;
        return refresh;
    }
    /** One `POST /app/installations/{id}/access_tokens` with a fresh JWT. */
    async #exchange(signal) {
        const { apiUrl, appId, installationId, repository, privateKey } = this.#options;
        const timeoutMs = this.#options.timeoutMs ?? github_app_token_DEFAULT_TIMEOUT_MS;
        const url = `${apiUrl.replace(/\/+$/, '')}/app/installations/${installationId}/access_tokens`;
        const name = repository.slice(repository.indexOf('/') + 1);
        const timeout = AbortSignal.timeout(timeoutMs);
        const fail = (message, status, cause) => new errors/* ServiceError */._7('GITHUB_APP_TOKEN', `GitHub App installation token: ${message}`, {
            ...(status !== undefined ? { status } : {}),
            ...(cause !== undefined ? { cause } : {}),
        });
        let response;
        let text;
        try {
            response = await fetch(url, {
                method: 'POST',
                headers: {
                    authorization: `Bearer ${createAppJwt(appId, privateKey, this.#now())}`,
                    accept: 'application/vnd.github+json',
                    'x-github-api-version': '2022-11-28',
                    'content-type': 'application/json',
                    'user-agent': 'remediate-gateway',
                },
                // Least privilege: the token reaches one repository and may only write its contents
                // (what repository_dispatch needs), whatever else the App was granted or installed on.
                // Attack limited: a leaked gateway token can dispatch to (and write the contents of)
                // that one repository only, never the installation's other repositories or settings.
                body: JSON.stringify({ repositories: [name], permissions: { contents: 'write' } }),
                // A redirect would carry the JWT elsewhere: reported, not followed.
                redirect: 'manual',
                signal: AbortSignal.any([signal, timeout]),
            });
            text = await response.text();
        }
        catch (error) {
            if (timeout.aborted)
                throw fail(`no answer within ${timeoutMs} ms`, undefined, error);
            if (signal.aborted)
                throw fail('aborted', undefined, error);
            throw fail(`network error: ${networkReason(error)}`, undefined, error);
        }
        const status = response.status;
        if (status === 201)
            return parseToken(text, this.#now(), fail);
        const message = githubMessage(text) ?? `HTTP ${status}`;
        const hint = status === 401
            ? `: check github.app.id and that ${KEY_LABEL} is a current private key of that App`
            : status === 404
                ? `: check github.app.installation-id (the number at the end of the installation's settings URL) and github.app.id`
                : status === 403 || status === 422
                    ? `: the installation must include ${repository} and grant Contents: read and write`
                    : '';
        throw fail(`HTTP ${status}: ${message}${hint}`, status);
    }
}
/** Reads GitHub's 201 answer: a token fit for a header, and an `expires_at` in the future. */
function parseToken(text, nowMs, fail) {
    let body;
    try {
        body = JSON.parse(text);
    }
    catch {
        throw fail('GitHub answered 201 without JSON', 201);
    }
    const { token, expires_at: expiresAt } = (body ?? {});
    // The token goes into an Authorization header: printable ASCII without spaces only.
    if (typeof token !== 'string' || !/^[\x21-\x7e]{1,1024}$/.test(token)) {
        throw fail('GitHub answered 201 without a usable token', 201);
    }
    const expires = typeof expiresAt === 'string' ? Date.parse(expiresAt) : Number.NaN;
    if (Number.isNaN(expires) || expires <= nowMs) {
        throw fail(`GitHub answered 201 with expires_at ${JSON.stringify(expiresAt)}, not a future time`, 201);
    }
    return { token, expiresAt: expires };
}
function base64url(text) {
    return Buffer.from(text, 'utf8').toString('base64url');
}
function abortReason(signal) {
    return signal?.reason ?? new Error('aborted');
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
;// CONCATENATED MODULE: ./src/core/gateway-auth.ts
// Authenticates a request to a gateway source before its body is parsed (issue 15). Pure: the
// headers, the raw body bytes and the secrets are handed in; nothing here reads the environment
// or a clock it was not given. Every secret a source configures must verify.

/** How far a Grafana signature's timestamp may be from now by default. */
const DEFAULT_MAX_SKEW_MS = 5 * 60 * 1000;
/** Most signatures one X-PagerDuty-Signature header may list (it lists one per active secret). */
const MAX_PAGERDUTY_SIGNATURES = 10;
/**
 * Checks a request against its source's configured secrets: a bearer token when `bearerEnv` is
 * set, the sender type's HMAC signature over the raw body when `hmacEnv` is set; both when both.
 * A configured secret whose value is missing or empty refuses every request (fails closed).
 */
function authenticateRequest(source, headers, rawBody, secrets, options = {}) {
    // A source with no secret configured would accept anyone; the config refuses that, and so does
    // this check, in case a caller builds a source by hand.
    if (source.auth.bearerEnv === undefined && source.auth.hmacEnv === undefined) {
        return refuse('the source has no bearer or HMAC secret configured');
    }
    if (source.auth.bearerEnv !== undefined) {
        const result = checkBearer(headers, secrets.bearer);
        if (!result.ok)
            return result;
    }
    if (source.auth.hmacEnv !== undefined) {
        // An empty secret makes HMAC a public function: anyone could sign.
        if (secrets.hmac === undefined || secrets.hmac === '')
            return refuse('the HMAC secret is not set');
        const result = checkSignature(source, headers, rawBody, secrets.hmac, options);
        if (!result.ok)
            return result;
    }
    return { ok: true };
}
function checkBearer(headers, secret) {
    // An empty expected token would let an empty `Bearer ` header through.
    if (secret === undefined || secret === '')
        return refuse('the bearer token is not set');
    const header = singleHeader(headers, 'authorization');
    if (!header.ok)
        return header;
    const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header.value);
    if (!match)
        return refuse('expected an Authorization: Bearer <token> header');
    // Timing attack: comparing the tokens byte by byte would leak how long a guessed prefix
    // matches. Digests of both are equal in length whatever was sent, so timingSafeEqual applies
    // and the time taken says nothing about the token (nor its length).
    return (0,external_node_crypto_.timingSafeEqual)(sha256(match[1] ?? ''), sha256(secret)) ? { ok: true } : refuse('wrong bearer token');
}
function checkSignature(source, headers, rawBody, secret, options) {
    switch (source.type) {
        case 'grafana':
            return checkGrafana(source, headers, rawBody, secret, options);
        case 'pagerduty':
            return checkPagerDuty(headers, rawBody, secret);
        case 'generic':
            return checkGeneric(headers, rawBody, secret);
        case 'alertmanager':
            // Alertmanager cannot sign; the config refuses hmac-env for it. Fail closed all the same.
            return refuse('Alertmanager requests carry no signature');
    }
}
// Grafana: `X-Grafana-Alerting-Signature: <hex HMAC-SHA256>` over the body, or over
// `<timestamp>:<body>` when the contact point names a timestamp header (then required here).
function checkGrafana(source, headers, rawBody, secret, options) {
    const signature = singleHeader(headers, 'x-grafana-alerting-signature');
    if (!signature.ok)
        return signature;
    const timestampHeader = source.auth.timestampHeader;
    let signed = rawBody;
    if (timestampHeader !== undefined) {
        const timestamp = singleHeader(headers, timestampHeader);
        // Replay: without the timestamp a captured request could be sent again at any time later.
        if (!timestamp.ok)
            return timestamp;
        if (!/^[0-9]{1,15}$/.test(timestamp.value))
            return refuse(`expected ${timestampHeader} to be Unix seconds`);
        // Replay: a signed timestamp far from now is an old request played back (or a clock that
        // is off, which the operator must fix either way).
        if (options.now !== undefined) {
            const skew = Math.abs(options.now - Number(timestamp.value) * 1000);
            if (skew > (options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS))
                return refuse(`${timestampHeader} is too far from now`);
        }
        signed = Buffer.concat([Buffer.from(`${timestamp.value}:`), rawBody]);
    }
    return hexSignatureMatches(signature.value, signed, secret)
        ? { ok: true }
        : refuse('X-Grafana-Alerting-Signature does not match the body');
}
// PagerDuty v3: `X-PagerDuty-Signature: v1=<hex>,v1=<hex>`, one per active secret while a secret
// is rotated; any one matching the HMAC-SHA256 of the raw body is enough.
function checkPagerDuty(headers, rawBody, secret) {
    const header = singleHeader(headers, 'x-pagerduty-signature');
    if (!header.ok)
        return header;
    const signatures = header.value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.startsWith('v1='))
        .map((part) => part.slice(3));
    if (signatures.length === 0)
        return refuse('expected X-PagerDuty-Signature: v1=<hex>');
    // Cost bound: a header listing thousands of candidates would make the gateway compute and
    // compare for each; PagerDuty sends one per active secret.
    if (signatures.length > MAX_PAGERDUTY_SIGNATURES)
        return refuse('too many signatures in X-PagerDuty-Signature');
    const expected = hmac(secret, rawBody);
    // Every candidate is compared, none skipped once one matched, so timing does not say which.
    let matched = false;
    for (const candidate of signatures)
        matched = hexEqual(candidate, expected) || matched;
    return matched ? { ok: true } : refuse('no X-PagerDuty-Signature matches the body');
}
// Generic: `X-Remediate-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.
function checkGeneric(headers, rawBody, secret) {
    const header = singleHeader(headers, 'x-remediate-signature');
    if (!header.ok)
        return header;
    if (!header.value.startsWith('sha256='))
        return refuse('expected X-Remediate-Signature: sha256=<hex>');
    return hexSignatureMatches(header.value.slice('sha256='.length), rawBody, secret)
        ? { ok: true }
        : refuse('X-Remediate-Signature does not match the body');
}
/**
 * The one value of a header. Ambiguity: a header sent twice may be read as the first copy by a
 * proxy and the last by us (or joined), so a check passes on a value other than the one that was
 * meant; a request carrying two copies, or two names differing in case, is refused.
 */
function singleHeader(headers, name) {
    const wanted = name.toLowerCase();
    const values = [];
    for (const [key, value] of Object.entries(headers)) {
        if (key.toLowerCase() !== wanted || value === undefined)
            continue;
        if (Array.isArray(value))
            values.push(...value);
        else
            values.push(value);
    }
    if (values.length === 0)
        return refuse(`missing ${name} header`);
    if (values.length > 1)
        return refuse(`${name} header sent more than once`);
    return { ok: true, value: (values[0] ?? '').trim() };
}
function hexSignatureMatches(signature, signed, secret) {
    return hexEqual(signature.trim(), hmac(secret, signed));
}
// Forgery by malformed input: only exactly 64 hex digits are compared; Buffer.from(x, 'hex')
// would silently stop at the first non-hex character and compare a shorter prefix.
function hexEqual(candidate, expected) {
    if (!/^[0-9a-fA-F]{64}$/.test(candidate))
        return false;
    // Timing attack: a constant-time comparison of equal-length digests says nothing about how much
    // of a guessed signature was right.
    return (0,external_node_crypto_.timingSafeEqual)(Buffer.from(candidate, 'hex'), expected);
}
function hmac(secret, data) {
    return (0,external_node_crypto_.createHmac)('sha256', secret).update(data).digest();
}
function sha256(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest();
}
function refuse(reason) {
    return { ok: false, reason };
}

// EXTERNAL MODULE: ./src/core/idempotency-key.ts
var idempotency_key = __webpack_require__(40884);
;// CONCATENATED MODULE: ./src/core/gateway-alerts.ts
// Reads what an alerting system posted into alerts the gateway can route: one NormalizedAlert
// per alert, not per notification (an Alertmanager group whose status is `firing` can hold
// resolved alerts). Pure: a parsed JSON body in, alerts or an INVALID_ALERT error out. The body
// reaches here only after the request was authenticated (core/gateway-auth.ts).
//
// Labels per source:
// - alertmanager, grafana: the alert's own labels (`alertname` among them); name = `alertname`.
// - pagerduty: `incident_id`, `incident_number`, `title`, `service`, `service_id`, `urgency`,
//   `priority`, `status`, `incident_key`, `event_type` (each when the event carries it);
//   name = the incident title.
// - generic: the body's `labels`; name = its `name`.


/** Most alerts one request may carry; more is a flood, not a notification group. */
const MAX_ALERTS_PER_BODY = 1000;
/** Most labels one alert may carry. */
const MAX_LABELS = 128;
/** Longest label value kept; longer values are refused (they are data for parameters, not documents). */
const MAX_LABEL_VALUE_LENGTH = 4096;
/** Longest link kept. */
const MAX_LINK_LENGTH = 2048;
/**
 * Reads the alerts of a request body already parsed as JSON, in the format of the source's type.
 * Returns [] for an event that is no alert (a PagerDuty `incident.acknowledged`). Throws
 * UsageError INVALID_ALERT for a body that is not that format, or any alert in it that is
 * malformed: the whole body is refused, so a sender's bug shows as a 4xx instead of some of its
 * alerts silently doing nothing.
 */
function normalizeAlerts(type, sourceId, body) {
    switch (type) {
        case 'alertmanager':
            return alertmanagerAlerts(sourceId, body);
        case 'grafana':
            return grafanaAlerts(sourceId, body);
        case 'pagerduty':
            return pagerDutyAlerts(sourceId, body);
        case 'generic':
            return genericAlerts(sourceId, body);
    }
}
function invalid(type, message) {
    throw new errors/* UsageError */.eb('INVALID_ALERT', `${type} body: ${message}`);
}
// Alertmanager webhook v4: {version: "4", status, alerts: [{status, labels, annotations,
// startsAt, endsAt, generatorURL, fingerprint}], ...}.
function alertmanagerAlerts(sourceId, body) {
    if (!isObject(body))
        return invalid('alertmanager', `expected a JSON object, got ${typeOf(body)}`);
    // Another version may mean other fields: guessing could read an alert wrongly.
    if (body['version'] !== '4')
        return invalid('alertmanager', `expected version "4", got ${show(body['version'])}`);
    return groupAlerts('alertmanager', sourceId, body);
}
// Grafana's webhook contact point: Alertmanager-like, {receiver, status, orgId, alerts: [{status,
// labels, annotations, startsAt, endsAt, generatorURL, fingerprint, silenceURL, dashboardURL,
// panelURL, values}], version: "1", ...}. Its version is not checked: Grafana has sent "1" for
// years, and the alert fields read here are the ones every version carries.
function grafanaAlerts(sourceId, body) {
    if (!isObject(body))
        return invalid('grafana', `expected a JSON object, got ${typeOf(body)}`);
    return groupAlerts('grafana', sourceId, body);
}
function groupAlerts(type, sourceId, body) {
    const alerts = body['alerts'];
    if (!Array.isArray(alerts))
        return invalid(type, `expected alerts to be a list, got ${typeOf(alerts)}`);
    if (alerts.length > MAX_ALERTS_PER_BODY) {
        return invalid(type, `${alerts.length} alerts in one body; at most ${MAX_ALERTS_PER_BODY} are accepted`);
    }
    return alerts.map((alert, index) => {
        const at = `alerts[${index}]`;
        if (!isObject(alert))
            return invalid(type, `${at}: expected an object, got ${typeOf(alert)}`);
        // Per alert: the group's status says only that one of them fires.
        const status = alert['status'];
        if (status !== 'firing' && status !== 'resolved') {
            return invalid(type, `${at}.status: expected "firing" or "resolved", got ${show(status)}`);
        }
        const labels = readLabels(type, alert['labels'], `${at}.labels`);
        const fingerprint = requiredString(type, alert['fingerprint'], `${at}.fingerprint`);
        const startsAt = requiredString(type, alert['startsAt'], `${at}.startsAt`);
        const key = checkedKey(type, `${fingerprint}@${startsAt}`, `${at}.fingerprint and startsAt`);
        const link = safeLink(alert['generatorURL']) ?? (type === 'grafana' ? safeLink(alert['panelURL']) : undefined);
        return {
            source: sourceId,
            status,
            name: Object.hasOwn(labels, 'alertname') ? (labels['alertname'] ?? '') : '',
            labels,
            key,
            startsAt,
            ...(link !== undefined ? { link } : {}),
        };
    });
}
// PagerDuty webhooks v3: {event: {id, event_type, resource_type, occurred_at, data: {id, type:
// 'incident', title, html_url, number, status, urgency, incident_key, service: {id, summary},
// priority: {summary} | null, ...}}}. `incident.triggered` fires, `incident.resolved` resolves,
// every other event (acknowledged, annotated, reassigned, service.*, ...) is no alert.
function pagerDutyAlerts(sourceId, body) {
    const type = 'pagerduty';
    if (!isObject(body))
        return invalid(type, `expected a JSON object, got ${typeOf(body)}`);
    const event = body['event'];
    if (!isObject(event))
        return invalid(type, `expected event to be an object, got ${typeOf(event)}`);
    const eventType = requiredString(type, event['event_type'], 'event.event_type');
    const status = eventType === 'incident.triggered' ? 'firing' : eventType === 'incident.resolved' ? 'resolved' : undefined;
    if (status === undefined)
        return [];
    const data = event['data'];
    if (!isObject(data))
        return invalid(type, `expected event.data to be an object, got ${typeOf(data)}`);
    // An incident event whose data is another resource would lend another object's id as the key.
    if (data['type'] !== 'incident')
        return invalid(type, `expected event.data.type "incident", got ${show(data['type'])}`);
    const id = checkedKey(type, requiredString(type, data['id'], 'event.data.id'), 'event.data.id');
    const title = optionalString(type, data['title'], 'event.data.title') ?? '';
    const service = data['service'];
    const priority = data['priority'];
    const number = data['number'];
    const entries = [
        ['incident_id', id],
        ['incident_number', typeof number === 'number' && Number.isSafeInteger(number) ? String(number) : undefined],
        ['title', title],
        ['service', isObject(service) ? optionalString(type, service['summary'], 'event.data.service.summary') : undefined],
        ['service_id', isObject(service) ? optionalString(type, service['id'], 'event.data.service.id') : undefined],
        ['urgency', optionalString(type, data['urgency'], 'event.data.urgency')],
        [
            'priority',
            isObject(priority) ? optionalString(type, priority['summary'], 'event.data.priority.summary') : undefined,
        ],
        ['status', optionalString(type, data['status'], 'event.data.status')],
        ['incident_key', optionalString(type, data['incident_key'], 'event.data.incident_key')],
        ['event_type', eventType],
    ];
    const labels = Object.fromEntries(entries.filter((e) => e[1] !== undefined));
    for (const [name, value] of Object.entries(labels))
        checkLabelValue(type, value, `label ${name}`);
    const startsAt = optionalString(type, data['created_at'], 'event.data.created_at');
    const link = safeLink(data['html_url']);
    return [
        {
            source: sourceId,
            status,
            name: title,
            labels,
            key: id,
            ...(startsAt !== undefined ? { startsAt } : {}),
            ...(link !== undefined ? { link } : {}),
        },
    ];
}
const GENERIC_KEYS = new Set(['id', 'status', 'name', 'labels', 'startsAt', 'link']);
// The generic source: {id, status?: "firing" | "resolved" (default firing), name, labels,
// startsAt?, link?}, one alert per request.
function genericAlerts(sourceId, body) {
    const type = 'generic';
    if (!isObject(body))
        return invalid(type, `expected a JSON object, got ${typeOf(body)}`);
    // A misspelt field (`lables`) would otherwise route an alert without the labels meant for it.
    const unknown = Object.keys(body).filter((k) => !GENERIC_KEYS.has(k));
    if (unknown.length) {
        return invalid(type, `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => show(k.slice(0, 40))).join(', ')}; expected id, status, name, labels, startsAt, link`);
    }
    // Attack: a generic sender's ids are its own; namespaced by the source, `42` (or another source's
    // `fingerprint@startsAt`) sent here cannot take another source's alert key at the runner, whose
    // duplicate check matches the key alone.
    const id = checkedKey(type, `${sourceId}:${requiredString(type, body['id'], 'id')}`, 'id');
    const status = body['status'] ?? 'firing';
    if (status !== 'firing' && status !== 'resolved') {
        return invalid(type, `status: expected "firing" or "resolved", got ${show(status)}`);
    }
    const name = requiredString(type, body['name'], 'name');
    const labels = readLabels(type, body['labels'] ?? {}, 'labels');
    const startsAt = optionalString(type, body['startsAt'], 'startsAt');
    const link = body['link'] === undefined ? undefined : safeLink(body['link']);
    if (body['link'] !== undefined && link === undefined) {
        return invalid(type, `link: expected an http(s) URL of at most ${MAX_LINK_LENGTH} characters`);
    }
    return [
        {
            source: sourceId,
            status,
            name,
            labels,
            key: id,
            ...(startsAt !== undefined ? { startsAt } : {}),
            ...(link !== undefined ? { link } : {}),
        },
    ];
}
function readLabels(type, value, at) {
    if (!isObject(value))
        return invalid(type, `${at}: expected an object of strings, got ${typeOf(value)}`);
    const entries = Object.entries(value);
    if (entries.length > MAX_LABELS)
        return invalid(type, `${at}: ${entries.length} labels; at most ${MAX_LABELS} are accepted`);
    for (const [name, label] of entries) {
        // Type confusion: a number or object label would match or fill a parameter in a form no
        // rule author wrote; labels are strings in every system this reads.
        if (typeof label !== 'string')
            return invalid(type, `${at}[${JSON.stringify(name.slice(0, 40))}]: expected a string, got ${typeOf(label)}`);
        checkLabelValue(type, label, `${at}[${JSON.stringify(name.slice(0, 40))}]`);
    }
    // Object.fromEntries defines own properties: a `__proto__` label stays a label, it never
    // becomes the object's prototype (prototype pollution through JSON keys).
    return Object.fromEntries(entries);
}
function checkLabelValue(type, value, at) {
    // Bounds what a regex match and a parameter can be handed; a value this long is not a label.
    if (value.length > MAX_LABEL_VALUE_LENGTH) {
        invalid(type, `${at}: ${value.length} characters; at most ${MAX_LABEL_VALUE_LENGTH} are accepted`);
    }
}
function checkedKey(type, key, at) {
    // The key is recorded, printed and compared byte for byte (core/idempotency-key.ts): a key with
    // a newline, a space or invisible Unicode could forge a log line or look like another alert's.
    if (!idempotency_key/* IDEMPOTENCY_KEY */.g6.test(key)) {
        return invalid(type, `${at}: expected an idempotency key of 1-256 visible ASCII characters, got ${show(key.slice(0, 80))}`);
    }
    return key;
}
function requiredString(type, value, at) {
    if (typeof value !== 'string' || value === '')
        return invalid(type, `${at}: expected a non-empty string, got ${show(value)}`);
    return value;
}
function optionalString(type, value, at) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'string')
        return invalid(type, `${at}: expected a string, got ${typeOf(value)}`);
    return value;
}
// Only http(s) links are kept: a `javascript:` or `data:` link shown in a run summary would run in
// whoever clicks it. Anything else is dropped, not refused: a link is evidence, not input.
function safeLink(value) {
    if (typeof value !== 'string' || value.length > MAX_LINK_LENGTH)
        return undefined;
    if (!/^https?:\/\/[\x21-\x7e]+$/.test(value))
        return undefined;
    return value;
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function typeOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'a list';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function show(value) {
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    return typeOf(value);
}

;// CONCATENATED MODULE: ./src/core/gateway-rules.ts
// Routes a normalised alert through the gateway's allow-list (issue 15): the first rule of the
// alert's source whose label matchers all hold decides the pinned remediation, the target and
// the parameters, and the repository_dispatch payload is built and checked here, so the gateway
// never queues a payload the runner (or GitHub) would refuse. Pure.
//
// Matching: a matcher names a label; an exact string must equal the label's value, a
// `{regex}` must match the whole value (it is anchored as `^(?:regex)$`). A label the alert does
// not have matches nothing, not even `{regex: ".*"}`. Rule regexes are the operator's; label
// values longer than MAX_REGEX_SUBJECT match no regex, which bounds what a backtracking regex costs.




/** GitHub's limit on a repository_dispatch event type. */
const MAX_EVENT_TYPE_LENGTH = 100;
/**
 * Routes one alert: the first rule of its source that matches it wins. A firing alert is routed
 * to its fix under `eventType` (the config's `github.eventType`); a resolved one is routed only
 * when its rule has `on-resolved`, under that event type, and otherwise reports `resolved`.
 */
function routeAlert(rules, alert, eventType = 'remediate') {
    const ruleIndex = rules.findIndex((rule) => rule.source === alert.source && matches(rule, alert.labels));
    const rule = rules[ruleIndex];
    if (rule === undefined)
        return alert.status === 'resolved' ? { kind: 'resolved', ruleIndex: undefined } : { kind: 'unmatched' };
    const event = alert.status;
    if (event === 'resolved' && rule.onResolved === undefined)
        return { kind: 'resolved', ruleIndex };
    const type = event === 'resolved' ? (rule.onResolved?.eventType ?? '') : eventType;
    const invalid = (reason) => ({ kind: 'invalid', ruleIndex, reason });
    let target;
    if (rule.target !== undefined) {
        const value = resolve(rule.target, alert.labels);
        if (value === undefined)
            return invalid(`the alert has no label '${labelOf(rule.target)}' for the target`);
        target = rule.target.stripPort ? stripPort(value) : value;
        // Label values are the sender's: a target like `-rf` or one with a newline would be read as
        // an option or forge a log line where it is recorded and printed; the runner refuses the same.
        if (!dispatch_payload/* TARGET */.Qn.test(target))
            return invalid(`target ${JSON.stringify(target.slice(0, 80))} is not ${dispatch_payload/* TARGET_RULE */.$_}`);
    }
    const params = {};
    for (const [name, from] of Object.entries(rule.params)) {
        const value = resolve(from, alert.labels);
        if (value === undefined)
            return invalid(`the alert has no label '${labelOf(from)}' for parameter '${name}'`);
        // Label values pass verbatim, as data: the definition's input patterns check them again on
        // the runner, where the trust decision is made.
        params[name] = value;
    }
    if (type.length < 1 || type.length > MAX_EVENT_TYPE_LENGTH) {
        return invalid(`event type is ${type.length} characters; GitHub accepts 1 to ${MAX_EVENT_TYPE_LENGTH}`);
    }
    const clientPayload = {
        remediation: rule.remediation,
        ...(target !== undefined ? { target } : {}),
        params,
        alert: alertEvidence(alert),
    };
    // GitHub refuses (422) a payload past its limits; the gateway would retry it for nothing. And a
    // payload the runner's parser refuses would start a run that fails: check both here, with the
    // runner's own parser and key derivation, so what is sent is what the runner accepts.
    const keys = Object.keys(clientPayload).length;
    if (keys > dispatch_payload/* MAX_PAYLOAD_PROPERTIES */.AF)
        return invalid(`client_payload has ${keys} top-level properties; GitHub accepts at most ${dispatch_payload/* MAX_PAYLOAD_PROPERTIES */.AF}`);
    const bytes = Buffer.byteLength(JSON.stringify(clientPayload));
    if (bytes >= dispatch_payload/* MAX_PAYLOAD_BYTES */.qY)
        return invalid(`client_payload is ${bytes} bytes; GitHub accepts less than ${dispatch_payload/* MAX_PAYLOAD_BYTES */.qY}`);
    // A resolution is not a run: the runner's parser refuses it (a resolved alert never starts a
    // fix), so only its key is derived the runner's way, for the user's workflow to dedupe on.
    let runnerKey;
    if (event === 'firing') {
        try {
            runnerKey = (0,dispatch_payload/* parseDispatchPayload */.gX)({ client_payload: clientPayload }).idempotencyKey;
        }
        catch (error) {
            return invalid((0,errors/* describeError */.Uc)(error));
        }
    }
    else {
        const derived = (0,idempotency_key/* idempotencyKeyFromAlert */.Z_)(clientPayload.alert);
        runnerKey = derived.kind === 'key' ? derived.key : '';
    }
    // Dedupe on the runner relies on it deriving the very key the gateway deduped on.
    if (runnerKey !== alert.key) {
        return invalid(`the runner would derive the idempotency key ${JSON.stringify(runnerKey)}, not ${JSON.stringify(alert.key)}`);
    }
    return {
        kind: 'routed',
        event,
        ruleIndex,
        remediation: rule.remediation,
        target,
        params,
        payload: { event_type: type, client_payload: clientPayload },
    };
}
/** Removes a trailing `:port` (`host-1:9100` -> `host-1`); anything else is returned unchanged. */
function stripPort(value) {
    return value.replace(/:[0-9]{1,5}$/, '');
}
// The payload's `alert`: evidence of what was received, and the fields the runner derives the
// idempotency key from (core/idempotency-key.ts): `fingerprint` and `startsAt` for Alertmanager
// and Grafana, so a gateway and a direct webhook call agree on the key; `id` for the others.
function alertEvidence(alert) {
    const fingerprintAt = alert.key.lastIndexOf('@');
    const useFingerprint = alert.startsAt !== undefined &&
        fingerprintAt > 0 &&
        alert.key === `${alert.key.slice(0, fingerprintAt)}@${alert.startsAt}`;
    return {
        source: alert.source,
        name: alert.name,
        status: alert.status,
        ...(useFingerprint
            ? { fingerprint: alert.key.slice(0, fingerprintAt), startsAt: alert.startsAt ?? '' }
            : { id: alert.key, ...(alert.startsAt !== undefined ? { startsAt: alert.startsAt } : {}) }),
        ...(alert.link !== undefined ? { link: alert.link } : {}),
    };
}
/** Longest label value a rule's regex is tried on: a target's length; longer values match no regex. */
const MAX_REGEX_SUBJECT = 200;
function matches(rule, labels) {
    return Object.entries(rule.match).every(([name, matcher]) => {
        // Own labels only: `constructor` or `__proto__` must not match through Object.prototype.
        if (!Object.hasOwn(labels, name))
            return false;
        const value = labels[name];
        if (typeof value !== 'string')
            return false;
        if (typeof matcher === 'string')
            return value === matcher;
        // Attack: a regex with several wildcards backtracks polynomially on a long value (seconds at
        // 4,096 characters), freezing every source; a longer value never matches a regex.
        return value.length <= MAX_REGEX_SUBJECT && fullMatchRegex(matcher.regex).test(value);
    });
}
function resolve(from, labels) {
    if ('value' in from)
        return from.value;
    return Object.hasOwn(labels, from.label) ? labels[from.label] : undefined;
}
function labelOf(from) {
    return 'label' in from ? from.label : '';
}

;// CONCATENATED MODULE: ./src/adapters/gateway-group-commit.ts
/** The most alerts one transaction takes: bounds how long one commit blocks the event loop. */
const DEFAULT_MAX_BATCH = 500;
/** Batches `accept` calls made in one turn of the event loop into one `acceptMany`. */
class GroupCommit {
    #store;
    #maxBatch;
    #pending = [];
    #scheduled = false;
    constructor(store, maxBatch = DEFAULT_MAX_BATCH) {
        this.#store = store;
        this.#maxBatch = maxBatch;
    }
    /** Accepts one alert; settles once the batch holding it is synced (or failed). */
    accept(alert, outcome) {
        return new Promise((resolve, reject) => {
            this.#pending.push({ entry: { alert, outcome }, resolve, reject });
            if (!this.#scheduled) {
                this.#scheduled = true;
                // setImmediate runs after the I/O callbacks of this turn: every request parsed in it joins.
                setImmediate(() => this.#flush());
            }
        });
    }
    /** Writes everything pending now (also what `close` should call before closing the store). */
    flush() {
        this.#flush();
    }
    #flush() {
        this.#scheduled = false;
        while (this.#pending.length > 0) {
            const batch = this.#pending.splice(0, this.#maxBatch);
            let outcomes;
            try {
                outcomes = this.#store.acceptMany(batch.map((p) => p.entry));
            }
            catch (error) {
                // One bad entry (an invalid time) must not fail the others: retry them one by one.
                if (batch.length > 1) {
                    for (const one of batch)
                        this.#one(one);
                }
                else {
                    batch[0]?.reject(error);
                }
                continue;
            }
            batch.forEach((p, i) => {
                const outcome = outcomes[i];
                if (outcome === undefined)
                    p.reject(new Error(`acceptMany returned ${outcomes.length} outcomes for ${batch.length}`));
                else
                    p.resolve(outcome);
            });
        }
    }
    #one(pending) {
        try {
            const [outcome] = this.#store.acceptMany([pending.entry]);
            if (outcome === undefined)
                throw new Error('acceptMany returned no outcome for one entry');
            pending.resolve(outcome);
        }
        catch (error) {
            pending.reject(error);
        }
    }
}

;// CONCATENATED MODULE: ./src/app/gateway-server.ts
// The alert gateway's HTTP side: one route per configured source, each request authenticated
// before its body is parsed, every alert in it recorded durably before the answer, and routed
// through the allow-list to a queued dispatch; plus /healthz and /metrics. The dispatches leave
// from the store's queue in the dispatcher loop (adapters/github-dispatch.ts).








/** Largest request body read: Alertmanager groups are a few KB; a 1 MiB body is an attack or a bug. */
const MAX_BODY_BYTES = 1024 * 1024;
/** A whole request (headers and body) must arrive within this. */
const REQUEST_TIMEOUT_MS = 30_000;
/** The headers must arrive within this. */
const HEADERS_TIMEOUT_MS = 10_000;
/** Connections open at once; more are refused by the server until some close. */
const MAX_CONNECTIONS = 2048;
/** After the dispatcher loop failed (its store write did), how long before it starts again. */
const DISPATCHER_RESTART_MS = 5_000;
/** Starts the HTTP server and the dispatcher loop. */
async function startGateway(deps) {
    const { config, store } = deps;
    const counters = {
        requests: 0,
        unauthenticated: 0,
        rejected: 0,
        stored: 0,
        storeFailures: 0,
        dispatchSeconds: 0,
        dispatches: 0,
        retries: 0,
        failed: 0,
    };
    // Accepts of one event-loop turn share one transaction and one sync: every alert is still on
    // disk before its request is answered.
    const commits = new GroupCommit(store);
    const stop = new AbortController();
    // Wakes the dispatcher when an alert was queued, so it leaves at once rather than after idling.
    let wake;
    const byPath = new Map(config.sources.map((source) => [source.path, source]));
    const server = (0,external_node_http_.createServer)((req, res) => {
        handle(req, res).catch((error) => {
            deps.log({ level: 'error', msg: 'request failed', error: (0,errors/* describeError */.Uc)(error) });
            if (!res.headersSent)
                reply(res, 500, { error: 'internal error' });
        });
    });
    async function handle(req, res) {
        const url = new URL(req.url ?? '/', 'http://gateway');
        if (req.method === 'GET' && url.pathname === '/healthz')
            return health(res);
        if (req.method === 'GET' && url.pathname === '/metrics')
            return metrics(res);
        const source = byPath.get(url.pathname);
        if (source === undefined)
            return reply(res, 404, { error: 'no such source' });
        if (req.method !== 'POST')
            return reply(res, 405, { error: 'POST only' });
        counters.requests++;
        const secrets = deps.secrets.get(source.id) ?? {};
        // Attack: an unauthenticated client holding connections with large bodies. A source that
        // checks a bearer token only is authenticated from its headers, before any body byte is read.
        if (source.auth.hmacEnv === undefined) {
            const early = authenticateRequest(source, req.headersDistinct, new Uint8Array(), secrets, {
                now: deps.now().getTime(),
            });
            if (!early.ok) {
                counters.unauthenticated++;
                deps.log({ level: 'warn', msg: 'unauthenticated request', source: source.id, reason: early.reason });
                res.setHeader('connection', 'close');
                reply(res, 401, { error: 'unauthenticated' });
                req.destroy();
                return;
            }
        }
        const body = await readBody(req);
        if (body === undefined) {
            counters.rejected++;
            res.setHeader('connection', 'close');
            reply(res, 413, { error: `body over ${MAX_BODY_BYTES} bytes` });
            req.destroy();
            return;
        }
        // Attack: a forged alert (anyone who can reach the port). It is authenticated before its body
        // is parsed, and a request that fails changes nothing: no record, no dispatch.
        // headersDistinct: a header sent twice is seen twice (and refused), not joined or dropped.
        const auth = authenticateRequest(source, req.headersDistinct, body, secrets, {
            now: deps.now().getTime(),
        });
        if (!auth.ok) {
            counters.unauthenticated++;
            deps.log({ level: 'warn', msg: 'unauthenticated request', source: source.id, reason: auth.reason });
            return reply(res, 401, { error: 'unauthenticated' });
        }
        let alerts;
        try {
            alerts = normalizeAlerts(source.type, source.id, JSON.parse(Buffer.from(body).toString('utf8')));
        }
        catch (error) {
            counters.rejected++;
            deps.log({ level: 'warn', msg: 'not an alert body', source: source.id, error: (0,errors/* describeError */.Uc)(error) });
            return reply(res, 400, { error: `not a ${source.type} alert body: ${(0,errors/* describeError */.Uc)(error).slice(0, 300)}` });
        }
        let outcomes;
        try {
            outcomes = await Promise.all(alerts.map((alert) => record(source, alert)));
        }
        catch (error) {
            // Durability: the alert could not be written and synced, so it is not accepted; 5xx makes
            // the sender retry (Alertmanager and PagerDuty do).
            counters.storeFailures++;
            deps.log({ level: 'error', msg: 'store write failed', source: source.id, error: (0,errors/* describeError */.Uc)(error) });
            return reply(res, 503, { error: 'could not record the alert; retry' });
        }
        counters.stored += outcomes.length;
        if (outcomes.includes('queued'))
            wake?.();
        for (const [i, alert] of alerts.entries()) {
            deps.log({
                level: 'info',
                msg: 'alert',
                source: source.id,
                key: alert.key,
                name: alert.name,
                outcome: outcomes[i],
            });
        }
        return reply(res, 200, { alerts: outcomes.length, outcomes });
    }
    /** Records one alert and, when a rule routes it and its rate limit allows, queues its dispatch. */
    function record(source, alert) {
        const accepted = {
            source: source.id,
            key: alert.key,
            status: alert.status,
            name: alert.name,
            receivedAt: deps.now().toISOString(),
            body: JSON.stringify(alert),
        };
        // Only an alert that is firing itself starts a fix (a firing group can carry resolved alerts);
        // a resolved one is dispatched under its rule's own event type when `on-resolved` says so.
        const routed = routeAlert(config.rules, alert, config.github.eventType);
        if (routed.kind !== 'routed') {
            if (routed.kind === 'invalid') {
                deps.log({ level: 'warn', msg: 'alert not sent', source: source.id, key: alert.key, reason: routed.reason });
            }
            return commits.accept(accepted, routed.kind);
        }
        const rule = config.rules[routed.ruleIndex];
        // The rate limit is checked inside the transaction that queues: concurrent alerts cannot all
        // find room under it. It bounds fixes: a resolution is not limited.
        const outcome = {
            dispatch: {
                event: routed.event,
                ruleIndex: routed.ruleIndex,
                target: routed.target,
                payload: JSON.stringify(routed.payload),
            },
            ...(rule?.rateLimit !== undefined && routed.event === 'firing'
                ? {
                    limit: {
                        max: rule.rateLimit.max,
                        since: new Date(deps.now().getTime() - (0,definition/* parseDuration */.E9)(rule.rateLimit.within)).toISOString(),
                    },
                }
                : {}),
        };
        return commits.accept(accepted, outcome);
    }
    function health(res) {
        try {
            const counts = store.counts();
            reply(res, dispatcherError === undefined ? 200 : 503, {
                ok: dispatcherError === undefined,
                ...(dispatcherError !== undefined ? { dispatcher: dispatcherError } : {}),
                queued: counts.queued,
                dead: counts.dead,
                durability: store.durability(),
                lastGitHubSuccess: store.lastSentAt() ?? null,
            });
        }
        catch (error) {
            reply(res, 503, { ok: false, error: (0,errors/* describeError */.Uc)(error) });
        }
    }
    function metrics(res) {
        const counts = store.counts();
        const lines = [
            '# HELP remediate_gateway_requests_total Alert requests received on source routes.',
            '# TYPE remediate_gateway_requests_total counter',
            `remediate_gateway_requests_total ${counters.requests}`,
            '# HELP remediate_gateway_unauthenticated_total Requests refused as unauthenticated (401).',
            '# TYPE remediate_gateway_unauthenticated_total counter',
            `remediate_gateway_unauthenticated_total ${counters.unauthenticated}`,
            '# HELP remediate_gateway_alerts_total Alerts recorded, by outcome (since the state was created).',
            '# TYPE remediate_gateway_alerts_total counter',
            ...Object.entries(counts.alerts).map(([outcome, n]) => `remediate_gateway_alerts_total{outcome="${outcome}"} ${n}`),
            '# HELP remediate_gateway_dispatches Dispatches by state.',
            '# TYPE remediate_gateway_dispatches gauge',
            `remediate_gateway_dispatches{state="queued"} ${counts.queued}`,
            `remediate_gateway_dispatches{state="sent"} ${counts.sent}`,
            `remediate_gateway_dispatches{state="dead"} ${counts.dead}`,
            '# HELP remediate_gateway_dispatch_seconds Time GitHub took to answer dispatches.',
            '# TYPE remediate_gateway_dispatch_seconds summary',
            `remediate_gateway_dispatch_seconds_sum ${counters.dispatchSeconds}`,
            `remediate_gateway_dispatch_seconds_count ${counters.dispatches}`,
            '# HELP remediate_gateway_dispatch_retries_total Dispatch attempts to be retried (5xx, network, rate limit).',
            '# TYPE remediate_gateway_dispatch_retries_total counter',
            `remediate_gateway_dispatch_retries_total ${counters.retries}`,
            '# HELP remediate_gateway_dispatch_failures_total Dispatches GitHub refused (dead until replay-dead).',
            '# TYPE remediate_gateway_dispatch_failures_total counter',
            `remediate_gateway_dispatch_failures_total ${counters.failed}`,
            '',
        ];
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        res.end(lines.join('\n'));
    }
    // A slow or stalled client is cut off: bodies are small, and an unanswered request holds memory.
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    server.headersTimeout = HEADERS_TIMEOUT_MS;
    server.maxConnections = MAX_CONNECTIONS;
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.listen.port, config.listen.host, () => resolve());
    });
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : config.listen.port;
    const url = `http://${config.listen.host.includes(':') ? `[${config.listen.host}]` : config.listen.host}:${port}`;
    deps.log({ level: 'info', msg: 'listening', url, sources: config.sources.map((s) => `${s.type} ${s.path}`) });
    // The dispatcher loop fails when the store does (a locked or full database): it is logged,
    // /healthz says so, and the loop starts again; it must not end silently while alerts queue.
    // A dispatch retried for want of a usable token (the GitHub App's exchange failed) is reported
    // the same way: nothing leaves until it is fixed. The next dispatch sent clears either.
    let dispatcherError;
    const dispatcherOptions = {
        now: deps.now,
        sleep: (ms, signal) => {
            const idle = new AbortController();
            wake = () => idle.abort();
            return abortableSleep(ms, AbortSignal.any([signal, idle.signal])).finally(() => (wake = undefined));
        },
        signal: stop.signal,
        onEvent: (event) => {
            if (event.kind === 'sent') {
                counters.dispatches++;
                counters.dispatchSeconds += event.latencyMs / 1000;
            }
            else if (event.kind === 'retry')
                counters.retries++;
            else
                counters.failed++;
            if (event.kind === 'sent')
                dispatcherError = undefined;
            const noCredentials = event.kind === 'retry' && event.credentials === true;
            if (noCredentials)
                dispatcherError = event.reason;
            deps.log({ level: event.kind === 'failed' || noCredentials ? 'error' : 'info', msg: 'dispatch', ...event });
        },
    };
    const dispatcher = (async () => {
        while (!stop.signal.aborted) {
            try {
                await runDispatcher(store, (dispatch) => deps.send(dispatch, stop.signal), dispatcherOptions);
            }
            catch (error) {
                dispatcherError = (0,errors/* describeError */.Uc)(error);
                deps.log({ level: 'error', msg: 'dispatcher stopped; restarting', error: dispatcherError });
                await abortableSleep(DISPATCHER_RESTART_MS, stop.signal);
            }
        }
    })();
    // Credentials GitHub refuses (a wrong App key or installation) would otherwise go unnoticed
    // until the first alert, hours later: checked now, and /healthz says so until they pass.
    const credentialsCheck = (async () => {
        const check = deps.checkCredentials;
        if (check === undefined)
            return;
        let failure;
        for (let attempt = 0; !stop.signal.aborted; attempt++) {
            try {
                await check(stop.signal);
                if (dispatcherError === failure)
                    dispatcherError = undefined;
                deps.log({ level: 'info', msg: 'github credentials accepted' });
                return;
            }
            catch (error) {
                if (stop.signal.aborted)
                    return;
                failure = `github credentials: ${(0,errors/* describeError */.Uc)(error)}`;
                dispatcherError = failure;
                deps.log({ level: 'error', msg: 'github credentials check failed; retrying', error: (0,errors/* describeError */.Uc)(error) });
                await abortableSleep(backoffMs(attempt), stop.signal);
            }
        }
    })();
    return {
        url,
        async close() {
            await new Promise((resolve) => closeServer(server, resolve));
            await commits.flush();
            stop.abort();
            await dispatcher.catch(() => undefined);
            await credentialsCheck;
            store.close();
        },
    };
}
/** Reads a request body up to MAX_BODY_BYTES; undefined when it is larger (the rest is not read). */
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (chunk) => {
            size += chunk.length;
            if (size > MAX_BODY_BYTES) {
                req.pause();
                resolve(undefined);
                return;
            }
            chunks.push(chunk);
        });
        req.on('end', () => resolve(Buffer.concat(chunks)));
        req.on('error', reject);
    });
}
function reply(res, status, body) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(`${JSON.stringify(body)}\n`);
}
/** Stops listening and lets in-flight requests finish; idle keep-alive connections are closed. */
function closeServer(server, done) {
    server.close(() => done());
    server.closeIdleConnections();
}

;// CONCATENATED MODULE: ./src/cli/gateway-command.ts
// `remediate gateway`: runs the alert gateway from its config file; `gateway check` validates the
// config and prints its rules; `gateway replay-dead` re-queues the dispatches GitHub refused.
// Loaded only for these commands.








/** Largest config file read. */
const MAX_CONFIG_BYTES = 1024 * 1024;
/** A config's path, as written in the file at `configPath`: relative ones are taken from its folder. */
function fromConfigFolder(configPath, path) {
    return (0,external_node_path_.isAbsolute)(path) ? path : (0,external_node_path_.resolve)((0,external_node_path_.dirname)(configPath), path);
}
/** Reads and validates the config; the state folder is resolved against the config file's folder. */
function loadConfig(path) {
    const text = (0,bounded_file/* readBoundedFile */.M)(path, { label: '--config', maxBytes: MAX_CONFIG_BYTES }).toString('utf8');
    const config = parseGatewayConfig(text, path);
    return { config, stateDir: fromConfigFolder(path, config.state) };
}
/** How the gateway authenticates to GitHub, in words: names the variable or the key file, never a secret. */
function describeAuth(config, path) {
    const auth = config.github.auth;
    return auth.kind === 'token'
        ? `token from $${auth.tokenEnv}`
        : `GitHub App ${auth.appId}, installation ${auth.installationId}, private key ${fromConfigFolder(path, auth.privateKeyFile)}`;
}
/** `gateway check`: the config is valid; prints each source and rule as the gateway reads them. */
function gatewayCheckCommand(path, context) {
    const { config, stateDir } = loadConfig(path);
    const from = (v) => ('label' in v ? `label ${v.label}` : `'${v.value}'`);
    context.out(`${path}: valid`);
    context.out(`listen ${config.listen.host}:${config.listen.port}, state ${stateDir}`);
    context.out(`github ${config.github.repository} (${describeAuth(config, path)}), event type ${config.github.eventType}`);
    for (const source of config.sources) {
        const auth = [
            source.auth.bearerEnv !== undefined ? `bearer $${source.auth.bearerEnv}` : '',
            source.auth.hmacEnv !== undefined ? `hmac $${source.auth.hmacEnv}` : '',
        ].filter(Boolean);
        context.out(`source ${source.id}: ${source.type} at POST ${source.path} (${auth.join(', ')})`);
    }
    config.rules.forEach((rule, i) => {
        const match = Object.entries(rule.match)
            .map(([k, v]) => (typeof v === 'string' ? `${k}=${v}` : `${k}=~${v.regex}`))
            .join(', ');
        const params = Object.entries(rule.params)
            .map(([k, v]) => `${k} <- ${from(v)}`)
            .join(', ');
        context.out(`rule ${i}: ${rule.source} {${match}} -> ${rule.remediation}` +
            (rule.target !== undefined
                ? `, target <- ${from(rule.target)}${rule.target.stripPort ? ' (port stripped)' : ''}`
                : '') +
            (params ? `, params ${params}` : '') +
            (rule.rateLimit !== undefined ? `, at most ${rule.rateLimit.max} per ${rule.rateLimit.within}` : '') +
            (rule.onResolved !== undefined ? `, resolved -> event type ${rule.onResolved.eventType}` : ''));
    });
    return errors/* ExitCode */.yU.ok;
}
/** `gateway replay-dead`: re-queues every dispatch GitHub refused, for the running gateway to send. */
function gatewayReplayDeadCommand(path, context) {
    const { stateDir } = loadConfig(path);
    const store = GatewayStore.open(stateDir);
    try {
        const count = store.requeueDead(context.now().toISOString());
        context.out(`${count} failed dispatch(es) re-queued in ${stateDir}`);
    }
    finally {
        store.close();
    }
    return errors/* ExitCode */.yU.ok;
}
/** `gateway`: serves until SIGTERM or SIGINT, then finishes in-flight work and exits 0. */
async function gatewayCommand(path, context) {
    const { config, stateDir } = loadConfig(path);
    const env = (name, what) => {
        const value = context.env[name];
        if (!value)
            throw new errors/* UsageError */.eb('USAGE', `${what}: set the environment variable ${name} (named in ${path})`);
        return value;
    };
    const log = (event) => context.out(JSON.stringify({ time: context.now().toISOString(), ...event }));
    // Attack: GITHUB_API_URL overrides github.api-url, and was taken unchecked, so an http://
    // address received the token, or the App's JWT (which mints tokens for every installation of
    // the App), in clear text. It is held to the rule the config's api-url is.
    const envApiUrl = context.env.GITHUB_API_URL;
    const envProblem = envApiUrl ? apiUrlProblem(envApiUrl) : undefined;
    if (envProblem !== undefined) {
        throw new errors/* UsageError */.eb('USAGE', `GITHUB_API_URL: ${envProblem} (it overrides github.api-url in ${path})`);
    }
    const apiUrl = (envApiUrl || config.github.apiUrl || 'https://api.github.com').replace(/\/+$/, '');
    const auth = config.github.auth;
    let token;
    if (auth.kind === 'token') {
        token = env(auth.tokenEnv, 'github.token-env');
    }
    else {
        // Read once, at start: a key that cannot be used stops the start-up with what to fix.
        const key = loadAppPrivateKey(fromConfigFolder(path, auth.privateKeyFile));
        if (key.warning !== undefined)
            log({ level: 'warn', msg: key.warning });
        token = new GitHubAppTokens({
            apiUrl,
            appId: auth.appId,
            installationId: auth.installationId,
            repository: config.github.repository,
            privateKey: key.key,
        });
    }
    const appTokens = typeof token === 'string' ? undefined : token;
    const secrets = new Map();
    for (const source of config.sources) {
        secrets.set(source.id, {
            ...(source.auth.bearerEnv !== undefined
                ? { bearer: env(source.auth.bearerEnv, `source ${source.id}: bearer-env`) }
                : {}),
            ...(source.auth.hmacEnv !== undefined ? { hmac: env(source.auth.hmacEnv, `source ${source.id}: hmac-env`) } : {}),
        });
    }
    log({ level: 'info', msg: 'github', repository: config.github.repository, auth: describeAuth(config, path) });
    const store = GatewayStore.open(stateDir);
    const gateway = await startGateway({
        config,
        store,
        secrets,
        send: (dispatch, signal) => sendDispatch({
            apiUrl,
            repository: config.github.repository,
            token,
            body: dispatch.payload,
            signal,
            attempts: dispatch.attempts,
        }),
        // The App's token is fetched at start, so a key or installation GitHub refuses shows on
        // /healthz before the first alert needs it.
        ...(appTokens !== undefined ? { checkCredentials: (signal) => appTokens.token(signal) } : {}),
        now: context.now,
        log,
    }).catch((error) => {
        store.close();
        throw error;
    });
    // SIGTERM/SIGINT abort context.cancel while the command is cancellable: stop cleanly.
    context.setCancellable(true);
    await new Promise((resolve) => {
        if (context.cancel.aborted)
            resolve();
        else
            context.cancel.addEventListener('abort', () => resolve(), { once: true });
    });
    context.out(JSON.stringify({ time: context.now().toISOString(), level: 'info', msg: 'stopping' }));
    await gateway.close();
    context.setCancellable(false);
    return errors/* ExitCode */.yU.ok;
}


/***/ })

};
