// A small static map of one event's place (offline basemap, governorate outlines), styled by geo-precision.
import { el, t, TYPE_COLORS, geoPrecisionLabel } from './common.js';
import { addBasemap } from './basemap.js';

export function miniMap(loc, type) {
  const box = el('div', { class: 'mini-map', id: 'mini-map', role: 'img', 'aria-label': t('location') + ': ' + geoPrecisionLabel(loc.geo_precision || 1) });
  const caption = el('p', { class: 'small muted' }, t('geo_precision') + ': ' + geoPrecisionLabel(loc.geo_precision || 1));
  const wrap = el('div', {}, box, caption);
  if (typeof L === 'undefined') return wrap;
  // Leaflet needs the box in the document to size itself.
  requestAnimationFrame(() => {
    const precision = loc.geo_precision || 1;
    const zoom = precision === 3 ? 7 : precision === 2 ? 9 : 10;
    const m = L.map(box, { zoomControl: false,  attributionControl: true, dragging: true, scrollWheelZoom: false, keyboard: false }).setView([loc.latitude, loc.longitude], zoom);
    addBasemap(m, {});
    const color = TYPE_COLORS[type] || '#555';
    L.circleMarker([loc.latitude, loc.longitude], precision === 3
      ? { radius: 14, color, weight: 2, dashArray: '3 3', fillOpacity: 0.08 }
      : { radius: 8, color: '#fff', weight: 2, fillColor: color, fillOpacity: precision === 2 ? 0.5 : 0.9 }).addTo(m);
    box.dataset.ready = '1';
  });
  return wrap;
}
