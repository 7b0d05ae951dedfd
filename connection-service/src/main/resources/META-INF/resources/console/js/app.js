// The console's entry: takes a sign-in token from the URL fragment, then routes #/… to a page.
import { claims, signIn, signOut, takeTokenFromFragment, token } from './auth.js';
import { clear, h } from './dom.js';
import { connectionsPage } from './pages/connections.js';
import { detailPage } from './pages/detail.js';
import { newConnectionPage } from './pages/new-connection.js';
import { settingsPage } from './pages/settings.js';

const main = document.getElementById('main');
let leaving = [];

const routes = [
  [/^#\/connections\/new(?:\/([a-z]+))?$/, (m) => ['connections', newConnectionPage, { marketplace: m[1] }]],
  [/^#\/connections\/([0-9a-f-]{36})$/, (m) => ['connections', detailPage, { id: m[1] }]],
  [/^#\/settings$/, () => ['settings', settingsPage, {}]],
  [/^#\/connections$/, () => ['connections', connectionsPage, {}]],
];

function signInPage() {
  const input = h('textarea#token-input', { rows: 4, spellcheck: false, autocomplete: 'off' });
  clear(main, h('section.sign-in', h('h1', 'Sign in'),
    h('p', 'The console calls the connections API with your bearer token (a JWT with your tenant claim). '
      + 'Open the sign-in link your platform gives you, e.g. the console URL that ./nexus local prints, or paste a token.'),
    h('form', { onsubmit: (event) => { event.preventDefault(); if (input.value.trim()) { signIn(input.value); route(); } } },
      h('label', { for: 'token-input' }, 'Bearer token'), input,
      h('div.buttons', h('button.primary', { type: 'submit' }, 'Sign in'))),
    h('p.muted', 'The token stays in this browser tab only (session storage) and is sent only as an Authorization header.')));
  input.focus();
}

function route() {
  leaving.forEach((leave) => leave());
  leaving = [];
  const whoEl = document.getElementById('who');
  const signOutButton = document.getElementById('sign-out');
  if (!token()) {
    whoEl.textContent = '';
    signOutButton.hidden = true;
    signInPage();
    return;
  }
  const who = claims();
  whoEl.textContent = who ? `${who.upn || who.preferred_username || who.sub || ''} · tenant ${who.tenant ?? '?'}` : '';
  signOutButton.hidden = false;
  const hash = location.hash || '#/connections';
  const match = routes.map(([pattern, to]) => [pattern.exec(hash), to]).find(([m]) => m);
  if (!match) {
    location.replace('#/connections');
    return;
  }
  const [section, page, params] = match[1](match[0]);
  document.querySelectorAll('[data-nav]').forEach((a) => {
    if (a.dataset.nav === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  page(main, { params, onLeave: (leave) => leaving.push(leave) });
  document.title = `${section === 'settings' ? 'Settings' : 'Connections'} · nexus-connect`;
}

takeTokenFromFragment(location, history);
document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  route();
});
window.addEventListener('console:unauthorized', () => {
  signOut();
  route();
});
window.addEventListener('hashchange', () => {
  if (takeTokenFromFragment(location, history)) { /* a new sign-in link in the same tab */ }
  route();
  main.focus({ preventScroll: true });
});
route();
