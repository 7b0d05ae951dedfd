// What Test Connection (and Reconnect) shows: the verdict lines of the product page, or the classified error with
// its resolution.
import { h } from '../dom.js';
import { diagnostics } from './status.js';

export function testResult(result) {
  if (result.valid) {
    return h('div.test-result.valid', { role: 'status', dataset: { valid: 'true' } },
      (result.message || 'Connection valid').split('\n').map((line) => h('p', line)));
  }
  return h('div.test-result.invalid', { role: 'alert', dataset: { valid: 'false', code: result.error?.code || '' } },
    h('p.verdict', 'Connection test failed'),
    diagnostics(result.error || { title: result.message }));
}
