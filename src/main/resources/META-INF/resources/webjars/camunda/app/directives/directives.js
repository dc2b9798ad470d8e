/*
 * The issuer's page (/camunda/app/directives/default/): the directives of the issuers the user issues for or
 * reviews for, with the roll-up per directive and per lead unit, and a directive's tasks: lead, deadline,
 * status, last report, escalation level, audit timeline. An issuer's members amend and withdraw open tasks and
 * decide extension requests here, through /api and the decision's Tasklist task; the secretariat reads.
 */
(function () {
  'use strict';

  var el = DT.el;
  var t = DT.t;

  var STATUSES = ['IN_PROGRESS', 'OVERDUE', 'COMPLETED_ON_TIME', 'COMPLETED_LATE', 'WITHDRAWN'];
  var STATUS = {
    IN_PROGRESS: { vi: 'Đang thực hiện trong hạn', en: 'In progress' },
    OVERDUE: { vi: 'Quá hạn', en: 'Overdue' },
    COMPLETED_ON_TIME: { vi: 'Hoàn thành đúng hạn', en: 'Completed on time' },
    COMPLETED_LATE: { vi: 'Hoàn thành quá hạn', en: 'Completed late' },
    WITHDRAWN: { vi: 'Đã rút', en: 'Withdrawn' }
  };
  var DIRECTIVE_STATUS = {
    ACTIVE: { vi: 'Đang thực hiện', en: 'Active' },
    COMPLETED: { vi: 'Đã hoàn thành', en: 'Completed' },
    WITHDRAWN: { vi: 'Đã thu hồi', en: 'Withdrawn' }
  };
  var LEVEL = {
    0: { vi: '—', en: '—' },
    1: { vi: '1 · Nhắc quá hạn', en: '1 · Overdue reminder' },
    2: { vi: '2 · Cảnh báo', en: '2 · Warning' },
    3: { vi: '3 · Báo cáo Tổ công tác', en: '3 · Reported to the working group' }
  };
  var KIND = {
    COMPLETION: { vi: 'Báo cáo kết quả', en: 'Completion report' },
    PROGRESS: { vi: 'Báo cáo tiến độ', en: 'Progress report' },
    CONTRIBUTION: { vi: 'Ý kiến phối hợp', en: 'Contribution' }
  };
  var OUTCOME = {
    ACCEPTED: { vi: 'đã chấp nhận', en: 'accepted' },
    RETURNED: { vi: 'đã trả lại', en: 'returned' },
    PENDING: { vi: 'chờ xem xét', en: 'awaiting review' }
  };
  var OPEN = ['IN_PROGRESS', 'OVERDUE'];

  var me = null;
  /** Per directive: {summary, view, activity: {key: activity}}, newest first. */
  var directives = [];
  var content = document.getElementById('dt-content');

  function issues(issuer) {
    return me.issues.indexOf(issuer) >= 0;
  }

  function timelineHref(kind, id) {
    var audit = (me.pages || []).some(function (p) { return p.id === 'audit'; });
    return audit ? DT.pageHref('audit') + '#/' + kind + '/' + encodeURIComponent(id)
      : '/api/audit/' + kind + 's/' + encodeURIComponent(id);
  }

  async function loadDirective(summary) {
    var view = await DT.api('GET', '/api/directives/' + encodeURIComponent(summary.id));
    var activity = {};
    (await DT.api('GET', '/api/directives/' + encodeURIComponent(summary.id) + '/activity')).forEach(function (a) {
      activity[a.key] = a;
    });
    return { summary: summary, view: view, activity: activity };
  }

  async function loadAll() {
    var summaries = (await DT.api('GET', '/api/directives?limit=200')).filter(function (s) {
      return me.issues.indexOf(s.issuer) >= 0 || me.reviews.indexOf(s.issuer) >= 0;
    });
    directives = await Promise.all(summaries.map(loadDirective));
  }

  async function reload(directiveId) {
    var i = directives.findIndex(function (d) { return d.view.id === directiveId; });
    directives[i] = await loadDirective(directives[i].summary);
    render();
  }

  function counts(tasks) {
    var c = { total: tasks.length };
    STATUSES.forEach(function (s) { c[s] = 0; });
    tasks.forEach(function (task) { c[task.status] = (c[task.status] || 0) + 1; });
    return c;
  }

  function statusBadge(status, text) {
    return el('span', { class: 'dt-status dt-status-' + status }, text || STATUS[status] || status);
  }

  function countCells(c) {
    return [el('td', { class: 'dt-number' }, String(c.total))].concat(STATUSES.map(function (s) {
      return el('td', { class: 'dt-number dt-count-' + s }, c[s] ? statusBadge(s, String(c[s])) : '0');
    }));
  }

  function countHeads() {
    return [el('th', { class: 'dt-number' }, { vi: 'Tổng số', en: 'Total' })].concat(STATUSES.map(function (s) {
      return el('th', { class: 'dt-number' }, STATUS[s]);
    }));
  }

  function selectedId() {
    var m = /^#\/directive\/(.+)$/.exec(window.location.hash);
    var id = m ? decodeURIComponent(m[1]) : null;
    var found = directives.find(function (d) { return d.view.id === id; });
    return found ? found.view.id : (directives[0] ? directives[0].view.id : null);
  }

  function byDirective(selected) {
    return el('table', { class: 'table table-condensed table-hover dt-table', id: 'dt-by-directive' },
      el('thead', {}, el('tr', {},
        el('th', {}, { vi: 'Số hiệu', en: 'Reference' }),
        el('th', {}, { vi: 'Ngày ban hành', en: 'Issued on' }),
        el('th', {}, { vi: 'Trích yếu', en: 'Title' }),
        el('th', {}, { vi: 'Tình trạng', en: 'State' }),
        countHeads())),
      el('tbody', {}, directives.map(function (d) {
        return el('tr', { class: d.view.id === selected ? 'dt-selected' : null, 'data-directive': d.view.id },
          el('td', {}, el('a', { href: '#/directive/' + encodeURIComponent(d.view.id) }, d.view.reference)),
          el('td', {}, DT.date(d.view.issuedOn)),
          el('td', {}, d.view.title),
          el('td', {}, DIRECTIVE_STATUS[d.view.status] || d.view.status),
          countCells(counts(d.view.tasks)));
      })));
  }

  function byUnit() {
    var units = {};
    directives.forEach(function (d) {
      d.view.tasks.forEach(function (task) {
        var name = (d.activity[task.key] && d.activity[task.key].leadUnitName) || task.leadUnit;
        (units[name] = units[name] || []).push(task);
      });
    });
    var names = Object.keys(units).sort(function (a, b) { return a.localeCompare(b, 'vi'); });
    return el('table', { class: 'table table-condensed dt-table', id: 'dt-by-unit' },
      el('thead', {}, el('tr', {}, el('th', {}, { vi: 'Đơn vị chủ trì', en: 'Lead unit' }), countHeads())),
      el('tbody', {}, names.map(function (name) {
        return el('tr', {}, el('td', {}, name), countCells(counts(units[name])));
      })));
  }

  function lastReport(activity) {
    var r = activity && activity.lastReport;
    if (!r) {
      return el('span', { class: 'dt-muted' }, { vi: 'Chưa có báo cáo', en: 'No report yet' });
    }
    var outcome = r.kind === 'COMPLETION' ? OUTCOME[r.outcome || 'PENDING'] : null;
    return el('span', {}, KIND[r.kind] || r.kind,
      r.progressPercent != null ? ' (' + r.progressPercent + '%)' : '',
      el('br'), el('span', { class: 'dt-muted' }, DT.dateTime(r.submittedAt) + ' · ' + r.unit
        + (r.submittedBy ? ' (' + r.submittedBy + ')' : '')),
      outcome ? [el('br'), el('span', { class: 'dt-muted' }, outcome)] : null);
  }

  function formRow(row, columns, build) {
    var existing = row.nextSibling && row.nextSibling.classList.contains('dt-form-row') ? row.nextSibling : null;
    if (existing) {
      existing.remove();
    }
    var cell = el('td', { colspan: String(columns) });
    var formRowNode = el('tr', { class: 'dt-form-row' }, cell);
    var close = function () { formRowNode.remove(); };
    cell.appendChild(build(close));
    row.parentNode.insertBefore(formRowNode, row.nextSibling);
    var first = cell.querySelector('input, textarea');
    if (first) {
      first.focus();
    }
  }

  async function act(button, work, done) {
    button.disabled = true;
    try {
      await work();
      DT.notify(done, 'success');
    } catch (refused) {
      DT.notify(refused);
      button.disabled = false;
    }
  }

  function withdrawForm(d, task) {
    return function (close) {
      var reason = el('textarea', { rows: '2', name: 'reason', class: 'form-control', maxlength: '2000' });
      var submit = el('button', { type: 'submit', class: 'btn btn-danger btn-sm' }, { vi: 'Xác nhận rút', en: 'Withdraw' });
      return el('form', { class: 'dt-form dt-withdraw-form', onsubmit: function (e) {
        e.preventDefault();
        if (!reason.value.trim()) {
          DT.notify({ vi: 'Vui lòng nêu lý do rút nhiệm vụ.', en: 'Please give the reason.' });
          return;
        }
        act(submit, async function () {
          await DT.api('POST', '/api/directives/' + encodeURIComponent(d.view.id) + '/tasks/'
            + encodeURIComponent(task.key) + '/withdrawal', { reason: reason.value.trim() });
          await reload(d.view.id);
        }, { vi: 'Đã rút nhiệm vụ ' + task.key + '.', en: 'Task ' + task.key + ' withdrawn.' });
      } },
      el('label', {}, { vi: 'Lý do rút nhiệm vụ ' + task.key, en: 'Why task ' + task.key + ' is withdrawn' }, reason),
      submit, ' ',
      el('button', { type: 'button', class: 'btn btn-default btn-sm', onclick: close }, { vi: 'Hủy', en: 'Cancel' }));
    };
  }

  function amendForm(d, task) {
    return function (close) {
      var deadline = el('input', { type: 'text', name: 'deadline', class: 'form-control', placeholder: 'dd/mm/yyyy',
        value: DT.date(task.deadline), maxlength: '200' });
      var lead = el('input', { type: 'text', name: 'leadUnit', class: 'form-control', value: task.leadUnit || '' });
      var reason = el('textarea', { rows: '2', name: 'reason', class: 'form-control', maxlength: '2000' });
      var submit = el('button', { type: 'submit', class: 'btn btn-primary btn-sm' }, { vi: 'Lưu điều chỉnh', en: 'Save' });
      return el('form', { class: 'dt-form dt-amend-form', onsubmit: function (e) {
        e.preventDefault();
        var change = {};
        // A day typed dd/mm/yyyy goes as that day; other words as a notice writes a deadline ("quý II/2026"),
        // which the server reads or refuses in Vietnamese (docs/deadlines.md).
        var written = deadline.value.trim();
        var newDeadline = DT.parseDate(written) || written;
        if (!newDeadline) {
          DT.notify({ vi: 'Vui lòng ghi thời hạn mới, ví dụ 31/12/2026 hoặc quý II/2026.',
            en: 'Please give the new deadline, e.g. 31/12/2026 or quý II/2026.' });
          return;
        }
        if (newDeadline !== task.deadline) {
          change.deadline = newDeadline;
        }
        if (lead.value.trim() && lead.value.trim() !== task.leadUnit) {
          change.leadUnit = lead.value.trim();
        }
        if (!Object.keys(change).length) {
          DT.notify({ vi: 'Chưa có gì thay đổi.', en: 'Nothing has changed.' }, 'info');
          return;
        }
        if (!reason.value.trim()) {
          DT.notify({ vi: 'Vui lòng nêu lý do điều chỉnh.', en: 'Please give the reason.' });
          return;
        }
        change.reason = reason.value.trim();
        act(submit, async function () {
          await DT.api('PATCH', '/api/directives/' + encodeURIComponent(d.view.id) + '/tasks/'
            + encodeURIComponent(task.key), change);
          await reload(d.view.id);
        }, { vi: 'Đã điều chỉnh nhiệm vụ ' + task.key + '.', en: 'Task ' + task.key + ' amended.' });
      } },
      el('label', {}, { vi: 'Thời hạn mới (ngày/tháng/năm, hoặc như thông báo ghi: quý II/2026…)',
        en: 'New deadline (dd/mm/yyyy, or as a notice writes it: quý II/2026…)' }, deadline),
      el('label', {}, { vi: 'Đơn vị chủ trì (mã hoặc tên, ví dụ MOH, Bộ Y tế)',
        en: 'Lead unit (code or name, e.g. MOH, Bộ Y tế)' }, lead),
      el('label', {}, { vi: 'Lý do điều chỉnh', en: 'Why' }, reason),
      submit, ' ',
      el('button', { type: 'button', class: 'btn btn-default btn-sm', onclick: close }, { vi: 'Hủy', en: 'Cancel' }));
    };
  }

  function extensionForm(d, task, extension, approve) {
    return function (close) {
      var comment = el('textarea', { rows: '2', name: 'extensionComment', class: 'form-control', maxlength: '4000' });
      var submit = el('button', { type: 'submit', class: 'btn btn-sm ' + (approve ? 'btn-primary' : 'btn-warning') },
        approve ? { vi: 'Đồng ý gia hạn', en: 'Approve' } : { vi: 'Từ chối gia hạn', en: 'Refuse' });
      return el('form', { class: 'dt-form dt-extension-form', onsubmit: function (e) {
        e.preventDefault();
        if (!approve && !comment.value.trim()) {
          DT.notify({ vi: 'Khi từ chối, vui lòng nêu ý kiến.', en: 'Please say why you refuse.' });
          return;
        }
        var variables = { extensionApproved: { value: approve, type: 'Boolean' } };
        if (comment.value.trim()) {
          variables.extensionComment = { value: comment.value.trim(), type: 'String' };
        }
        act(submit, async function () {
          await DT.api('POST', DT.appRoot + '/api/engine/engine/default/task/'
            + encodeURIComponent(extension.decisionTaskId) + '/submit-form', { variables: variables });
          await reload(d.view.id);
        }, approve ? { vi: 'Đã đồng ý gia hạn nhiệm vụ ' + task.key + '.', en: 'Extension of ' + task.key + ' approved.' }
          : { vi: 'Đã từ chối gia hạn nhiệm vụ ' + task.key + '.', en: 'Extension of ' + task.key + ' refused.' });
      } },
      el('label', {}, approve ? { vi: 'Ý kiến (không bắt buộc)', en: 'Comment (optional)' }
        : { vi: 'Ý kiến (bắt buộc khi từ chối)', en: 'Comment (required when refusing)' }, comment),
      submit, ' ',
      el('button', { type: 'button', class: 'btn btn-default btn-sm', onclick: close }, { vi: 'Hủy', en: 'Cancel' }));
    };
  }

  var TASK_COLUMNS = 9;

  function actions(d, task, row) {
    var activity = d.activity[task.key];
    var extension = activity && activity.pendingExtension;
    var cell = el('td', { class: 'dt-actions' });
    if (extension) {
      cell.appendChild(el('div', { class: 'dt-extension' },
        el('strong', {}, { vi: 'Đề nghị gia hạn đến ', en: 'Extension asked to ' }), DT.date(extension.requestedDeadline),
        el('br'), el('span', { class: 'dt-muted' }, extension.reason)));
    }
    if (!issues(d.view.issuer) || OPEN.indexOf(task.status) < 0) {
      return cell;
    }
    if (extension && extension.decisionTaskId) {
      cell.appendChild(el('button', { type: 'button', class: 'btn btn-primary btn-xs dt-approve-extension',
        onclick: function () { formRow(row(), TASK_COLUMNS, extensionForm(d, task, extension, true)); } },
      { vi: 'Đồng ý gia hạn', en: 'Approve extension' }));
      cell.appendChild(el('button', { type: 'button', class: 'btn btn-warning btn-xs dt-refuse-extension',
        onclick: function () { formRow(row(), TASK_COLUMNS, extensionForm(d, task, extension, false)); } },
      { vi: 'Từ chối gia hạn', en: 'Refuse extension' }));
    }
    cell.appendChild(el('button', { type: 'button', class: 'btn btn-default btn-xs dt-amend',
      onclick: function () { formRow(row(), TASK_COLUMNS, amendForm(d, task)); } }, { vi: 'Điều chỉnh', en: 'Amend' }));
    cell.appendChild(el('button', { type: 'button', class: 'btn btn-danger btn-xs dt-withdraw',
      onclick: function () { formRow(row(), TASK_COLUMNS, withdrawForm(d, task)); } }, { vi: 'Rút nhiệm vụ', en: 'Withdraw' }));
    return cell;
  }

  function taskTable(d) {
    return el('table', { class: 'table table-condensed dt-table', id: 'dt-tasks' },
      el('thead', {}, el('tr', {},
        el('th', {}, { vi: 'Mã', en: 'Key' }),
        el('th', {}, { vi: 'Nhiệm vụ', en: 'Task' }),
        el('th', {}, { vi: 'Đơn vị chủ trì', en: 'Lead unit' }),
        el('th', {}, { vi: 'Thời hạn', en: 'Deadline' }),
        el('th', {}, { vi: 'Trạng thái', en: 'Status' }),
        el('th', {}, { vi: 'Báo cáo gần nhất', en: 'Last report' }),
        el('th', {}, { vi: 'Mức cảnh báo', en: 'Escalation' }),
        el('th', {}, { vi: 'Nhật ký', en: 'Timeline' }),
        el('th', {}, { vi: 'Thao tác', en: 'Actions' }))),
      el('tbody', {}, d.view.tasks.map(function (task) {
        var activity = d.activity[task.key];
        var row = null;
        row = el('tr', { 'data-task': task.key },
          el('td', {}, task.key, task.keyTask ? el('span', { class: 'dt-muted', title: t({ vi: 'Nhiệm vụ trọng tâm', en: 'Key task' }) }, ' ★') : null),
          el('td', {}, task.title),
          el('td', {}, (activity && activity.leadUnitName) || task.leadUnit,
            el('br'), el('span', { class: 'dt-muted' }, task.leadUnit)),
          el('td', { class: 'dt-deadline' }, task.deadline ? DT.date(task.deadline) : { vi: 'Không giao thời hạn', en: 'No deadline' },
            task.deadlineAsWritten && task.deadlineAsWritten !== task.deadline
              ? el('div', { class: 'text-muted small dt-deadline-written' }, '“' + task.deadlineAsWritten + '”') : null),
          el('td', { class: 'dt-task-status' }, statusBadge(task.status),
            task.completedOn ? [el('br'), el('span', { class: 'dt-muted' }, DT.date(task.completedOn))] : null),
          el('td', {}, lastReport(activity)),
          el('td', { class: 'dt-level-' + task.escalationLevel }, LEVEL[task.escalationLevel] || String(task.escalationLevel)),
          el('td', {}, el('a', { href: timelineHref('task', task.id), target: '_blank', rel: 'noopener' },
            { vi: 'Xem nhật ký', en: 'Timeline' })),
          actions(d, task, function () { return row; }));
        return row;
      })));
  }

  function render() {
    var selected = selectedId();
    var d = directives.find(function (x) { return x.view.id === selected; });
    var nodes = [el('h1', {}, { vi: 'Chỉ đạo đã ban hành', en: 'Issued directives' })];
    if (!directives.length) {
      nodes.push(el('p', { class: 'dt-empty' }, {
        vi: 'Chưa có chỉ đạo nào. Ban hành chỉ đạo trong Tasklist (Khởi tạo quy trình → Chỉ đạo) hoặc qua /api/directives.',
        en: 'No directives yet. Issue one in Tasklist (Start process → Directive) or through /api/directives.'
      }));
    } else {
      nodes.push(el('h2', {}, { vi: 'Tổng hợp theo chỉ đạo', en: 'By directive' }), byDirective(selected),
        el('h2', {}, { vi: 'Tổng hợp theo đơn vị chủ trì', en: 'By lead unit' }), byUnit());
      nodes.push(el('h2', { id: 'dt-directive-title' }, { vi: 'Nhiệm vụ của chỉ đạo ', en: 'Tasks of ' }, d.view.reference,
        ' · ', d.view.title),
      el('p', {}, el('a', { href: timelineHref('directive', d.view.id), target: '_blank', rel: 'noopener' },
        { vi: 'Nhật ký của cả chỉ đạo', en: 'Timeline of the whole directive' }),
      issues(d.view.issuer) ? null : el('span', { class: 'dt-muted' }, ' · ',
        { vi: 'Cơ quan thường trực: chỉ xem', en: 'Secretariat: read only' })),
      taskTable(d));
    }
    content.replaceChildren.apply(content, nodes);
  }

  DT.start({ page: 'directives', title: { vi: 'Chỉ đạo đã ban hành', en: 'Issued directives' } })
    .then(async function (started) {
      me = started.me;
      if (!(me.pages || []).some(function (p) { return p.id === 'directives'; })) {
        content.replaceChildren(el('p', { class: 'dt-empty', id: 'dt-not-for-you' }, {
          vi: 'Trang này dành cho thành viên cơ quan ban hành (Tổ công tác) và cơ quan thường trực.',
          en: 'This page is for the members of an issuing body (working group) and its secretariat.'
        }));
        return;
      }
      await loadAll();
      render();
      window.addEventListener('hashchange', render);
    })
    .catch(function (failed) {
      content.replaceChildren(el('p', { class: 'dt-empty' }, { vi: 'Không tải được trang.', en: 'The page did not load.' }));
      DT.notify(failed);
    });
}());
