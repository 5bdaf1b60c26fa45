// Event page: every field, sources with attribution, evidence highlighted in the article text, audit trail.
import {
  paintBadge, api, el, t, frame, typeLabel, subTypeLabel, statusLabel, showError, highlighted, actorName, placeName, TYPE_COLORS, lang,
  bdi, verbatim, num, date, dateTime, plural, fmtDate, fmtNum, attributionLabel, timePrecisionLabel, geoPrecisionLabel, interLabel,
  tagNode, actionLabel, actorText,
} from './common.js';
import { miniMap } from './minimap.js';
import { editForm } from './edit-form.js';

const main = document.getElementById('main');
const id = new URLSearchParams(location.search).get('id') || '';

function field(label, value, key) {
  const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length);
  return [el('dt', {}, label), el('dd', { 'data-field': key || null }, empty ? t('none') : value)];
}

const join = (nodes) => nodes.flatMap((n, i) => (i ? ['، ', n] : [n]));
const actorWithInter = (a) => a ? [verbatim(actorText(a)), ' (', interLabel(a.inter), ')'] : null;

export function renderFields(d) {
  const f = d.fields || {};
  const e = d.event;
  const loc = f.location || {};
  const hasPoint = loc.latitude !== undefined && loc.latitude !== null;
  const placeLine = loc.name || loc.name_ar ? verbatim(lang() === 'ar' ? (loc.name_ar || loc.name) : (loc.name || loc.name_ar)) : null;
  return el('dl', { class: 'fields', id: 'event-fields' },
    ...field(t('type'), typeLabel(e.eventType), 'event_type'),
    ...field(t('subtype'), subTypeLabel(e.subEventType), 'sub_event_type'),
    ...field(t('date'), e.date ? fmtDate(e.date) : null, 'date'),
    ...field(t('time_precision'), timePrecisionLabel(e.timePrecision), 'time_precision'),
    ...field(t('actor1'), actorWithInter(f.actor1), 'actor1'),
    ...field(t('assoc1'), join((f.assoc_actor_1 || []).map(a => verbatim(actorText(a)))), 'assoc_actor_1'),
    ...field(t('actor2'), actorWithInter(f.actor2), 'actor2'),
    ...field(t('assoc2'), join((f.assoc_actor_2 || []).map(a => verbatim(actorText(a)))), 'assoc_actor_2'),
    ...field(t('location'), placeLine, 'location'),
    ...field(t('admin1'), loc.admin1 ? verbatim(loc.admin1) : null, 'admin1'),
    ...field(t('admin2'), loc.admin2 ? verbatim(loc.admin2) : null, 'admin2'),
    ...field(t('coordinates'), hasPoint ? bdi(num(loc.latitude, { maximumFractionDigits: 4 }) + '، ' + num(loc.longitude, { maximumFractionDigits: 4 }), 'coords') : null, 'coordinates'),
    ...field(t('geo_precision'), loc.geo_precision ? geoPrecisionLabel(loc.geo_precision) : null, 'geo_precision'),
    ...field(t('fatalities'), f.fatalities === null || f.fatalities === undefined ? t('unknown') : bdi(num(f.fatalities), 'num'), 'fatalities'),
    ...field(t('attribution'), f.attribution ? [attributionLabel(f.attribution.kind), f.attribution.text ? [' — «', verbatim(f.attribution.text), '»'] : null] : null, 'attribution'),
    ...field(t('tags'), join((f.tags || []).map(tagNode)), 'tags'),
    ...field(t('notes'), join((Array.isArray(f.notes) ? f.notes : f.notes ? [f.notes] : []).map(n => verbatim(n))), 'notes'),
    ...field(t('confidence'), f.confidence === null || f.confidence === undefined ? null : bdi(num(f.confidence, { style: 'percent', maximumFractionDigits: 0 }), 'num'), 'confidence'),
    ...field(t('status'), statusLabel(e.status), 'status'),
    ...field(t('outlet'), e.outlet ? verbatim(e.outlet) : null, 'outlet'));
}

export function evidenceText(d) {
  const spans = (d.evidence || []).map((s, i) => ({ start: s.start, end: s.end, cls: 'evidence', title: t('evidence'), id: 'ev' + i }));
  const att = d.attribution;
  if (att && att.start !== null && att.start !== undefined) spans.push({ start: att.start, end: att.end, cls: 'attribution', title: t('attribution') });
  return highlighted(d.text || '', spans);
}

export function auditTable(items) {
  if (!items.length) return el('p', { class: 'muted', id: 'audit-empty' }, t('none'));
  // The audit's before/after in the reader's language; data-fatalities keeps the raw figure for tools and tests.
  const summarize = (j) => j ? el('span', { 'data-fatalities': j.fatalities ?? '' },
    typeLabel(j.event_type), ' · ', subTypeLabel(j.sub_event_type), ' · ', fmtDate(j.date), ' · ',
    t('fatalities') + ' ', bdi(j.fatalities === null || j.fatalities === undefined ? '?' : num(j.fatalities)),
    j.actor1 ? [' · ', verbatim(actorText(j.actor1))] : null, j.location ? [' · ', verbatim(lang() === 'ar' ? (j.location.name_ar || j.location.name) : j.location.name)] : null) : t('none');
  return el('table', { class: 'grid', id: 'audit' },
    el('thead', {}, el('tr', {}, ...['who', 'when', 'action', 'before', 'after'].map(k => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, ...items.map(a => el('tr', { 'data-action': a.action },
      el('td', {}, verbatim(a.user)), el('td', {}, bdi(dateTime(a.at))),
      el('td', {}, actionLabel(a.action), a.comment ? [' — ', verbatim(a.comment)] : null),
      el('td', { class: 'small' }, summarize(a.before)), el('td', { class: 'small' }, summarize(a.after))))));
}

async function start() {
  const cfg = await frame('map');
  const d = await api('/api/events/' + encodeURIComponent(id));
  const e = d.event;
  document.title = t('app') + ' — ' + typeLabel(e.eventType) + ' ' + (e.date ? date(e.date) : '');
  const badge = el('span', { class: 'type-badge' }, typeLabel(e.eventType));
  paintBadge(badge, e.eventType);
  const head = el('div', { class: 'page-head' },
    el('h1', {}, badge, ' ', subTypeLabel(e.subEventType), ' — ', fmtDate(e.date)),
    el('p', { class: 'muted' }, actorName(e.actor1), ' ⟷ ', actorName(e.actor2), ' · ', placeName(e.location), ' · ',
      el('span', { class: 'status st-' + e.status, id: 'event-status' }, statusLabel(e.status))));
  const sources = el('section', { class: 'card', id: 'sources' }, el('h2', {}, t('sources')));
  if (d.merged) {
    sources.append(el('p', { id: 'corroboration', 'data-outlets': d.merged.outletCount }, d.merged.outletCount > 1 ? plural('n_outlets', d.merged.outletCount) : t('single_source')));
    if (d.merged.fatalitiesConflict) {
      const figures = [...new Set(d.merged.sources.map(s => s.fatalities).filter(x => x !== null && x !== undefined))].sort((a, b) => a - b);
      sources.append(el('p', { class: 'warn', id: 'conflict', title: d.merged.conflictNote || null }, t('conflicting') + ': ', join(figures.map(x => bdi(num(x))))));
    }
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
  const loc = (d.fields || {}).location;
  if (loc && loc.latitude !== undefined && loc.latitude !== null) right.prepend(el('section', { class: 'card' }, el('h2', {}, t('location')), miniMap(loc, e.eventType)));
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
    el('strong', {}, verbatim(s.outlet || t('unknown'))), ' · ', s.published ? fmtDate(s.published) : '', s.republication ? ' · ↻' : '',
    el('div', {}, s.title ? verbatim(s.title) : ''),
    el('div', { class: 'small' }, t('attribution') + ': ', attributionLabel(att.kind), att.text ? [' — «', verbatim(att.text), '»'] : null, att.sourceName ? [' (', verbatim(att.sourceName), ')'] : null),
    el('div', { class: 'small' }, t('fatalities') + ': ', fmtNum(s.fatalities)),
    s.url ? el('a', { href: s.url, rel: 'noopener noreferrer nofollow', target: '_blank', class: 'small' }, verbatim(s.url)) : null,
    ' ', el('a', { href: '/article.html?id=' + encodeURIComponent(s.documentId), class: 'small' }, t('open_article')));
}

if (document.getElementById('main') && location.pathname.endsWith('/event.html')) start().catch(e => showError(main, e));
