// `remediate init <name>`: a new remediation's folder, written so that it passes `validate` as it
// is, with every key of remediation.yml explained where it is set. The definition's steps run
// inline `run:` scripts; the check and the fix call scripts of the folder through $REMEDIATION_DIR
// (every file of the folder is part of the version, copied read-only for each run).
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError, usageErrorFromSystem } from '../errors.ts';
import { assertRemediationName } from '../core/version-ref.ts';
import { remediationDir, REMEDIATIONS_DIR } from '../adapters/remediation-source.ts';

/** The schema file a repository that copied it holds, next to the remediations' folders. */
const LOCAL_SCHEMA = 'remediation.schema.json';
/** The project's published schema, for a repository without its own copy. */
export const PUBLISHED_SCHEMA_URL =
  'https://raw.githubusercontent.com/remediate-dev/remediate/main/remediations/remediation.schema.json';

/** What init wrote: the folder and its files, relative to the repository root. */
export interface InitResult {
  readonly dir: string;
  readonly files: readonly string[];
  /** What the `$schema` comment points at: the repository's copy, or the published URL. */
  readonly schema: string;
}

/**
 * Writes remediations/<name>/ under `root`: remediation.yml, check.sh and fix.sh. Never
 * overwrites: an existing folder (even an empty one) is refused, and a write that fails halfway
 * removes what this call created, so a second try starts clean.
 */
export async function initRemediation(root: string, name: string): Promise<InitResult> {
  assertRemediationName(name);
  const dir = remediationDir(name);
  const absolute = join(root, dir);
  if (await exists(absolute)) {
    throw new UsageError(
      'FILE_EXISTS',
      `${dir}/ exists; init never overwrites: choose another name, or edit that folder (remediate validate checks it)`,
    );
  }
  const localSchema = await exists(join(root, REMEDIATIONS_DIR, LOCAL_SCHEMA));
  const schema = localSchema ? `../${LOCAL_SCHEMA}` : PUBLISHED_SCHEMA_URL;
  const files: [string, string, number][] = [
    ['remediation.yml', definitionText(name, schema, localSchema), 0o644],
    ['check.sh', CHECK_SCRIPT, 0o755],
    ['fix.sh', FIX_SCRIPT, 0o755],
  ];
  try {
    await mkdir(join(root, REMEDIATIONS_DIR), { recursive: true });
    // Not recursive: if the folder appeared since the check above, this fails instead of writing into it.
    await mkdir(absolute);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UsageError('FILE_EXISTS', `${dir}/ exists; init never overwrites: choose another name`);
    }
    throw usageErrorFromSystem(error, `${dir}/`) ?? error;
  }
  try {
    for (const [file, text, mode] of files) {
      await writeFile(join(absolute, file), text, { flag: 'wx', mode });
    }
  } catch (error) {
    await rm(absolute, { recursive: true, force: true });
    throw usageErrorFromSystem(error, `${dir}/`) ?? error;
  }
  return { dir, files: files.map(([file]) => `${dir}/${file}`), schema };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false;
      throw usageErrorFromSystem(error, path) ?? error;
    },
  );
}

function definitionText(name: string, schema: string, localSchema: boolean): string {
  const schemaNote = localSchema
    ? "# The JSON Schema above is this repository's copy, so editors check this file offline."
    : [
        '# The JSON Schema above is the published one (editors with a YAML language server fetch it).',
        '# To check offline and against the version you reviewed, copy remediations/remediation.schema.json',
        '# of remediate-dev/remediate into remediations/ and point this line at ../remediation.schema.json.',
      ].join('\n');
  return `# yaml-language-server: $schema=${schema}
${schemaNote}
#
# remediations/${name}/remediation.yml, written by \`remediate init ${name}\`.
# Every file in this folder is part of the version: digested, signed when released, and copied
# read-only for each run, where the steps find them at $REMEDIATION_DIR.
#
# The loop:
#   remediate validate
#       schema, semantics, shell syntax, and shellcheck warnings when it is installed
#   remediate try ${name} --param path=/tmp/x
#       runs the working tree, uncommitted edits included, recorded as UNRELEASED
#   remediate release ${name} v1.0.0 --key <private key>
#       tags and signs it (on GitHub: push the tag ${name}/v1.0.0, and release.yml signs it)

# Must equal the folder name.
name: ${name}
# What this fixes and how, for reviewers and records.
description: >-
  Makes sure a file exists. Replace this with what your remediation checks and fixes.

# Typed parameters. Each reaches the steps only as an environment variable PARAM_<NAME>
# (upper-cased, '-' becomes '_'), never spliced into script text. type: string, integer, number
# or boolean; constraints: required, default, pattern, enum, minimum, maximum, min-length, max-length.
inputs:
  path:
    type: string
    required: true
    description: Absolute path of the file that must exist.
    pattern: '^/[^\\x00-\\x1f]*$'
    max-length: 1024

# Caller environment variables the steps may see; their values are redacted from every record.
# A run without one is refused; list those needed only sometimes under optional-secrets.
# secrets: [API_TOKEN]
# optional-secrets: [SSH_PRIVATE_KEY]

# Plain environment variables for every step.
env:
  LC_ALL: C

# Whole-run time limit (default 1h): past it the running step is stopped and the run is timed-out.
timeout: 5m

# At most max-runs fixes within the window, per target (or per remediation), then runs are refused
# as CIRCUIT_OPEN. Part of the signed version: loosening it takes a review and a release.
circuit-breaker:
  max-runs: 3
  within: 1h
  per: target

# Run outputs, each taken from a key a step wrote to $REMEDIATION_OUTPUT (key=value lines).
outputs:
  created:
    description: true when the fix created the file.
    step: create-file
    key: created

# check: each step exits 0 (healthy: nothing more runs), 1 (needs fixing: steps run) or anything
# else (the check itself failed: nothing changes). Without check steps the fix always runs.
check:
  - id: file-exists
    name: Does the file exist?
    run: bash "$REMEDIATION_DIR/check.sh"

# steps: the fix, in order. A failing step stops the run and the rollback runs. Each step may set
# shell (bash, the default, or sh), env, timeout (default 15m), retries (0-10), continue-on-error,
# and working-directory (inside the run's scratch workspace).
steps:
  - id: create-file
    name: Create the file
    timeout: 1m
    run: bash "$REMEDIATION_DIR/fix.sh"

# verify: the post-condition once the steps ran; a failure runs the rollback.
verify:
  - id: file-exists-now
    name: The file exists now
    run: bash "$REMEDIATION_DIR/check.sh"

# rollback: undoes what the steps did when a step or verify failed; every rollback step runs.
rollback:
  - id: report
    name: Nothing to undo
    run: echo "nothing to undo, the fix only creates a file"
`;
}

const CHECK_SCRIPT = `#!/usr/bin/env bash
# The check (and the verify): exit 0 when healthy, 1 when the fix must run. Any other exit means
# the check itself could not tell, and nothing is changed.
set -uo pipefail
# An unexpected failure must not read as "needs fixing" (exit 1): it exits 2.
set -E
trap 'exit 2' ERR

if [[ -f "$PARAM_PATH" ]]; then
  echo "healthy: $PARAM_PATH exists"
  exit 0
fi
echo "needs fixing: $PARAM_PATH does not exist"
exit 1
`;

const FIX_SCRIPT = `#!/usr/bin/env bash
# The fix: exit 0 when done. Any other exit fails the run, and the rollback runs.
set -euo pipefail

mkdir -p -- "$(dirname -- "$PARAM_PATH")"
: >>"$PARAM_PATH"
echo "created $PARAM_PATH"
echo "created=true" >>"$REMEDIATION_OUTPUT"
`;
