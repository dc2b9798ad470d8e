// The pure logic of the "Paste the notice" block of forms/issue-directive.html, run in node:
//   node --test src/test/js/
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const html = fs.readFileSync(path.join(__dirname, '../../../forms/issue-directive.html'), 'utf8');
const logic = html.slice(html.indexOf('// BEGIN DRAFT LOGIC'), html.indexOf('// END DRAFT LOGIC'));
const D = new Function(logic + '\nreturn NoticeDraft;')();

const draft = { tasks: [
  { key: 'T01', title: 'Hoàn thiện dự thảo Nghị định', domain: 'CIVIL_STATUS', leadUnits: ['MOJ'],
    leadUnitsAsWritten: ['Bộ Tư pháp'], coordinatingUnits: ['MPS', 'VPCP'], deadline: '2024-03-31',
    deadlineAsWritten: 'hoàn thành trong quý I/2024', keyTask: false, source: 'Giao Bộ Tư pháp chủ trì …', confidence: 0.95 },
  { key: 'T02', title: 'Rà soát thủ tục', domain: 'ADMIN_REFORM', leadUnits: [],
    leadUnitsAsWritten: ['Các bộ, ngành, địa phương'], coordinatingUnits: [], deadline: null, deadlineAsWritten: null,
    keyTask: true, source: 'Các bộ, ngành, địa phương …', confidence: 0.2 }],
  unresolved: [{ source: 'Ủy ban nhân dân các huyện …', why: 'cấp huyện' }] };

test('each drafted task becomes a row the issuer can edit, its lead named', () => {
  const rows = D.rows(draft);
  assert.strictEqual(rows.length, 2);
  assert.deepStrictEqual(Object.assign({}, rows[0], { draft: undefined }), { key: 'T01',
    title: 'Hoàn thiện dự thảo Nghị định', description: 'Giao Bộ Tư pháp chủ trì …', domain: 'CIVIL_STATUS',
    province: '', leadUnit: 'MOJ', coordinatingUnits: 'MPS;VPCP', deadlineMode: 'date', deadline: '31/03/2024',
    deadlineWorkingDays: '', keyTask: false, expectedResult: '', draft: undefined });
  assert.strictEqual(rows[0].draft.low, false);
  assert.strictEqual(rows[0].draft.leadAsWritten, 'Bộ Tư pháp');
});

test('a row without a lead or of low confidence is marked for checking', () => {
  const row = D.rows(draft)[1];
  assert.strictEqual(row.leadUnit, '');
  assert.strictEqual(row.deadline, '');
  assert.strictEqual(row.keyTask, true);
  assert.strictEqual(row.draft.low, true);
  const unsure = D.rows({ tasks: [Object.assign({}, draft.tasks[0], { confidence: 0.55 })] })[0];
  assert.strictEqual(unsure.draft.low, true);
});

test('the summary counts tasks, rows to check and sentences not read, in both languages', () => {
  assert.strictEqual(D.summary(draft), '2 nhiệm vụ, 1 cần kiểm tra, 1 câu chưa đọc được / 2 tasks, 1 to check, '
    + '1 sentences not read');
});

test('only .txt and .docx files are read', () => {
  assert.strictEqual(D.fileType('Thong-bao.DOCX'), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  assert.strictEqual(D.fileType('tb.txt'), 'text/plain; charset=utf-8');
  assert.strictEqual(D.fileType('tb.pdf'), null);
});

test('the request names the issuer and issue date; a refusal shows its reasons', () => {
  assert.strictEqual(D.url('/camunda', { issuer: 'P06WG', issuedOn: '2024-01-10' }),
    '/camunda/forms-api/directives/drafts?issuer=P06WG&issuedOn=2024-01-10');
  assert.strictEqual(D.problem({ detail: '1 invalid field', errors: [{ field: 'text', message: 'trống / empty' }] }),
    '1 invalid field — trống / empty');
  assert.match(D.problem(null), /could not be read/);
});
