// compare.js: a timeline entry (or a story) with its outlets side by side,
// the reporting sentences highlighted, numbers and quote wordings that differ
// between outlets marked.
'use strict';
(function (DL) {
  const {h} = DL;
  const NUM = /\d+(?:[.,]\d+)*/g;

  const norm = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const cpLen = (s) => Array.from(s).length;

  // The highlighted sentences of a source document: [{b, e, text}].
  function highlighted(doc) {
    return (doc.highlight || []).map((i) => doc.sentences[i]).filter(Boolean)
      .map(([b, e]) => ({b, e, text: DL.slice(doc.text, b, e)}));
  }

  function numbersIn(sents) {
    const out = new Set();
    for (const s of sents) for (const m of s.text.matchAll(NUM)) out.add(m[0]);
    return out;
  }

  // Numbers reported by some outlets' sentences but not by all of them.
  function differingNumbers(perDoc) {
    if (perDoc.length < 2) return new Set();
    const all = new Set(perDoc.flatMap((s) => [...s]));
    return new Set([...all].filter((n) => !perDoc.every((s) => s.has(n))));
  }

  function quotesIn(doc, sents) {
    const inside = (q) => !sents.length || sents.some((s) => q[0] < s.e && q[1] > s.b);
    return (doc.quotes || []).filter(inside).map((q) => ({b: q[0], e: q[1], key: norm(DL.slice(doc.text, q[0], q[1]))}));
  }

  function column(doc, sents, diffNums, quotes, otherQuoteKeys) {
    const marks = [];
    for (const s of sents) {
      marks.push({b: s.b, e: s.e, cls: 'hl', title: 'reports this entry'});
      for (const m of s.text.matchAll(NUM)) {
        if (!diffNums.has(m[0])) continue;
        const b = s.b + cpLen(s.text.slice(0, m.index));
        marks.push({b, e: b + cpLen(m[0]), cls: 'diff', title: 'this number is not the same in every outlet'});
      }
    }
    for (const q of quotes) {
      const differs = otherQuoteKeys.length > 0 && !otherQuoteKeys.includes(q.key);
      marks.push({b: q.b, e: q.e, cls: differs ? 'q qdiff' : 'q',
        title: differs ? 'quote worded differently by other outlets' : 'quote'});
    }
    const meta = doc.meta || {};
    return h('section', {class: 'col', tabindex: '0', 'aria-label': meta.outlet || 'unknown outlet'},
      h('header', {}, DL.outletBadge(meta.outlet), ' ',
        h('a', {href: '#/document/' + DL.enc(doc.id)}, meta.title || doc.id),
        h('p', {class: 'meta'}, DL.fmtDate(meta.published))),
      DL.markedText(doc.text, marks));
  }

  function sideBySide(docs, withHighlights) {
    const sents = docs.map((d) => (withHighlights ? highlighted(d) : []));
    const diffNums = differingNumbers(sents.map(numbersIn));
    const quotes = docs.map((d, i) => (withHighlights ? quotesIn(d, sents[i]) : quotesIn(d, [])));
    const cols = docs.map((d, i) => {
      const others = quotes.filter((_, j) => j !== i).flatMap((qs) => qs.map((q) => q.key));
      return column(d, sents[i], diffNums, quotes[i], withHighlights ? others : []);
    });
    return h('div', {class: 'compare', 'data-columns': cols.length}, cols);
  }

  function disagreementText(x) {
    if (typeof x === 'string') return x;
    if (!x || typeof x !== 'object') return String(x);
    if (x.description) return x.description;
    return Object.entries(x).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(' · ');
  }

  // After the view is on the page: scroll each column to its first highlight.
  DL.scrollColumns = function () {
    for (const col of document.querySelectorAll('.compare .col')) {
      const m = col.querySelector('mark.hl');
      if (m) col.scrollTop = Math.max(0, m.offsetTop - col.offsetTop - 48);
    }
  };

  DL.views.entry = async function (lineId, index) {
    const d = await DL.api(`storylines/${DL.enc(lineId)}/timeline/${DL.enc(index)}`);
    const e = d.entry;
    const dis = e.disagreements || [];
    const outlets = [...new Set(d.documents.map((x) => (x.meta && x.meta.outlet) || 'unknown outlet'))];
    return h('section', {class: 'entry-view'},
      h('p', {}, h('a', {href: '#/storyline/' + DL.enc(lineId)}, '← timeline')),
      h('h1', {}, e.description || '(no description)'),
      h('p', {class: 'meta'}, h('time', {datetime: e.date || ''}, DL.fmtDate(e.date, e.precision)),
        e.precision ? h('span', {class: 'prec'}, e.precision) : null, ' ',
        e.type ? h('span', {class: 'type'}, e.type) : null, ' ',
        e.status && e.status !== 'happened' ? h('span', {class: 'status'}, e.status) : null, ' ',
        e.place ? `in ${DL.name(e.place)} · ` : null,
        (e.actors || []).length ? 'Actors: ' + e.actors.map(DL.name).join(', ') : null),
      h('p', {class: 'meta'}, `Reported by ${outlets.length} outlet${outlets.length === 1 ? '' : 's'}: `,
        outlets.map((o) => DL.outletBadge(o))),
      dis.length ? h('div', {class: 'disagreements'}, h('h2', {}, 'Where the sources disagree'),
        h('ul', {}, dis.map((x) => h('li', {}, disagreementText(x))))) : null,
      h('p', {class: 'legend'}, h('mark', {class: 'hl'}, 'reports this entry'), ' ',
        h('mark', {class: 'diff'}, 'number differs'), ' ', h('mark', {class: 'q'}, 'quote'), ' ',
        h('mark', {class: 'q qdiff'}, 'quote worded differently')),
      d.documents.length ? sideBySide(d.documents, true) : h('p', {class: 'muted'}, 'The sources are not stored.'));
  };

  DL.views.story = async function (id) {
    const s = await DL.api('stories/' + DL.enc(id));
    const docs = await Promise.all(s.documents.filter((m) => !m.duplicate_of).slice(0, 6).map(async (m) => {
      const d = await DL.api('documents/' + DL.enc(m.id));
      const quotes = [];
      for (const q of d.quotes || []) for (const sp of q.spans || []) quotes.push(sp);
      return {id: d.id, meta: m, text: d.text, sentences: d.sentences, highlight: [], quotes};
    }));
    return h('section', {class: 'entry-view'},
      s.story.storyline ? h('p', {}, h('a', {href: '#/storyline/' + DL.enc(s.story.storyline)}, '← storyline')) : null,
      h('h1', {}, s.story.title || s.story.id),
      h('p', {class: 'meta'}, DL.range(s.story.first_date, s.story.last_date), ' · ',
        (s.story.outlets || []).map((o) => DL.outletBadge(o))),
      sideBySide(docs, false));
  };
})(window.DL);
