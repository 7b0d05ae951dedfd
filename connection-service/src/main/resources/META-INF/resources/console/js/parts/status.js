// Status badge, health and logo of a card: the product page's four statuses and three health levels.
import { h } from '../dom.js';

const STATUS_TEXT = {
  active: 'Credentials are valid and the adapter is syncing normally',
  error: 'Last sync attempt failed',
  rate_limited: 'The marketplace temporarily throttled requests; the adapter backs off automatically',
  pending: 'Connection was created but the first sync has not completed',
};

const HEALTH_TEXT = {
  healthy: 'Healthy: every recent sync succeeded',
  degraded: 'Degraded: intermittent failures in recent syncs',
  unhealthy: 'Unhealthy: consecutive failures',
  unknown: 'Health not judged yet: no finished sync',
};

/** The badge; in error its tooltip is the error message (the product page: hover the badge for the message). */
export function statusBadge(card) {
  const status = card.status || 'pending';
  const tip = status === 'error' && card.error
    ? [card.error.title, card.error.message].filter(Boolean).join(': ')
    : STATUS_TEXT[status] || status;
  return h(`span.badge.status-${status}`, { title: tip, dataset: { status } }, status);
}

export function healthTag(health) {
  const value = health || 'unknown';
  return h(`span.health.health-${value}`, { title: HEALTH_TEXT[value] || value, dataset: { health: value } },
    h('span.dot', { 'aria-hidden': 'true' }), value);
}

export function logo(marketplace, name) {
  return h(`span.logo.logo-${marketplace}`, { role: 'img', 'aria-label': `${name || marketplace} logo` },
    (name || marketplace).slice(0, 1).toUpperCase());
}

/**
 * The card's count of listings that are not healthy (inactive, suppressed or incomplete), when the API reports one:
 * `stats.unhealthyListings`, or another numeric quick-stat about listings; undefined otherwise, and then the card
 * shows nothing about it.
 */
export function listingHealthCount(stats) {
  if (typeof stats?.unhealthyListings === 'number') return stats.unhealthyListings;
  for (const [key, value] of Object.entries(stats || {})) {
    if (/listing/i.test(key) && typeof value === 'number') return value;
  }
  for (const [key, value] of Object.entries(stats || {})) {
    if (/listing/i.test(key) && value && typeof value === 'object') {
      const nested = Object.entries(value).find(([k, v]) => /not|unhealthy/i.test(k) && typeof v === 'number');
      if (nested) return nested[1];
    }
  }
  return undefined;
}

/** The error diagnostics of a card: title, message, cause and the product page's resolution. */
export function diagnostics(error) {
  if (!error) return null;
  return h('div.diagnostics', { role: 'note' },
    h('p.error-title', error.title || error.code),
    error.message ? h('p.error-message', error.message) : null,
    error.cause ? h('p.error-cause', h('span.k', 'Cause: '), error.cause) : null,
    error.resolution ? h('p.resolution', h('span.k', 'Resolution: '), error.resolution) : null);
}
