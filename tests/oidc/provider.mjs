// A real OpenID Provider (panva's certified `oidc-provider`) on loopback, for the staff sign-in
// tests of the admin page. Configured from the environment:
//   PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI
// Issuer http://127.0.0.1:$PORT; one confidential client (client_secret_basic only: the
// provider accepts just the registered method), authorization code flow only, PKCE S256 required, ID tokens RS256 signed
// by a key generated at start (published at /jwks), RP-Initiated Logout at /session/end.
// Prints `ready` on stdout once listening; exits on SIGTERM/SIGINT.
//
// Users (password `correct horse` for both):
//   amira  "Amira Haddad"      groups ["schalter-translators-ar"]
//   dora   "Dora Datenschutz"  groups ["schalter-dpo"]
//
// Interactions: the provider's devInteractions are disabled (they accept any password, and their
// markup is not ours to rely on). Instead this file serves its own, deliberately plain pages:
//   GET  /interaction/:uid        login prompt -> an HTML form (method post, action below,
//                                 inputs `login` and `password`); consent prompt -> granted at
//                                 once (first-party client) and 303 back to the provider
//   POST /interaction/:uid/login  checks the fixed password; wrong -> the form again with
//                                 status 401 and "Invalid login or password"; right -> 303 back
//                                 to the provider, which then redirects to REDIRECT_URI?code=…
// Logout (/session/end, RP-Initiated Logout 1.0): a plain confirm page, a POST form whose first
// button is logout=yes, then a redirect to POST_LOGOUT_REDIRECT_URI (with the RP's state).
// Consent never shows in practice: `loadExistingGrant` hands this first-party client a grant of
// `openid profile groups` as soon as a user is logged in (the consent branch above is a fallback).
import http from 'node:http';
import { generateKeyPairSync, randomBytes } from 'node:crypto';

import Provider from 'oidc-provider';

function env(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`provider.mjs: ${name} is required`);
    process.exit(2);
  }
  return value;
}

const PORT = Number(env('PORT'));
const CLIENT_ID = env('CLIENT_ID');
const CLIENT_SECRET = env('CLIENT_SECRET');
const REDIRECT_URI = env('REDIRECT_URI');
const POST_LOGOUT_REDIRECT_URI = env('POST_LOGOUT_REDIRECT_URI');
const ISSUER = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'correct horse';

const USERS = {
  amira: { name: 'Amira Haddad', groups: ['schalter-translators-ar'] },
  dora: { name: 'Dora Datenschutz', groups: ['schalter-dpo'] },
};
const SCOPES = 'openid profile groups';

// The ID token signing key, fresh for every run.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingJwk = {
  ...privateKey.export({ format: 'jwk' }),
  kid: `provider-${randomBytes(6).toString('hex')}`,
  alg: 'RS256',
  use: 'sig',
};

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [POST_LOGOUT_REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // oidc-provider accepts only the registered method at /token: HTTP Basic (RFC 6749 2.3.1
      // form-encoded id:secret), the default of OpenID client libraries.
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
  ],
  jwks: { keys: [signingJwk] },
  responseTypes: ['code'],
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'groups'],
  claims: {
    openid: ['sub'],
    profile: ['name'],
    groups: ['groups'],
  },
  // Put the scope-requested claims (name, groups) into the ID token itself, not only /me.
  conformIdTokenClaims: false,
  async findAccount(_ctx, id) {
    const user = USERS[id];
    if (!user) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, name: user.name, groups: user.groups };
      },
    };
  },
  // First-party client: no consent screen. Any logged-in user gets a grant of all scopes.
  async loadExistingGrant(ctx) {
    const accountId = ctx.oidc.session?.accountId;
    if (!accountId || ctx.oidc.client.clientId !== CLIENT_ID) return undefined;
    const grantId = ctx.oidc.result?.consent?.grantId
      || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    let grant = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
    if (!grant || grant.accountId !== accountId) {
      grant = new ctx.oidc.provider.Grant({ clientId: CLIENT_ID, accountId });
    }
    grant.addOIDCScope(SCOPES);
    await grant.save();
    return grant;
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  features: {
    devInteractions: { enabled: false },
    // Plain pages (the defaults @import web fonts): a confirm form whose first button is
    // "Yes, sign me out" (logout=yes), then the RP's post_logout_redirect_uri, or a notice.
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.type = 'html';
        ctx.body = page('Sign out', `<h1>Do you want to sign out from ${escape(ctx.host)}?</h1>
${form.replace('</form>', '<button type="submit" name="logout" value="yes" autofocus>Yes, sign me out</button>'
  + '<button type="submit">No, stay signed in</button></form>')}`);
      },
      async postLogoutSuccessSource(ctx) {
        ctx.type = 'html';
        ctx.body = page('Signed out', '<h1>You are signed out.</h1>');
      },
    },
  },
  // Plain HTTP on loopback: cookies are only marked Secure when the request is (it never is).
  cookies: {
    keys: [randomBytes(32).toString('hex')],
    long: { httpOnly: true, sameSite: 'lax', secure: false },
    short: { httpOnly: true, sameSite: 'lax', secure: false },
  },
  async renderError(ctx, out, _error) {
    ctx.type = 'html';
    ctx.body = page('Error', `<h1>oops! something went wrong</h1><pre>${escape(JSON.stringify(out, null, 2))}</pre>`);
  },
});
provider.proxy = false;

function escape(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body>
${body}
</body></html>
`;
}

function loginPage(uid, { login = '', error = '' } = {}) {
  return page('Sign in', `<h1>Sign in</h1>
${error ? `<p class="error" role="alert">${escape(error)}</p>` : ''}
<form method="post" action="/interaction/${escape(uid)}/login" autocomplete="off">
<label>Login <input type="text" name="login" value="${escape(login)}" required autofocus></label>
<label>Password <input type="password" name="password" required></label>
<button type="submit">Sign in</button>
</form>`);
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
      if (body.length > 64 * 1024) reject(new Error('form too large'));
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

function send(res, status, html) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

async function interaction(req, res, uid, action) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, 'interaction mismatch');
  const prompt = details.prompt.name;

  if (req.method === 'GET' && !action) {
    if (prompt === 'login') return send(res, 200, loginPage(uid));
    if (prompt === 'consent') {
      // Fallback only (loadExistingGrant normally prevents this prompt): grant and go on.
      const grant = new provider.Grant({ clientId: details.params.client_id, accountId: details.session.accountId });
      grant.addOIDCScope(SCOPES);
      const grantId = await grant.save();
      return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    }
    return send(res, 400, `unexpected prompt ${escape(prompt)}`);
  }

  if (req.method === 'POST' && action === 'login' && prompt === 'login') {
    const form = await readForm(req);
    const login = form.get('login') ?? '';
    if (!Object.hasOwn(USERS, login) || form.get('password') !== PASSWORD) {
      return send(res, 401, loginPage(uid, { login, error: 'Invalid login or password' }));
    }
    return provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
  }

  return send(res, 405, 'method not allowed');
}

const callback = provider.callback();
const server = http.createServer((req, res) => {
  const path = new URL(req.url, ISSUER).pathname;
  const m = /^\/interaction\/([^/]+)(?:\/([a-z]+))?$/.exec(path);
  if (!m) return callback(req, res);
  interaction(req, res, m[1], m[2]).catch((err) => {
    console.error('interaction failed:', err);
    if (!res.headersSent) send(res, 400, `interaction failed: ${escape(err.message)}`);
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
