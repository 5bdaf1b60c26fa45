// Filters live in the URL query string so a view can be shared.
import { el, t, typeLabel, subTypeLabel, statusLabel, EVENT_TYPES, STATUSES, lang, actorText } from './common.js';

export const FILTER_KEYS = ['type', 'subtype', 'actor', 'place', 'admin1', 'from', 'to', 'outlet', 'status', 'q'];

const SUBTYPES = {
  'Battles': ['Armed clash', 'Government regains territory', 'Non-state actor overtakes territory'],
  'Explosions/Remote violence': ['Chemical weapon', 'Air/drone strike', 'Suicide bomb', 'Shelling/artillery/missile attack', 'Remote explosive/landmine/IED', 'Grenade'],
  'Violence against civilians': ['Sexual violence', 'Attack', 'Abduction/forced disappearance'],
  'Protests': ['Peaceful protest', 'Protest with intervention', 'Excessive force against protesters'],
  'Riots': ['Violent demonstration', 'Mob violence'],
  'Strategic developments': ['Agreement', 'Arrests', 'Change to group/activity', 'Disrupted weapons use', 'Headquarters or base established', 'Looting/property destruction', 'Non-violent transfer of territory', 'Other'],
};
export const ALL_SUBTYPES = SUBTYPES;

export function currentFilters() {
  const p = new URLSearchParams(location.search);
  const f = {};
  for (const k of FILTER_KEYS) { const v = p.get(k); if (v) f[k] = v; }
  return f;
}

export function filterQuery(f, extra) {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) p.set(k, f[k]);
  for (const [k, v] of Object.entries(extra || {})) if (v !== undefined && v !== null && v !== '') p.set(k, v);
  return p.toString();
}

/** A select; with asData the option texts are data (outlet names), shown as written. */
function select(name, label, options, value, asData) {
  const s = el('select', { name, id: 'f-' + name },
    el('option', { value: '' }, t('any')),
    ...options.map(([v, text]) => el('option', { value: v, selected: v === value, 'data-verbatim': asData ? '' : null }, text)));
  return el('label', { class: 'field' }, el('span', {}, label), s);
}

function input(name, label, type, value, list) {
  return el('label', { class: 'field' }, el('span', {}, label),
    el('input', { name, id: 'f-' + name, type, value: value || '', list: list || null, dir: 'auto' }));
}

let setter = null;

/** Sets some filters (e.g. a date range picked on the timeline) as if typed into the form, and applies them. */
export function applyFilters(partial) { if (setter) setter(partial); }

/** Builds the filter form; onChange receives the new filters after the URL was updated. */
export function filterForm(facets, onChange) {
  const f = currentFilters();
  const subOptions = (f.type ? SUBTYPES[f.type] || [] : Object.values(SUBTYPES).flat()).map(s => [s, subTypeLabel(s)]);
  const form = el('form', { class: 'filters', id: 'filters' },
    el('h2', {}, t('filters')),
    select('type', t('f_type'), EVENT_TYPES.map(x => [x, typeLabel(x)]), f.type),
    select('subtype', t('f_subtype'), subOptions, f.subtype),
    input('actor', t('f_actor'), 'text', f.actor, 'actor-list'),
    input('place', t('f_place'), 'text', f.place),
    select('admin1', t('f_admin1'), (facets.admin1 || []).map(a => [a.name, lang() === 'ar' && a.nameAr ? a.nameAr : a.name]), f.admin1),
    input('from', t('f_from'), 'date', f.from),
    input('to', t('f_to'), 'date', f.to),
    select('outlet', t('f_outlet'), (facets.outlets || []).map(o => [o, o]), f.outlet, true),
    select('status', t('f_status'), STATUSES.map(s => [s, statusLabel(s)]), f.status),
    input('q', t('f_q'), 'search', f.q),
    el('datalist', { id: 'actor-list' }, ...(facets.actors || []).map(a => el('option', { value: a.name, 'data-verbatim': '' }, actorText(a)))),
    el('div', { class: 'row' },
      el('button', { type: 'submit', class: 'primary', id: 'apply-filters' }, t('apply')),
      el('button', { type: 'button', id: 'clear-filters', onclick: () => { form.reset(); for (const x of form.elements) if (x.name) x.value = ''; submit(); } }, t('clear')),
      el('button', { type: 'button', id: 'share', onclick: async (ev) => {
        try { await navigator.clipboard.writeText(location.href); ev.target.textContent = t('link_copied'); } catch { prompt(t('share'), location.href); }
      } }, t('share'))));
  function submit() {
    const nf = {};
    for (const k of FILTER_KEYS) { const x = form.elements.namedItem(k); if (x && x.value) nf[k] = x.value.trim(); }
    const u = new URL(location.href);
    for (const k of FILTER_KEYS) u.searchParams.delete(k);
    for (const [k, v] of Object.entries(nf)) u.searchParams.set(k, v);
    history.pushState(null, '', u.href);
    onChange(nf);
  }
  form.addEventListener('submit', ev => { ev.preventDefault(); submit(); });
  form.elements.namedItem('type').addEventListener('change', () => {
    const type = form.elements.namedItem('type').value;
    const sub = form.elements.namedItem('subtype');
    const keep = sub.value;
    while (sub.options.length > 1) sub.remove(1);
    for (const s of type ? SUBTYPES[type] : Object.values(SUBTYPES).flat()) sub.add(new Option(subTypeLabel(s), s, false, s === keep));
  });
  // Back/forward: the form follows the URL, then the views.
  const syncForm = () => {
    const cur = currentFilters();
    for (const k of FILTER_KEYS) { const x = form.elements.namedItem(k); if (x) x.value = cur[k] || ''; }
  };
  window.addEventListener('popstate', () => { syncForm(); onChange(currentFilters()); });
  setter = (partial) => {
    for (const [k, v] of Object.entries(partial)) { const x = form.elements.namedItem(k); if (x) x.value = v || ''; }
    submit();
  };
  return form;
}
