/*
 * Directive Tracker's addition to Cockpit (config.js, customScripts): read-only users see no buttons they cannot
 * use. Cockpit is open to auditors and administrators; the engine API's allow-list already refuses every change
 * an auditor tries, but Cockpit would still offer the buttons. read-only.css hides them unless <html> carries
 * the class dt-may-change, which this script sets only once it has seen that the user is in the camunda-admin
 * group: until then, and when that cannot be told, they stay hidden. (The link to the auditors' history page
 * comes with the other pages', from ../shared/header-links.js.)
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

export default [];
