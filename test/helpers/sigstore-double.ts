// GitHub's Sigstore instance, offline: @sigstore/mock's Fulcio CA (with a CT log) and timestamp
// authority answer at the fixed addresses @actions/attest signs with for a private repository
// (fulcio.githubapp.com, timestamp.githubapp.com) through nock, and a loopback server plays the
// runner's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL). `trustedRoot` is the TrustedRoot
// JSON line `gh attestation trusted-root` would print for it, built from the mock's keys.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fulcioHandler, initializeCA, initializeCTLog, initializeTSA, tsaHandler } from '@sigstore/mock';
import nock from 'nock';

/** The workflow identity the fake OIDC endpoint vouches for (the certificate's SAN). */
export const SIGNER_WORKFLOW = 'octo-org/remediations/.github/workflows/remediate.yml';
export const SIGNER_SAN = `https://github.com/${SIGNER_WORKFLOW}@refs/heads/main`;
const ISSUER = 'https://token.actions.githubusercontent.com';

/** A running double. */
export interface SigstoreDouble {
  /** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN for the job. */
  readonly idTokenEnv: { ACTIONS_ID_TOKEN_REQUEST_URL: string; ACTIONS_ID_TOKEN_REQUEST_TOKEN: string };
  /** The trusted root of this instance, one JSON line. */
  readonly trustedRoot: string;
  /** Token requests the OIDC endpoint answered (the bearer each presented). */
  readonly tokenRequests: string[];
  /** How many certificates and timestamps were issued. */
  readonly issued: { certificates: number; timestamps: number };
  close(): Promise<void>;
}

/** Starts the double; `claims` override the OIDC token's claims (e.g. another `sub`). */
export async function startSigstoreDouble(claims: Record<string, string> = {}): Promise<SigstoreDouble> {
  const caKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const tsaKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const ctlog = await initializeCTLog(caKeys);
  const ca = await initializeCA(caKeys, ctlog);
  const tsa = await initializeTSA(tsaKeys);
  // The mock names the SAN after this claim: Fulcio puts GitHub's job_workflow_ref there as a URI.
  const fulcio = fulcioHandler(ca, { subjectClaim: 'sub' } as Parameters<typeof fulcioHandler>[1]);
  const timestamp = tsaHandler(tsa);
  const issued = { certificates: 0, timestamps: 0 };

  nock('https://fulcio.githubapp.com')
    .persist()
    .post(fulcio.path)
    // nock 15 hands a reply function the Fetch Request.
    .reply(async (request: Request) => {
      issued.certificates++;
      const { statusCode, response, contentType } = await fulcio.fn(await request.text());
      return [statusCode, bodyOf(response), { 'content-type': contentType ?? 'text/plain' }];
    });
  nock('https://timestamp.githubapp.com')
    .persist()
    .post(timestamp.path)
    .reply(async (request: Request) => {
      issued.timestamps++;
      const { statusCode, response, contentType } = await timestamp.fn(await request.text());
      return [statusCode, bodyOf(response), { 'content-type': contentType ?? 'text/plain' }];
    });

  const requestToken = 'oidc-request-token-0123456789';
  const tokenRequests: string[] = [];
  const server: Server = createServer((req, res) => {
    tokenRequests.push(req.headers.authorization ?? '');
    if (req.headers.authorization !== `Bearer ${requestToken}`) {
      res.writeHead(401).end();
      return;
    }
    const audience = new URL(req.url ?? '/', 'http://x').searchParams.get('audience') ?? '';
    const now = Math.floor(Date.now() / 1000);
    const payload = {
      iss: ISSUER,
      aud: audience,
      sub: SIGNER_SAN,
      repository: 'octo-org/remediations',
      ref: 'refs/heads/main',
      sha: '0'.repeat(40),
      event_name: 'repository_dispatch',
      job_workflow_ref: `${SIGNER_WORKFLOW}@refs/heads/main`,
      iat: now,
      exp: now + 300,
      ...claims,
    };
    // Fulcio's mock reads the claims without checking the token's signature.
    const jwt = [{ alg: 'none', typ: 'JWT' }, payload]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .join('.');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ value: `${jwt}.` }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  // The trusted root's keys are valid from a day back: a start a minute back failed verification
  // ("invalid time") when the VM's clock was stepped back between set-up and signing.
  const start = new Date(Date.now() - 86_400_000).toISOString();
  const b64 = (bytes: ArrayBufferView | Buffer): string =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const trustedRoot = JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: 'https://fulcio.githubapp.com',
        certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
        validFor: { start },
      },
    ],
    ctlogs: [
      {
        baseUrl: 'https://ctfe.githubapp.com',
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: b64(ctlog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor: { start } },
        logId: { keyId: b64(ctlog.logID) },
      },
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore-tsa' },
        uri: 'https://timestamp.githubapp.com',
        certChain: { certificates: [{ rawBytes: b64(tsa.intCertificate) }, { rawBytes: b64(tsa.rootCertificate) }] },
        validFor: { start },
      },
    ],
  });

  return {
    idTokenEnv: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `http://127.0.0.1:${port}/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
    },
    trustedRoot,
    tokenRequests,
    issued,
    close: async () => {
      nock.cleanAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}

/** A mock's response as nock sends it: text as is, bytes as a Buffer (not JSON of a typed array). */
function bodyOf(response: string | ArrayBufferView): string | Buffer {
  return typeof response === 'string'
    ? response
    : Buffer.from(response.buffer, response.byteOffset, response.byteLength);
}
