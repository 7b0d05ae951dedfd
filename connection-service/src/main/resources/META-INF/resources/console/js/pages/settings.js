// Settings > General > Connections: the tenant's global connection settings.
import { api } from '../api.js';
import { clear, errorBox, h, toast } from '../dom.js';
import { INTERVALS, isoSeconds, splitSeconds, toIso, UNIT_NAMES, when } from '../format.js';
import { clearFieldErrors, field, select, showFormError } from '../parts/fields.js';

/** A duration as amount + unit; the API takes and gives ISO-8601. */
function durationInput(name, iso, units) {
  const [amount, unit] = splitSeconds(isoSeconds(iso) ?? 0, units);
  const number = h('input', { type: 'number', min: 1, step: 1, value: String(amount), 'aria-label': `${name} amount` });
  const unitSelect = select(units.map((u) => [u, UNIT_NAMES[u]]), { value: unit });
  unitSelect.setAttribute('aria-label', `${name} unit`);
  return { number, unitSelect, value: () => toIso(number.value, unitSelect.value) };
}

export function settingsPage(main) {
  clear(main, h('div.page-head', h('div', h('h1', 'Settings'), h('p.lead', 'General › Connections: defaults and limits for every connection of your account.'))),
    h('p.loading', { role: 'status' }, 'Loading settings…'));
  api.globalSettings().then(render).catch((error) => clear(main, h('h1', 'Settings'), errorBox(error, () => settingsPage(main))));

  function render(policy) {
    const interval = select(INTERVALS, { value: policy.defaultSyncInterval });
    const attempts = h('input', { type: 'number', min: 1, max: 10, step: 1, value: String(policy.retryAttempts) });
    const backoff = durationInput('Retry backoff', policy.retryBackoff, ['H', 'M', 'S']);
    const cooldown = durationInput('Connection alert cooldown', policy.alertCooldown, ['D', 'H', 'M']);
    const rotation = h('input', { type: 'number', min: 1, max: 365, step: 1, value: String(Math.round((isoSeconds(policy.webhookSecretRotation) ?? 0) / 86400)) });
    const health = h('input', { type: 'number', min: 1, max: 100, step: 1, value: String(policy.healthWindow) });
    const result = h('div.form-result', { 'aria-live': 'polite' });
    const pair = (d) => h('div.pair', d.number, d.unitSelect);
    const form = h('form.settings-form', { novalidate: true, onsubmit: async (event) => {
      event.preventDefault();
      clearFieldErrors(form);
      clear(result);
      try {
        const saved = await api.saveGlobalSettings({
          defaultSyncInterval: interval.value,
          retryAttempts: attempts.value === '' ? null : Number(attempts.value),
          retryBackoff: backoff.value(),
          alertCooldown: cooldown.value(),
          webhookSecretRotation: `P${rotation.value}D`,
          healthWindow: health.value === '' ? null : Number(health.value),
        });
        clear(result, h('p.saved', { role: 'status' }, `Saved ${when(saved.updatedAt)}. Every connection was re-published with these settings.`));
        toast('Global settings saved.');
      } catch (error) {
        showFormError(form, result, error);
      }
    } },
    h('fieldset', h('legend', 'Connections'),
      field('defaultSyncInterval', 'Default sync interval', interval, { hint: 'applied to new connections that choose none' }),
      field('retryAttempts', 'Retry attempts', attempts, { hint: '1–10: attempts of a failed sync before it is marked failed' }),
      field('retryBackoff', 'Retry backoff', pair(backoff), { hint: '1 second to 1 hour: the first retry delay, doubling per attempt' }),
      field('alertCooldown', 'Connection alert cooldown', pair(cooldown), { hint: '1 minute to 7 days between alerts for the same connection error' }),
      field('webhookSecretRotation', 'Webhook secret rotation (days)', rotation, { hint: '1–365: how often webhook signing secrets are rotated (the API keeps the frequency; it has no rotate-now action)' }),
      field('healthWindow', 'Health window (syncs)', health, { hint: '1–100: connection health is judged over this many recent syncs' })),
    h('p.muted', policy.updatedAt ? `Last changed ${when(policy.updatedAt)}.` : 'These are the defaults; nothing has been changed yet.'),
    result, h('div.buttons', h('button.primary', { type: 'submit', dataset: { action: 'save-global' } }, 'Save settings')));
    clear(main, h('div.page-head', h('div', h('h1', 'Settings'), h('p.lead', 'General › Connections: defaults and limits for every connection of your account.'))),
      h('section.card-section', form));
  }
}
