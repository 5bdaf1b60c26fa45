// Map of events (Leaflet + markercluster), timeline per day/week by type, event list, exports.
import { api, el, t, frame, clear, TYPE_COLORS, EVENT_TYPES, typeLabel, statusLabel, showError, lang, placeName, actorName } from './common.js';
import { filterForm, currentFilters, filterQuery } from './filters.js';

const main = document.getElementById('main');
let map, cluster, bucket = new URLSearchParams(location.search).get('bucket') === 'week' ? 'week' : 'day';

async function start() {
  // Everything is requested at once: the page frame, the facets and the three views load in parallel.
  const f = currentFilters();
  const cfgP = frame('map');
  const facetsP = api('/api/facets').catch(() => ({}));
  const side = el('aside', { class: 'sidebar' });
  const mapBox = el('div', { id: 'map', class: 'map', role: 'region', 'aria-label': t('nav_map') });
  const legend = el('div', { class: 'legend', id: 'legend' }, el('strong', {}, t('legend')),
    ...EVENT_TYPES.map(x => el('span', { class: 'legend-item' }, el('i', { class: 'swatch', 'data-color': x }), typeLabel(x))));
  const timelineHead = el('div', { class: 'section-head' }, el('h2', {}, t('timeline')),
    el('div', { class: 'seg' },
      el('button', { type: 'button', id: 'bucket-day', class: bucket === 'day' ? 'on' : null, onclick: () => setBucket('day') }, t('per_day')),
      el('button', { type: 'button', id: 'bucket-week', class: bucket === 'week' ? 'on' : null, onclick: () => setBucket('week') }, t('per_week'))));
  const exportBox = el('div', { class: 'exports', id: 'exports' }, el('strong', {}, t('export')),
    el('label', {}, el('input', { type: 'checkbox', id: 'reviewed-only' }), t('reviewed_only')),
    ...[['acled-csv', 'ACLED CSV'], ['geojson', 'GeoJSON'], ['jsonl', 'JSONL']].map(([fmt, label]) =>
      el('a', { class: 'button', id: 'export-' + fmt, href: '/api/export', 'data-format': fmt, onclick: (ev) => {
        ev.preventDefault();
        const reviewed = document.getElementById('reviewed-only').checked ? 'true' : null;
        location.href = '/api/export?' + filterQuery(currentFilters(), { format: fmt, reviewed });
      } }, label)));
  const content = el('section', { class: 'content' },
    el('div', { class: 'map-wrap' }, mapBox, legend),
    el('p', { class: 'muted small', id: 'basemap-note' }, t('basemap_note')),
    timelineHead, el('div', { id: 'timeline', class: 'timeline' }),
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
  const u = new URL(location.href); u.searchParams.set('bucket', b); history.replaceState(null, '', u.href);
  document.getElementById('bucket-day').classList.toggle('on', b === 'day');
  document.getElementById('bucket-week').classList.toggle('on', b === 'week');
  loadTimeline(currentFilters());
}

function initMap(cfg) {
  map = L.map('map', { zoomSnap: 0.5, minZoom: 3, maxZoom: 16, attributionControl: true }).fitBounds([[32.3, 35.6], [37.4, 42.4]]);
  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, { attribution: cfg.tileAttribution || '', maxZoom: 18 }).addTo(map);
  } else {
    map.getContainer().classList.add('offline');
  }
  map.attributionControl.addAttribution('Natural Earth · OpenSyria (CC BY 4.0)');
  fetch('/basemap/region-countries.geojson').then(r => r.json()).then(gj => {
    L.geoJSON(gj, { style: f => ({ color: '#5d6d7e', weight: f.properties.iso_n3 === '760' ? 2 : 1, fillColor: f.properties.iso_n3 === '760' ? '#fdfefe' : '#eef1f3', fillOpacity: cfg.tileUrl ? 0 : 1 }), interactive: false }).addTo(map).bringToBack();
  });
  map.createPane('labels').style.zIndex = '450';
  fetch('/basemap/syria-governorates.geojson').then(r => r.json()).then(gj => {
    const layer = L.layerGroup();
    for (const f of gj.features) {
      const [lon, lat] = f.geometry.coordinates;
      const name = lang() === 'ar' ? f.properties.name_ar : f.properties.name;
      const icon = L.divIcon({ className: 'gov-label', html: '', iconSize: null });
      const m = L.marker([lat, lon], { icon, interactive: false, keyboard: false, pane: 'labels' });
      m.on('add', () => { const e = m.getElement(); if (e) e.textContent = name; });
      layer.addLayer(m);
    }
    layer.addTo(map);
  });
  // Clusters take the colour of their most frequent event type; the count is the only text.
  cluster = L.markerClusterGroup({
    maxClusterRadius: 40, chunkedLoading: true, showCoverageOnHover: false,
    iconCreateFunction: (c) => {
      const counts = {};
      for (const m of c.getAllChildMarkers()) counts[m.options.eventType] = (counts[m.options.eventType] || 0) + 1;
      const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
      const n = c.getChildCount();
      const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 48;
      const inner = el('div', { class: 'cluster-inner' }, el('span', {}, String(n)));
      inner.style.background = TYPE_COLORS[top] || '#555';
      return L.divIcon({ html: inner, className: 'cluster', iconSize: L.point(size, size) });
    },
  });
  map.addLayer(cluster);
}

async function load(f) {
  await Promise.all([loadMap(f), loadTimeline(f), loadList(f, 0)]);
}

async function loadMap(f) {
  const data = await api('/api/events/map?' + filterQuery(f));
  cluster.clearLayers();
  const markers = [];
  for (const e of data.items) {
    const radius = 5 + Math.min(14, Math.sqrt(e.fatalities || 0) * 2.2);
    const m = L.circleMarker([e.lat, e.lon], { radius, color: '#ffffff', weight: 1, fillColor: TYPE_COLORS[e.type] || '#555', fillOpacity: 0.85, eventType: e.type });
    m.bindPopup(() => popup(e));
    markers.push(m);
  }
  cluster.addLayers(markers);
  document.getElementById('map').dataset.markers = String(markers.length);
}

function popup(e) {
  return el('div', { class: 'popup' },
    el('strong', {}, typeLabel(e.type)), el('br'),
    el('span', {}, (e.date || t('unknown')) + ' · ' + (e.place || '')), el('br'),
    el('span', {}, t('fatalities') + ': ' + (e.fatalities ?? t('unknown'))), el('br'),
    el('a', { href: '/event.html?id=' + encodeURIComponent(e.id), class: 'popup-link' }, t('open_event')));
}

async function loadTimeline(f) {
  const box = document.getElementById('timeline');
  const data = await api('/api/events/timeline?' + filterQuery(f, { bucket }));
  clear(box);
  const buckets = data.buckets;
  if (!buckets.length) { box.append(el('p', { class: 'muted' }, t('n_events', 0))); return; }
  const NS = 'http://www.w3.org/2000/svg';
  const W = Math.max(600, box.clientWidth || 800), H = 150, pad = 22;
  const max = Math.max(...buckets.map(b => Object.values(b.counts).reduce((a, c) => a + c, 0)), 1);
  const bw = (W - pad * 2) / buckets.length;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`); svg.setAttribute('class', 'timeline-svg'); svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('timeline'));
  svg.setAttribute('direction', 'ltr');
  const rtl = document.documentElement.dir === 'rtl';
  buckets.forEach((b, i) => {
    let y = H - pad;
    const x = rtl ? W - pad - (i + 1) * bw : pad + i * bw;
    for (const type of EVENT_TYPES) {
      const n = b.counts[type] || 0;
      if (!n) continue;
      const h = (H - pad * 2) * n / max;
      const r = document.createElementNS(NS, 'rect');
      r.setAttribute('x', String(x + 1)); r.setAttribute('y', String(y - h));
      r.setAttribute('width', String(Math.max(1, bw - 2))); r.setAttribute('height', String(h));
      r.setAttribute('fill', TYPE_COLORS[type]);
      const title = document.createElementNS(NS, 'title'); title.textContent = `${b.start}: ${typeLabel(type)} ${n}`;
      r.append(title); svg.append(r);
      y -= h;
    }
  });
  const label = (txt, x, anchor) => { const tx = document.createElementNS(NS, 'text'); tx.textContent = txt; tx.setAttribute('x', String(x)); tx.setAttribute('y', String(H - 6)); tx.setAttribute('text-anchor', anchor); tx.setAttribute('class', 'axis'); svg.append(tx); };
  label(buckets[0].start, rtl ? W - pad : pad, rtl ? 'end' : 'start');
  if (buckets.length > 1) label(buckets[buckets.length - 1].start, rtl ? pad : W - pad, rtl ? 'start' : 'end');
  const maxT = document.createElementNS(NS, 'text'); maxT.textContent = String(max); maxT.setAttribute('x', String(rtl ? W - 2 : 2)); maxT.setAttribute('y', String(pad)); maxT.setAttribute('class', 'axis'); maxT.setAttribute('text-anchor', rtl ? 'end' : 'start'); svg.append(maxT);
  box.append(svg);
}

const PAGE = 50;
async function loadList(f, offset) {
  const box = document.getElementById('event-list');
  const data = await api('/api/events?' + filterQuery(f, { limit: PAGE, offset }));
  document.getElementById('event-count').textContent = t('n_events', data.total);
  clear(box);
  const table = el('table', { class: 'grid', id: 'events-table' },
    el('thead', {}, el('tr', {}, ...['date', 'type', 'subtype', 'actor1', 'actor2', 'location', 'fatalities', 'status'].map(k => el('th', {}, t(k))))),
    el('tbody', {}, ...data.items.map(e => el('tr', { 'data-id': e.id },
      el('td', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(e.id) }, e.date || t('unknown'))),
      el('td', {}, el('i', { class: 'dot', 'data-color': e.eventType }), typeLabel(e.eventType)),
      el('td', {}, e.subEventType),
      el('td', {}, actorName(e.actor1)), el('td', {}, actorName(e.actor2)),
      el('td', {}, placeName(e.location)),
      el('td', { class: 'num' }, e.fatalities ?? t('unknown')),
      el('td', {}, el('span', { class: 'status st-' + e.status }, statusLabel(e.status)))))));
  for (const d of table.querySelectorAll('.dot')) d.style.background = TYPE_COLORS[d.dataset.color];
  box.append(table);
  const pager = el('div', { class: 'pager' },
    el('button', { type: 'button', disabled: offset === 0, onclick: () => loadList(f, Math.max(0, offset - PAGE)) }, t('page_prev')),
    el('span', {}, `${data.total ? offset + 1 : 0}–${offset + data.items.length} / ${data.total}`),
    el('button', { type: 'button', disabled: offset + PAGE >= data.total, onclick: () => loadList(f, offset + PAGE) }, t('page_next')));
  box.append(pager);
}

start().catch(e => showError(main, e));
