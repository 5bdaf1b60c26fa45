// Actor graph (cytoscape): actors as nodes, edges for events between them (type, count) and affiliations.
import { api, el, t, frame, clear, typeLabel, showError, TYPE_COLORS } from './common.js';
import { currentFilters, filterQuery } from './filters.js';

const main = document.getElementById('main');

async function start() {
  await frame('actors');
  const g = await api('/api/actors/graph?' + filterQuery(currentFilters()));
  const info = el('aside', { class: 'card', id: 'actor-info' }, el('p', { class: 'muted' }, t('click_actor')));
  const box = el('div', { id: 'graph', class: 'graph' });
  main.append(el('h1', {}, t('actors_title')), el('div', { class: 'graph-layout' }, box, info));
  const dominant = (types) => Object.entries(types || {}).sort((a, b) => b[1] - a[1])[0]?.[0];
  const elements = [
    ...g.nodes.map(n => ({ data: { id: n.id, label: n.name, count: n.eventCount, inter: n.inter } })),
    ...g.edges.map((e, i) => ({ data: { id: 'e' + i, source: e.source, target: e.target, count: e.count, label: String(e.count), color: TYPE_COLORS[dominant(e.types)] || '#888', types: e.types, eventIds: e.eventIds } })),
    ...g.affiliations.map((a, i) => ({ data: { id: 'a' + i, source: a.source, target: a.target, affiliation: true, label: t('affiliation'), color: '#95a5a6' } })),
  ];
  box.dataset.nodes = String(g.nodes.length);
  // cytoscape draws on canvas: labels are painted as text, never parsed as markup.
  const cy = cytoscape({
    container: box, elements, wheelSensitivity: 0.3, maxZoom: 2.5, minZoom: 0.2,
    layout: { name: g.nodes.length > 60 ? 'grid' : 'cose', animate: false, padding: 40, nodeRepulsion: () => 12000, idealEdgeLength: () => 120 },
    style: [
      { selector: 'node', style: { 'label': 'data(label)', 'background-color': '#34495e', 'color': '#1c2833', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 4, 'text-wrap': 'wrap', 'text-max-width': '140px', 'min-zoomed-font-size': 6, 'width': 'mapData(count, 1, 50, 18, 60)', 'height': 'mapData(count, 1, 50, 18, 60)' } },
      { selector: 'edge', style: { 'width': 'mapData(count, 1, 30, 1.5, 10)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 10, 'text-background-color': '#fff', 'text-background-opacity': 0.8 } },
      { selector: 'edge[?affiliation]', style: { 'line-style': 'dashed', 'target-arrow-shape': 'none', 'width': 1.5 } },
      { selector: ':selected', style: { 'background-color': '#e67e22', 'line-color': '#e67e22' } },
    ],
  });
  const showEvents = async (title, query) => {
    clear(info).append(el('h2', {}, title), el('p', {}, t('loading')));
    const data = await api('/api/events?' + query);
    info.lastChild.remove();
    info.append(el('p', { class: 'muted' }, t('n_events', data.total)),
      el('ul', { class: 'event-links' }, ...data.items.map(e => el('li', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(e.id) }, typeLabel(e.eventType) + ' — ' + (e.date || t('unknown')))))),
      el('a', { class: 'button', href: '/?' + query }, t('nav_map')));
  };
  cy.on('tap', 'node', ev => showEvents(ev.target.data('label'), filterQuery({ ...currentFilters(), actor: ev.target.id() }, { limit: 50 })));
  cy.on('tap', 'edge', ev => {
    const d = ev.target.data();
    if (d.affiliation) return;
    const types = Object.entries(d.types || {}).map(([k, v]) => typeLabel(k) + ': ' + v).join(' · ');
    clear(info).append(el('h2', {}, cy.getElementById(d.source).data('label') + ' → ' + cy.getElementById(d.target).data('label')), el('p', {}, types),
      el('ul', { class: 'event-links' }, ...(d.eventIds || []).map(id => el('li', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(id) }, id)))));
  });
}

start().catch(e => showError(main, e));
