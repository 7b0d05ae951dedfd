// The connection-service REST API as the console calls it: bearer token, JSON in and out, RFC 7807 problems turned
// into ApiError with the field errors the API listed.
import { token } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.fieldErrors = Array.isArray(problem?.errors) ? problem.errors : [];
  }

  /** What the person should read: the problem's title and detail, and what to do about the usual statuses. */
  describe() {
    const advice = {
      401: 'Your sign-in has expired or is not valid: sign in again.',
      403: 'Your token carries no tenant: ask for a token with a tenant claim.',
      404: 'It is not there (removed, or it belongs to another tenant): go back to Connections.',
      409: 'Someone changed it at the same time: reload and try again.',
      503: 'The service is not ready for this yet: try again in a moment.',
      504: 'No adapter answered in time: is the adapter of this marketplace running?',
    }[this.status];
    const head = [this.problem.title, this.problem.detail].filter(Boolean).join(': ') || `HTTP ${this.status}`;
    return advice ? `${head}. ${advice}` : head;
  }
}

export class UnreachableError extends Error {
  describe() {
    return 'The connection service cannot be reached: check that it runs, then reload.';
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const bearer = token();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store', redirect: 'error',
    });
  } catch (e) {
    throw new UnreachableError(e.message);
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    if (response.status === 401) {
      window.dispatchEvent(new CustomEvent('console:unauthorized'));
    }
    throw new ApiError(response.status, json);
  }
  return json;
}

const id = (value) => encodeURIComponent(value);

export const api = {
  marketplaces: () => call('GET', '/api/marketplaces'),
  connections: () => call('GET', '/api/connections'),
  connection: (connectionId) => call('GET', `/api/connections/${id(connectionId)}`),
  create: (body) => call('POST', '/api/connections', body),
  testForm: (marketplace, fields) => call('POST', '/api/connections/test', { marketplace, fields }),
  testSaved: (connectionId) => call('POST', `/api/connections/${id(connectionId)}/test`),
  reconnect: (connectionId) => call('POST', `/api/connections/${id(connectionId)}/reconnect`),
  syncNow: (connectionId) => call('POST', `/api/connections/${id(connectionId)}/sync`, {}),
  pause: (connectionId) => call('POST', `/api/connections/${id(connectionId)}/pause`),
  resume: (connectionId) => call('POST', `/api/connections/${id(connectionId)}/resume`),
  remove: (connectionId) => call('DELETE', `/api/connections/${id(connectionId)}`),
  details: (connectionId, body) => call('PATCH', `/api/connections/${id(connectionId)}`, body),
  settings: (connectionId, body) => call('PUT', `/api/connections/${id(connectionId)}/settings`, body),
  credentials: (connectionId, fields) => call('PUT', `/api/connections/${id(connectionId)}/credentials`, { fields }),
  registerWebhooks: (connectionId) => call('POST', `/api/connections/${id(connectionId)}/webhooks/register`),
  rotateWebhookSecret: (connectionId) => call('POST', `/api/connections/${id(connectionId)}/webhooks/rotate-secret`),
  history: (connectionId, query) => call('GET', `/api/connections/${id(connectionId)}/syncs?${new URLSearchParams(query)}`),
  globalSettings: () => call('GET', '/api/settings'),
  saveGlobalSettings: (body) => call('PUT', '/api/settings', body),
};
