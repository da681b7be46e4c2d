// views.js: the list and detail pages (storylines, storyline timeline,
// document, entities, entity, search). Each view returns an Element.
'use strict';
(function (DL) {
  const {h} = DL;

  DL.views = {};

  DL.views.storylines = async function () {
    const data = await DL.api('storylines', {limit: 200});
    const list = h('ul', {class: 'cards'});
    for (const l of data.storylines) {
      list.appendChild(h('li', {class: 'card'},
        h('h2', {}, h('a', {href: '#/storyline/' + DL.enc(l.id)}, l.title || l.id)),
        h('p', {class: 'meta'}, DL.range(l.first_date, l.last_date), ' · ',
          `${l.stories} ${l.stories === 1 ? 'story' : 'stories'}`, ' · ',
          `${l.documents} ${l.documents === 1 ? 'article' : 'articles'}`),
        h('p', {class: 'outlets'}, (l.outlets || []).map((o) => DL.outletBadge(o)))));
    }
    return h('section', {},
      h('h1', {}, 'Storylines'),
      data.total ? null : h('p', {class: 'muted'}, 'No storylines yet: ingest some pages (dateline ingest PAGES --db DB).'),
      list);
  };

  // Stacked bars: articles per day, one colour per outlet.
  DL.coverageChart = function (docs) {
    const byDay = new Map();
    const outlets = new Set();
    for (const d of docs) {
      const day = d.published ? String(d.published).slice(0, 10) : null;
      if (!day) continue;
      const o = d.outlet || 'unknown outlet';
      outlets.add(o);
      if (!byDay.has(day)) byDay.set(day, new Map());
      byDay.get(day).set(o, (byDay.get(day).get(o) || 0) + 1);
    }
    if (!byDay.size) return h('p', {class: 'muted'}, 'No dated articles to chart.');
    const days = [...byDay.keys()].sort();
    // Every day between the first and the last, so gaps show.
    const all = [];
    for (let t = Date.parse(days[0]); t <= Date.parse(days[days.length - 1]) && all.length < 400; t += 864e5)
      all.push(new Date(t).toISOString().slice(0, 10));
    const max = Math.max(...[...byDay.values()].map((m) => [...m.values()].reduce((a, b) => a + b, 0)));
    const W = 640, H = 160, pad = 24, bw = Math.max(2, (W - 2 * pad) / all.length - 2);
    const svg = DL.svg('svg', {viewBox: `0 0 ${W} ${H + 30}`, class: 'chart', role: 'img',
      'aria-label': `Articles per day from ${days[0]} to ${days[days.length - 1]}, at most ${max} a day`});
    svg.appendChild(DL.svg('line', {x1: pad, y1: H, x2: W - pad, y2: H, class: 'axis'}));
    all.forEach((day, i) => {
      let y = H;
      const x = pad + i * ((W - 2 * pad) / all.length) + 1;
      for (const [o, n] of (byDay.get(day) || new Map())) {
        const bh = (H - 10) * n / max;
        y -= bh;
        svg.appendChild(DL.svg('rect', {x, y, width: bw, height: bh, class: 'bar ' + DL.outletClass(o)},
          DL.svg('title', {}, `${DL.fmtDate(day)}: ${n} from ${o}`)));
      }
    });
    svg.appendChild(DL.svg('text', {x: pad, y: H + 18, class: 'tick'}, DL.fmtDate(all[0])));
    svg.appendChild(DL.svg('text', {x: W - pad, y: H + 18, class: 'tick end'}, DL.fmtDate(all[all.length - 1])));
    svg.appendChild(DL.svg('text', {x: 2, y: 12, class: 'tick'}, String(max)));
    return h('figure', {class: 'coverage'}, svg,
      h('figcaption', {}, 'Articles per day by outlet: ', [...outlets].sort().map((o) => DL.outletBadge(o))));
  };

  function entryItem(lineId, e) {
    const sources = e.sources || [];
    const outlets = [...new Set(sources.map((s) => s.outlet || 'unknown outlet'))];
    const dis = e.disagreements || [];
    return h('li', {class: 'entry'},
      h('div', {class: 'when'}, h('time', {datetime: e.date || ''}, DL.fmtDate(e.date, e.precision)),
        e.precision ? h('span', {class: 'prec'}, e.precision) : null,
        e.status && e.status !== 'happened' ? h('span', {class: 'status'}, e.status) : null),
      h('div', {class: 'what'},
        h('p', {class: 'desc'}, e.type ? h('span', {class: 'type'}, e.type) : null, ' ',
          h('a', {href: `#/storyline/${DL.enc(lineId)}/entry/${DL.enc(e.index)}`}, e.description || '(no description)')),
        (e.actors || []).length ? h('p', {class: 'actors'}, 'Actors: ', (e.actors || []).map(DL.name).join(', '),
          e.place ? ` · in ${DL.name(e.place)}` : null) : null,
        h('p', {class: 'sources'}, outlets.map((o) => DL.outletBadge(o)),
          dis.length ? h('span', {class: 'dis'}, `${dis.length} disagreement${dis.length === 1 ? '' : 's'}`) : null)));
  }

  function select(id, label, values, current) {
    return h('label', {for: id}, label, ' ',
      h('select', {id}, h('option', {value: ''}, 'all'),
        values.map((v) => h('option', {value: v, selected: v === current}, v))));
  }

  DL.views.storyline = async function (id, query) {
    const [info, tl, docs] = await Promise.all([
      DL.api('storylines/' + DL.enc(id)),
      DL.api(`storylines/${DL.enc(id)}/timeline`, {actor: query.get('actor'), type: query.get('type')})
        .catch((e) => (e.status === 404 ? {entries: [], types: [], actors: []} : Promise.reject(e))),
      DL.api('documents', {storyline: id, limit: 1000}),
    ]);
    const l = info.storyline;
    const filters = h('form', {class: 'filters', 'aria-label': 'Filter the timeline'},
      select('f-actor', 'Actor', tl.actors || [], query.get('actor') || ''),
      select('f-type', 'Event type', tl.types || [], query.get('type') || ''));
    filters.addEventListener('change', () => {
      const q = new URLSearchParams();
      for (const [k, el] of [['actor', '#f-actor'], ['type', '#f-type']]) {
        const v = filters.querySelector(el).value;
        if (v) q.set(k, v);
      }
      location.hash = `#/storyline/${DL.enc(id)}` + (q.toString() ? '?' + q : '');
    });
    const entries = h('ol', {class: 'timeline'}, (tl.entries || []).map((e) => entryItem(id, e)));
    const stories = h('ul', {class: 'plain'}, info.stories.map((s) => h('li', {},
      h('a', {href: '#/story/' + DL.enc(s.id)}, s.title || s.id), ' ',
      h('span', {class: 'meta'}, DL.range(s.first_date, s.last_date), ' · '), (s.outlets || []).map((o) => DL.outletBadge(o)))));
    return h('section', {},
      h('h1', {}, l.title || l.id),
      h('p', {class: 'meta'}, DL.range(l.first_date, l.last_date), ` · ${l.documents} articles · `,
        (l.outlets || []).map((o) => DL.outletBadge(o))),
      DL.coverageChart(docs.documents),
      h('h2', {}, 'Timeline'), filters,
      (tl.entries || []).length ? entries : h('p', {class: 'muted'}, 'No timeline entries' +
        (query.get('actor') || query.get('type') ? ' match these filters.' : ' yet for this storyline.')),
      h('h2', {}, 'Stories'), stories);
  };

  DL.views.document = async function (id) {
    const d = await DL.api('documents/' + DL.enc(id));
    const marks = [];
    for (const e of d.entities || [])
      for (const m of e.mentions || []) marks.push({b: m[0], e: m[1], cls: 'ent', title: `${e.name} (${e.type})`});
    for (const t of d.timexes || []) marks.push({b: t.span[0], e: t.span[1], cls: 'tx', title: `${t.type} ${t.value}`});
    for (const q of d.quotes || [])
      for (const s of q.spans || []) marks.push({b: s[0], e: s[1], cls: 'q', title: `${q.kind} quote` + (q.speaker_name ? ` of ${q.speaker_name}` : '')});
    return h('article', {class: 'doc'},
      h('h1', {}, d.title || d.id),
      h('p', {class: 'meta'}, DL.outletBadge(d.outlet), ' ', DL.fmtDate(d.published), ' ',
        d.url ? h('a', {href: d.url, rel: 'noopener noreferrer nofollow'}, 'original') : null,
        d.story ? [' · ', h('a', {href: '#/story/' + DL.enc(d.story)}, 'story')] : null,
        d.storyline ? [' · ', h('a', {href: '#/storyline/' + DL.enc(d.storyline)}, 'storyline')] : null),
      h('p', {class: 'legend'}, h('mark', {class: 'ent'}, 'entity'), ' ', h('mark', {class: 'tx'}, 'time'), ' ',
        h('mark', {class: 'q'}, 'quote')),
      DL.markedText(d.text, marks));
  };

  DL.views.entities = async function (query) {
    const q = query.get('q') || '';
    const data = await DL.api('entities', {q, limit: 200});
    const form = h('form', {class: 'filters', role: 'search'},
      h('label', {for: 'ent-q'}, 'Name '), h('input', {id: 'ent-q', type: 'search', value: q}),
      h('button', {type: 'submit'}, 'Find'));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      location.hash = '#/entities?q=' + DL.enc(form.querySelector('input').value);
    });
    return h('section', {}, h('h1', {}, 'Entities'), form,
      data.entities.length ? h('ul', {class: 'plain'}, data.entities.map((e) => h('li', {},
        h('a', {href: '#/entity/' + DL.enc(e.id)}, e.name || e.id), ' ',
        h('span', {class: 'meta'}, `${e.type || ''} · ${e.document_count || (e.documents || []).length} articles`))))
        : h('p', {class: 'muted'}, 'No entities found.'));
  };

  DL.views.entity = async function (id) {
    const d = await DL.api('entities/' + DL.enc(id));
    const e = d.entity;
    return h('section', {},
      h('h1', {}, e.name || e.id), h('p', {class: 'meta'}, e.type || ''),
      h('h2', {}, 'Names used'), h('p', {}, (e.variants || []).join(' · ') || '—'),
      h('h2', {}, 'Roles'), h('p', {}, (e.roles || []).join(' · ') || '—'),
      h('h2', {}, 'Quotes'), d.quotes.length ? h('ul', {class: 'plain'}, d.quotes.map((q) => h('li', {},
        h('blockquote', {}, q.text || ''), (q.sources || []).map((s) => DL.outletBadge(s.outlet,
          s.document ? '#/document/' + DL.enc(s.document) : null))))) : h('p', {class: 'muted'}, 'No quotes.'),
      h('h2', {}, 'Events'), d.events.length ? h('ul', {class: 'plain'}, d.events.map((ev) => h('li', {},
        h('time', {}, DL.fmtDate(ev.date, ev.precision)), ' ', ev.type ? h('span', {class: 'type'}, ev.type) : null, ' ',
        h('a', {href: `#/storyline/${DL.enc(ev.storyline || '')}/entry/${DL.enc(ev.index)}`}, ev.description || '(event)'))))
        : h('p', {class: 'muted'}, 'No events.'),
      h('h2', {}, 'Articles'), h('ul', {class: 'plain'}, d.documents.map((m) => h('li', {},
        h('a', {href: '#/document/' + DL.enc(m.id)}, m.title || m.id), ' ', DL.outletBadge(m.outlet)))));
  };

  DL.views.search = async function (query) {
    const fields = ['q', 'outlet', 'entity', 'type', 'from', 'to'];
    const form = h('form', {class: 'filters search', role: 'search'},
      h('label', {for: 's-q'}, 'Words '), h('input', {id: 's-q', name: 'q', type: 'search', value: query.get('q') || ''}),
      h('label', {for: 's-outlet'}, 'Outlet '), h('input', {id: 's-outlet', name: 'outlet', value: query.get('outlet') || ''}),
      h('label', {for: 's-entity'}, 'Entity '), h('input', {id: 's-entity', name: 'entity', value: query.get('entity') || ''}),
      h('label', {for: 's-type'}, 'Event type '), h('input', {id: 's-type', name: 'type', value: query.get('type') || ''}),
      h('label', {for: 's-from'}, 'From '), h('input', {id: 's-from', name: 'from', type: 'date', value: query.get('from') || ''}),
      h('label', {for: 's-to'}, 'To '), h('input', {id: 's-to', name: 'to', type: 'date', value: query.get('to') || ''}),
      h('button', {type: 'submit'}, 'Search'));
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const q = new URLSearchParams();
      for (const f of fields) { const v = form.elements[f].value.trim(); if (v) q.set(f, v); }
      location.hash = '#/search?' + q;
    });
    const out = h('section', {}, h('h1', {}, 'Search'), form);
    if (!fields.some((f) => query.get(f))) return out;
    const params = {};
    for (const f of fields) params[f] = query.get(f);
    let data;
    try { data = await DL.api('search', params); } catch (err) { return DL.append(out, [DL.errorBox(err)]); }
    return DL.append(out, [h('p', {class: 'meta', id: 'result-count'}, `${data.total} result${data.total === 1 ? '' : 's'}`),
      h('ol', {class: 'results'}, data.results.map((r) => h('li', {},
        h('a', {href: '#/document/' + DL.enc(r.id)}, r.title || r.id), ' ', DL.outletBadge(r.outlet), ' ',
        h('span', {class: 'meta'}, DL.fmtDate(r.published)),
        h('p', {class: 'snippet'}, r.snippet.map((p) => (p.hit ? h('mark', {}, p.text) : p.text))))))]);
  };
})(window.DL);
