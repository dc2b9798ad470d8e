// The pure logic of forms/issue-directive.html, run in node without a browser:
//   node --test src/test/js/
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const html = fs.readFileSync(path.join(__dirname, '../../../forms/issue-directive.html'), 'utf8');
const logic = html.slice(html.indexOf('// BEGIN LOGIC'), html.indexOf('// END LOGIC'));
const F = new Function(logic + '\nreturn DirectiveForm;')();

test('a row becomes the task of POST /api/directives', () => {
  const row = Object.assign(F.emptyRow(0), { title: ' Cấp căn cước ', domain: 'identification',
    coordinatingUnits: 'mps; VSS;', deadline: '2025-01-31', keyTask: true });
  const request = F.toRequest({ reference: '06/TB', issuedOn: '2025-01-20', issuer: 'p06wg', title: 'Kết luận' }, [row]);
  assert.deepStrictEqual(request, { reference: '06/TB', issuedOn: '2025-01-20', issuer: 'P06WG', title: 'Kết luận',
    tasks: [{ key: 'T01', title: 'Cấp căn cước', description: null, domain: 'IDENTIFICATION', province: null,
      leadUnit: null, leadUnits: null, coordinatingUnits: ['mps', 'VSS'], deadline: '2025-01-31', deadlineWorkingDays: null,
      keyTask: true, expectedResult: null }] });
});

test('units go as written: one lead, several leads, names with commas', () => {
  const one = F.toRequest({}, [Object.assign(F.emptyRow(0), { leadUnit: ' Bộ Lao động - Thương binh và Xã hội ',
    coordinatingUnits: 'Bộ Văn hóa, Thể thao và Du lịch; MPS' })]).tasks[0];
  assert.strictEqual(one.leadUnit, 'Bộ Lao động - Thương binh và Xã hội');
  assert.strictEqual(one.leadUnits, null);
  assert.deepStrictEqual(one.coordinatingUnits, ['Bộ Văn hóa, Thể thao và Du lịch', 'MPS']);
  const several = F.toRequest({}, [Object.assign(F.emptyRow(0), { leadUnit: 'Vinh Phuc; Phu Tho;' })]).tasks[0];
  assert.strictEqual(several.leadUnit, null);
  assert.deepStrictEqual(several.leadUnits, ['Vinh Phuc', 'Phu Tho']);
});

test('a deadline in working days sends the number, not the date', () => {
  const row = Object.assign(F.emptyRow(1), { title: 'x', domain: 'HEALTH', deadline: '2025-01-31',
    deadlineMode: 'workingDays', deadlineWorkingDays: '10' });
  const task = F.toRequest({}, [row]).tasks[0];
  assert.strictEqual(task.key, 'T02');
  assert.strictEqual(task.deadline, null);
  assert.strictEqual(task.deadlineWorkingDays, 10);
});

test('the decision gets the inputs the task process gives it', () => {
  const national = F.decisionInputs({ domain: 'health', province: '' }, 'P06WG').variables;
  assert.strictEqual(national.issuerLevel.value, 'NATIONAL');
  assert.strictEqual(national.province.type, 'Null');
  const provincial = F.decisionInputs({ domain: 'HEALTH', province: '' }, 'HAIPHONGWG').variables;
  assert.strictEqual(provincial.issuerLevel.value, 'PROVINCIAL');
  assert.strictEqual(provincial.province.value, 'HAIPHONG');
});

test('the lead shown: the override, the decision, or a warning', () => {
  assert.deepStrictEqual(F.leadShown({ domain: 'OTHER', leadUnit: ' EVN ' }, null), { unit: 'EVN', by: 'ISSUER' });
  assert.deepStrictEqual(F.leadShown({ domain: 'HEALTH', leadUnit: '' }, 'MOH'), { unit: 'MOH', by: 'DMN' });
  assert.deepStrictEqual(F.leadShown({ domain: 'OTHER', leadUnit: '' }, null), { unit: null, by: 'NONE' });
});

test('the form stops what it can see is incomplete', () => {
  const rows = [Object.assign(F.emptyRow(0), { title: 'a', domain: 'HEALTH' }),
    Object.assign(F.emptyRow(0), { title: '', domain: 'HEALTH', deadlineMode: 'workingDays', deadlineWorkingDays: '0' })];
  assert.deepStrictEqual(F.problems({ reference: 'x', issuedOn: '2025-01-01', issuer: 'P06WG', title: '' }, rows), [
    'title: bắt buộc / required',
    'task 2, title: bắt buộc / required',
    'task 2, key: trùng / duplicate T01',
    'task 2, deadlineWorkingDays: 1-365']);
  assert.deepStrictEqual(F.problems({ reference: 'x', issuedOn: 'y', issuer: 'P06WG', title: 't' }, []),
    ['tasks: thêm ít nhất một nhiệm vụ / add at least one task']);
});

test('a written deadline is previewed with the issue date, a blank one or a working-day count is not', () => {
  const row = Object.assign(F.emptyRow(0), { deadline: ' quý I/2024 ' });
  assert.deepStrictEqual(F.deadlineQuery(row, '2024-01-10'), { written: 'quý I/2024', issuedOn: '2024-01-10' });
  assert.strictEqual(F.deadlineQuery(row, ''), null);
  assert.strictEqual(F.deadlineQuery(Object.assign(F.emptyRow(0), { deadline: '  ' }), '2024-01-10'), null);
  assert.strictEqual(F.deadlineQuery(Object.assign(row, { deadlineMode: 'workingDays' }), '2024-01-10'), null);
});

test('each unit name of a field is previewed with the row\'s domain and province and the issuer', () => {
  const row = Object.assign(F.emptyRow(0), { domain: 'other', province: '', leadUnit: 'Department of Information and Communications',
    coordinatingUnits: 'Sở Y tế; ; Công an tỉnh' });
  assert.deepStrictEqual(F.unitQueries(row, 'leadUnit', 'haiphongwg'), [{ name: 'Department of Information and Communications',
    domain: 'OTHER', province: '', issuer: 'HAIPHONGWG' }]);
  assert.deepStrictEqual(F.unitQueries(row, 'coordinatingUnits', 'HAIPHONGWG').map((q) => q.name), ['Sở Y tế', 'Công an tỉnh']);
  assert.deepStrictEqual(F.unitQueries(Object.assign(row, { leadUnit: ' ' }), 'leadUnit', 'P06WG'), []);
});

test('the preview shows today\'s unit with its former name, a class, or the refusal', () => {
  assert.deepStrictEqual(F.unitShown({ asWritten: 'Bộ TT&TT', code: 'MOST', name: 'Bộ Khoa học và Công nghệ', how: 'NAME',
    endedBody: 'MIC', endedName: 'Bộ Thông tin và Truyền thông' }),
  { text: '→ MOST · Bộ Khoa học và Công nghệ (tên cũ / formerly: Bộ Thông tin và Truyền thông)' });
  assert.deepStrictEqual(F.unitShown({ asWritten: 'Sở TT&TT tỉnh Hải Dương', code: 'HAIPHONGDOST', name: 'Sở Khoa học và Công nghệ',
    how: 'NAME', endedBody: 'HAIDUONGDIC' }),
  { text: '→ HAIPHONGDOST · Sở Khoa học và Công nghệ (tên cũ / formerly: Sở TT&TT tỉnh Hải Dương)' });
  assert.deepStrictEqual(F.unitShown({ asWritten: 'moh', code: 'MOH', name: 'Bộ Y tế', how: 'CODE' }), { text: '→ MOH · Bộ Y tế' });
  assert.deepStrictEqual(F.unitShown({ asWritten: 'all provinces', how: 'CLASS', units: ['A', 'B', 'C', 'D', 'E', 'F', 'G'] }),
    { text: '→ 7 đơn vị / units: A, B, C, D, E, F, …' });
  assert.deepStrictEqual(F.unitShown({ asWritten: 'UBND huyện X', how: 'NOT_IN_REGISTRY', problem: 'cấp huyện / district' }),
    { problem: 'cấp huyện / district' });
  assert.strictEqual(F.unitShown({}), null);
});
