// Form fields with their label, hint, required mark and an error slot the API's field errors go into.
import { clear, errorBox, h } from '../dom.js';

let counter = 0;

/**
 * One labelled field. {control} is the input/select/textarea; the error slot is announced with the field
 * (aria-describedby) so the message the API gave sits next to the field it is about.
 */
export function field(name, label, control, { hint, required, wide } = {}) {
  const id = control.id || `f-${name.replace(/[^a-z0-9]/gi, '-')}-${++counter}`;
  control.id = id;
  control.name = name;
  const hintEl = hint ? h('small.hint', { id: `${id}-hint` }, hint) : null;
  const errorEl = h('small.field-error', { id: `${id}-error`, dataset: { errorFor: name }, hidden: true });
  control.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' '));
  if (required) {
    control.setAttribute('aria-required', 'true');
  }
  return h(`div.field${wide ? '.wide' : ''}`, { dataset: { field: name } },
    h('label', { for: id }, label, required ? h('abbr.required', { title: 'required' }, ' *') : null),
    control, hintEl, errorEl);
}

export function select(options, { value, empty, multiple } = {}) {
  const el = h('select', { multiple },
    empty !== undefined ? h('option', { value: '' }, empty) : null,
    options.map(([v, text]) => h('option', { value: v }, text ?? v)));
  const chosen = Array.isArray(value) ? value : [value];
  for (const option of el.options) {
    option.selected = chosen.includes(option.value) && option.value !== '';
  }
  return el;
}

/** Shows the API's field errors next to their fields; returns those no field of this form took. */
export function showFieldErrors(form, errors, prefix = '') {
  clearFieldErrors(form);
  const left = [];
  let first = null;
  for (const error of errors) {
    const name = prefix && error.field.startsWith(prefix) ? error.field.slice(prefix.length) : error.field;
    const slot = form.querySelector(`[data-error-for="${CSS.escape(name)}"]`);
    if (!slot) {
      left.push(error);
      continue;
    }
    slot.hidden = false;
    slot.textContent = slot.textContent ? `${slot.textContent}; ${error.message}` : error.message;
    const control = form.querySelector(`[data-field="${CSS.escape(name)}"] :is(input, select, textarea)`);
    control?.setAttribute('aria-invalid', 'true');
    first = first || control;
  }
  first?.focus();
  return left;
}

export function clearFieldErrors(form) {
  form.querySelectorAll('[data-error-for]').forEach((slot) => {
    slot.hidden = true;
    slot.textContent = '';
  });
  form.querySelectorAll('[aria-invalid]').forEach((el) => el.removeAttribute('aria-invalid'));
}

/**
 * A refused form: the API's field errors next to their fields, and in {result} what no field took (or, when there
 * were no field errors, the problem itself with what to do).
 */
export function showFormError(form, result, error, prefix = '') {
  const rest = showFieldErrors(form, error.fieldErrors || [], prefix);
  if (rest.length) {
    clear(result, errorBox({ message: rest.map((e) => `${e.field}: ${e.message}`).join('; ') }));
  } else if (error.fieldErrors?.length) {
    clear(result, h('p.problem', { role: 'alert' }, 'Some fields need a change: see the messages next to them.'));
  } else {
    clear(result, errorBox(error));
  }
}
