/*
 * The auditors' history page (/camunda/app/audit/default/, on the shared shell ../shared/common.js): search
 * (/api/audit/search), a task's or directive's timeline in Vietnamese (/api/audit/tasks|directives/{id}), its DMN decisions and evidence files, the CSV export, the check of an
 * export (/api/audit/verify) and the monthly report (HTML and PDF). It reads /api with the webapps' session
 * (DT.api; the check, a POST, carries the session's CSRF token). Everything shown from data goes in as text.
 * Deep links: #/task/{id}, #/directive/{id} (the issuer's page links there).
 */
'use strict';

const $ = (id) => document.getElementById(id);

/* ---- dates: dd/mm/yyyy and Hà Nội time, whatever the browser's language (DT's formatters) ---- */

const hanoiTime = (iso) => DT.dateTime(iso);
const day = (iso) => DT.date(iso);

/** A value from the trail as people read it: instants in Hà Nội time, days as dd/mm/yyyy. */
function readable(value) {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) {
    return hanoiTime(value);
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return day(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'có' : 'không';
  }
  if (Array.isArray(value)) {
    return value.map(readable).join(', ');
  }
  if (typeof value === 'object') {
    return Object.entries(value).map(([k, v]) => `${k}: ${readable(v)}`).join('; ');
  }
  return String(value);
}

/* ---- talking to /api ---- */

const api = (path) => DT.api('GET', path);

function showError(error) {
  DT.notify(error);
}

/* ---- building the page ---- */

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) {
    e.textContent = text;
  }
  if (className) {
    e.className = className;
  }
  return e;
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    if (c instanceof Node) {
      td.appendChild(c);
    } else {
      td.textContent = c;
    }
    tr.appendChild(td);
  }
  return tr;
}

function link(text, href, onClick) {
  const a = el('a', text);
  a.href = href;
  if (onClick) {
    a.addEventListener('click', (event) => {
      event.preventDefault();
      onClick();
    });
  }
  return a;
}

/* ---- search ---- */

async function search(event) {
  if (event) {
    event.preventDefault();
  }
  const form = $('search');
  const from = form.from.value.trim() ? DT.parseDate(form.from.value) : '';
  const to = form.to.value.trim() ? DT.parseDate(form.to.value) : '';
  if (from === null || to === null) {
    DT.notify({vi: 'Ngày phải viết theo dạng dd/mm/yyyy, ví dụ 05/03/2024.', en: 'Dates are written dd/mm/yyyy.'});
    return;
  }
  const params = new URLSearchParams();
  for (const [name, value] of [['q', form.q.value.trim()], ['unit', form.unit.value.trim().toUpperCase()],
    ['status', form.status.value], ['from', from], ['to', to]]) {
    if (value) {
      params.set(name, value);
    }
  }
  try {
    const found = await api('/api/audit/search?' + params);
    const body = $('results').querySelector('tbody');
    body.replaceChildren();
    for (const t of found.tasks) {
      const links = el('span');
      links.append(link(`Nhiệm vụ ${t.key}`, `#/task/${t.taskId}`, () => openTimeline('task', t.taskId)), ' · ',
        link('Cả chỉ đạo', `#/directive/${t.directiveId}`, () => openTimeline('directive', t.directiveId)));
      const task = el('span');
      task.append(el('strong', t.key), ' · ', t.title);
      body.appendChild(row([`${t.issuer}: ${t.reference}`, task, t.leadUnitName || t.leadUnit || '',
        day(t.issuedOn), day(t.deadline), el('span', t.statusLabel, 'dt-status dt-status-' + t.status), links]));
    }
    $('results').hidden = found.tasks.length === 0;
    $('count').textContent = found.tasks.length === 0 ? 'Không tìm thấy nhiệm vụ nào. / Nothing found.'
      : `${found.tasks.length} nhiệm vụ${found.truncated ? ' (chỉ hiện 200 đầu tiên; hãy lọc thêm)' : ''}.`;
  } catch (error) {
    showError(error);
  }
}

/* ---- a timeline ---- */

const DETAIL_LABELS = {
  reference: 'Số hiệu', title: 'Tên', directiveTitle: 'Chỉ đạo', issuedOn: 'Ngày ban hành', deadline: 'Thời hạn',
  domain: 'Lĩnh vực', province: 'Tỉnh/thành phố', requestedLeadUnit: 'Đơn vị chủ trì được đề nghị',
  coordinatingUnits: 'Đơn vị phối hợp', keyTask: 'Nhiệm vụ trọng tâm', expectedResult: 'Kết quả, sản phẩm',
  name: 'Bước', dueDate: 'Hạn', priority: 'Độ ưu tiên', text: 'Nội dung', completionDate: 'Ngày hoàn thành',
  period: 'Kỳ báo cáo', progressPercent: 'Tiến độ (%)', comment: 'Ý kiến', level: 'Mức', daysOverdue:
  'Số ngày quá hạn', audience: 'Người nhận', nextEscalationAt: 'Lần xem xét sau', subject: 'Tiêu đề',
  status: 'Trạng thái', sentAt: 'Đã gửi lúc', recipientAddresses: 'Địa chỉ nhận', reason: 'Lý do',
  completedOn: 'Ngày hoàn thành', leadUnit: 'Đơn vị chủ trì', user: 'Người dùng', operationType: 'Thao tác',
  properties: 'Thay đổi', value: 'Giá trị', state: 'Trạng thái', deleteReason: 'Lý do kết thúc',
  leadDecidedBy: 'Quyết định bởi', kind: 'Loại'
};
/** A changed process variable's name, as a reader knows the value (else the name itself). */
const VARIABLE_LABELS = {
  title: 'Trích yếu', directiveFile: 'Tệp thông báo', openSubtasksReason: 'Lý do hoàn thành khi nhiệm vụ con còn mở',
  extensionRequestId: 'Mã đề nghị gia hạn', extensionReason: 'Lý do đề nghị gia hạn',
  extensionRequestedBy: 'Người đề nghị gia hạn', requestedDeadline: 'Thời hạn đề nghị',
  extensionApproved: 'Đồng ý gia hạn', extensionDecidedBy: 'Người quyết định gia hạn',
  extensionOutcome: 'Kết quả đề nghị gia hạn', extensionComment: 'Ý kiến về đề nghị gia hạn'
};
/** Codes the server writes in details, in the glossary's words. */
const VALUE_LABELS = {
  leadDecidedBy: { ISSUER: 'cơ quan ban hành chỉ định', DMN: 'bảng quyết định lead-unit' },
  value: { APPROVED: 'đồng ý', REFUSED: 'từ chối' },
  status: { PENDING: 'chờ gửi', SENT: 'đã gửi', LOGGED: 'ghi vào nhật ký máy chủ (chưa cấu hình máy chủ thư)',
    DIGESTED: 'gộp vào thư tổng hợp hằng ngày', BUNDLED: 'gộp vào một thư chung',
    IN_PROGRESS: 'đang thực hiện trong hạn', OVERDUE: 'quá hạn', COMPLETED_ON_TIME: 'hoàn thành đúng hạn',
    COMPLETED_LATE: 'hoàn thành quá hạn', WITHDRAWN: 'đã thu hồi' },
  kind: { COMPLETION: 'báo cáo hoàn thành', PROGRESS: 'báo cáo tiến độ' }
};
/** Shown elsewhere on the row or of no use to a reader. */
const HIDDEN_DETAILS = new Set(['task', 'taskId', 'userTaskId', 'reportId', 'notificationId', 'decisionInstanceId',
  'operationId', 'detailId', 'activity', 'candidateGroups', 'recipientGroups', 'inputs', 'outputs', 'rules',
  'decision', 'decisionName', 'decisionDefinitionId', 'event', 'revision', 'valueType', 'tasks', 'escalatedBy',
  'link', 'operation', 'group', 'entityType', 'category', 'fileName', 'mimeType', 'size', 'sha256']);

function fileLink(details) {
  const a = link(details.fileName || details.name, '/api/audit/files/' + encodeURIComponent(details.detailId));
  a.setAttribute('download', details.fileName || '');
  a.className = 'dt-file';
  return a;
}

function ioTable(inputs, outputs) {
  const table = el('table', null, 'dt-io');
  table.appendChild(row([el('strong', 'Đầu vào / Inputs'), el('strong', 'Kết quả / Outputs')]));
  const list = (values) => {
    const ul = el('ul', null, 'dt-details');
    const entries = Array.isArray(values) ? values.flatMap((v) => Object.entries(v)) : Object.entries(values || {});
    for (const [k, v] of entries) {
      ul.appendChild(el('li', `${k}: ${readable(v)}`));
    }
    return ul;
  };
  table.appendChild(row([list(inputs), list(outputs)]));
  return table;
}

function details(e) {
  const box = el('div');
  const d = e.details || {};
  if (d.task && $('timeline').dataset.kind === 'directive') {
    box.appendChild(el('strong', `Nhiệm vụ ${d.task}`));
  }
  if (e.type === 'file attached') {
    const p = el('div');
    p.append(fileLink(d), ` (${d.mimeType || ''}, ${d.size} byte)`);
    box.appendChild(p);
  }
  if (d.inputs || d.outputs) {
    box.appendChild(ioTable(d.inputs, d.outputs));
  }
  const ul = el('ul', null, 'dt-details');
  if (e.type === 'variable changed') {
    ul.appendChild(el('li', `Thông tin: ${VARIABLE_LABELS[d.name] || d.name}`));
  }
  for (const [k, v] of Object.entries(d)) {
    if (e.type === 'variable changed' && k === 'name') {
      continue;
    }
    if (!HIDDEN_DETAILS.has(k) && v !== '' && !(Array.isArray(v) && v.length === 0)) {
      const label = VALUE_LABELS[k] && VALUE_LABELS[k][v];
      ul.appendChild(el('li', `${DETAIL_LABELS[k] || k}: ${label || readable(v)}`));
    }
  }
  if (ul.children.length) {
    box.appendChild(ul);
  }
  return box;
}

async function openTimeline(kind, id) {
  try {
    const trail = await api(`/api/audit/${kind}s/${encodeURIComponent(id)}`);
    history.replaceState(null, '', `#/${kind}/${id}`);
    $('timeline-title').textContent = (kind === 'task' ? 'Dòng thời gian của nhiệm vụ ' : 'Dòng thời gian của chỉ đạo ')
      + trail.businessKey;
    $('timeline-subject').textContent = `${trail.events.length} sự kiện · ${trail.hashAlgorithm}`;
    $('chain-head').textContent = trail.chainHead;
    $('csv').href = `/api/audit/${kind}s/${encodeURIComponent(trail.id)}?format=csv`;
    $('timeline').dataset.kind = kind;
    const body = $('timeline').querySelector('tbody');
    body.replaceChildren();
    const decisions = $('decisions');
    decisions.querySelectorAll('.dt-decision').forEach((n) => n.remove());
    const files = $('files').querySelector('ul');
    files.replaceChildren();
    for (const e of trail.events) {
      const tr = row([hanoiTime(e.time), el('strong', e.label), e.actorName, e.unitName, details(e)]);
      tr.firstChild.className = 'dt-time';
      tr.dataset.type = e.type;
      body.appendChild(tr);
      if (e.type === 'decision taken') {
        const box = el('div', null, 'dt-decision');
        const d = e.details;
        box.appendChild(el('p', `${e.label}${d.task ? ' · nhiệm vụ ' + d.task : ''} · ${d.decisionName || d.decision}`
          + ` · ${hanoiTime(e.time)}`));
        box.appendChild(d.leadDecidedBy === 'ISSUER'
          ? el('p', `Cơ quan ban hành chỉ định: ${d.leadUnit} (đề nghị: ${d.requestedLeadUnit || ''})`)
          : ioTable(d.inputs, d.outputs));
        decisions.appendChild(box);
      }
      if (e.type === 'file attached') {
        const li = el('li');
        li.append(fileLink(e.details), ` · ${e.actorName} · ${hanoiTime(e.time)}`);
        files.appendChild(li);
      }
    }
    decisions.hidden = !decisions.querySelector('.dt-decision');
    $('files').hidden = files.children.length === 0;
    $('timeline-section').hidden = false;
    $('timeline-section').scrollIntoView();
  } catch (error) {
    showError(error);
  }
}

/* ---- the check of an export ---- */

async function verify(event) {
  event.preventDefault();
  const form = $('verify');
  const data = new FormData();
  data.append('file', form.file.files[0]);
  if (form.chainHead.value.trim()) {
    data.append('chainHead', form.chainHead.value.trim());
  }
  const out = $('verify-result');
  out.replaceChildren();
  try {
    const result = await DT.api('POST', '/api/audit/verify', data);
    if (result.intact) {
      out.append(el('span', 'Nguyên vẹn / Intact', 'dt-ok'), ` — ${result.events} sự kiện; mã cuối chuỗi `,
        el('code', result.chainHead));
    } else {
      out.append(el('span', 'Không nguyên vẹn / Not intact', 'dt-bad'),
        ` — dòng ${result.firstBadLine} (sự kiện ${result.event}): ${result.reason}`);
    }
  } catch (error) {
    showError(error);
  }
}

/* ---- the monthly report ---- */

function reportLinks() {
  const form = $('report');
  const m = /^(\d{1,2})\/(\d{4})$/.exec(form.month.value.trim());
  const month = m ? `${m[2]}-${m[1].padStart(2, '0')}` : '';
  const query = `?issuer=${encodeURIComponent(form.issuer.value.trim())}&month=${month}`;
  $('report-html').href = '/api/reports/monthly' + query + '&format=html';
  $('report-pdf').href = '/api/reports/monthly.pdf' + query;
}

/* ---- start ---- */

async function start() {
  await DT.start({page: 'audit', title: {vi: 'Lịch sử kiểm toán', en: 'Audit history'}});
  const today = DT.today();
  $('report').month.value = today.substring(3);
  reportLinks();
  $('report').addEventListener('input', reportLinks);
  $('search').addEventListener('submit', search);
  $('verify').addEventListener('submit', verify);
  const deepLink = /^#\/(task|directive)\/([^/]+)$/.exec(location.hash);
  await search();
  if (deepLink) {
    openTimeline(deepLink[1], decodeURIComponent(deepLink[2]));
  }
}

start();
