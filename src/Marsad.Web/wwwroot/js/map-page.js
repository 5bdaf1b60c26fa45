// Map of events (Leaflet + markercluster) styled by geo-precision, a stacked timeline with automatic buckets and
// range selection, the event list and exports. Every label, value and number is in the reader's language.
import {
  paintBadge, textOn, api, el, t, frame, clear, TYPE_COLORS, EVENT_TYPES, typeLabel, subTypeLabel, statusLabel, showError, lang, placeName, actorName,
  num, date, plural, bdi, fmtDate, fmtNum, verbatim, geoPrecisionLabel,
} from './common.js';
import { filterForm, currentFilters, filterQuery, applyFilters } from './filters.js';
import { drawTimeline } from './timeline.js';
import { addBasemap } from './basemap.js';

const main = document.getElementById('main');
const PRECISIONS = [1, 2, 3];
let map, cluster, lastItems = [], bucket = (['day', 'week', 'month'].includes(new URLSearchParams(location.search).get('bucket')) ? new URLSearchParams(location.search).get('bucket') : 'auto');
const shownPrecision = new Set(PRECISIONS);

async function start() {
  // Everything is requested at once: the page frame, the facets and the three views load in parallel.
  const f = currentFilters();
  const cfgP = frame('map');
  const facetsP = api('/api/facets').catch(() => ({}));
  const side = el('aside', { class: 'sidebar' });
  const mapBox = el('div', { id: 'map', class: 'map', role: 'region', 'aria-label': t('nav_map') });
  const legend = el('div', { class: 'legend', id: 'legend' }, el('strong', {}, t('legend')),
    ...EVENT_TYPES.map(x => el('span', { class: 'legend-item' }, el('i', { class: 'swatch', 'data-color': x }), typeLabel(x))));
  const precision = el('fieldset', { class: 'legend precision-filter', id: 'precision-filter' }, el('legend', {}, t('geo_precision')),
    ...PRECISIONS.map(p => el('label', { class: 'legend-item' },
      el('input', { type: 'checkbox', id: 'prec-' + p, checked: true, onchange: (ev) => { ev.target.checked ? shownPrecision.add(p) : shownPrecision.delete(p); drawMarkers(); } }),
      el('i', { class: 'prec-swatch prec-' + p, 'aria-hidden': 'true' }), geoPrecisionLabel(p))));
  const timelineHead = el('div', { class: 'section-head' }, el('h2', {}, t('timeline')),
    el('div', { class: 'seg', role: 'group', 'aria-label': t('timeline') },
      ...['auto', 'day', 'week', 'month'].map(b => el('button', { type: 'button', id: 'bucket-' + b, class: bucket === b ? 'on' : null, 'aria-pressed': String(bucket === b), onclick: () => setBucket(b) }, t('per_' + b)))));
  const exportBox = el('div', { class: 'exports', id: 'exports' }, el('strong', {}, t('export')),
    el('label', {}, el('input', { type: 'checkbox', id: 'reviewed-only' }), t('reviewed_only')),
    ...[['acled-csv', 'ACLED CSV'], ['geojson', 'GeoJSON'], ['jsonl', 'JSONL']].map(([fmt, label]) =>
      el('a', { class: 'button', id: 'export-' + fmt, href: '/api/export', 'data-format': fmt, lang: 'en', onclick: (ev) => {
        ev.preventDefault();
        const reviewed = document.getElementById('reviewed-only').checked ? 'true' : null;
        location.href = '/api/export?' + filterQuery(currentFilters(), { format: fmt, reviewed });
      } }, verbatim(label))));
  const content = el('section', { class: 'content' },
    el('div', { class: 'map-wrap' }, mapBox, legend, precision),
    el('p', { class: 'muted small', id: 'map-count', role: 'status' }),
    el('p', { class: 'muted small', id: 'basemap-note' }, t('basemap_note')),
    timelineHead, el('div', { id: 'timeline', class: 'timeline' }), el('p', { class: 'muted small', id: 'undated-count' }),
    el('div', { class: 'section-head' }, el('h2', { id: 'event-count' }, t('events')), exportBox),
    el('div', { id: 'event-list' }));
  main.append(side, content);
  for (const sw of legend.querySelectorAll('.swatch')) sw.style.background = TYPE_COLORS[sw.dataset.color];
  const cfg = await cfgP;
  initMap(cfg || {});
  const views = load(f);
  side.append(filterForm(await facetsP, load));
  await views;
}

function setBucket(b) {
  bucket = b;
  const u = new URL(location.href);
  if (b === 'auto') u.searchParams.delete('bucket'); else u.searchParams.set('bucket', b);
  history.replaceState(null, '', u.href);
  for (const x of ['auto', 'day', 'week', 'month']) {
    const btn = document.getElementById('bucket-' + x);
    btn.classList.toggle('on', x === b); btn.setAttribute('aria-pressed', String(x === b));
  }
  loadTimeline(currentFilters());
}

function initMap(cfg) {
  map = L.map('map', { zoomSnap: 0.5, minZoom: 3, maxZoom: 16, attributionControl: true, zoomControl: false }).fitBounds([[32.3, 35.6], [37.4, 42.4]]);
  L.control.zoom({ zoomInTitle: t('zoom_in'), zoomOutTitle: t('zoom_out') }).addTo(map);
  addBasemap(map, cfg);
  // Clusters take the colour of their most frequent event type; the count is the only text.
  cluster = L.markerClusterGroup({
    maxClusterRadius: 40, chunkedLoading: true, showCoverageOnHover: false,
    iconCreateFunction: (c) => {
      const counts = {};
      for (const m of c.getAllChildMarkers()) counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
      const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
      const n = c.getChildCount();
      const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
      const inner = el('div', { class: 'cluster-inner' }, el('span', {}, num(n)));
      inner.style.background = TYPE_COLORS[top] || '#555555';
      inner.style.color = textOn(TYPE_COLORS[top] || '#555555');
      return L.divIcon({ html: inner, className: 'cluster', iconSize: L.point(size, size) });
    },
  });
  map.addLayer(cluster);
}

async function load(f) {
  await Promise.all([loadMap(f), loadTimeline(f), loadList(f, 0)]);
}

/** Marker style by geo-precision: exact places solid, district-level lighter, governorate-level hollow and faded. */
export function markerStyle(e) {
  const color = TYPE_COLORS[e.type] || '#555';
  const radius = 5 + Math.min(14, Math.sqrt(e.fatalities || 0) * 2.2);
  if (e.geoPrecision === 3) return { radius: radius + 4, color, weight: 2, dashArray: '3 3', fillColor: color, fillOpacity: 0.08, opacity: 0.7 };
  if (e.geoPrecision === 2) return { radius, color: '#ffffff', weight: 1, fillColor: color, fillOpacity: 0.5 };
  return { radius, color: '#ffffff', weight: 1, fillColor: color, fillOpacity: 0.9 };
}

async function loadMap(f) {
  const data = await api('/api/events/map?' + filterQuery(f));
  lastItems = data.items;
  drawMarkers();
  const unplaced = document.getElementById('map-count');
  clear(unplaced).append(plural('n_markers', data.items.length), data.unplaced ? ' · ' + plural('n_unplaced', data.unplaced) : '');
}

function drawMarkers() {
  cluster.clearLayers();
  const markers = [];
  for (const e of lastItems) {
    if (!shownPrecision.has(e.geoPrecision || 1)) continue;
    const m = L.circleMarker([e.lat, e.lon], { ...markerStyle(e), eventType: e.type });
    m.bindPopup(() => popup(e));
    markers.push(m);
  }
  cluster.addLayers(markers);
  document.getElementById('map').dataset.markers = String(markers.length);
}

function popup(e) {
  const badge = el('strong', { class: 'type-badge' }, typeLabel(e.type));
  paintBadge(badge, e.type);
  const place = e.placeAr && lang() === 'ar' ? verbatim(e.placeAr) : verbatim(e.place || t('unknown'));
  return el('div', { class: 'popup' },
    badge, ' ', subTypeLabel(e.subType), el('br'),
    fmtDate(e.date), ' · ', place, el('br'),
    actorName(e.actor1), e.actor2 ? [' ⟷ ', actorName(e.actor2)] : null, el('br'),
    t('fatalities') + ': ', fmtNum(e.fatalities), el('br'),
    t('geo_precision') + ': ' + geoPrecisionLabel(e.geoPrecision || 1), el('br'),
    e.outlet ? [t('outlet') + ': ', verbatim(e.outlet), el('br')] : null,
    el('a', { href: '/event.html?id=' + encodeURIComponent(e.id), class: 'popup-link' }, t('open_event')));
}

async function loadTimeline(f) {
  const box = document.getElementById('timeline');
  const data = await api('/api/events/timeline?' + filterQuery(f, { bucket: bucket === 'auto' ? null : bucket }));
  clear(box);
  const undated = document.getElementById('undated-count');
  undated.textContent = data.undated ? plural('n_undated', data.undated) : '';
  if (!data.buckets.length) { box.append(el('p', { class: 'muted' }, plural('n_events', 0))); return; }
  box.append(drawTimeline(data, {
    width: Math.max(320, box.clientWidth || 800),
    onRange: (from, to) => applyFilters({ from, to }),
  }));
}

const PAGE = 50;
async function loadList(f, offset) {
  const box = document.getElementById('event-list');
  const data = await api('/api/events?' + filterQuery(f, { limit: PAGE, offset }));
  document.getElementById('event-count').textContent = plural('n_events', data.total);
  clear(box);
  const table = el('table', { class: 'grid', id: 'events-table' },
    el('thead', {}, el('tr', {}, ...['date', 'type', 'subtype', 'actor1', 'actor2', 'location', 'fatalities', 'status'].map(k => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, ...data.items.map(e => el('tr', { 'data-id': e.id },
      el('td', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(e.id) }, bdi(date(e.date), 'date'))),
      el('td', {}, el('i', { class: 'dot', 'data-color': e.eventType, 'aria-hidden': 'true' }), typeLabel(e.eventType)),
      el('td', {}, subTypeLabel(e.subEventType)),
      el('td', {}, actorName(e.actor1)), el('td', {}, actorName(e.actor2)),
      el('td', {}, placeName(e.location)),
      el('td', { class: 'num' }, fmtNum(e.fatalities)),
      el('td', {}, el('span', { class: 'status st-' + e.status }, statusLabel(e.status)))))));
  for (const d of table.querySelectorAll('.dot')) d.style.background = TYPE_COLORS[d.dataset.color];
  box.append(el('div', { class: 'table-wrap' }, table));
  const pager = el('div', { class: 'pager' },
    el('button', { type: 'button', disabled: offset === 0, onclick: () => loadList(f, Math.max(0, offset - PAGE)) }, t('page_prev')),
    el('span', {}, bdi(t('page_of', num(data.total ? offset + 1 : 0), num(offset + data.items.length), num(data.total)))),
    el('button', { type: 'button', disabled: offset + PAGE >= data.total, onclick: () => loadList(f, offset + PAGE) }, t('page_next')));
  box.append(pager);
}

start().catch(e => showError(main, e));
