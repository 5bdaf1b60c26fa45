// Actor graph (cytoscape + fCoSE): actors as nodes coloured by ACLED actor type (inter), edges for events between
// them (coloured by the most frequent event type) and affiliations; actors without any link are listed apart.
import {
  api, el, t, frame, clear, typeLabel, showError, TYPE_COLORS, EVENT_TYPES, actorText, interLabel, plural, num, verbatim, fmtDate, subTypeLabel,
  catalogueActors,
} from './common.js';
import { currentFilters, filterQuery } from './filters.js';

const main = document.getElementById('main');
export const INTER_COLORS = { 0: '#7f8c8d', 1: '#1f4e79', 2: '#c0392b', 3: '#d35400', 4: '#8e44ad', 5: '#f1c40f', 6: '#2980b9', 7: '#27ae60', 8: '#5d4037' };

function controls(f, min) {
  const form = el('form', { class: 'card graph-filters row', id: 'graph-filters' },
    el('label', { class: 'field' }, el('span', {}, t('f_type')), el('select', { name: 'type', id: 'g-type' }, el('option', { value: '' }, t('any')),
      ...EVENT_TYPES.map(x => el('option', { value: x, selected: f.type === x }, typeLabel(x))))),
    el('label', { class: 'field' }, el('span', {}, t('f_from')), el('input', { type: 'date', name: 'from', id: 'g-from', value: f.from || '' })),
    el('label', { class: 'field' }, el('span', {}, t('f_to')), el('input', { type: 'date', name: 'to', id: 'g-to', value: f.to || '' })),
    el('label', { class: 'field' }, el('span', {}, t('min_events')), el('input', { type: 'number', min: 1, name: 'min', id: 'g-min', value: String(min) })),
    el('button', { type: 'submit', class: 'primary', id: 'g-apply' }, t('apply')));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const u = new URL(location.href);
    for (const k of ['type', 'from', 'to', 'min']) {
      const v = form.elements.namedItem(k).value;
      if (v && !(k === 'min' && v === '1')) u.searchParams.set(k, v); else u.searchParams.delete(k);
    }
    location.href = u.href;
  });
  return form;
}

async function start() {
  await frame('actors');
  const f = currentFilters();
  const min = Math.max(1, Number(new URLSearchParams(location.search).get('min') || '1') || 1);
  const g = await api('/api/actors/graph?' + filterQuery(f));
  const catalogue = new Map(catalogueActors().map(a => [a.id, a]));
  const interOf = (n) => n.inter ?? catalogue.get(n.id)?.inter ?? 0;
  const nodes = g.nodes.filter(n => n.eventCount >= min || n.eventCount === 0);
  const keep = new Set(nodes.map(n => n.id));
  const edges = g.edges.filter(e => keep.has(e.source) && keep.has(e.target));
  const affiliations = g.affiliations.filter(a => keep.has(a.source) && keep.has(a.target));
  const linked = new Set([...edges, ...affiliations].flatMap(e => [e.source, e.target]));
  const isolated = nodes.filter(n => !linked.has(n.id) && n.eventCount > 0).sort((a, b) => b.eventCount - a.eventCount);
  const drawn = nodes.filter(n => linked.has(n.id));
  const label = (n) => actorText({ id: n.id, name: n.name });

  const info = el('aside', { class: 'card', id: 'actor-info' }, el('p', { class: 'muted' }, t('click_actor')));
  const box = el('div', { id: 'graph', class: 'graph', role: 'img', 'aria-label': t('actors_title') + ': ' + plural('n_actors', drawn.length) });
  const usedInter = [...new Set(drawn.map(interOf))].sort();
  const legend = el('div', { class: 'legend', id: 'graph-legend' }, el('strong', {}, t('inter')),
    ...usedInter.map(i => { const sw = el('i', { class: 'swatch', 'aria-hidden': 'true' }); sw.style.background = INTER_COLORS[i] || '#555'; return el('span', { class: 'legend-item', 'data-inter': i }, sw, interLabel(i)); }),
    el('span', { class: 'legend-item' }, el('i', { class: 'line-dashed', 'aria-hidden': 'true' }), t('affiliation')));
  const lonely = el('section', { class: 'card', id: 'isolated-actors' }, el('h2', {}, t('isolated_actors')),
    isolated.length ? el('ul', { class: 'event-links' }, ...isolated.map(n => el('li', { 'data-id': n.id },
      el('a', { href: '/?' + filterQuery({ ...f, actor: n.id }) }, verbatim(label(n))), ' — ', plural('n_events', n.eventCount))))
      : el('p', { class: 'muted' }, t('none')));
  main.append(el('h1', {}, t('actors_title')), controls(f, min), legend,
    el('div', { class: 'graph-layout' }, box, el('div', { class: 'col' }, info, lonely)));
  box.dataset.nodes = String(drawn.length);
  box.dataset.isolated = String(isolated.length);
  const elements = [
    ...drawn.map(n => ({ data: { id: n.id, label: label(n), count: n.eventCount, color: INTER_COLORS[interOf(n)] || '#555' } })),
    ...edges.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, count: e.count, label: num(e.count), color: TYPE_COLORS[Object.entries(e.types || {}).sort((a, b) => b[1] - a[1])[0]?.[0]] || '#888', types: e.types, eventIds: e.eventIds } })),
    ...affiliations.map((a, i) => ({ data: { id: 'a' + i, source: a.source, target: a.target, affiliation: true, label: '', color: '#95a5a6' } })),
  ];
  if (typeof cytoscapeFcose !== 'undefined' && !cytoscape.__marsadFcose) { cytoscape.use(cytoscapeFcose); cytoscape.__marsadFcose = true; }
  // cytoscape draws on canvas: labels are painted as text, never parsed as markup.
  const cy = cytoscape({
    container: box, elements, wheelSensitivity: 0.3, maxZoom: 2.5, minZoom: 0.2,
    layout: typeof cytoscapeFcose !== 'undefined'
      ? { name: 'fcose', animate: false, randomize: true, quality: 'proof', nodeDimensionsIncludeLabels: true, nodeSeparation: 90, idealEdgeLength: () => 140, nodeRepulsion: () => 9000, padding: 30, seed: 7 }
      : { name: 'cose', animate: false, padding: 40, nodeDimensionsIncludeLabels: true },
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'background-color': 'data(color)', 'color': '#1c2833', 'font-size': 12, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': '130px', 'text-background-color': '#fff', 'text-background-opacity': 0.85, 'text-background-padding': 2, 'min-zoomed-font-size': 6, 'width': 'mapData(count, 1, 50, 18, 60)', 'height': 'mapData(count, 1, 50, 18, 60)' } },
      { selector: 'edge', style: { 'width': 'mapData(count, 1, 30, 1.5, 10)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 10, 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: 'edge[?affiliation]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', 'width': 1.5 } },
      { selector: ':selected', style: { 'border-width': 3, 'border-color': '#e67e22', 'line-color': '#e67e22' } },
    ],
  });
  cy.ready(() => { box.dataset.layout = cy.nodes().length && typeof cytoscapeFcose !== 'undefined' ? 'fcose' : 'cose'; });
  const showEvents = async (title, query) => {
    clear(info).append(el('h2', {}, title), el('p', {}, t('loading')));
    const data = await api('/api/events?' + query);
    info.lastChild.remove();
    info.append(el('p', { class: 'muted' }, plural('n_events', data.total)),
      el('ul', { class: 'event-links', id: 'actor-events' }, ...data.items.map(e => el('li', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(e.id) }, typeLabel(e.eventType), ' — ', subTypeLabel(e.subEventType), ' — ', fmtDate(e.date))))),
      el('a', { class: 'button', href: '/?' + query.replace(/&?limit=\d+/, '') }, t('nav_map')));
  };
  cy.on('tap', 'node', ev => showEvents(verbatim(ev.target.data('label')), filterQuery({ ...f, actor: ev.target.id() }, { limit: 50 })));
  cy.on('tap', 'edge', ev => {
    const d = ev.target.data();
    if (d.affiliation) return;
    const types = Object.entries(d.types || {}).map(([k, v]) => typeLabel(k) + ': ' + num(v)).join(' · ');
    clear(info).append(el('h2', {}, verbatim(cy.getElementById(d.source).data('label')), ' → ', verbatim(cy.getElementById(d.target).data('label'))), el('p', {}, types),
      el('ul', { class: 'event-links' }, ...(d.eventIds || []).map((id, i) => el('li', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(id) }, t('open_event') + ' ' + num(i + 1))))));
  });
}

start().catch(e => showError(main, e));
