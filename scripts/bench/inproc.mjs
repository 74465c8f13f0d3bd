// In-process measurements that need the project's own modules (Node 24 runs the .ts sources).
// Run as a child of bench.mjs; prints one JSON object on stdout.
//   inproc.mjs manifest <dir> <name@version> <commit> <digest> <versions> <reps>
//   inproc.mjs startup-parts <definition.yml> <manifest.json> <key.pub> <reps>
import { verify as verifySignature } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL, URL } from 'node:url';

const root = process.env.BENCH_SRC_ROOT
  ? new URL(`file://${process.env.BENCH_SRC_ROOT}/`)
  : new URL('../../', import.meta.url);
const load = (p) => import(new URL(p, root).href);

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function time(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
function timeMedian(fn, reps, warmup) {
  for (let i = 0; i < warmup; i++) fn();
  const all = [];
  for (let i = 0; i < reps; i++) all.push(time(fn));
  return { median: median(all), all };
}

const [mode, ...args] = process.argv.slice(2);

if (mode === 'manifest') {
  const [dir, refText, commit, digest, versionsText, repsText] = args;
  const versions = Number(versionsText);
  const reps = Number(repsText);
  const keys = await load('src/core/keys.ts');
  const editor = await load('src/core/manifest-editor.ts');
  const verifier = await load('src/core/manifest-verifier.ts');
  const manifest = await load('src/core/manifest.ts');
  const dsse = await load('src/core/dsse.ts');
  const { parseVersionRef } = await load('src/core/version-ref.ts');

  // Three signing keys; their public halves go to files for the CLI's --trusted-key.
  const signing = [];
  const trusted = [];
  for (let i = 1; i <= 3; i++) {
    const pair = keys.generateKeyPair();
    writeFileSync(join(dir, `m${i}`), pair.privatePem, { mode: 0o600 });
    writeFileSync(join(dir, `m${i}.pub`), pair.publicPem);
    signing.push(keys.parsePrivateKey(pair.privatePem, `m${i}`));
    trusted.push(keys.parsePublicKey(pair.publicPem, `m${i}.pub`));
  }

  // versions - 1 synthetic entries (100 versions per name, the shape the editor produces),
  // then the real release appended by the project's editor and signed by all three keys.
  const now = new Date();
  const hex = (n, len) => n.toString(16).padStart(len, '0').slice(-len);
  const remediations = {};
  for (let i = 0; i < versions - 1; i++) {
    const name = `svc-${hex(Math.floor(i / 100), 4)}`;
    const version = `v1.${Math.floor((i % 100) / 10)}.${i % 10}`;
    (remediations[name] ??= {})[version] = {
      tag: `${name}/${version}`,
      commit: hex(i * 2654435761, 8).repeat(5),
      digest: `sha256:${hex(i * 40503, 8).repeat(8)}`,
      released: new Date(now.getTime() - (versions - i) * 60_000).toISOString(),
      yanked: i % 50 === 7 ? { reason: 'superseded by a fix', at: now.toISOString() } : false,
    };
  }
  const sorted = Object.fromEntries(Object.entries(remediations).sort(([a], [b]) => (a < b ? -1 : 1)));
  const prevPayload = {
    _type: manifest.MANIFEST_TYPE,
    serial: versions - 1,
    issued: now.toISOString(),
    expires: new Date(now.getTime() + editor.DEFAULT_EXPIRY_MS).toISOString(),
    previous: null,
    remediations: sorted,
  };
  const previous = { payload: prevPayload, payloadBytes: manifest.serialisePayload(prevPayload) };
  const payload = editor.appendRelease(
    previous,
    { ref: parseVersionRef(refText), commit, digest },
    now,
    editor.DEFAULT_EXPIRY_MS,
  );
  const envelope = editor.signManifest(payload, signing);
  const file = join(dir, 'manifest-10k.json');
  writeFileSync(file, envelope);

  const bytes = readFileSync(file);
  const policy = { threshold: 2, minSerial: 0, now: new Date() };
  const cold = time(() => verifier.verifyManifest(bytes, trusted, policy));
  const check = verifier.verifyManifest(bytes, trusted, policy);
  const count = Object.values(check.payload.remediations).reduce((n, v) => n + Object.keys(v).length, 0);
  if (count !== versions || check.signers.length !== 3)
    throw new Error(`unexpected manifest: ${count} versions, ${check.signers.length} signers`);
  const warm = timeMedian(() => verifier.verifyManifest(bytes, trusted, policy), reps, 3);

  // The same work, piece by piece (what verifyManifest does, in order).
  let env;
  let payloadBytes;
  let signed;
  const parts = {
    'JSON.parse of the envelope': timeMedian(() => (env = dsse.parseEnvelope(bytes)), reps, 2).median,
    'strict base64 decode of the payload': timeMedian(
      () => (payloadBytes = dsse.decodeBase64Strict(env.payload, 'p')),
      reps,
      2,
    ).median,
    'PAE (copy into one buffer)': timeMedian(() => (signed = dsse.pae(env.payloadType, payloadBytes)), reps, 2).median,
    '3 Ed25519 verifications': timeMedian(
      () => {
        for (const s of env.signatures) {
          const key = trusted.find((k) => k.keyid === s.keyid);
          if (!verifySignature(null, signed, key.key, Buffer.from(s.sig, 'base64'))) throw new Error('bad signature');
        }
      },
      reps,
      2,
    ).median,
    'parsePayload (JSON.parse + shape checks)': timeMedian(() => manifest.parsePayload(payloadBytes), reps, 2).median,
    'sha256 of the payload': timeMedian(() => manifest.manifestDigest(payloadBytes), reps, 2).median,
  };
  const sigCount = env.signatures.length;
  process.stdout.write(
    JSON.stringify({
      file,
      envelopeBytes: bytes.length,
      payloadBytes: payloadBytes.length,
      versions: count,
      signatures: sigCount,
      coldMs: cold,
      warmMs: warm.median,
      warmAll: warm.all,
      parts,
    }),
  );
} else if (mode === 'startup-parts') {
  const [definitionFile, manifestFile, pubFile, repsText] = args;
  const reps = Number(repsText);
  const t0 = performance.now();
  const parser = await load('src/core/definition-parser.ts');
  const importParser = performance.now() - t0;
  const keys = await load('src/core/keys.ts');
  const verifier = await load('src/core/manifest-verifier.ts');
  const yml = readFileSync(definitionFile);
  // First parse compiles the JSON Schema with Ajv; later ones reuse the compiled validator.
  const firstParse = time(() => parser.parseDefinition('remediation.yml', yml, 'triv'));
  const laterParse = timeMedian(() => parser.parseDefinition('remediation.yml', yml, 'triv'), reps, 1).median;
  const pem = readFileSync(pubFile);
  const firstKey = time(() => keys.parsePublicKey(pem, 'k.pub'));
  const trusted = [keys.parsePublicKey(pem, 'k.pub')];
  const bytes = readFileSync(manifestFile);
  const policy = { threshold: 1, minSerial: 0, now: new Date() };
  const firstVerify = time(() => verifier.verifyManifest(bytes, trusted, policy));
  const laterVerify = timeMedian(() => verifier.verifyManifest(bytes, trusted, policy), reps, 1).median;
  process.stdout.write(
    JSON.stringify({
      importParser,
      firstParse,
      laterParse,
      firstKey,
      firstVerify,
      laterVerify,
      url: pathToFileURL(definitionFile).href,
    }),
  );
} else {
  process.stderr.write('usage: inproc.mjs manifest|startup-parts ...\n');
  process.exit(2);
}
