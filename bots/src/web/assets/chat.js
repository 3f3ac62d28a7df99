// Schalter's web chat: progressive enhancement of the plain-HTML chat at /chat/, and the
// widget that a city's page adds with one <script src=".../chat/widget.js" defer> line.
// The server wraps this file in `(function (WIDGET) { ... })(…)`: WIDGET is null on the
// chat's own page and the launcher's words in every language in the widget.
//
// Without this script the chat works as plain forms. With it, answers are sent with fetch
// (each with a client id of its own, so a retried send is answered once) and the office's
// messages arrive as Server-Sent Events, read from a fetch stream so that a widget on another
// site can send its token as a header; after any break the stream resumes from the last
// number shown, and the server sends exactly the gap. Nothing is stored in the browser before
// the citizen presses "start"; a widget on another site then keeps its token in
// sessionStorage, the chat's own page only has its HttpOnly cookie.
'use strict';

const doc = document;
const TOKEN = 'schalter-chat-token';
const script = doc.currentScript;
const origin = WIDGET && script ? new URL(script.src).origin : '';
const base = origin + '/chat';

function token() {
  try {
    return sessionStorage.getItem(TOKEN);
  } catch (e) {
    return null;
  }
}

function headers(extra) {
  const h = Object.assign({ Accept: 'application/json' }, extra || {});
  const t = token();
  if (t) h.Authorization = 'Bearer ' + t;
  return h;
}

function post(path, body) {
  return fetch(base + '/api' + path, {
    method: 'POST',
    credentials: 'include',
    headers: headers({ 'Content-Type': 'application/json' }),
    body: JSON.stringify(body || {}),
  });
}

function clientId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fragment(html) {
  const t = doc.createElement('template');
  t.innerHTML = html.trim();
  return t.content.firstElementChild;
}

async function errorText(response, fallback) {
  try {
    const body = await response.json();
    return body.error || fallback;
  } catch (e) {
    return fallback;
  }
}

// One chat view (the start or the conversation) inside `holder`, which the widget fills and
// the page already holds. `reload` shows the view anew after a start or a language change.
function attach(main, reload) {
  const status = main.querySelector('#sc-status');
  const say = (text) => {
    if (status) status.textContent = text || '';
  };
  const unknown = main.dataset.unknown || '';

  if (main.dataset.view === 'start') {
    const start = main.querySelector('form.sc-start');
    const lang = main.querySelector('form.sc-lang');
    if (lang && WIDGET) {
      lang.addEventListener('submit', (e) => {
        e.preventDefault();
        reload(new FormData(lang).get('lang'));
      });
    }
    if (start) {
      start.addEventListener('submit', async (e) => {
        e.preventDefault();
        const button = start.querySelector('button');
        button.disabled = true;
        try {
          const r = await post('/start', { lang: new FormData(start).get('lang') });
          if (!r.ok) {
            say(await errorText(r, unknown));
            return;
          }
          const body = await r.json();
          if (body.token) {
            try {
              sessionStorage.setItem(TOKEN, body.token);
            } catch (err) {
              // A browser that keeps nothing still has the cookie where it may.
            }
          }
          reload();
        } catch (err) {
          say(unknown);
        } finally {
          button.disabled = false;
        }
      });
    }
    return () => {};
  }

  const log = main.querySelector('#sc-log');
  let after = Number(main.dataset.after || 0);
  let stopped = false;
  let controller = null;
  let retry = 1000;
  let broken = false;

  function show(data) {
    if (data.seq <= after) return;
    after = data.seq;
    const node = fragment(data.html);
    if (!node) return;
    const old = doc.getElementById('m-' + data.id);
    if (old) {
      old.replaceWith(node);
    } else {
      log.append(node);
    }
    // The newest message in view, without taking the focus from where the citizen is.
    node.scrollIntoView({ block: 'nearest' });
  }

  function end() {
    stopped = true;
    say(main.dataset.ended);
    const compose = main.querySelector('form.sc-compose');
    if (compose) compose.hidden = true;
    try {
      sessionStorage.removeItem(TOKEN);
    } catch (e) {
      // Nothing was kept.
    }
    post('/close').catch(() => {});
  }

  function dispatch(event, data) {
    if (event === 'message') {
      show(JSON.parse(data));
    } else if (event === 'reset') {
      log.replaceChildren();
      after = 0;
    } else if (event === 'end') {
      end();
    }
  }

  async function connect() {
    if (stopped) return;
    controller = new AbortController();
    try {
      const r = await fetch(base + '/api/events?after=' + after, {
        credentials: 'include',
        headers: headers({ Accept: 'text/event-stream' }),
        signal: controller.signal,
        cache: 'no-store',
      });
      if (r.status === 403 || r.status === 404) {
        stopped = true;
        say(await errorText(r, unknown));
        return;
      }
      if (!r.ok || !r.body) throw new Error('status ' + r.status);
      if (broken) say(main.dataset.connected);
      broken = false;
      retry = 1000;
      const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      let event = 'message';
      let data = [];
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, cut).replace(/\r$/, '');
          buffer = buffer.slice(cut + 1);
          if (line === '') {
            if (data.length) dispatch(event, data.join('\n'));
            event = 'message';
            data = [];
          } else if (line.startsWith('event:')) {
            event = line.slice(6).trim();
          } else if (line.startsWith('data:')) {
            data.push(line.slice(5).replace(/^ /, ''));
          }
        }
      }
    } catch (e) {
      if (stopped) return;
    }
    if (stopped) return;
    broken = true;
    say(main.dataset.offline);
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 15000);
  }

  async function send(form, submitter) {
    const body = { client_id: clientId() };
    if (submitter && submitter.name === 'option') {
      body.option = submitter.value;
    } else {
      const field = form.querySelector('input[name=text]');
      body.text = field.value;
    }
    say(main.dataset.sending);
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const r = await post('/input', body);
        if (r.ok) {
          say('');
          if (body.text !== undefined) form.querySelector('input[name=text]').value = '';
        } else {
          say(await errorText(r, unknown));
        }
        return;
      } catch (e) {
        // The network, not the server: the same client id again is answered once.
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      }
    }
    say(main.dataset.offline);
  }

  // On another site the widget's browser may not send the cookie with a plain link: the
  // file is fetched with the token and handed over from memory.
  main.addEventListener('click', async (e) => {
    const link = WIDGET && e.target.closest && e.target.closest('.sc-file a');
    if (!link) return;
    e.preventDefault();
    try {
      const r = await fetch(link.href, { credentials: 'include', headers: headers() });
      if (!r.ok) {
        say(await errorText(r, unknown));
        return;
      }
      const url = URL.createObjectURL(await r.blob());
      const save = doc.createElement('a');
      save.href = url;
      save.download = link.getAttribute('download') || 'file';
      doc.body.append(save);
      save.click();
      save.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    } catch (err) {
      say(unknown);
    }
  });

  main.addEventListener('submit', (e) => {
    const form = e.target;
    if (!form.matches('form.sc-options, form.sc-compose')) return;
    e.preventDefault();
    send(form, e.submitter);
  });

  // A document for the checklist: sent as a form, answered in the transcript; tried again
  // with the same client id when the network fails, so it is kept once.
  main.addEventListener('submit', async (e) => {
    const form = e.target;
    if (!form.matches('form.sc-file-form')) return;
    e.preventDefault();
    const field = form.querySelector('input[type=file]');
    if (!field.files.length) return;
    const data = new FormData();
    data.append('client_id', clientId());
    data.append('file', field.files[0]);
    say(main.dataset.sending);
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const r = await fetch(base + '/api/file', {
          method: 'POST',
          credentials: 'include',
          headers: headers(),
          body: data,
        });
        say(r.ok ? '' : await errorText(r, unknown));
        if (r.ok) field.value = '';
        return;
      } catch (err) {
        await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      }
    }
    say(main.dataset.offline);
  });

  // An e-mail address for reminders: the answer in the status line.
  main.addEventListener('submit', async (e) => {
    const form = e.target;
    if (!form.matches('form.sc-mail-form')) return;
    e.preventDefault();
    const field = form.querySelector('input[name=address]');
    say(main.dataset.sending);
    try {
      const r = await post('/mail', { address: field.value });
      const body = await r.json().catch(() => ({}));
      say(body.text || body.error || unknown);
      if (r.ok) field.value = '';
    } catch (err) {
      say(main.dataset.offline);
    }
  });

  const wake = () => {
    if (broken && controller) controller.abort();
  };
  window.addEventListener('online', wake);
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'visible') wake();
  });

  connect();
  return () => {
    stopped = true;
    if (controller) controller.abort();
  };
}

// The chat's own page: the view is there already.
function page() {
  const main = doc.getElementById('schalter-chat');
  if (main) attach(main, () => location.reload());
}

// The widget: a launcher that asks the server nothing until it is pressed, then a panel with
// the chat in the page itself (no iframe).
function widget() {
  const code = (doc.documentElement.lang || '').toLowerCase().split('-')[0];
  const words = WIDGET.words[code] || WIDGET.words[WIDGET.fallback];
  const launcher = doc.createElement('button');
  launcher.type = 'button';
  launcher.className = 'sc-launcher';
  launcher.textContent = words.launcher;
  launcher.lang = code in WIDGET.words ? code : WIDGET.fallback;
  launcher.dir = words.dir;
  launcher.setAttribute('aria-expanded', 'false');
  launcher.setAttribute('aria-controls', 'schalter-panel');
  // Styled here: the style sheet is fetched only when the chat is opened.
  Object.assign(launcher.style, {
    position: 'fixed',
    insetBlockEnd: '1rem',
    insetInlineEnd: '1rem',
    zIndex: '2147483000',
    font: 'inherit',
    fontSize: '1rem',
    padding: '0.75rem 1rem',
    color: '#ffffff',
    background: '#0b4f8a',
    border: '2px solid #ffffff',
    borderRadius: '0.5rem',
    outlineOffset: '3px',
    cursor: 'pointer',
  });
  doc.body.append(launcher);

  let panel = null;
  let detach = () => {};

  async function load(holder, lang) {
    detach();
    const query = lang ? '?lang=' + encodeURIComponent(lang) : '';
    try {
      const r = await fetch(base + '/api/view' + query, {
        credentials: 'include',
        headers: headers(),
        cache: 'no-store',
      });
      const body = await r.json();
      holder.replaceChildren(fragment(body.html || '<p></p>'));
    } catch (e) {
      holder.replaceChildren();
      return;
    }
    const main = holder.querySelector('.sc-chat');
    if (main) {
      detach = attach(main, (next) => load(holder, next));
      const first =
        main.querySelector('input[name=text]') || main.querySelector('form.sc-start button');
      if (first) first.focus();
    }
  }

  function close() {
    if (!panel) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  launcher.addEventListener('click', () => {
    if (panel && !panel.hidden) {
      close();
      return;
    }
    if (!panel) {
      const sheet = doc.createElement('link');
      sheet.rel = 'stylesheet';
      sheet.href = base + '/chat.css';
      doc.head.append(sheet);
      panel = doc.createElement('section');
      panel.id = 'schalter-panel';
      panel.className = 'sc-panel';
      panel.setAttribute('aria-label', words.launcher);
      panel.lang = launcher.lang;
      panel.dir = words.dir;
      const shut = doc.createElement('button');
      shut.type = 'button';
      shut.className = 'sc-close';
      shut.textContent = words.close;
      shut.addEventListener('click', close);
      const holder = doc.createElement('div');
      holder.className = 'sc-holder';
      panel.append(shut, holder);
      panel.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') close();
      });
      doc.body.append(panel);
      load(holder);
    } else {
      panel.hidden = false;
      const first =
        panel.querySelector('input[name=text]') ||
        panel.querySelector('form.sc-start button') ||
        panel.querySelector('.sc-close');
      if (first) first.focus();
    }
    launcher.setAttribute('aria-expanded', 'true');
  });
}

if (doc.readyState === 'loading') {
  doc.addEventListener('DOMContentLoaded', WIDGET ? widget : page);
} else if (WIDGET) {
  widget();
} else {
  page();
}
