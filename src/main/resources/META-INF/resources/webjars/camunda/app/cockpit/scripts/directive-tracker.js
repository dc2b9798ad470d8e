/*
 * Directive Tracker's additions to Cockpit (loaded by config.js, customScripts).
 *
 * 1. Read-only users see no buttons they cannot use. Cockpit is open to auditors and administrators; the engine
 *    API's allow-list already refuses every change an auditor tries, but Cockpit would still show the buttons.
 *    read-only.css hides them unless <html> carries the class dt-may-change, which this script sets only once it
 *    has seen that the user is in the camunda-admin group: until then, and if that cannot be told, they stay
 *    hidden.
 * 2. A menu entry "Lịch sử / History" to the auditors' history page (/app/audit/index.html).
 */
const ADMIN_GROUP = 'camunda-admin';
const appRoot = document.querySelector('base').getAttribute('app-root');

const style = document.createElement('link');
style.rel = 'stylesheet';
style.href = appRoot + '/app/cockpit/scripts/read-only.css';
document.head.appendChild(style);

async function mayChange() {
  const who = await fetch(appRoot + '/api/admin/auth/user/default', {credentials: 'same-origin'});
  if (!who.ok) {
    return false;
  }
  const user = await who.json();
  const groups = await fetch(appRoot + '/api/engine/engine/default/group?member=' + encodeURIComponent(user.userId)
    + '&maxResults=200', {credentials: 'same-origin'});
  return groups.ok && (await groups.json()).some((g) => g.id === ADMIN_GROUP);
}

function markUser() {
  mayChange().then((yes) => document.documentElement.classList.toggle('dt-may-change', yes),
    () => document.documentElement.classList.remove('dt-may-change'));
}

// The user may log in (or out) after the page loaded: ask again when the location changes.
markUser();
window.addEventListener('hashchange', markUser);

export default {
  id: 'directive-tracker-history',
  pluginPoint: 'cockpit.navigation',
  priority: 50,
  render: (node) => {
    const link = document.createElement('a');
    link.href = '/app/audit/index.html';
    link.textContent = 'Lịch sử / History';
    link.className = 'dt-history-link';
    node.appendChild(link);
  }
};
