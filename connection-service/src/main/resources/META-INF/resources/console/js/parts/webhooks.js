// The connection's "Webhook Registration": the endpoints the marketplace pushes to (addresses masked by the API),
// their state as the adapter last reported it, the webhook secret's rotation, and the two actions. Presentation only.
import { api } from '../api.js';
import { clear, errorBox, h, toast } from '../dom.js';
import { ago, when } from '../format.js';
import { diagnostics } from './status.js';

const STATE_TEXT = {
  pending: 'Pending: the adapter has not answered yet',
  registered: 'Registered',
  failed: 'Registration failed',
  unregistered: 'Unregistered',
};
const STATE_CLASS = { pending: 'status-pending', registered: 'status-active', failed: 'status-error', unregistered: 'paused' };

const row = (term, value, title) => [h('dt', term), h('dd', { title }, value)];

function secretFacts(secret) {
  if (!secret) return null;
  return h('dl.facts',
    row('Secret', secret.managedByNexus ? `${secret.field} (generated and rotated by nexus)`
      : `${secret.field} (rotated at the marketplace; enter a new one with Edit Credentials)`),
    secret.rotatedAt ? row('Rotated', ago(secret.rotatedAt), when(secret.rotatedAt)) : null,
    secret.overlapUntil ? row('Previous secret verifies until', when(secret.overlapUntil)) : null,
    secret.managedByNexus ? row('Next rotation', ago(secret.nextRotationAt), when(secret.nextRotationAt)) : null);
}

function endpointList(endpoints) {
  if (!endpoints?.length) return null;
  return h('ul.endpoints', endpoints.map((e) => h('li', h('code', e.callbackUrl), ` · ${e.topic}`,
    e.status ? ` · ${e.status}` : '')));
}

/** The section's content; onChanged gets the connection as the API returns it after an action. */
export function webhookRegistration(card, onChanged) {
  const reg = card.webhookRegistration;
  if (!reg || reg.state === 'not-supported') {
    return h('p.muted', 'This marketplace is polled on the sync interval; nexus registers no webhooks with it.');
  }
  const result = h('div.form-result', { 'aria-live': 'polite' });
  const act = (run, done) => async () => {
    clear(result);
    try {
      done(await run(card.id));
    } catch (error) {
      clear(result, errorBox(error));
    }
  };
  const request = reg.lastRequest;
  return h('div.webhook-registration', { dataset: { state: reg.state } },
    h('p', h(`span.badge.${STATE_CLASS[reg.state] || 'status-pending'}`, STATE_TEXT[reg.state] || reg.state),
      reg.updatedAt ? h('span.muted', { title: when(reg.updatedAt) }, ` · reported ${ago(reg.updatedAt)}`) : null),
    request ? h('p.muted', `Last request: ${request.action} (${request.reason}) ${ago(request.requestedAt)}`,
      request.answered ? '' : ' · waiting for the adapter') : null,
    reg.state === 'failed' ? diagnostics(reg.error) : null,
    endpointList(reg.endpoints),
    secretFacts(reg.secret),
    result,
    h('div.buttons',
      h('button', { type: 'button', dataset: { action: 'register-webhooks' },
        onclick: act(api.registerWebhooks, () => toast('Registration requested; the adapter answers shortly.')) },
      'Register again'),
      reg.secret?.managedByNexus ? h('button', { type: 'button', dataset: { action: 'rotate-webhook-secret' },
        onclick: act(api.rotateWebhookSecret, (updated) => {
          toast('Webhook secret rotated; the previous one keeps verifying for the overlap.');
          onChanged(updated);
        }) }, 'Rotate secret now') : null));
}
