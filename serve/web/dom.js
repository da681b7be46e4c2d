// dom.js: safe DOM building, API calls, marked-up article text, outlet colours.
// Nothing here ever parses a string as HTML: text always becomes text nodes.
'use strict';
window.DL = window.DL || {};
(function (DL) {
  // h('a', {href: '#/x', class: 'c'}, 'text', child, [children]) -> Element.
  DL.h = function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (/^on/i.test(k)) throw new Error('event handler attributes are not allowed');
      if (k === 'href') el.setAttribute('href', DL.safeHref(v));
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    DL.append(el, children);
    return el;
  };
  DL.append = function append(el, children) {
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      if (Array.isArray(c)) DL.append(el, c);
      else if (c instanceof Node) el.appendChild(c);
      else el.appendChild(document.createTextNode(String(c)));
    }
    return el;
  };
  // Only in-app routes and http(s) links; anything else (javascript:, data:) becomes '#'.
  DL.safeHref = function safeHref(v) {
    const s = String(v);
    if (s.startsWith('#/') || s === '/openapi.yaml') return s;
    try {
      const u = new URL(s);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
    } catch (e) { /* not a URL */ }
    return '#';
  };
  DL.svg = function svg(tag, attrs, ...children) {
    const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    DL.append(el, children);
    return el;
  };

  DL.api = async function api(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== undefined && v !== null && v !== '') qs.set(k, v);
    const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
    const res = await fetch(url, {headers: {Accept: 'application/json'}});
    let body = null;
    try { body = await res.json(); } catch (e) { body = {error: 'bad response'}; }
    if (!res.ok) {
      const err = new Error((body && body.error) || ('HTTP ' + res.status));
      err.status = res.status;
      throw err;
    }
    return body;
  };
  DL.enc = encodeURIComponent;

  // Dates: "2025-04-21" + precision -> "21 Apr 2025"; month -> "Apr 2025".
  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  DL.fmtDate = function fmtDate(d, precision) {
    if (!d) return 'undated';
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(d));
    if (!m) return String(d);
    if (m[3] && precision !== 'month' && precision !== 'year') return `${+m[3]} ${MONTHS[+m[2] - 1]} ${m[1]}`;
    if (m[2] && precision !== 'year') return `${MONTHS[+m[2] - 1]} ${m[1]}`;
    return m[1];
  };
  DL.range = function range(a, b) {
    if (!a && !b) return 'undated';
    if (!b || a === b) return DL.fmtDate(a || b);
    return DL.fmtDate(a) + ' – ' + DL.fmtDate(b);
  };

  // A stable colour class per outlet name (o0..o7).
  DL.outletClass = function outletClass(name) {
    let x = 0;
    for (const ch of String(name || '')) x = (x * 31 + ch.codePointAt(0)) >>> 0;
    return 'o' + (x % 8);
  };
  DL.outletBadge = function outletBadge(outlet, href) {
    const name = outlet || 'unknown outlet';
    const cls = 'badge ' + DL.outletClass(name);
    return href ? DL.h('a', {class: cls, href}, name) : DL.h('span', {class: cls}, name);
  };
  DL.name = function name(x) {
    if (x === null || x === undefined) return '';
    if (typeof x === 'string') return x;
    return x.name || x.id || '';
  };

  // Article text with marks [{b, e, cls, title}] in code point offsets;
  // "\n" separates paragraphs. Overlapping marks combine their classes.
  DL.markedText = function markedText(text, marks) {
    const cps = Array.from(text || '');
    const n = cps.length;
    const clamp = (x) => Math.max(0, Math.min(n, x | 0));
    const ms = (marks || []).map((m) => ({...m, b: clamp(m.b), e: clamp(m.e)})).filter((m) => m.e > m.b);
    const cuts = new Set([0, n]);
    for (const m of ms) { cuts.add(m.b); cuts.add(m.e); }
    cps.forEach((c, i) => { if (c === '\n') { cuts.add(i); cuts.add(i + 1); } });
    const pts = [...cuts].sort((a, b) => a - b);
    const root = DL.h('div', {class: 'article'});
    let p = DL.h('p');
    for (let k = 0; k + 1 < pts.length; k++) {
      const b = pts[k], e = pts[k + 1];
      const s = cps.slice(b, e).join('');
      if (s === '\n') { if (p.childNodes.length) root.appendChild(p); p = DL.h('p'); continue; }
      const on = ms.filter((m) => m.b <= b && m.e >= e);
      if (!on.length) { p.appendChild(document.createTextNode(s)); continue; }
      const cls = [...new Set(on.map((m) => m.cls))].join(' ');
      const title = on.map((m) => m.title).filter(Boolean).join('; ');
      p.appendChild(DL.h('mark', {class: cls, title: title || null}, s));
    }
    if (p.childNodes.length) root.appendChild(p);
    return root;
  };
  // Code point offsets of the sentence spans' text.
  DL.slice = function slice(text, b, e) { return Array.from(text || '').slice(b, e).join(''); };

  DL.errorBox = function errorBox(err) {
    return DL.h('div', {class: 'error', role: 'alert'},
      err.status === 404 ? 'Not found: ' : 'Something went wrong: ', err.message);
  };
})(window.DL);
