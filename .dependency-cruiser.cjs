// The folder rules of src/ (docs/architecture.md, "Layers"), checked by `npm run lint`:
//   core -> adapters, record -> run -> app -> cli, action (entries: cli.ts, main.ts, post.ts)
// A module may import its own folder and the folders to its left, never to its right, and no
// import cycle is allowed anywhere. errors.ts, version.ts and generated/ are shared by all.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle makes load order matter and hides which module owns what.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'core-is-pure',
      severity: 'error',
      comment: 'core/ holds the pure trust logic: it imports only core, errors and the generated validators.',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/(core/|errors\\.ts$|generated/)' },
    },
    {
      name: 'core-imports-no-packages',
      severity: 'error',
      comment: 'core/ depends on no npm package except the YAML parser and the validator runtime.',
      from: { path: '^src/core/' },
      // By path, not by dependency type: every package is a devDependency (the bundles in dist/
      // carry what they use), so a rule on type `npm` would match nothing.
      to: { path: '(^|/)node_modules/', pathNot: '(^|/)node_modules/(yaml|ajv)/' },
    },
    {
      name: 'core-has-no-io',
      severity: 'error',
      comment: 'core/ does no I/O: no processes, files, network or clocks it was not handed.',
      from: { path: '^src/core/' },
      to: {
        dependencyTypes: ['core'],
        path: '^(node:)?(child_process|fs|fs/promises|net|http|https|worker_threads|os)$',
      },
    },
    {
      name: 'verifying-loads-no-writer',
      severity: 'error',
      comment:
        'Verifying a record reads the log chain format only: it never loads the log writer or its hashing worker.',
      from: { path: '^src/record/(record-verifier|log-chain-verifier)\\.ts$' },
      to: { path: '^src/record/(log-chain-writer|block-hasher)\\.ts$', reachable: true },
    },
    {
      name: 'adapters-and-record-below-run',
      severity: 'error',
      comment: 'adapters/ and record/ serve run/ and app/; they never import them or the entries.',
      from: { path: '^src/(adapters|record)/' },
      to: { path: '^src/(run|app|cli|action)/' },
    },
    {
      name: 'run-below-app',
      severity: 'error',
      comment: 'run/ executes a plan; choosing what to run (app/) and the front ends sit above it.',
      from: { path: '^src/run/' },
      to: { path: '^src/(app|cli|action)/' },
    },
    {
      name: 'app-below-front-ends',
      severity: 'error',
      comment: 'app/ is shared by the CLI and the Action, so it imports neither.',
      from: { path: '^src/app/' },
      to: { path: '^src/(cli|action)/' },
    },
    {
      name: 'front-ends-apart',
      severity: 'error',
      comment: 'The CLI and the Action share app/, not each other.',
      from: { path: '^src/cli/' },
      to: { path: '^src/action/' },
    },
    {
      name: 'action-apart-from-cli',
      severity: 'error',
      from: { path: '^src/action/' },
      to: { path: '^src/cli/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
