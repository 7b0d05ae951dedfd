// The credential form of a marketplace, generated from /api/marketplaces: labels, hints, required marks, allowed
// values, secrets masked. Secrets are never filled in: an edit shows the API's masked value as a placeholder only.
import { h } from '../dom.js';
import { field, select } from './fields.js';

function control(spec, masked, property) {
  if (spec.allowedValues && spec.allowedValues.length) {
    const current = property ? property.split(',').map((v) => v.trim()) : [];
    if (spec.list) {
      const el = select(spec.allowedValues.map((v) => [v, v]), { value: current, multiple: true });
      el.size = Math.min(6, spec.allowedValues.length);
      return el;
    }
    return select(spec.allowedValues.map((v) => [v, v]), { value: current[0], empty: spec.required ? 'Choose…' : '(default)' });
  }
  const multiline = /PEM/i.test(`${spec.label} ${spec.hint || ''}`);
  if (spec.secret) {
    const placeholder = masked ? `${masked} (stored; enter again to change)` : '';
    return multiline
      ? h('textarea.masked', { rows: 4, autocomplete: 'off', spellcheck: false, placeholder })
      : h('input', { type: 'password', autocomplete: 'new-password', spellcheck: false, placeholder });
  }
  return multiline
    ? h('textarea', { rows: 4, spellcheck: false, value: property || '' })
    : h('input', { type: 'text', autocomplete: 'off', spellcheck: false, value: property || '' });
}

/** The fieldset and a function that reads the values (empty optional fields left out). */
export function credentialForm(marketplace, { properties = {}, credentials = {} } = {}) {
  const controls = new Map();
  const fields = marketplace.fields.map((spec) => {
    const el = control(spec, credentials[spec.name], properties[spec.name]);
    controls.set(spec.name, { el, spec });
    const hint = [spec.hint, spec.list ? 'choose one or more (Ctrl/Cmd+click, or Space)' : null,
      spec.secret ? 'secret: stored sealed, shown masked only' : null].filter(Boolean).join(' · ');
    return field(spec.name, spec.label, el, { hint, required: spec.required, wide: el.tagName === 'TEXTAREA' });
  });
  const fieldset = h('fieldset.credentials', h('legend', `${marketplace.name} credentials`), fields);
  const values = () => {
    const out = {};
    for (const [name, { el, spec }] of controls) {
      const value = el.multiple ? [...el.selectedOptions].map((o) => o.value).join(',') : el.value.trim();
      if (value !== '' || spec.required) out[name] = value;
    }
    return out;
  };
  return { fieldset, values };
}
