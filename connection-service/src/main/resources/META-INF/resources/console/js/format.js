// How times, durations and counts read on the page. Presentation only: every value comes from the API as it is.

const absolute = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const count = new Intl.NumberFormat();

export function when(iso) {
  if (!iso) return '—';
  return absolute.format(new Date(iso));
}

/** "3 minutes ago", "in 2 hours": what a card shows next to the exact time (the exact time is the tooltip). */
export function ago(iso, now = Date.now()) {
  if (!iso) return 'never';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const steps = [[60, 'second'], [60, 'minute'], [24, 'hour'], [7, 'day'], [Infinity, 'week']];
  let value = seconds;
  for (const [size, unit] of steps) {
    if (Math.abs(value) < size) return relative.format(Math.round(value), unit);
    value /= size;
  }
  return when(iso);
}

export function duration(ms) {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s % 60)} s`;
}

export function number(n) {
  return n === null || n === undefined ? '—' : count.format(n);
}

const UNITS = { D: 86400, H: 3600, M: 60, S: 1 };

/** ISO-8601 duration (PT1M, P90D, PT168H) → seconds; null when it does not read. */
export function isoSeconds(iso) {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso || '');
  if (!m) return null;
  return (+m[1] || 0) * UNITS.D + (+m[2] || 0) * UNITS.H + (+m[3] || 0) * UNITS.M + (+m[4] || 0);
}

/** Seconds → the largest of {units} that divides them evenly: [amount, unit]. */
export function splitSeconds(seconds, units) {
  for (const unit of units) {
    if (seconds % UNITS[unit] === 0) return [seconds / UNITS[unit], unit];
  }
  const smallest = units[units.length - 1];
  return [Math.round(seconds / UNITS[smallest]), smallest];
}

export function toIso(amount, unit) {
  return unit === 'D' ? `P${amount}D` : `PT${amount}${unit}`;
}

export const UNIT_NAMES = { D: 'days', H: 'hours', M: 'minutes', S: 'seconds' };

export function humanDuration(iso) {
  const seconds = isoSeconds(iso);
  if (seconds === null) return iso || '—';
  const [amount, unit] = splitSeconds(seconds, ['D', 'H', 'M', 'S']);
  return `${amount} ${UNIT_NAMES[unit].replace(/s$/, amount === 1 ? '' : 's')}`;
}

export const INTERVALS = [['15m', '15 minutes'], ['1h', '1 hour'], ['4h', '4 hours'], ['daily', 'daily']];
export const LOOKBACKS = [['7d', '7 days'], ['30d', '30 days'], ['90d', '90 days'], ['1y', '1 year']];

export function intervalName(value) {
  return (INTERVALS.find(([v]) => v === value) || [value, value])[1];
}
