// Event page: every field, sources with attribution, evidence highlighted in the article text, audit trail.
import { api, el, t, frame, clear, typeLabel, statusLabel, showError, highlighted, actorName, placeName, TYPE_COLORS } from './common.js';
import { editForm } from './edit-form.js';

const main = document.getElementById('main');
const id = new URLSearchParams(location.search).get('id') || '';

function field(label, value, key) {
  return [el('dt', {}, label), el('dd', { 'data-field': key || null }, value === null || value === undefined || value === '' ? t('none') : String(value))];
}

export function renderFields(d) {
  const f = d.fields || {};
  const e = d.event;
  const loc = f.location || {};
  const list = (x) => Array.isArray(x) ? x.join('، ') : x;
  return el('dl', { class: 'fields', id: 'event-fields' },
    ...field(t('type'), typeLabel(e.eventType), 'event_type'),
    ...field(t('subtype'), e.subEventType, 'sub_event_type'),
    ...field(t('date'), e.date, 'date'),
    ...field(t('time_precision'), e.timePrecision, 'time_precision'),
    ...field(t('actor1'), f.actor1 ? `${f.actor1.name}${f.actor1.inter ? ' (' + f.actor1.inter + ')' : ''}` : null, 'actor1'),
    ...field(t('assoc1'), (f.assoc_actor_1 || []).map(a => a.name).join('، '), 'assoc_actor_1'),
    ...field(t('actor2'), f.actor2 ? `${f.actor2.name}${f.actor2.inter ? ' (' + f.actor2.inter + ')' : ''}` : null, 'actor2'),
    ...field(t('assoc2'), (f.assoc_actor_2 || []).map(a => a.name).join('، '), 'assoc_actor_2'),
    ...field(t('location'), [loc.name_ar, loc.name].filter(Boolean).join(' / '), 'location'),
    ...field(t('admin1'), loc.admin1, 'admin1'),
    ...field(t('admin2'), loc.admin2, 'admin2'),
    ...field(t('coordinates'), loc.latitude !== undefined && loc.latitude !== null ? `${loc.latitude}, ${loc.longitude}` : null, 'coordinates'),
    ...field(t('geo_precision'), loc.geo_precision, 'geo_precision'),
    ...field(t('fatalities'), f.fatalities === null || f.fatalities === undefined ? t('unknown') : f.fatalities, 'fatalities'),
    ...field(t('attribution'), f.attribution ? [f.attribution.kind, f.attribution.text].filter(Boolean).join(' — ') : null, 'attribution'),
    ...field(t('tags'), list(f.tags), 'tags'),
    ...field(t('notes'), list(f.notes), 'notes'),
    ...field(t('confidence'), f.confidence, 'confidence'),
    ...field(t('status'), statusLabel(e.status), 'status'),
    ...field(t('outlet'), e.outlet, 'outlet'));
}

export function evidenceText(d) {
  const spans = (d.evidence || []).map((s, i) => ({ start: s.start, end: s.end, cls: 'evidence', title: t('evidence'), id: 'ev' + i }));
  const att = d.attribution;
  if (att && att.start !== null && att.start !== undefined) spans.push({ start: att.start, end: att.end, cls: 'attribution', title: t('attribution') });
  return highlighted(d.text || '', spans);
}

export function auditTable(items) {
  if (!items.length) return el('p', { class: 'muted', id: 'audit-empty' }, t('none'));
  const summarize = (j) => j ? [j.event_type, j.sub_event_type, j.date, 'fatalities=' + (j.fatalities ?? '?'), j.actor1 && j.actor1.name, j.location && j.location.name].filter(Boolean).join(' · ') : t('none');
  return el('table', { class: 'grid', id: 'audit' },
    el('thead', {}, el('tr', {}, ...['who', 'when', 'action', 'before', 'after'].map(k => el('th', {}, t(k))))),
    el('tbody', {}, ...items.map(a => el('tr', { 'data-action': a.action },
      el('td', {}, a.user), el('td', {}, new Date(a.at).toISOString().replace('T', ' ').slice(0, 19)),
      el('td', {}, a.action + (a.comment ? ' — ' + a.comment : '')),
      el('td', { class: 'small' }, summarize(a.before)), el('td', { class: 'small' }, summarize(a.after))))));
}

async function start() {
  const cfg = await frame('map');
  const d = await api('/api/events/' + encodeURIComponent(id));
  const e = d.event;
  document.title = t('app') + ' — ' + typeLabel(e.eventType) + ' ' + (e.date || '');
  const badge = el('span', { class: 'type-badge' }, typeLabel(e.eventType));
  badge.style.background = TYPE_COLORS[e.eventType] || '#555';
  const head = el('div', { class: 'page-head' },
    el('h1', {}, badge, ' ', e.subEventType, ' — ', e.date || t('unknown')),
    el('p', { class: 'muted' }, actorName(e.actor1), ' ⟷ ', actorName(e.actor2), ' · ', placeName(e.location), ' · ',
      el('span', { class: 'status st-' + e.status, id: 'event-status' }, statusLabel(e.status))));
  const sources = el('section', { class: 'card', id: 'sources' }, el('h2', {}, t('sources')));
  if (d.merged) {
    sources.append(el('p', { id: 'corroboration' }, d.merged.outletCount > 1 ? t('corroboration', d.merged.outletCount) : t('single_source')));
    if (d.merged.fatalitiesConflict) sources.append(el('p', { class: 'warn', id: 'conflict' }, t('conflicting') + ': ' + (d.merged.conflictNote || '')));
    for (const s of d.merged.sources) sources.append(sourceCard(s));
  } else {
    sources.append(el('p', { id: 'corroboration' }, t('single_source')));
    sources.append(sourceCard({ outlet: d.document.outlet, title: d.document.title, url: d.document.url, published: d.document.published, documentId: d.document.id, attribution: d.attribution, fatalities: e.fatalities, evidence: d.evidence }));
  }
  const textCard = el('section', { class: 'card' }, el('h2', {}, t('evidence'), ' — ', el('a', { href: '/article.html?id=' + encodeURIComponent(d.document.id), id: 'open-article' }, t('open_article'))), evidenceText(d));
  const auditCard = el('section', { class: 'card' }, el('h2', {}, t('audit')), auditTable(d.audit || []));
  const left = el('div', { class: 'col' }, el('section', { class: 'card' }, el('h2', {}, t('current_version')), renderFields(d)), sources, auditCard);
  if (d.machine && JSON.stringify(d.machine) !== JSON.stringify(d.fields)) {
    left.insertBefore(el('section', { class: 'card', id: 'machine-version' }, el('h2', {}, t('machine_version')), renderFields({ ...d, fields: d.machine, event: { ...e, eventType: d.machine.event_type, subEventType: d.machine.sub_event_type, date: d.machine.date, timePrecision: d.machine.time_precision, status: 'machine' } })), sources);
  }
  const right = el('div', { class: 'col sticky-col' }, textCard);
  if (cfg && cfg.user) {
    left.prepend(el('section', { class: 'card' }, el('h2', {}, t('edit')), editForm(d, () => location.reload())));
  }
  main.append(head, el('div', { class: 'two-col' }, left, right));
  const first = main.querySelector('mark.evidence');
  if (first) first.scrollIntoView({ block: 'center' });
}

function sourceCard(s) {
  const att = s.attribution || {};
  return el('div', { class: 'source' },
    el('strong', {}, s.outlet || t('unknown')), ' · ', s.published || '', s.republication ? ' · ↻' : '',
    el('div', {}, s.title || ''),
    el('div', { class: 'small' }, t('attribution') + ': ' + (att.kind || '') + (att.text ? ' — «' + att.text + '»' : '') + (att.sourceName ? ' (' + att.sourceName + ')' : '')),
    el('div', { class: 'small' }, t('fatalities') + ': ' + (s.fatalities ?? t('unknown'))),
    s.url ? el('a', { href: s.url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'small' }, s.url) : null,
    ' ', el('a', { href: '/article.html?id=' + encodeURIComponent(s.documentId), class: 'small' }, t('open_article')));
}

if (document.getElementById('main') && location.pathname.endsWith('/event.html')) start().catch(e => showError(main, e));
