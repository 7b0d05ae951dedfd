// Connection detail: the card's facts, its sync settings, its webhook registration, error diagnostics with the
// product page's resolution, and the sync history.
import { api } from '../api.js';
import { clear, errorBox, h, toast } from '../dom.js';
import { ago, INTERVALS, LOOKBACKS, number, when } from '../format.js';
import { clearFieldErrors, field, select, showFormError } from '../parts/fields.js';
import { historyPanel } from '../parts/history.js';
import { diagnostics, healthTag, listingHealthCount, logo, statusBadge } from '../parts/status.js';
import { webhookRegistration } from '../parts/webhooks.js';

function timeZones() {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

function settingsForm(card, onSaved) {
  const s = card.settings || {};
  const window = s.syncWindow || null;
  const interval = select(INTERVALS, { value: s.syncInterval });
  const limited = h('input', { type: 'checkbox', checked: Boolean(window) });
  const start = h('input', { type: 'time', value: window?.start?.slice(0, 5) || '08:00' });
  const end = h('input', { type: 'time', value: window?.end?.slice(0, 5) || '20:00' });
  const zone = h('input', { type: 'text', list: 'time-zones', autocomplete: 'off',
    value: window?.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone });
  const zones = h('datalist#time-zones', timeZones().map((z) => h('option', { value: z })));
  const lookback = select(LOOKBACKS, { value: s.orderLookback });
  const buffer = h('input', { type: 'number', min: 0, max: 50, step: 1, value: String(s.inventoryBufferPercent ?? 0) });
  const reconnect = h('input', { type: 'checkbox', checked: s.autoReconnect !== false });
  const currency = h('input', { type: 'text', maxLength: 3, placeholder: card.currency || 'marketplace default',
    value: s.currency || '', autocapitalize: 'characters' });
  const windowFields = h('div.window-fields', { hidden: !window },
    field('syncWindow.start', 'From', start), field('syncWindow.end', 'Until', end),
    field('syncWindow.timeZone', 'Time zone', zone, { hint: 'IANA name, e.g. Europe/Berlin' }), zones);
  limited.addEventListener('change', () => { windowFields.hidden = !limited.checked; });
  const result = h('div.form-result', { 'aria-live': 'polite' });
  const form = h('form.settings-form', { novalidate: true, onsubmit: async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    clear(result);
    const body = {
      syncInterval: interval.value,
      orderLookback: lookback.value,
      inventoryBufferPercent: buffer.value === '' ? null : Number(buffer.value),
      autoReconnect: reconnect.checked,
      currency: currency.value.trim() ? currency.value.trim().toUpperCase() : null,
      syncWindow: limited.checked ? { start: start.value, end: end.value, timeZone: zone.value.trim() } : null,
    };
    try {
      onSaved(await api.settings(card.id, body));
      toast('Settings saved; the orchestrator picks them up with the next snapshot.');
    } catch (error) {
      showFormError(form, result, error, 'settings.');
    }
  } },
  h('fieldset', h('legend', 'Sync settings'),
    field('syncInterval', 'Sync interval', interval, { hint: 'how often the adapter polls' }),
    h('div.field.check', { dataset: { field: 'syncWindow' } }, h('label', limited, ' Restrict polling to a sync window (business hours)'),
      h('small.field-error', { dataset: { errorFor: 'syncWindow' }, hidden: true })),
    windowFields,
    field('orderLookback', 'Order lookback', lookback, { hint: 'how many days of historical orders the first sync imports' }),
    field('inventoryBufferPercent', 'Inventory buffer (%)', buffer, { hint: '0–50 %: safety stock held back from this marketplace' }),
    h('div.field.check', { dataset: { field: 'autoReconnect' } }, h('label', reconnect, ' Auto-reconnect: re-run the authentication when tokens expire'),
      h('small.field-error', { dataset: { errorFor: 'autoReconnect' }, hidden: true })),
    field('currency', 'Currency', currency, { hint: `ISO 4217 override; empty = marketplace default (${card.currency || 'set by the marketplace'})` })),
  result, h('div.buttons', h('button.primary', { type: 'submit', dataset: { action: 'save-settings' } }, 'Save settings')));
  return form;
}

function facts(card) {
  const listings = listingHealthCount(card.stats);
  const row = (term, value, title) => [h('dt', term), h('dd', { title }, value)];
  return h('dl.facts',
    row('Status', [statusBadge(card), card.state === 'paused' ? h('span.badge.paused', 'paused') : null]),
    row('Health', healthTag(card.health)),
    row('Account', card.accountName || card.accountId || '—'),
    row('Last sync', ago(card.lastSyncAt), when(card.lastSyncAt)),
    row('Next sync', card.state === 'paused' ? 'paused' : ago(card.nextSyncAt), when(card.nextSyncAt)),
    row('Products synced', number(card.stats?.productsSynced)),
    row('Orders today', number(card.stats?.ordersToday)),
    listings === undefined ? null : row('Listings not healthy', number(listings)),
    row('Currency', card.currency || 'marketplace default'),
    Object.entries(card.properties || {}).map(([k, v]) => row(k, v)),
    Object.entries(card.credentials || {}).map(([k, v]) => row(k, h('span.masked-value', v))));
}

export function detailPage(main, { params }) {
  clear(main, h('p.loading', { role: 'status' }, 'Loading the connection…'));
  api.connection(params.id).then(render).catch((error) => clear(main,
    h('div.page-head', h('h1', 'Connection'), h('a.button', { href: '#/connections' }, 'Back to Connections')),
    errorBox(error, () => detailPage(main, { params }))));

  function render(card) {
    const history = historyPanel(card.id, { size: 20 });
    const summary = h('div', facts(card));
    const hooks = h('section.card-section', { 'aria-labelledby': 'hooks-title' });
    const showHooks = (current) => clear(hooks, h('h2#hooks-title', 'Webhook Registration'),
      webhookRegistration(current, (updated) => {
        clear(summary, facts(updated));
        showHooks(updated);
      }));
    showHooks(card);
    const errorSection = h('section.card-section', { 'aria-labelledby': 'diag-title' }, h('h2#diag-title', 'Error diagnostics'),
      card.error ? diagnostics(card.error) : h('p.muted', 'No error: the last sync attempt did not fail.'));
    clear(main,
      h('div.page-head', h('div', h('h1', logo(card.marketplace), ` ${card.label || card.marketplace}`),
        h('p.lead', card.description || `${card.marketplace} connection ${card.id}`)),
      h('a.button', { href: '#/connections' }, 'Back to Connections')),
      h('div.detail-grid',
        h('section.card-section', { 'aria-labelledby': 'facts-title' }, h('h2#facts-title', 'Connection'), summary),
        errorSection,
        h('section.card-section', { 'aria-labelledby': 'settings-title' }, h('h2#settings-title', 'Settings'),
          settingsForm(card, (updated) => clear(summary, facts(updated)))),
        hooks),
      h('section.card-section.wide', { 'aria-labelledby': 'history-title' }, h('h2#history-title', 'Sync history'), history.element));
  }
}
