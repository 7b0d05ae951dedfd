// Building the page from data without innerHTML: every value is set as text or as a property, so nothing an API or a
// marketplace returns can become markup or script.

/** h('button.primary#save', {type: 'button', onclick: f}, 'Save', child, ...) */
export function h(tag, props, ...children) {
  const [, name = 'div', rest = ''] = /^([a-z0-9-]*)(.*)$/i.exec(tag);
  const el = document.createElement(name || 'div');
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  if (props && (typeof props !== 'object' || props instanceof Node || Array.isArray(props))) {
    children.unshift(props);
    props = null;
  }
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') String(value).split(/\s+/).filter(Boolean).forEach((c) => el.classList.add(c));
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key in el && !key.includes('-') && key !== 'list' && key !== 'form') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A short message that goes away by itself; also read out by screen readers. */
export function toast(text, kind = 'info') {
  const box = document.getElementById('toasts');
  const item = h(`div.toast.${kind}`, text);
  box.append(item);
  setTimeout(() => item.remove(), 6000);
}

/** A modal dialog (the native <dialog>: focus stays inside, Esc closes). Resolves with the button's value. */
export function dialog(title, body, buttons) {
  return new Promise((resolve) => {
    const d = h('dialog.modal', { 'aria-labelledby': 'dialog-title' },
      h('form', { method: 'dialog' },
        h('h2#dialog-title', title),
        h('div.dialog-body', body),
        h('menu.buttons', buttons.map((b) => h(`button${b.primary ? '.primary' : ''}${b.danger ? '.danger' : ''}`,
          { value: b.value, type: 'submit', dataset: { action: b.value } }, b.label)))));
    d.addEventListener('close', () => {
      d.remove();
      resolve(d.returnValue || 'cancel');
    });
    document.body.append(d);
    d.showModal();
  });
}

export function errorBox(error, retry) {
  const text = typeof error?.describe === 'function' ? error.describe() : String(error?.message || error);
  return h('div.problem', { role: 'alert' }, h('p', text),
    retry ? h('button', { type: 'button', onclick: retry }, 'Try again') : null);
}
