// A minimal, deliberately NON-compliant OpenID issuer for the refusal tests of the staff sign-in:
// it hands out an ID token for `mallory` (name "Mallory", groups ["schalter-dpo"]) that is broken
// in exactly one way, chosen by DEFECT. Environment: PORT, CLIENT_ID, DEFECT.
//
// DEFECT:
//   none         no defect: a valid token (the control case)
//   issuer       iss is another URL
//   audience     aud is another client
//   expired      exp an hour ago, iat two hours ago
//   alg-none     unsigned: header {"alg":"none"}, empty signature
//   unknown-key  signed by an RS256 key that is not in /jwks, with a kid that is not in /jwks
//   nonce        a nonce other than the one sent to /authorize
//
// Endpoints: /.well-known/openid-configuration, /jwks, /authorize (302 straight back to
// redirect_uri with code=rogue-<random> and the state; no login), /token (POST, any client
// authentication, no PKCE check). Prints `ready` on stdout once listening.
import http from 'node:http';
import { randomBytes } from 'node:crypto';

import * as jose from 'jose';

function env(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`rogue.mjs: ${name} is required`);
    process.exit(2);
  }
  return value;
}

const PORT = Number(env('PORT'));
const CLIENT_ID = env('CLIENT_ID');
const DEFECT = env('DEFECT');
const ISSUER = `http://127.0.0.1:${PORT}`;
const DEFECTS = ['none', 'issuer', 'audience', 'expired', 'alg-none', 'unknown-key', 'nonce'];
if (!DEFECTS.includes(DEFECT)) {
  console.error(`rogue.mjs: DEFECT must be one of ${DEFECTS.join(', ')}, not ${DEFECT}`);
  process.exit(2);
}

async function rsaKey(kid) {
  const { privateKey, publicKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await jose.exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  return { privateKey, jwk };
}

const published = await rsaKey(`rogue-${randomBytes(6).toString('hex')}`);
const unpublished = await rsaKey(`unpublished-${randomBytes(6).toString('hex')}`);

// code -> nonce (and the redirect_uri, unused beyond bookkeeping)
const codes = new Map();

async function idToken(nonce) {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: ISSUER,
    sub: 'mallory',
    aud: CLIENT_ID,
    iat: now,
    exp: now + 300,
    name: 'Mallory',
    groups: ['schalter-dpo'],
  };
  if (nonce !== undefined) claims.nonce = nonce;
  switch (DEFECT) {
    case 'issuer':
      claims.iss = `${ISSUER}/not-the-issuer`;
      break;
    case 'audience':
      claims.aud = `${CLIENT_ID}-other`;
      break;
    case 'expired':
      claims.iat = now - 7200;
      claims.exp = now - 3600;
      break;
    case 'nonce':
      claims.nonce = `wrong-${randomBytes(8).toString('hex')}`;
      break;
    default:
      break;
  }
  if (DEFECT === 'alg-none') {
    const b64 = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
    return `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
  }
  const key = DEFECT === 'unknown-key' ? unpublished : published;
  return new jose.SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: key.jwk.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

function json(res, status, body) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

async function handle(req, res) {
  const url = new URL(req.url, ISSUER);
  switch (url.pathname) {
    case '/.well-known/openid-configuration':
      return json(res, 200, {
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/authorize`,
        token_endpoint: `${ISSUER}/token`,
        jwks_uri: `${ISSUER}/jwks`,
        response_types_supported: ['code'],
        subject_types_supported: ['public'],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid', 'profile', 'groups'],
        token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
        code_challenge_methods_supported: ['S256'],
        grant_types_supported: ['authorization_code'],
      });
    case '/jwks':
      return json(res, 200, { keys: [published.jwk] });
    case '/authorize': {
      const redirectUri = url.searchParams.get('redirect_uri');
      if (!redirectUri) return json(res, 400, { error: 'invalid_request', error_description: 'redirect_uri missing' });
      const code = `rogue-${randomBytes(12).toString('hex')}`;
      codes.set(code, { nonce: url.searchParams.get('nonce') ?? undefined });
      const to = new URL(redirectUri);
      to.searchParams.set('code', code);
      const state = url.searchParams.get('state');
      if (state !== null) to.searchParams.set('state', state);
      res.statusCode = 302;
      res.setHeader('Location', to.href);
      return res.end();
    }
    case '/token': {
      if (req.method !== 'POST') return json(res, 405, { error: 'invalid_request' });
      const form = new URLSearchParams(await readBody(req));
      const entry = codes.get(form.get('code') ?? '');
      if (!entry) return json(res, 400, { error: 'invalid_grant' });
      codes.delete(form.get('code'));
      return json(res, 200, {
        access_token: 'x',
        token_type: 'Bearer',
        expires_in: 300,
        id_token: await idToken(entry.nonce),
      });
    }
    default:
      return json(res, 404, { error: 'not_found' });
  }
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((err) => {
    console.error('rogue.mjs:', err);
    if (!res.headersSent) json(res, 500, { error: 'server_error' });
  });
});

server.listen(PORT, '127.0.0.1', () => {
  process.stdout.write('ready\n');
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
