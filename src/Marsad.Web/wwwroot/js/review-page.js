// Review: the queue ranked by what needs a human (reasons shown), accept / edit / reject / merge with keyboard
// shortcuts (a accept, r reject, e edit, j/n next, k previous), merge candidates offered, audit trail.
import {
  api, el, t, frame, clear, typeLabel, subTypeLabel, showError, actorName, placeName, fmtDate, plural, num, bdi, errorText, verbatim,
} from './common.js';
import { renderFields, evidenceText, auditTable } from './event-page.js';
import { editForm } from './edit-form.js';

const main = document.getElementById('main');
let selected = null;
let queue = [];
// Each call of show() takes a number; a slower answer for an event no longer selected is dropped,
// so quick j/k presses never leave two detail panes on the page.
let showToken = 0;

async function start() {
  const cfg = await frame('review');
  if (!cfg || !cfg.user) {
    main.append(el('div', { class: 'card' }, el('p', { id: 'review-needs-sign-in' }, t('review_needs_sign_in')),
      el('a', { class: 'button primary', href: '/login.html?return=%2Freview.html' }, t('sign_in'))));
    return;
  }
  main.append(el('div', { class: 'review-layout' },
    el('aside', { class: 'card queue' }, el('h2', { id: 'queue-title' }, t('queue')),
      el('p', { class: 'kbd-help', id: 'kbd-help' }, ...shortcutHelp()), el('ul', { id: 'queue' })),
    el('section', { id: 'review-detail', class: 'col' })));
  document.addEventListener('keydown', onKey);
  await loadQueue();
}

function shortcutHelp() {
  return [['a', 'accept'], ['r', 'reject'], ['e', 'edit'], ['j', 'next'], ['k', 'previous']]
    .flatMap(([k, what], i) => [i ? ' · ' : '', el('kbd', { lang: 'en' }, k), ' ', t('kb_' + what)]);
}

function onKey(ev) {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
  const tag = (ev.target && ev.target.tagName) || '';
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(tag) || (ev.target && ev.target.isContentEditable)) return;
  const k = ev.key.toLowerCase();
  const click = (id) => { const b = document.getElementById(id); if (b) { ev.preventDefault(); b.click(); } };
  if (k === 'a') click('accept');
  else if (k === 'r') click('reject');
  else if (k === 'e') { click('edit'); const first = document.querySelector('#edit-form select, #edit-form input'); if (first) first.focus(); }
  else if (k === 'j' || k === 'n') { ev.preventDefault(); step(1); }
  else if (k === 'k' || k === 'p') { ev.preventDefault(); step(-1); }
}

function step(d) {
  if (!queue.length) return;
  const i = queue.findIndex(x => x.event.id === selected);
  const next = queue[Math.min(queue.length - 1, Math.max(0, (i < 0 ? 0 : i + d)))];
  if (next) show(next.event.id);
}

async function loadQueue() {
  const data = await api('/api/review/queue?limit=200');
  queue = data.items;
  const ul = clear(document.getElementById('queue'));
  document.getElementById('queue-title').textContent = t('queue') + ' (' + num(data.total) + ')';
  if (!queue.length) { ul.append(el('li', { class: 'muted' }, t('queue_empty'))); return; }
  for (const item of queue) {
    const e = item.event;
    ul.append(el('li', { 'data-id': e.id, 'data-priority': item.priority, class: selected === e.id ? 'on' : null },
      el('button', { type: 'button', class: 'linkish', onclick: () => show(e.id) },
        el('strong', {}, typeLabel(e.eventType)), ' ', fmtDate(e.date), el('br'),
        el('span', { class: 'small' }, actorName(e.actor1), ' · ', placeName(e.location)),
        item.reasons.length ? el('span', { class: 'reasons' }, ...item.reasons.map(r => el('span', { class: 'reason-chip', 'data-reason': r }, t('why_review_' + r)))) : null)));
  }
  if (!selected || !queue.some(x => x.event.id === selected)) await show(queue[0].event.id);
}

async function show(id) {
  selected = id;
  const token = ++showToken;
  for (const li of document.querySelectorAll('#queue li')) li.classList.toggle('on', li.dataset.id === id);
  const [d, cand] = await Promise.all([api('/api/events/' + encodeURIComponent(id)), api('/api/review/' + encodeURIComponent(id) + '/candidates').catch(() => ({ items: [] }))]);
  if (token !== showToken) return;
  const box = clear(document.getElementById('review-detail'));
  const comment = el('input', { id: 'review-comment', placeholder: t('reason'), 'aria-label': t('reason'), dir: 'auto' });
  const mergeWith = el('input', { id: 'merge-with', placeholder: t('merge_into'), 'aria-label': t('merge_into'), dir: 'ltr' });
  const msg = el('p', { class: 'small', role: 'status', id: 'review-message' });
  const act = async (path, body) => {
    try {
      await api(path, { method: 'POST', body });
      msg.textContent = t('saved');
      const i = queue.findIndex(x => x.event.id === id);
      selected = queue[i + 1] ? queue[i + 1].event.id : null;
      await loadQueue();
    } catch (e) { msg.textContent = t('error') + ': ' + errorText(e); }
  };
  const merge = (other) => act('/api/review/merge', { eventIds: [id, other], comment: comment.value || null });
  const editBox = el('div', { id: 'edit-box', hidden: true }, editForm(d, async () => { await loadQueue(); }));
  const candidates = el('section', { class: 'card candidates', id: 'merge-candidates' }, el('h2', {}, t('merge_candidates')),
    cand.items.length
      ? el('ul', { class: 'event-links' }, ...cand.items.map(c => el('li', { 'data-id': c.event.id },
        el('a', { href: '/event.html?id=' + encodeURIComponent(c.event.id) }, subTypeLabel(c.event.subEventType), ' — ', fmtDate(c.event.date)), ' · ',
        placeName(c.event.location), ' · ', verbatim(c.event.outlet || ''), ' · ', bdi(t('km_days', num(c.km), num(c.days))), ' ',
        el('button', { type: 'button', class: 'merge-candidate', onclick: () => merge(c.event.id) }, t('merge'))))
      )
      : el('p', { class: 'muted' }, t('no_candidates')));
  box.append(
    el('div', { class: 'card actions' },
      el('h2', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(id) }, typeLabel(d.event.eventType), ' — ', subTypeLabel(d.event.subEventType))),
      el('div', { class: 'row' }, comment),
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'primary', id: 'accept', 'aria-keyshortcuts': 'a', onclick: () => act('/api/review/' + encodeURIComponent(id) + '/accept', { comment: comment.value || null }) }, t('accept')),
        el('button', { type: 'button', id: 'edit', 'aria-keyshortcuts': 'e', 'aria-expanded': 'false', onclick: (ev) => { editBox.hidden = !editBox.hidden; ev.currentTarget.setAttribute('aria-expanded', String(!editBox.hidden)); } }, t('edit')),
        el('button', { type: 'button', class: 'danger', id: 'reject', 'aria-keyshortcuts': 'r', onclick: () => act('/api/review/' + encodeURIComponent(id) + '/reject', { comment: comment.value || null }) }, t('reject'))),
      el('div', { class: 'row' }, mergeWith,
        el('button', { type: 'button', id: 'merge', onclick: () => merge(mergeWith.value.trim()) }, t('merge'))),
      msg, editBox),
    candidates,
    el('div', { class: 'two-col' },
      el('section', { class: 'card' }, el('h2', {}, t('current_version')), renderFields(d)),
      el('section', { class: 'card' }, el('h2', {}, t('evidence')), evidenceText(d))),
    el('section', { class: 'card' }, el('h2', {}, t('audit')), auditTable(d.audit || [])));
}

start().catch(e => showError(main, e));
