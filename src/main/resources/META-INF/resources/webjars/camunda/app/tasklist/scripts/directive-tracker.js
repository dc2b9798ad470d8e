// Directive Tracker's Tasklist plugins (loaded by customScripts in config.js).
//  - On each task card: the deadline as a date, dd/mm/yyyy on the Ha Noi calendar whatever the browser's
//    locale, and an overdue badge (Tasklist itself says only "Hạn 2 năm trước").
//  - In the navbar: marks the page with what the engine lets the user do, so that styles/user-styles.css
//    hides "Tạo nhiệm vụ" and "Khởi tạo quy trình", the task header's date and group editors and its link to
//    Cockpit from whoever cannot use them.
//  - Keeps relative times ("20 ngày tới") in the language of the page (see keepMomentOnTheLanguage).

const ZONE = 'Asia/Ho_Chi_Minh';
const DAY = new Intl.DateTimeFormat('en-GB', {timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric'});

/** Camunda's REST dates end in "+0700"; browsers are not obliged to read an offset without a colon. */
function parse(value) {
  return new Date(String(value).replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
}

export function deadlineText(value) {
  const parts = {};
  DAY.formatToParts(parse(value)).forEach(part => {
    parts[part.type] = part.value;
  });
  return parts.day + '/' + parts.month + '/' + parts.year;
}

function renderDeadline(node, task) {
  node.textContent = '';
  if (!task || !task.due) {
    return;
  }
  const line = document.createElement('div');
  line.className = 'dt-card-deadline';
  const date = document.createElement('span');
  date.className = 'dt-deadline';
  date.textContent = 'Hạn ' + deadlineText(task.due);
  line.appendChild(date);
  if (parse(task.due).getTime() < Date.now()) {
    const badge = document.createElement('span');
    badge.className = 'label label-danger dt-overdue';
    badge.textContent = 'Quá hạn';
    line.appendChild(badge);
  }
  node.appendChild(line);
}

async function answer(url) {
  const response = await fetch(url, {credentials: 'same-origin', headers: {Accept: 'application/json'}});
  return response.ok ? response.json() : null;
}

const MARKS = ['dt-may-start-process', 'dt-may-create-task', 'dt-may-update-tasks', 'dt-may-open-cockpit',
  'dt-permissions-known'];

async function markPermissions(engineApi, adminApi) {
  const body = document.body;
  body.classList.remove(...MARKS);
  const [startable, createTask, updateTasks, user] = await Promise.all([
    answer(engineApi + '/process-definition/count?latest=true&active=true&startableInTasklist=true'
      + '&startablePermissionCheck=true'),
    answer(engineApi + '/authorization/check?permissionName=CREATE&resourceName=Task&resourceType=7'),
    // The task header's follow-up date, due date and groups are changed with PUT /task: units, issuers and
    // reviewers are refused it (a deadline changes by the issuer's amendment, which the directive records).
    answer(engineApi + '/authorization/check?permissionName=UPDATE&resourceName=Task&resourceType=7'),
    answer(adminApi + '/auth/user/default')
  ]);
  body.classList.toggle('dt-may-start-process', !!startable && startable.count > 0);
  body.classList.toggle('dt-may-create-task', !!createTask && createTask.authorized === true);
  body.classList.toggle('dt-may-update-tasks', !!updateTasks && updateTasks.authorized === true);
  body.classList.toggle('dt-may-open-cockpit', !!user && (user.authorizedApps || []).includes('cockpit'));
  body.classList.add('dt-permissions-known');
}

let momentKept = false;

/**
 * Tasklist loads the chosen language's table and the fallback's (English), and makes each table's date
 * words moment's global locale as the table arrives: whichever arrived last won, so relative times came
 * out in English on a Vietnamese page about as often as not. This puts moment back on the language in use
 * whenever it drifts, through angular-moment, which also redraws the times already shown.
 */
function keepMomentOnTheLanguage() {
  const angular = window.angular;
  const injector = !momentKept && angular && angular.element(document.body).injector();
  if (!injector) {
    return;
  }
  momentKept = true;
  const [rootScope, translate, amMoment, moment] = ['$rootScope', '$translate', 'amMoment', 'moment']
    .map(name => injector.get(name));
  rootScope.$watch(() => moment.locale(), () => {
    const language = translate.use();
    if (language && moment.locale() !== language && moment.locales().includes(language)) {
      amMoment.changeLocale(language);
    }
  });
}

export default [
  {
    id: 'directive-tracker-deadline',
    pluginPoint: 'tasklist.card',
    // Above Tasklist's variables (200): the card shows the deadline when folded.
    priority: 300,
    render: (node, data, scope) => {
      keepMomentOnTheLanguage();
      renderDeadline(node, scope && scope.task);
    }
  },
  {
    // Rendered once the user is logged in (Tasklist's navbar shows its actions only then), again after
    // every login; gone at logout, with what it knew of the user.
    id: 'dt-permissions',
    pluginPoint: 'tasklist.navbar.action',
    priority: -1000,
    render: (node, {api}) => {
      keepMomentOnTheLanguage();
      markPermissions(api.engineApi, api.adminApi).catch(() => undefined);
    },
    unmount: () => document.body.classList.remove(...MARKS)
  }
];
