// The Connections page: a card per connection, grouped by marketplace, with the card actions. The cards refresh on
// their own (faster while a sync runs, its counts rising) by replacing only the cards whose data changed.
import { api } from '../api.js';
import { clear, dialog, errorBox, h, toast } from '../dom.js';
import { ago, number, when } from '../format.js';
import { credentialForm } from '../parts/credential-form.js';
import { clearFieldErrors, showFormError } from '../parts/fields.js';
import { historyPanel } from '../parts/history.js';
import { diagnostics, healthTag, listingHealthCount, logo, statusBadge } from '../parts/status.js';
import { testResult } from '../parts/test-result.js';

const FAST_MS = 2000;
const SLOW_MS = 10000;

function stat(label, value, key, title) {
  return h('div.stat', { dataset: { stat: key } }, h('dt', label), h('dd', { title }, value));
}

function progress(cycle) {
  if (!cycle || cycle.status !== 'running') return null;
  const c = cycle.counts || {};
  return h('div.progress', { role: 'status', dataset: { syncId: cycle.syncId } },
    h('progress', { 'aria-label': 'Sync in progress' }),
    h('span', `Syncing (${cycle.trigger || 'sync'}): ${number(c.products)} products · ${number(c.orders)} orders · `
      + `${number(c.inventory)} inventory records`));
}

function cardBody(card, cycle, marketplace, actions) {
  const paused = card.state === 'paused';
  const listings = listingHealthCount(card.stats);
  return [
    h('header.card-head',
      logo(card.marketplace, marketplace?.name),
      h('div.card-title',
        h('h3', h('a', { href: `#/connections/${card.id}` }, card.label || marketplace?.name || card.marketplace)),
        h('p.account', card.accountName || card.accountId || 'account not identified yet',
          card.accountName && card.accountId && card.accountName !== card.accountId ? h('span.muted', ` · ${card.accountId}`) : null),
        card.description ? h('p.muted.description', card.description) : null),
      h('div.badges', statusBadge(card), paused ? h('span.badge.paused', { title: 'Scheduled syncs are paused' }, 'paused') : null,
        healthTag(card.health))),
    h('dl.stats',
      stat('Last sync', ago(card.lastSyncAt), 'last-sync', when(card.lastSyncAt)),
      stat('Next sync', paused ? 'paused' : ago(card.nextSyncAt), 'next-sync', when(card.nextSyncAt)),
      stat('Products synced', number(card.stats?.productsSynced), 'products'),
      stat('Orders today', number(card.stats?.ordersToday), 'orders-today'),
      listings === undefined ? null : stat('Listings not healthy', number(listings), 'listings-not-healthy',
        listings === 0 ? 'Every listing is healthy' : 'Listings inactive, suppressed or incomplete on the marketplace')),
    progress(cycle),
    card.status === 'rate_limited' && card.rateLimitedUntil
      ? h('p.note', `Throttled by the marketplace; the adapter retries ${ago(card.rateLimitedUntil)}.`) : null,
    card.status === 'error' ? diagnostics(card.error) : null,
    h('div.actions', { role: 'group', 'aria-label': `Actions for ${card.label || card.marketplace}` },
      actions.map(([label, key, run, extra]) => h(`button${extra?.danger ? '.danger' : ''}`,
        { type: 'button', dataset: { action: key }, onclick: (event) => run(event.currentTarget) }, label)),
      h('a.button', { href: `#/connections/${card.id}`, dataset: { action: 'edit' } }, 'Edit settings')),
  ];
}

export function connectionsPage(main, { onLeave }) {
  let marketplaces = [];
  let timer = null;
  let left = false;
  const cards = new Map();
  const list = h('div.groups', { 'aria-live': 'off' });
  const status = h('p.loading', { role: 'status' }, 'Loading connections…');
  clear(main,
    h('div.page-head', h('div', h('h1', 'Connections'),
      h('p.lead', 'Manage marketplace integrations, sync schedules, and credential health.')),
    h('a.button.primary', { href: '#/connections/new', dataset: { action: 'add' } }, 'Add Connection')),
    status, list);
  onLeave(() => {
    left = true;
    clearTimeout(timer);
  });

  async function busy(button, work) {
    button.disabled = true;
    try {
      await work();
    } catch (error) {
      toast(typeof error.describe === 'function' ? error.describe() : error.message, 'error');
    } finally {
      button.disabled = false;
    }
  }

  function actionsOf(card) {
    const name = card.label || card.marketplace;
    return [
      ['Sync Now', 'sync-now', (b) => busy(b, async () => {
        await api.syncNow(card.id);
        toast(`Sync requested for ${name}; its progress shows on the card.`);
        schedule(FAST_MS);
      })],
      ['Edit Credentials', 'edit-credentials', () => editCredentials(card)],
      ['Reconnect', 'reconnect', (b) => busy(b, async () => {
        const result = await api.reconnect(card.id);
        await dialog(`Reconnect ${name}`, testResult(result), [{ label: 'Close', value: 'close', primary: true }]);
        refresh();
      })],
      ['View Sync Log', 'view-sync-log', () => dialog(`Sync history · ${name}`, historyPanel(card.id).element,
        [{ label: 'Close', value: 'close', primary: true }])],
      card.state === 'paused'
        ? ['Resume', 'resume', (b) => busy(b, async () => { upsert(await api.resume(card.id)); toast(`${name} resumed.`); })]
        : ['Pause', 'pause', (b) => busy(b, async () => { upsert(await api.pause(card.id)); toast(`${name} paused: no scheduled syncs until you resume.`); })],
      ['Remove', 'remove', (b) => busy(b, () => remove(card)), { danger: true }],
    ];
  }

  async function remove(card) {
    const name = card.label || card.marketplace;
    const answer = await dialog(`Remove ${name}?`, [
      h('p', `The connection to ${card.accountName || card.accountId || name} is removed and its syncs stop.`),
      h('p.strong', 'Synced data is kept: products, orders and inventory already imported stay, and so does the sync history.')],
    [{ label: 'Cancel', value: 'cancel' }, { label: 'Remove connection', value: 'remove', danger: true }]);
    if (answer !== 'remove') return;
    await api.remove(card.id);
    toast(`${name} removed; its synced data is kept.`);
    cards.get(card.id)?.element.remove();
    cards.delete(card.id);
    refresh();
  }

  function editCredentials(card) {
    const marketplace = marketplaces.find((m) => m.id === card.marketplace);
    if (!marketplace) return;
    const form = credentialForm(marketplace, { properties: card.properties, credentials: card.credentials });
    const result = h('div.form-result');
    const d = h('dialog.modal', { 'aria-labelledby': 'cred-title' });
    const formEl = h('form', {
      onsubmit: async (event) => {
        event.preventDefault();
        clearFieldErrors(formEl);
        clear(result);
        try {
          upsert(await api.credentials(card.id, form.values()));
          d.close();
          toast('Credentials replaced and sealed; the next sync uses them.');
        } catch (error) {
          showFormError(formEl, result, error, 'fields.');
        }
      },
      novalidate: true,
    }, h('h2#cred-title', `Edit credentials · ${card.label || marketplace.name}`),
    h('p.muted', 'Stored secrets are never shown, only masked: enter every secret again. The whole form replaces the stored one.'),
    form.fieldset, result,
    h('menu.buttons', h('button', { type: 'button', dataset: { action: 'cancel' }, onclick: () => d.close() }, 'Cancel'),
      h('button.primary', { type: 'submit', dataset: { action: 'save-credentials' } }, 'Save credentials')));
    d.append(formEl);
    d.addEventListener('close', () => d.remove());
    document.body.append(d);
    d.showModal();
  }

  function upsert(card, cycle) {
    const marketplace = marketplaces.find((m) => m.id === card.marketplace);
    let group = list.querySelector(`[data-group="${CSS.escape(card.marketplace)}"]`);
    if (!group) {
      group = h('section.group', { dataset: { group: card.marketplace }, 'aria-label': marketplace?.name || card.marketplace },
        h('h2.group-title', logo(card.marketplace, marketplace?.name), marketplace?.name || card.marketplace),
        h('div.cards'));
      const order = marketplaces.map((m) => m.id);
      const after = [...list.children].find((g) => order.indexOf(g.dataset.group) > order.indexOf(card.marketplace));
      list.insertBefore(group, after || null);
    }
    const signature = JSON.stringify([card, cycle?.status === 'running' ? cycle : null, Math.floor(Date.now() / 30000)]);
    const known = cards.get(card.id);
    if (known && known.signature === signature) return;
    const element = known?.element || h('article.card', { dataset: { id: card.id, marketplace: card.marketplace } });
    element.dataset.status = card.status;
    element.dataset.state = card.state;
    const focused = element.contains(document.activeElement) ? document.activeElement.dataset.action : null;
    clear(element, cardBody(card, cycle, marketplace, actionsOf(card)));
    const swapped = { pause: 'resume', resume: 'pause' }[focused] || focused;
    if (focused) element.querySelector(`[data-action="${swapped}"]`)?.focus();
    if (!known) group.querySelector('.cards').append(element);
    cards.set(card.id, { element, signature, cycle: cycle ?? known?.cycle });
  }

  function schedule(ms) {
    clearTimeout(timer);
    if (!left) timer = setTimeout(refresh, ms);
  }

  async function refresh() {
    if (left) return;
    if (document.hidden) {
      schedule(SLOW_MS);
      return;
    }
    try {
      const all = await api.connections();
      const newest = await Promise.all(all.map((card) => api.history(card.id, { size: 1 })
        .then((page) => page.items[0] || null).catch(() => null)));
      if (left) return;
      status.remove();
      all.forEach((card, i) => upsert(card, newest[i]));
      for (const [id, known] of cards) {
        if (!all.some((card) => card.id === id)) {
          known.element.remove();
          cards.delete(id);
        }
      }
      list.querySelectorAll('.group').forEach((g) => { if (!g.querySelector('.card')) g.remove(); });
      if (!all.length) {
        clear(list, h('div.empty-state', h('h2', 'No connections yet'),
          h('p', 'Connect your first marketplace account: choose the marketplace, enter its credentials, test and save.'),
          h('a.button.primary', { href: '#/connections/new' }, 'Add your first connection')));
      } else {
        list.querySelector('.empty-state')?.remove();
      }
      const syncing = newest.some((cycle) => cycle?.status === 'running') || all.some((c) => c.status === 'pending');
      list.dataset.syncing = String(syncing);
      schedule(syncing ? FAST_MS : SLOW_MS);
    } catch (error) {
      if (left) return;
      cards.clear();
      clear(list, errorBox(error, () => { clear(list); refresh(); }));
      status.remove();
      schedule(SLOW_MS);
    }
  }

  api.marketplaces().then((all) => { marketplaces = all; }).catch(() => {}).finally(refresh);
}
