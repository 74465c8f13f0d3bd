// Writes test/fixtures/github-openapi-subset.json: the few GitHub REST operations remediate calls,
// cut from GitHub's published OpenAPI description (@octokit/openapi, dereferenced), so the local
// GitHub double validates against GitHub's contract rather than our guesses. The full description
// is ~70 MB; the subset is small enough to review in a diff when @octokit/openapi is bumped.
//
// Usage: node scripts/extract-github-openapi.mjs           (rewrite the fixture)
//        node scripts/extract-github-openapi.mjs --check   (exit 1 if the fixture is stale)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const packageDir = join(root, 'node_modules', '@octokit', 'openapi');
const sourceFile = join(packageDir, 'generated', 'api.github.com.deref.json');
const outputFile = join(root, 'test', 'fixtures', 'github-openapi-subset.json');

/** The operations the action uses, in the order they appear in the fixture. */
const OPERATIONS = [
  ['get', '/repos/{owner}/{repo}/git/ref/{ref}', 'git/get-ref'],
  ['get', '/repos/{owner}/{repo}/git/matching-refs/{ref}', 'git/list-matching-refs'],
  ['get', '/repos/{owner}/{repo}/git/tags/{tag_sha}', 'git/get-tag'],
  ['get', '/repos/{owner}/{repo}/git/commits/{commit_sha}', 'git/get-commit'],
  ['get', '/repos/{owner}/{repo}/git/trees/{tree_sha}', 'git/get-tree'],
  ['get', '/repos/{owner}/{repo}/git/blobs/{file_sha}', 'git/get-blob'],
  ['get', '/repos/{owner}/{repo}/releases', 'repos/list-releases'],
  ['get', '/repos/{owner}/{repo}/releases/tags/{tag}', 'repos/get-release-by-tag'],
  ['get', '/repos/{owner}/{repo}/releases/{release_id}', 'repos/get-release'],
  ['post', '/repos/{owner}/{repo}/releases', 'repos/create-release'],
  ['patch', '/repos/{owner}/{repo}/releases/{release_id}', 'repos/update-release'],
  ['get', '/repos/{owner}/{repo}/releases/assets/{asset_id}', 'repos/get-release-asset'],
  ['post', '/repos/{owner}/{repo}/releases/{release_id}/assets', 'repos/upload-release-asset'],
  // The pack's CLI: the fleet gate reads this run attempt's jobs; summaries download its artifacts.
  [
    'get',
    '/repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs',
    'actions/list-jobs-for-workflow-run-attempt',
  ],
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', 'actions/list-workflow-run-artifacts'],
  // The circuit breaker and `runs list --repo` read the records published across runs.
  ['get', '/repos/{owner}/{repo}/actions/artifacts', 'actions/list-artifacts-for-repo'],
  ['get', '/repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', 'actions/download-artifact'],
  // The approval mode records who reviewed the run's protected environments.
  ['get', '/repos/{owner}/{repo}/actions/runs/{run_id}/approvals', 'actions/get-reviews-for-run'],
  // The Action's `attest`: @actions/attest stores the record's Sigstore bundle.
  ['post', '/repos/{owner}/{repo}/attestations', 'repos/create-attestation'],
  // The alert gateway sends each matched alert as a repository_dispatch event.
  ['post', '/repos/{owner}/{repo}/dispatches', 'repos/create-dispatch-event'],
  // A gateway authenticating as a GitHub App exchanges its JWT for an installation token.
  ['post', '/app/installations/{installation_id}/access_tokens', 'apps/create-installation-access-token'],
];

/** Keeps a media-type map's schemas and drops the (large, non-normative) examples. */
function pickContent(content) {
  if (content === undefined) return undefined;
  const picked = {};
  for (const mediaType of Object.keys(content).sort()) {
    const schema = content[mediaType].schema;
    picked[mediaType] = schema === undefined ? {} : { schema };
  }
  return picked;
}

function pickOperation(spec, method, path, operationId) {
  const operation = spec.paths[path]?.[method];
  if (operation === undefined) throw new Error(`${method.toUpperCase()} ${path} is not in ${sourceFile}`);
  if (operation.operationId !== operationId) {
    throw new Error(`expected ${method.toUpperCase()} ${path} to be ${operationId}, got ${operation.operationId}`);
  }
  // Path-level parameters apply to every method under the path; the operation's own win by (name, in).
  const parameters = new Map();
  for (const parameter of [...(spec.paths[path].parameters ?? []), ...(operation.parameters ?? [])]) {
    if (parameter.$ref !== undefined) throw new Error(`unresolved $ref ${parameter.$ref} in ${operationId}`);
    parameters.set(`${parameter.in}:${parameter.name}`, {
      name: parameter.name,
      in: parameter.in,
      required: parameter.required === true,
      schema: parameter.schema,
    });
  }
  const responses = {};
  for (const status of Object.keys(operation.responses).sort()) {
    const response = operation.responses[status];
    const content = pickContent(response.content);
    responses[status] =
      content === undefined ? { description: response.description } : { description: response.description, content };
  }
  const requestBody =
    operation.requestBody === undefined
      ? null
      : { required: operation.requestBody.required === true, content: pickContent(operation.requestBody.content) };
  return {
    operationId,
    method: method.toUpperCase(),
    path,
    // Real error bodies carry this page as `documentation_url`.
    documentationUrl: operation.externalDocs?.url ?? null,
    ...(operation.servers === undefined ? {} : { servers: operation.servers.map((server) => ({ url: server.url })) }),
    parameters: [...parameters.values()],
    requestBody,
    responses,
  };
}

async function build() {
  const spec = JSON.parse(readFileSync(sourceFile, 'utf8'));
  const packageJson = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const getRef = pickOperation(spec, ...OPERATIONS[0]);
  const subset = {
    $comment:
      'Generated; do not edit. Regenerate with `node scripts/extract-github-openapi.mjs` ' +
      '(check with `node scripts/extract-github-openapi.mjs --check`).',
    source: {
      package: `${packageJson.name}@${packageJson.version}`,
      file: relative(packageDir, sourceFile).split('\\').join('/'),
      openapi: spec.openapi,
      infoVersion: spec.info?.version ?? null,
    },
    // GitHub answers errors the description does not list for a route (401 on every route, 404 on
    // get-release) with the same "Basic Error" body; the double validates those against this.
    basicErrorSchema: getRef.responses['404'].content['application/json'].schema,
    operations: OPERATIONS.map((entry) => pickOperation(spec, ...entry)),
  };
  // Formatted the way `npm run format` would, so formatting the repository never changes it.
  const options = (await prettier.resolveConfig(outputFile)) ?? {};
  return prettier.format(JSON.stringify(subset, null, 2), { ...options, filepath: outputFile });
}

const text = await build();
if (process.argv.includes('--check')) {
  let current;
  try {
    current = readFileSync(outputFile, 'utf8');
  } catch {
    current = '';
  }
  if (current !== text) {
    console.error(`${relative(root, outputFile)} is stale: run \`node scripts/extract-github-openapi.mjs\``);
    process.exit(1);
  }
  console.log(`${relative(root, outputFile)} is up to date`);
} else {
  writeFileSync(outputFile, text);
  console.log(`wrote ${relative(root, outputFile)} (${text.length} bytes, ${OPERATIONS.length} operations)`);
}
