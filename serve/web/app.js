// app.js: the hash router. Routes: #/, #/storyline/ID[?actor=&type=],
// #/storyline/ID/entry/N, #/story/ID, #/document/ID, #/entities[?q=],
// #/entity/ID, #/search?q=&outlet=&entity=&type=&from=&to=
'use strict';
(function (DL) {
  const dec = decodeURIComponent;
  const routes = [
    [/^\/?$/, () => DL.views.storylines()],
    [/^\/storyline\/([^/]+)$/, (m, q) => DL.views.storyline(dec(m[1]), q)],
    [/^\/storyline\/([^/]+)\/entry\/([^/]+)$/, (m) => DL.views.entry(dec(m[1]), dec(m[2]))],
    [/^\/story\/([^/]+)$/, (m) => DL.views.story(dec(m[1]))],
    [/^\/document\/([^/]+)$/, (m) => DL.views.document(dec(m[1]))],
    [/^\/entities$/, (m, q) => DL.views.entities(q)],
    [/^\/entity\/([^/]+)$/, (m) => DL.views.entity(dec(m[1]))],
    [/^\/search$/, (m, q) => DL.views.search(q)],
  ];
  let seq = 0;

  async function render() {
    const main = document.getElementById('main');
    const hash = location.hash.replace(/^#/, '') || '/';
    const [path, qs] = hash.split('?');
    const query = new URLSearchParams(qs || '');
    const my = ++seq;
    main.setAttribute('aria-busy', 'true');
    let el;
    try {
      const route = routes.find(([re]) => re.test(path));
      if (!route) throw Object.assign(new Error('no page ' + path), {status: 404});
      el = await route[1](route[0].exec(path), query);
    } catch (err) {
      el = DL.errorBox(err);
    }
    if (my !== seq) return;  // a newer navigation won
    main.replaceChildren(el);
    main.removeAttribute('aria-busy');
    const h1 = main.querySelector('h1');
    document.title = (h1 ? h1.textContent + ' — ' : '') + 'dateline';
    for (const a of document.querySelectorAll('header.top nav a'))
      a.toggleAttribute('aria-current', a.getAttribute('href') === '#' + path.replace(/^(\/[^/]*).*/, '$1'));
    DL.scrollColumns();
    if (render.navigated) main.focus({preventScroll: true});
    render.navigated = true;
    document.body.dataset.view = path.split('/')[1] || 'home';
    document.body.dataset.ready = String(my);
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('quick-search');
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const q = form.elements.q.value.trim();
      if (q) location.hash = '#/search?q=' + DL.enc(q);
    });
    window.addEventListener('hashchange', render);
    render();
  });
})(window.DL);
