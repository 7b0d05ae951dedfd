// First connection: choose a marketplace → its credential form → Test Connection → Save → the first sync's progress.
import { api } from '../api.js';
import { clear, errorBox, h } from '../dom.js';
import { number } from '../format.js';
import { credentialForm } from '../parts/credential-form.js';
import { clearFieldErrors, field, showFormError } from '../parts/fields.js';
import { logo, statusBadge } from '../parts/status.js';
import { testResult } from '../parts/test-result.js';

const POLL_MS = 2000;

export function newConnectionPage(main, { onLeave, params }) {
  let left = false;
  let timer = null;
  onLeave(() => {
    left = true;
    clearTimeout(timer);
  });
  const body = h('div', h('p.loading', { role: 'status' }, 'Loading marketplaces…'));
  clear(main, h('div.page-head', h('div', h('h1', 'Add Connection'),
    h('p.lead', 'Authenticate and connect a marketplace account. Test the credentials before saving.')),
  h('a.button', { href: '#/connections' }, 'Back to Connections')), body);

  api.marketplaces().then((all) => {
    const chosen = all.find((m) => m.id === params.marketplace);
    if (chosen) showForm(chosen);
    else showGrid(all);
  }).catch((error) => clear(body, errorBox(error, () => newConnectionPage(main, { onLeave, params }))));

  function showGrid(all) {
    clear(body, h('section', { 'aria-labelledby': 'grid-title' },
      h('h2#grid-title', 'Select a marketplace'),
      h('ul.marketplace-grid', all.map((m) => h('li', h('a.tile', { href: `#/connections/new/${m.id}`, dataset: { marketplace: m.id } },
        logo(m.id, m.name), h('span', m.name)))))));
    body.querySelector('.tile')?.focus();
  }

  function showForm(marketplace) {
    const credentials = credentialForm(marketplace);
    const label = h('input', { type: 'text', maxLength: 200, placeholder: `e.g. ${marketplace.name} US store` });
    const description = h('input', { type: 'text', maxLength: 1000, placeholder: 'what tells this account apart (optional)' });
    const result = h('div.form-result', { 'aria-live': 'polite' });
    const testButton = h('button', { type: 'button', dataset: { action: 'test' } }, 'Test Connection');
    const saveButton = h('button.primary', { type: 'submit', dataset: { action: 'save' } }, 'Save');
    const form = h('form.connection-form', { novalidate: true, onsubmit: (event) => { event.preventDefault(); save(); } },
      h('fieldset', h('legend', 'Connection'),
        field('label', 'Label', label, { hint: 'how the card is titled' }),
        field('description', 'Description', description)),
      credentials.fieldset,
      h('p.muted', 'Test Connection makes one lightweight call to the marketplace with these credentials; nothing is saved.'),
      result,
      h('div.buttons', testButton, saveButton, h('a.button', { href: '#/connections/new' }, 'Choose another marketplace')));
    testButton.addEventListener('click', test);
    clear(body, h('section.form-page', h('h2', logo(marketplace.id, marketplace.name), ` ${marketplace.name}`), form));
    label.focus();

    // credential fields come back as "fields.<name>", label and description by their own name
    const report = (error) => showFormError(form, result, error, 'fields.');

    async function test() {
      clearFieldErrors(form);
      clear(result, h('p.loading', { role: 'status' }, `Testing the connection with ${marketplace.name}…`));
      testButton.disabled = true;
      try {
        clear(result, testResult(await api.testForm(marketplace.id, credentials.values())));
      } catch (error) {
        report(error);
      } finally {
        testButton.disabled = false;
      }
    }

    async function save() {
      clearFieldErrors(form);
      clear(result, h('p.loading', { role: 'status' }, 'Saving…'));
      saveButton.disabled = true;
      try {
        const body = { marketplace: marketplace.id, fields: credentials.values() };
        if (label.value.trim()) body.label = label.value.trim();
        if (description.value.trim()) body.description = description.value.trim();
        const card = await api.create(body);
        firstSync(card, marketplace);
      } catch (error) {
        report(error);
        saveButton.disabled = false;
      }
    }
  }

  function firstSync(card, marketplace) {
    const panel = h('div.first-sync', { role: 'status', 'aria-live': 'polite' });
    clear(body, h('section', h('h2', logo(marketplace.id, marketplace.name), ` ${card.label || marketplace.name} is saved`),
      h('p', 'The first sync starts on its own in a moment: products, orders and inventory are imported.'),
      panel, h('div.buttons', h('a.button.primary', { href: '#/connections', dataset: { action: 'done' } }, 'Go to Connections'),
        h('a.button', { href: `#/connections/${card.id}` }, 'Connection details'))));
    // Test Connection on the stored credentials: confirms what was saved and records the seller name, which
    // becomes the card's account identifier
    const stored = h('div.stored-test', { 'aria-live': 'polite' }, h('p.loading', 'Checking the stored credentials…'));
    panel.before(stored);
    api.testSaved(card.id).then((verdict) => clear(stored, testResult(verdict)))
      .catch((error) => clear(stored, errorBox(error)));
    const poll = async () => {
      if (left) return;
      try {
        const [now, page] = await Promise.all([api.connection(card.id), api.history(card.id, { size: 1 })]);
        if (left) return;
        const cycle = page.items[0];
        const c = cycle?.counts || {};
        const done = cycle && cycle.status !== 'running';
        clear(panel,
          h('p', statusBadge(now), ' ', !cycle ? 'Waiting for the first sync to start…'
            : done ? `First sync ${cycle.status}.` : 'First sync running…'),
          cycle && !done ? h('progress', { 'aria-label': 'First sync in progress' }) : null,
          cycle ? h('dl.stats',
            h('div.stat', h('dt', 'Products'), h('dd', { dataset: { count: 'products' } }, number(c.products))),
            h('div.stat', h('dt', 'Orders'), h('dd', { dataset: { count: 'orders' } }, number(c.orders))),
            h('div.stat', h('dt', 'Inventory records'), h('dd', { dataset: { count: 'inventory' } }, number(c.inventory)))) : null,
          cycle?.error ? h('p.problem', `${cycle.error.title || cycle.error.code}: ${cycle.error.message || ''}`) : null);
        if (!done || now.status === 'pending') timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        clear(panel, errorBox(error));
        timer = setTimeout(poll, POLL_MS * 3);
      }
    };
    poll();
  }
}
