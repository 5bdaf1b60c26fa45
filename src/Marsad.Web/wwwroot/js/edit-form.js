// The reviewer's edit form (any field); the evidence stays visible beside it. Actors are picked from the actor
// catalogue and places from the gazetteer (typing a name that is in neither still works).
import {
  api, el, t, typeLabel, subTypeLabel, EVENT_TYPES, attributionLabel, timePrecisionLabel, geoPrecisionLabel, catalogueActors, actorText,
  errorText, clear, verbatim, placeText, num,
} from './common.js';
import { ALL_SUBTYPES } from './filters.js';

const ATTRIBUTION = ['outlet', 'correspondent', 'named_source', 'anonymous_source', 'official_statement', 'other_outlet', 'unattributed'];

/** A place search box over the gazetteer: picking a result fills name, governorate, coordinates and precision. */
function placePicker(form, onPick) {
  const results = el('ul', { class: 'picker-results', id: 'place-results', hidden: true });
  const box = el('input', { type: 'search', id: 'place-search', dir: 'auto', placeholder: t('search_place'), 'aria-controls': 'place-results', autocomplete: 'off' });
  let timer = null;
  box.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = box.value.trim();
      clear(results);
      if (q.length < 2) { results.hidden = true; return; }
      const r = await api('/api/catalogue/places?limit=12&q=' + encodeURIComponent(q));
      results.hidden = !r.items.length;
      for (const p of r.items) {
        results.append(el('li', {}, el('button', { type: 'button', 'data-id': p.id, onclick: () => { onPick(p); results.hidden = true; box.value = ''; } },
          verbatim(placeText(p)), ' — ', verbatim(p.admin1 || p.country || ''), ' · ', geoPrecisionLabel(p.geoPrecision))));
      }
    }, 200);
  });
  return el('div', { class: 'field picker' }, el('label', { for: 'place-search' }, t('pick_place')), box, results);
}

export function editForm(d, onSaved) {
  const f = d.fields || {};
  const loc = f.location || {};
  const picked = { actor1: null, actor2: null, place: null };
  const inp = (name, label, value, type = 'text', extra = {}) => el('label', { class: 'field' }, el('span', {}, label),
    el('input', { name, type, value: value ?? '', dir: 'auto', ...extra }));
  const sel = (name, label, options, value) => el('label', { class: 'field' }, el('span', {}, label),
    el('select', { name }, ...options.map(([v, txt]) => el('option', { value: v, selected: v === value }, txt))));
  const actors = catalogueActors();
  const msg = el('p', { class: 'small', role: 'status', id: 'edit-message' });
  const form = el('form', { class: 'edit-form', id: 'edit-form' },
    sel('eventType', t('type'), EVENT_TYPES.map(x => [x, typeLabel(x)]), f.event_type),
    sel('subEventType', t('subtype'), Object.values(ALL_SUBTYPES).flat().map(x => [x, subTypeLabel(x)]), f.sub_event_type),
    inp('date', t('date'), f.date, 'date'),
    sel('timePrecision', t('time_precision'), [1, 2, 3].map(p => [String(p), timePrecisionLabel(p)]), String(f.time_precision ?? 3)),
    inp('fatalities', t('fatalities'), f.fatalities, 'number', { min: 0 }),
    inp('actor1', t('actor1'), f.actor1 && f.actor1.name, 'text', { list: 'catalogue-actors', autocomplete: 'off' }),
    inp('actor2', t('actor2'), f.actor2 && f.actor2.name, 'text', { list: 'catalogue-actors', autocomplete: 'off' }),
    el('datalist', { id: 'catalogue-actors' }, ...actors.map(a => el('option', { value: a.name }, actorText(a)))),
    placePicker(null, (p) => {
      picked.place = p;
      form.elements.namedItem('location').value = p.name;
      form.elements.namedItem('admin1').value = p.admin1 || '';
      form.elements.namedItem('latitude').value = String(p.lat);
      form.elements.namedItem('longitude').value = String(p.lon);
      form.elements.namedItem('geoPrecision').value = String(p.geoPrecision);
    }),
    inp('location', t('location'), loc.name),
    inp('admin1', t('admin1'), loc.admin1),
    inp('latitude', t('latitude'), loc.latitude, 'number', { step: 'any', dir: 'ltr' }),
    inp('longitude', t('longitude'), loc.longitude, 'number', { step: 'any', dir: 'ltr' }),
    sel('geoPrecision', t('geo_precision'), [1, 2, 3].map(p => [String(p), geoPrecisionLabel(p)]), String(loc.geo_precision ?? 1)),
    sel('attributionKind', t('attribution'), ATTRIBUTION.map(x => [x, attributionLabel(x)]), f.attribution && f.attribution.kind),
    inp('tags', t('tags'), (f.tags || []).join(', ')),
    inp('comment', t('reason'), ''),
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', id: 'save-edit' }, t('save'))), msg);
  const byName = new Map(actors.map(a => [a.name, a]));
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const v = (n) => form.elements.namedItem(n).value.trim();
    const numv = (n) => v(n) === '' ? null : Number(v(n));
    const body = {
      eventType: v('eventType'), subEventType: v('subEventType'), timePrecision: numv('timePrecision'),
      attributionKind: v('attributionKind'), comment: v('comment') || null, clear: [],
      tags: v('tags') ? v('tags').split(',').map(x => x.trim()).filter(Boolean) : [],
    };
    if (v('date')) body.date = v('date'); else body.clear.push('date');
    if (v('fatalities') !== '') body.fatalities = numv('fatalities'); else body.clear.push('fatalities');
    for (const k of ['actor1', 'actor2']) {
      if (!v(k)) continue;
      body[k] = v(k);
      // A catalogue actor keeps its id and its actor type.
      const a = byName.get(v(k));
      if (a && (!f[k] || f[k].name !== a.name)) { body[k + 'Id'] = a.id; body[k === 'actor1' ? 'inter1' : 'inter2'] = a.inter; }
    }
    if (!v('actor2') && f.actor2) body.clear.push('actor2');
    if (v('location')) body.location = v('location');
    if (picked.place && picked.place.name === v('location')) body.placeId = picked.place.id;
    if (v('admin1')) body.admin1 = v('admin1');
    if (v('latitude') !== '') body.latitude = numv('latitude');
    if (v('longitude') !== '') body.longitude = numv('longitude');
    if (v('location') || v('latitude') !== '') body.geoPrecision = numv('geoPrecision');
    try {
      await api('/api/review/' + encodeURIComponent(d.event.id) + '/edit', { method: 'POST', body });
      msg.textContent = t('saved');
      onSaved && onSaved();
    } catch (e) { msg.textContent = t('error') + ': ' + errorText(e); msg.className = 'small error'; }
  });
  return form;
}
