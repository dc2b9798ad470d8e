/*
 * Links to Directive Tracker's own pages in Camunda's webapps: in the header menu of Tasklist, Cockpit, Admin
 * and Welcome, and as tiles beside the applications on the welcome page. Loaded as a custom script by each
 * app's scripts/config.js. Camunda's app switcher lists its own four apps only (a fixed list in its header
 * widget), so the links are items of the same header menu. Which pages a user may open comes from
 * GET /api/pages with the webapps' session; nothing is shown before login or for users without pages.
 */
const LABEL_LANG = (navigator.languages && navigator.languages[0] || navigator.language || 'vi')
  .toLowerCase().startsWith('vi') ? 'vi' : 'en';
const appRoot = (document.querySelector('base') || { getAttribute: () => null }).getAttribute('app-root') || '/camunda';

// Set by shared/common.js when one of our pages sent a visitor without a session to the login page.
const AFTER_LOGIN_KEY = 'directiveTracker.afterLogin';

let pages = [];
let loadedFor = null;
let loading = false;

function accountOf(menu) {
  const account = menu.querySelector('li.account > a');
  return account ? account.textContent.trim() : null;
}

async function load(user) {
  loading = true;
  try {
    const response = await fetch('/api/pages', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    pages = response.ok ? (await response.json()).pages || [] : [];
  } catch (offline) {
    pages = [];
  } finally {
    loadedFor = user;
    loading = false;
  }
  if (returnAfterLogin()) {
    return;
  }
  render();
}

/** Once logged in, back to the page of ours that asked for the login, if this user may open it. */
function returnAfterLogin() {
  const wanted = sessionStorage.getItem(AFTER_LOGIN_KEY);
  if (!wanted) {
    return false;
  }
  sessionStorage.removeItem(AFTER_LOGIN_KEY);
  const page = pages.find((p) => wanted.startsWith(`${appRoot}/app/${p.id}/default/`));
  if (page) {
    window.location.assign(wanted);
  }
  return !!page;
}

function link(page, cls) {
  const a = document.createElement('a');
  a.href = `${appRoot}/app/${page.id}/default/`;
  a.textContent = page[LABEL_LANG] || page.vi;
  a.className = cls;
  a.setAttribute('data-page', page.id);
  return a;
}

function render() {
  const menu = document.querySelector('[cam-widget-header] nav.app-menu > ul');
  if (!menu) {
    return;
  }
  const user = accountOf(menu);
  if (!user) {
    document.querySelectorAll('.dt-page-link').forEach((node) => node.remove());
    return;
  }
  if (user !== loadedFor) {
    if (!loading) {
      load(user);
    }
    return;
  }
  // Says that this user's pages are in (none, for most users): what a test waits for.
  menu.setAttribute('data-dt-pages', 'loaded');
  for (const page of pages) {
    if (!menu.querySelector(`li.dt-page-link[data-page="${page.id}"]`)) {
      const item = document.createElement('li');
      item.className = 'dt-page-link';
      item.setAttribute('data-page', page.id);
      item.appendChild(link(page, 'dt-page-anchor'));
      menu.insertBefore(item, menu.querySelector('li.account') || menu.firstChild);
    }
    const tiles = document.querySelector('.welcome-page section.webapps .inner > .row:last-child');
    if (tiles && !tiles.querySelector(`.dt-page-link[data-page="${page.id}"]`)) {
      const tile = document.createElement('div');
      tile.className = 'col-xs-4 dt-page-link';
      tile.style.textAlign = 'center';
      tile.setAttribute('data-page', page.id);
      const name = document.createElement('h3');
      name.className = 'app-name';
      name.appendChild(link(page, 'dt-page-anchor'));
      tile.appendChild(name);
      tiles.appendChild(tile);
    }
  }
}

let scheduled = false;
new MutationObserver(() => {
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      render();
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
