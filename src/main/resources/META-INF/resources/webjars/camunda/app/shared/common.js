/*
 * Directive Tracker's own pages in the webapps (/camunda/app/{page}/default/): the shared shell. A page loads
 * Camunda's CSS, common.css and this script (each <script> with the page's $CSP_NONCE), then calls
 * DT.start({page, title}) and builds its content with DT.el, DT.api and the formatters below.
 *
 * - DT.start: checks the webapps' login (else to the login page), renders the header (user, language, the
 *   webapps and our pages the user may open, logout) and answers {auth, me} (me: GET /api/pages).
 * - DT.api(method, path, body): JSON to /api or the webapps' API with the session and its CSRF token; a
 *   refusal becomes an Error whose message is Vietnamese first, English below (DT.notify shows it).
 * - DT.date('2024-01-31') 31/01/2024, DT.dateTime(instant) in Hà Nội time, DT.parseDate('31/01/2024').
 * - DT.t({vi, en}): the text in the chosen language (Vietnamese unless the user picked English).
 * Text goes into the page as text (DT.el), never as HTML.
 */
(function () {
  'use strict';

  var base = document.querySelector('base');
  var appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  var LANG_KEY = 'directiveTracker.lang';
  // The page to open after the login: the same key in shared/header-links.js.
  var AFTER_LOGIN_KEY = 'directiveTracker.afterLogin';
  var lang = localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'vi';
  var token = null;
  var ZONE = 'Asia/Ho_Chi_Minh';

  var CAMUNDA_APPS = {
    welcome: { vi: 'Trang chủ', en: 'Welcome' },
    tasklist: { vi: 'Tasklist', en: 'Tasklist' },
    cockpit: { vi: 'Cockpit', en: 'Cockpit' },
    admin: { vi: 'Quản trị', en: 'Admin' }
  };

  var STATUS_TEXT = {
    400: { vi: 'Dữ liệu không hợp lệ.', en: 'The input is not valid.' },
    401: { vi: 'Phiên đăng nhập đã hết. Vui lòng đăng nhập lại.', en: 'Your session has ended. Please log in again.' },
    403: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
    404: { vi: 'Không tìm thấy hoặc bạn không có quyền xem.', en: 'Not found, or not yours to see.' },
    409: { vi: 'Không thực hiện được: trạng thái đã thay đổi.', en: 'Not possible: the state has changed.' },
    413: { vi: 'Nội dung gửi lên quá lớn.', en: 'What you sent is too large.' },
    429: { vi: 'Quá nhiều lần thử. Vui lòng chờ rồi thử lại.', en: 'Too many attempts. Please wait and retry.' }
  };
  var SERVER_ERROR = { vi: 'Máy chủ đang gặp sự cố. Vui lòng thử lại sau.', en: 'The server failed. Please retry later.' };
  var CSRF_ENDED = {
    vi: 'Phiên làm việc đã hết hiệu lực (mã bảo vệ không khớp). Vui lòng đăng nhập lại.',
    en: 'Your session ended (its protection token did not match). Please log in again.'
  };

  function t(text) {
    return text == null ? '' : typeof text === 'string' ? text : (text[lang] || text.vi);
  }

  /** An element: el('a', {class: 'x', href: '…', onclick: fn}, 'text', child, …). */
  function el(tag, props) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value == null || value === false) {
        return;
      }
      if (key.indexOf('on') === 0 && typeof value === 'function') {
        node.addEventListener(key.substring(2), value);
      } else if (key === 'class') {
        node.className = value;
      } else if (key === 'text') {
        node.textContent = t(value);
      } else {
        node.setAttribute(key, value === true ? '' : value);
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      append(node, arguments[i]);
    }
    return node;
  }

  function append(node, child) {
    if (child == null || child === false) {
      return;
    }
    if (Array.isArray(child)) {
      child.forEach(function (c) { append(node, c); });
    } else if (child instanceof Node) {
      node.appendChild(child);
    } else {
      node.appendChild(document.createTextNode(t(child)));
    }
  }

  function cookie(name) {
    var found = document.cookie.split(';').map(function (c) { return c.trim(); })
      .filter(function (c) { return c.indexOf(name + '=') === 0; })[0];
    return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
  }

  function remember(response) {
    var issued = response.headers.get('X-XSRF-TOKEN');
    if (issued && issued !== 'Required') {
      token = issued;
    }
  }

  /** A refusal as an Error: its message Vietnamese first, English below, then what the server said. */
  async function problem(response) {
    var body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      body = null;
    }
    var text = response.headers.get('X-XSRF-TOKEN') === 'Required' ? CSRF_ENDED
      : STATUS_TEXT[response.status] || (response.status >= 500 ? SERVER_ERROR : STATUS_TEXT[400]);
    var details = [];
    if (body && Array.isArray(body.errors)) {
      body.errors.forEach(function (e) { details.push((e.field ? e.field + ': ' : '') + e.message); });
    } else if (body && (body.detail || body.message) && response.status < 500) {
      details.push(body.detail || body.message);
    }
    var error = new Error(text.vi + '\n' + text.en + (details.length ? '\n' + details.join('\n') : ''));
    error.status = response.status;
    error.vi = text.vi;
    error.en = text.en;
    error.details = details;
    return error;
  }

  /**
   * JSON (or a FormData upload, as multipart) to our API or the webapps' with the session; changes carry the
   * session's CSRF token.
   */
  async function api(method, path, body) {
    var headers = { Accept: 'application/json' };
    var form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !form) {
      headers['Content-Type'] = 'application/json';
    }
    if (!/^(GET|HEAD)$/i.test(method)) {
      headers['X-XSRF-TOKEN'] = token || cookie('XSRF-TOKEN') || '';
    }
    var response;
    try {
      response = await fetch(path, {
        method: method, headers: headers, credentials: 'same-origin',
        body: body === undefined || form ? body : JSON.stringify(body)
      });
    } catch (offline) {
      var error = new Error(SERVER_ERROR.vi + '\n' + SERVER_ERROR.en);
      error.vi = SERVER_ERROR.vi;
      error.en = SERVER_ERROR.en;
      error.details = [];
      throw error;
    }
    remember(response);
    if (!response.ok) {
      throw await problem(response);
    }
    var text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  /** A date of the API (yyyy-mm-dd) as dd/mm/yyyy; '' for none. */
  function date(iso) {
    if (!iso) {
      return '';
    }
    var p = String(iso).substring(0, 10).split('-');
    return p.length === 3 ? p[2] + '/' + p[1] + '/' + p[0] : String(iso);
  }

  /** An instant of the API as dd/mm/yyyy HH:mm in Hà Nội time, whatever the browser's zone and locale. */
  function dateTime(instant) {
    if (!instant) {
      return '';
    }
    var parts = {};
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
      hourCycle: 'h23'
    }).formatToParts(new Date(instant)).forEach(function (p) { parts[p.type] = p.value; });
    return parts.day + '/' + parts.month + '/' + parts.year + ' ' + parts.hour + ':' + parts.minute;
  }

  /** dd/mm/yyyy (or d/m/yyyy) as the API's yyyy-mm-dd; null when it is not a real date. */
  function parseDate(text) {
    var m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text || '');
    if (!m) {
      return null;
    }
    var d = new Date(Date.UTC(+m[3], +m[2] - 1, +m[1]));
    if (d.getUTCFullYear() !== +m[3] || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[1]) {
      return null;
    }
    return m[3] + '-' + pad(+m[2]) + '-' + pad(+m[1]);
  }

  /** Today in Hà Nội as dd/mm/yyyy. */
  function today() {
    return dateTime(new Date().toISOString()).substring(0, 10);
  }

  function notifications() {
    var area = document.getElementById('dt-notifications');
    if (!area) {
      area = el('div', { id: 'dt-notifications', class: 'dt-notifications', role: 'status' });
      document.body.insertBefore(area, document.body.firstChild.nextSibling);
    }
    return area;
  }

  /** Shows a message (an Error from DT.api, or {vi, en}) as an alert; kind: danger, success, info. */
  function notify(message, kind) {
    // A refusal reads Vietnamese first, English below, whatever the language chosen.
    var lines = message instanceof Error
      ? [message.vi || message.message].concat(message.en ? [message.en] : [], message.details || [])
      : (kind || 'danger') === 'danger' && typeof message === 'object' ? [message.vi, message.en] : [t(message)];
    var alert = el('div', { class: 'alert alert-' + (kind || 'danger') + ' dt-alert' },
      el('button', { type: 'button', class: 'close', 'aria-label': 'Đóng / Close',
        onclick: function () { alert.remove(); } }, '×'),
      lines.map(function (line, i) { return el('div', { class: i === 0 ? 'dt-alert-main' : 'dt-alert-more' }, line); }));
    notifications().appendChild(alert);
    if (kind === 'success') {
      setTimeout(function () { alert.remove(); }, 8000);
    }
    return alert;
  }

  function pageHref(id) {
    return appRoot + '/app/' + id + '/default/';
  }

  function dropdown(cls, toggle, items) {
    var li = el('li', { class: cls + ' dropdown' });
    var link = el('a', { href: '#', class: 'dropdown-toggle', 'aria-haspopup': 'true',
      onclick: function (e) { e.preventDefault(); li.classList.toggle('open'); } }, toggle);
    li.appendChild(link);
    li.appendChild(el('ul', { class: 'dropdown-menu dropdown-menu-right' }, items));
    document.addEventListener('click', function (e) {
      if (!li.contains(e.target)) {
        li.classList.remove('open');
      }
    });
    return li;
  }

  async function logout() {
    try {
      await api('POST', appRoot + '/api/admin/auth/user/default/logout');
    } finally {
      window.location.href = pageHref('welcome');
    }
  }

  function header(page, auth, me) {
    var apps = (auth.authorizedApps || []).filter(function (a) { return CAMUNDA_APPS[a] && a !== 'welcome'; })
      .map(function (a) { return el('li', { class: 'dt-app-' + a }, el('a', { href: pageHref(a) }, CAMUNDA_APPS[a])); });
    var ours = (me.pages || []).filter(function (p) { return p.id !== page.page; })
      .map(function (p) { return el('li', { class: 'dt-page-' + p.id }, el('a', { href: pageHref(p.id) }, p)); });
    var switcher = [el('li', { class: 'dt-app-welcome' }, el('a', { href: pageHref('welcome') }, CAMUNDA_APPS.welcome))]
      .concat(apps, ours);
    var other = lang === 'vi' ? 'en' : 'vi';
    return el('div', { 'cam-widget-header': true, class: 'dt-header' },
      el('div', { class: 'navbar-header' },
        el('a', { class: 'navbar-brand app-banner', href: pageHref(page.page) },
          el('span', { class: 'brand-name' }, 'Directive Tracker'),
          el('span', { class: 'dt-page-name' }, page.title))),
      el('nav', { class: 'cam-nav app-menu' },
        el('ul', {},
          el('li', { class: 'dt-lang' }, el('a', { href: '#', lang: other, title: other === 'en' ? 'English' : 'Tiếng Việt',
            onclick: function (e) { e.preventDefault(); localStorage.setItem(LANG_KEY, other); window.location.reload(); } },
            other === 'en' ? 'English' : 'Tiếng Việt')),
          dropdown('account', [el('span', { class: 'glyphicon glyphicon-user' }), ' ' + auth.userId], [
            el('li', { class: 'profile' }, el('a', { href: pageHref('welcome') }, { vi: 'Hồ sơ của tôi', en: 'My profile' })),
            el('li', { class: 'divider' }),
            el('li', { class: 'logout' }, el('a', { href: '#', onclick: function (e) { e.preventDefault(); logout(); } },
              { vi: 'Đăng xuất', en: 'Sign out' }))]),
          el('li', { class: 'divider-vertical' }),
          dropdown('app-switch', [el('span', { class: 'glyphicon glyphicon-home' }), el('span', { class: 'caret' })],
            switcher))));
  }

  /**
   * Starts a page: {page: 'directives', title: {vi, en}}. Without a webapps login it goes to the login page;
   * answers {auth: {userId, authorizedApps}, me: GET /api/pages}.
   */
  async function start(page) {
    document.documentElement.lang = lang;
    document.title = t(page.title) + ' · Directive Tracker';
    var auth;
    try {
      auth = await api('GET', appRoot + '/api/admin/auth/user/default');
    } catch (notLoggedIn) {
      auth = null;
    }
    if (!auth || !auth.userId) {
      // Back here after the login (shared/header-links.js, on the welcome page): a bookmark or a mail's link
      // to this page would otherwise end on the welcome page.
      sessionStorage.setItem(AFTER_LOGIN_KEY, window.location.pathname + window.location.hash);
      window.location.replace(pageHref('welcome') + '#!/login');
      return new Promise(function () {});
    }
    var me = await api('GET', '/api/pages');
    var holder = document.getElementById('dt-header');
    holder.replaceWith(header(page, auth, me));
    return { auth: auth, me: me };
  }

  window.DT = {
    appRoot: appRoot, lang: lang, t: t, el: el, api: api, notify: notify, start: start, pageHref: pageHref,
    date: date, dateTime: dateTime, parseDate: parseDate, today: today
  };
}());
