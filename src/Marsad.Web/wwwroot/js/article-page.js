// Article page: the original text with entities highlighted by type, and the events found in it.
import {
  api, el, t, frame, typeLabel, subTypeLabel, statusLabel, showError, highlighted, verbatim, fmtDate, warningNode, actorText, lang,
} from './common.js';

const main = document.getElementById('main');
const id = new URLSearchParams(location.search).get('id') || '';
const TYPES = ['place', 'actor', 'person', 'date', 'quantity'];

/** An entity's catalogue name for its tooltip: the actor catalogue's Arabic name in Arabic mode. */
function refName(e) {
  if (!e.refName) return '';
  return e.type === 'actor' && lang() === 'ar' ? actorText({ id: e.refId, name: e.refName }) : e.refName;
}

async function start() {
  await frame('map');
  const a = await api('/api/articles/' + encodeURIComponent(id));
  const doc = a.document;
  document.title = t('app') + ' — ' + (doc.title || t('article'));
  const spans = a.entities.map(e => ({ start: e.start, end: e.end, cls: 'ent ent-' + e.type, title: t('ent_' + e.type) + (e.refName ? ': ' + refName(e) : '') }));
  for (const ev of a.events) for (const s of ev.evidence) spans.push({ start: s.start, end: s.end, cls: 'evidence-soft' });
  const legend = el('div', { class: 'legend' }, ...TYPES.map(x => el('span', { class: 'legend-item' }, el('mark', { class: 'ent ent-' + x }, t('ent_' + x)))));
  const meta = el('p', { class: 'muted' }, doc.outlet ? verbatim(doc.outlet) : '', ' · ', doc.published ? fmtDate(doc.published) : '', ' · ', el('span', { id: 'source-name' }, verbatim(doc.path)),
    doc.url ? [' · ', el('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank', id: 'source-url' }, verbatim(doc.url))] : null);
  const events = el('section', { class: 'card' }, el('h2', {}, t('events_in_article')),
    el('ul', { class: 'event-links', id: 'article-events' }, ...a.events.map(ev => el('li', {},
      el('a', { href: '/event.html?id=' + encodeURIComponent(ev.summary.id) }, typeLabel(ev.summary.eventType), ' — ', subTypeLabel(ev.summary.subEventType), ' — ', fmtDate(ev.summary.date)),
      ' ', el('span', { class: 'status st-' + ev.summary.status }, statusLabel(ev.summary.status))))));
  const warnings = a.warnings && a.warnings.length
    ? el('section', { class: 'card', id: 'warnings' }, el('h2', {}, t('warnings')), el('ul', { class: 'warn' }, ...a.warnings.map(w => el('li', {}, warningNode(w)))))
    : null;
  main.append(el('div', { class: 'page-head' }, el('h1', { id: 'article-title' }, doc.title ? verbatim(doc.title) : t('article')), meta),
    el('div', { class: 'two-col' },
      el('section', { class: 'card' }, el('h2', {}, t('entities')), legend, highlighted(a.text, spans)),
      el('div', { class: 'col' }, events, warnings)));
}

start().catch(e => showError(main, e));
