// The formatters of our pages' shared shell (webjars/camunda/app/shared/common.js), run in node:
//   node --test src/test/js/
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const source = fs.readFileSync(path.join(__dirname,
  '../../main/resources/META-INF/resources/webjars/camunda/app/shared/common.js'), 'utf8');

function load(storedLanguage) {
  const window = {};
  const document = { querySelector: () => null, cookie: '' };
  const localStorage = { getItem: () => storedLanguage, setItem: () => {} };
  new Function('window', 'document', 'localStorage', source)(window, document, localStorage);
  return window.DT;
}

const DT = load(null);

test('dates read dd/mm/yyyy, whatever the browser', () => {
  assert.strictEqual(DT.date('2024-01-31'), '31/01/2024');
  assert.strictEqual(DT.date(null), '');
});

test('times are Hà Nội times (UTC+7), also across midnight and the year', () => {
  assert.strictEqual(DT.dateTime('2024-12-31T17:30:00Z'), '01/01/2025 00:30');
  assert.strictEqual(DT.dateTime('2024-06-15T03:05:00Z'), '15/06/2024 10:05');
});

test('typed dates are read day first, and impossible ones refused', () => {
  assert.strictEqual(DT.parseDate('31/12/2026'), '2026-12-31');
  assert.strictEqual(DT.parseDate(' 1/2/2027 '), '2027-02-01');
  assert.strictEqual(DT.parseDate('31/02/2027'), null);
  assert.strictEqual(DT.parseDate('2027-02-01'), null);
  assert.strictEqual(DT.parseDate('12/31/2026'), null);
});

test('Vietnamese unless the user chose English', () => {
  assert.strictEqual(DT.lang, 'vi');
  assert.strictEqual(DT.t({ vi: 'Quá hạn', en: 'Overdue' }), 'Quá hạn');
  assert.strictEqual(load('en').t({ vi: 'Quá hạn', en: 'Overdue' }), 'Overdue');
});
