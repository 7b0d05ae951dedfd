// The sync history (View Sync Log): newest cycle first, paged, filtered by status and start date; each row shows
// duration and counts, and a failed or partial cycle expands to the marketplace's raw error response.
import { api } from '../api.js';
import { clear, errorBox, h } from '../dom.js';
import { duration, number, when } from '../format.js';
import { field, select } from './fields.js';

const STATUSES = [['', 'any status'], ['running', 'running'], ['success', 'success'], ['partial', 'partial'], ['failed', 'failed']];

function dayStart(value) {
  return value ? new Date(`${value}T00:00:00`).toISOString() : null;
}

function errorRow(cycle, columns) {
  const e = cycle.error;
  return h('tr.error-details', { hidden: true },
    h('td', { colSpan: columns },
      h('dl',
        h('dt', 'Error'), h('dd', [e.title, e.code ? `(${e.code})` : null].filter(Boolean).join(' ') || '—'),
        h('dt', 'Message'), h('dd', e.message || '—'),
        e.httpStatus ? [h('dt', 'HTTP status'), h('dd', String(e.httpStatus))] : null,
        e.requestId ? [h('dt', 'Request id'), h('dd', e.requestId)] : null),
      h('p.k', 'Raw response from the marketplace API:'),
      h('pre.raw', e.rawResponse || '(the marketplace sent no body)')));
}

function rows(items) {
  const columns = 9;
  return items.flatMap((cycle) => {
    const details = cycle.error ? errorRow(cycle, columns) : null;
    const toggle = details ? h('button.link', {
      type: 'button', 'aria-expanded': 'false',
      onclick: (event) => {
        const open = details.hidden;
        details.hidden = !open;
        event.currentTarget.setAttribute('aria-expanded', String(open));
        event.currentTarget.textContent = open ? 'Hide error' : 'Show error';
      },
    }, 'Show error') : '';
    const c = cycle.counts || {};
    return [h('tr', { dataset: { syncId: cycle.syncId, status: cycle.status } },
      h('td', when(cycle.startedAt)),
      h('td', when(cycle.finishedAt)),
      h('td.num', duration(cycle.durationMs)),
      h('td', cycle.trigger || '—', cycle.attempt > 1 ? ` (attempt ${cycle.attempt})` : ''),
      h('td', h(`span.badge.cycle-${cycle.status}`, cycle.status)),
      h('td.num', number(c.products)),
      h('td.num', number(c.orders)),
      h('td.num', number(c.inventory)),
      h('td', toggle)), details].filter(Boolean);
  });
}

/** The history panel of one connection; refresh() reloads the current page (used while a sync runs). */
export function historyPanel(connectionId, { size = 10 } = {}) {
  const state = { page: 0, status: '', from: '', to: '' };
  const status = select(STATUSES, { value: '' });
  const from = h('input', { type: 'date' });
  const to = h('input', { type: 'date' });
  const body = h('div.history-body', h('p.loading', { role: 'status' }, 'Loading the sync history…'));
  const filters = h('form.filters', {
    onsubmit: (event) => {
      event.preventDefault();
      Object.assign(state, { page: 0, status: status.value, from: from.value, to: to.value });
      load();
    },
  }, field('status', 'Status', status), field('from', 'Started from', from), field('to', 'Started before', to),
  h('div.filter-actions', h('button', { type: 'submit' }, 'Filter')));

  async function load() {
    const query = { page: state.page, size };
    if (state.status) query.status = state.status;
    if (state.from) query.from = dayStart(state.from);
    if (state.to) query.to = dayStart(state.to);
    try {
      const page = await api.history(connectionId, query);
      render(page);
    } catch (error) {
      clear(body, errorBox(error, load));
    }
  }

  function render(page) {
    const filtered = state.status || state.from || state.to;
    if (!page.items.length) {
      clear(body, h('p.empty', filtered ? 'No sync cycle matches these filters.'
        : 'No sync cycle yet. The first sync starts on its own shortly after the connection is saved; Sync Now starts one at once.'));
      return;
    }
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    clear(body,
      h('div.table-wrap', h('table.history', { dataset: { total: String(page.total) } },
        h('caption.sr-only', 'Sync cycles, newest first'),
        h('thead', h('tr', ['Started', 'Finished', 'Duration', 'Trigger', 'Status', 'Products', 'Orders', 'Inventory', 'Error']
          .map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', rows(page.items)))),
      h('nav.pager', { 'aria-label': 'Sync history pages' },
        h('button', { type: 'button', disabled: page.page === 0, onclick: () => { state.page -= 1; load(); } }, '← Newer'),
        h('span', `Page ${page.page + 1} of ${pages} · ${number(page.total)} cycles`),
        h('button', { type: 'button', disabled: page.page + 1 >= pages, onclick: () => { state.page += 1; load(); } }, 'Older →')));
  }

  load();
  return { element: h('section.history-panel', filters, body), refresh: load };
}
