// The reviewer's edit form (any field); the evidence stays visible beside it.
import { api, el, t, typeLabel, EVENT_TYPES } from './common.js';
import { ALL_SUBTYPES } from './filters.js';

const ATTRIBUTION = ['outlet', 'correspondent', 'named_source', 'anonymous_source', 'official_statement', 'other_outlet', 'unattributed'];

export function editForm(d, onSaved) {
  const f = d.fields || {};
  const loc = f.location || {};
  const inp = (name, label, value, type = 'text', extra = {}) => el('label', { class: 'field' }, el('span', {}, label),
    el('input', { name, type, value: value ?? '', dir: 'auto', ...extra }));
  const sel = (name, label, options, value) => el('label', { class: 'field' }, el('span', {}, label),
    el('select', { name }, ...options.map(([v, txt]) => el('option', { value: v, selected: v === value }, txt))));
  const msg = el('p', { class: 'small', role: 'status', id: 'edit-message' });
  const form = el('form', { class: 'edit-form', id: 'edit-form' },
    sel('eventType', t('type'), EVENT_TYPES.map(x => [x, typeLabel(x)]), f.event_type),
    sel('subEventType', t('subtype'), Object.values(ALL_SUBTYPES).flat().map(x => [x, x]), f.sub_event_type),
    inp('date', t('date'), f.date, 'date'),
    sel('timePrecision', t('time_precision'), [['1', '1'], ['2', '2'], ['3', '3']], String(f.time_precision ?? 3)),
    inp('fatalities', t('fatalities'), f.fatalities, 'number', { min: 0 }),
    inp('actor1', t('actor1'), f.actor1 && f.actor1.name),
    inp('actor2', t('actor2'), f.actor2 && f.actor2.name),
    inp('location', t('location'), loc.name),
    inp('admin1', t('admin1'), loc.admin1),
    inp('latitude', 'lat', loc.latitude, 'number', { step: 'any' }),
    inp('longitude', 'lon', loc.longitude, 'number', { step: 'any' }),
    sel('attributionKind', t('attribution'), ATTRIBUTION.map(x => [x, x]), f.attribution && f.attribution.kind),
    inp('tags', t('tags'), (f.tags || []).join(', ')),
    inp('comment', t('reason'), ''),
    el('div', { class: 'row' }, el('button', { type: 'submit', class: 'primary', id: 'save-edit' }, t('save'))), msg);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const v = (n) => form.elements.namedItem(n).value.trim();
    const num = (n) => v(n) === '' ? null : Number(v(n));
    const body = {
      eventType: v('eventType'), subEventType: v('subEventType'), timePrecision: num('timePrecision'),
      attributionKind: v('attributionKind'), comment: v('comment') || null, clear: [],
      tags: v('tags') ? v('tags').split(',').map(x => x.trim()).filter(Boolean) : [],
    };
    if (v('date')) body.date = v('date'); else body.clear.push('date');
    if (v('fatalities') !== '') body.fatalities = num('fatalities'); else body.clear.push('fatalities');
    if (v('actor1')) body.actor1 = v('actor1');
    if (v('actor2')) body.actor2 = v('actor2'); else if (f.actor2) body.clear.push('actor2');
    if (v('location')) body.location = v('location');
    if (v('admin1')) body.admin1 = v('admin1');
    if (v('latitude') !== '') body.latitude = num('latitude');
    if (v('longitude') !== '') body.longitude = num('longitude');
    try {
      await api('/api/review/' + encodeURIComponent(d.event.id) + '/edit', { method: 'POST', body });
      msg.textContent = t('saved');
      onSaved && onSaved();
    } catch (e) { msg.textContent = t('error') + ': ' + e.message; msg.className = 'small error'; }
  });
  return form;
}
