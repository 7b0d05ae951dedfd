// The bearer token of the signed-in user. Kept in sessionStorage (per tab, gone when the tab closes), never in a
// cookie: the API takes it only from the Authorization header, so a forged cross-site request carries nothing.
const KEY = 'nexus.console.token';

/**
 * A sign-in link carries the token in the URL fragment (#token=… from `./nexus local`, or #access_token=… from an
 * identity provider's redirect). The fragment never reaches a server; it is moved into sessionStorage and stripped
 * from the address bar and the history at once.
 */
export function takeTokenFromFragment(location, history, storage = sessionStorage) {
  const fragment = location.hash.startsWith('#') ? location.hash.slice(1) : '';
  if (!/(^|&)(access_token|token)=/.test(fragment)) {
    return false;
  }
  const params = new URLSearchParams(fragment);
  const token = params.get('access_token') || params.get('token');
  history.replaceState(null, '', location.pathname + location.search + '#/connections');
  if (token) {
    storage.setItem(KEY, token.trim());
  }
  return Boolean(token);
}

export function token(storage = sessionStorage) {
  return storage.getItem(KEY);
}

export function signIn(value, storage = sessionStorage) {
  storage.setItem(KEY, value.trim());
}

export function signOut(storage = sessionStorage) {
  storage.removeItem(KEY);
}

/** The claims of the token, for showing who is signed in; the server verifies it, this only reads it. */
export function claims(storage = sessionStorage) {
  const value = token(storage);
  if (!value) {
    return null;
  }
  try {
    const payload = value.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(payload.padEnd(payload.length + (4 - payload.length % 4) % 4, '=')));
  } catch {
    return null;
  }
}
