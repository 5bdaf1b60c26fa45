// The offline basemap: Natural Earth countries, governorate outlines, and district outlines when zoomed in
// (Who's On First, simplified by `marsad data build`). A tile server is used only when the operator configures one.
import { lang } from './common.js';

const DISTRICTS_FROM_ZOOM = 8;

async function json(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(url + ': ' + r.status);
  return r.json();
}

function labelAt(layer, latlng, text, cls) {
  const icon = L.divIcon({ className: cls, html: '', iconSize: null });
  const m = L.marker(latlng, { icon, interactive: false, keyboard: false, pane: 'labels' });
  m.on('add', () => { const e = m.getElement(); if (e) e.textContent = text; });
  layer.addLayer(m);
}

const nameOf = (p) => (lang() === 'ar' && p.name_ar ? p.name_ar : p.name);

export function addBasemap(map, cfg) {
  if (cfg.tileUrl) {
    L.tileLayer(cfg.tileUrl, { attribution: cfg.tileAttribution || '', maxZoom: 18 }).addTo(map);
  } else {
    map.getContainer().classList.add('offline');
  }
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth · Who's On First · OpenSyria (CC BY 4.0)");
  // Panes: land (countries, opaque offline) under the admin outlines, both under the markers (overlay pane, 400).
  map.createPane('land').style.zIndex = '300';
  map.createPane('admin').style.zIndex = '350';
  map.createPane('labels').style.zIndex = '450';
  json('/basemap/region-countries.geojson').then(gj => {
    L.geoJSON(gj, { pane: 'land', style: f => ({ color: '#5d6d7e', weight: f.properties.iso_n3 === '760' ? 2 : 1, fillColor: f.properties.iso_n3 === '760' ? '#fdfefe' : '#eef1f3', fillOpacity: cfg.tileUrl ? 0 : 1 }), interactive: false }).addTo(map);
  }).catch(() => { /* no country outlines: markers still show */ });
  const govLabels = L.layerGroup().addTo(map);
  json('/basemap/admin1.geojson').then(gj => {
    L.geoJSON(gj, { pane: 'admin', interactive: false, style: () => ({ color: '#7d3c98', weight: 1.2, opacity: 0.8, fill: false }) }).addTo(map);
    for (const f of gj.features) labelAt(govLabels, [f.properties.label_lat, f.properties.label_lon], nameOf(f.properties), 'gov-label');
    map.getContainer().dataset.admin1 = String(gj.features.length);
  }).catch(() => json('/basemap/syria-governorates.geojson').then(gj => {
    // Older builds: governorates as labelled centroid points.
    for (const f of gj.features) labelAt(govLabels, [f.geometry.coordinates[1], f.geometry.coordinates[0]], nameOf(f.properties), 'gov-label');
  }));
  let districts = null;
  const districtLayer = L.layerGroup();
  const update = () => {
    const on = map.getZoom() >= DISTRICTS_FROM_ZOOM;
    if (on && !districts) {
      districts = json('/basemap/admin2.geojson').then(gj => {
        L.geoJSON(gj, { pane: 'admin', interactive: false, style: () => ({ color: '#a569bd', weight: 0.7, dashArray: '2 3', opacity: 0.8, fill: false }) }).addTo(districtLayer);
        // In Arabic a district without an Arabic name keeps its outline but no (Latin) label.
        for (const f of gj.features) if (lang() !== 'ar' || f.properties.name_ar) labelAt(districtLayer, [f.properties.label_lat, f.properties.label_lon], nameOf(f.properties), 'district-label');
      }).catch(() => { /* district outlines are optional */ });
    }
    if (on) districtLayer.addTo(map); else districtLayer.remove();
  };
  map.on('zoomend', update);
  update();
}
