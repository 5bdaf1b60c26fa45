// Article page: the original text with entities highlighted by type, and the events found in it.
import { api, el, t, frame, typeLabel, statusLabel, showError, highlighted } from './common.js';

const main = document.getElementById('main');
const id = new URLSearchParams(location.search).get('id') || '';
const TYPES = ['place', 'actor', 'person', 'date', 'quantity'];

async function start() {
  await frame('map');
  const a = await api('/api/articles/' + encodeURIComponent(id));
  const doc = a.document;
  document.title = t('app') + ' — ' + (doc.title || t('article'));
  const spans = a.entities.map(e => ({ start: e.start, end: e.end, cls: 'ent ent-' + e.type, title: t('ent_' + e.type) + (e.refName ? ': ' + e.refName : '') }));
  for (const ev of a.events) for (const s of ev.evidence) spans.push({ start: s.start, end: s.end, cls: 'evidence-soft' });
  const legend = el('div', { class: 'legend' }, ...TYPES.map(x => el('span', { class: 'legend-item' }, el('mark', { class: 'ent ent-' + x }, t('ent_' + x)))));
  const meta = el('p', { class: 'muted' }, doc.outlet || '', ' · ', doc.published || '', ' · ', doc.path || '',
    doc.url ? [' · ', el('a', { href: doc.url, rel: 'noopener noreferrer nofollow', target: '_blank', id: 'source-url' }, doc.url)] : null);
  const events = el('section', { class: 'card' }, el('h2', {}, t('events_in_article')),
    el('ul', { class: 'event-links', id: 'article-events' }, ...a.events.map(ev => el('li', {},
      el('a', { href: '/event.html?id=' + encodeURIComponent(ev.summary.id) }, typeLabel(ev.summary.eventType) + ' — ' + ev.summary.subEventType + ' — ' + (ev.summary.date || t('unknown'))),
      ' ', el('span', { class: 'status st-' + ev.summary.status }, statusLabel(ev.summary.status))))));
  const warnings = a.warnings && a.warnings.length ? el('ul', { class: 'warn' }, ...a.warnings.map(w => el('li', {}, w))) : null;
  main.append(el('div', { class: 'page-head' }, el('h1', { id: 'article-title', dir: 'auto' }, doc.title || t('article')), meta),
    el('div', { class: 'two-col' },
      el('section', { class: 'card' }, el('h2', {}, t('entities')), legend, highlighted(a.text, spans)),
      el('div', { class: 'col' }, events, warnings)));
}

start().catch(e => showError(main, e));
