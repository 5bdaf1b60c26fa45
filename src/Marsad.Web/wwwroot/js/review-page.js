// Review: queue of machine-coded events; accept, edit (evidence visible), reject, merge; audit trail.
import { api, el, t, frame, clear, typeLabel, showError, actorName, placeName } from './common.js';
import { renderFields, evidenceText, auditTable } from './event-page.js';
import { editForm } from './edit-form.js';

const main = document.getElementById('main');
let selected = null;

async function start() {
  const cfg = await frame('review');
  if (!cfg || !cfg.user) {
    main.append(el('div', { class: 'card' }, el('p', { id: 'review-needs-sign-in' }, t('review_needs_sign_in')),
      el('a', { class: 'button primary', href: '/login.html?return=%2Freview.html' }, t('sign_in'))));
    return;
  }
  main.append(el('div', { class: 'review-layout' },
    el('aside', { class: 'card queue' }, el('h2', { id: 'queue-title' }, t('queue')), el('ul', { id: 'queue' })),
    el('section', { id: 'review-detail', class: 'col' })));
  await loadQueue();
}

async function loadQueue() {
  const data = await api('/api/review/queue?limit=200');
  const ul = clear(document.getElementById('queue'));
  document.getElementById('queue-title').textContent = t('queue') + ' (' + data.total + ')';
  if (!data.items.length) { ul.append(el('li', { class: 'muted' }, t('queue_empty'))); return; }
  for (const e of data.items) {
    ul.append(el('li', { 'data-id': e.id, class: selected === e.id ? 'on' : null },
      el('button', { type: 'button', class: 'linkish', onclick: () => show(e.id) },
        el('strong', {}, typeLabel(e.eventType)), ' ', e.date || t('unknown'), el('br'),
        el('span', { class: 'small' }, actorName(e.actor1) + ' · ' + placeName(e.location)))));
  }
  if (!selected && data.items.length) await show(data.items[0].id);
}

async function show(id) {
  selected = id;
  for (const li of document.querySelectorAll('#queue li')) li.classList.toggle('on', li.dataset.id === id);
  const box = clear(document.getElementById('review-detail'));
  const d = await api('/api/events/' + encodeURIComponent(id));
  const comment = el('input', { id: 'review-comment', placeholder: t('reason'), dir: 'auto' });
  const mergeWith = el('input', { id: 'merge-with', placeholder: t('merge_into'), dir: 'ltr' });
  const msg = el('p', { class: 'small', role: 'status', id: 'review-message' });
  const act = async (path, body) => {
    try { await api(path, { method: 'POST', body }); msg.textContent = t('saved'); selected = null; clear(box); await loadQueue(); }
    catch (e) { msg.textContent = t('error') + ': ' + e.message; }
  };
  const editBox = el('div', { id: 'edit-box', hidden: true }, editForm(d, async () => { selected = null; clear(box); await loadQueue(); }));
  box.append(
    el('div', { class: 'card actions' },
      el('h2', {}, el('a', { href: '/event.html?id=' + encodeURIComponent(id) }, typeLabel(d.event.eventType) + ' — ' + d.event.subEventType)),
      el('div', { class: 'row' }, comment),
      el('div', { class: 'row' },
        el('button', { type: 'button', class: 'primary', id: 'accept', onclick: () => act('/api/review/' + encodeURIComponent(id) + '/accept', { comment: comment.value || null }) }, t('accept')),
        el('button', { type: 'button', id: 'edit', onclick: () => { editBox.hidden = !editBox.hidden; } }, t('edit')),
        el('button', { type: 'button', class: 'danger', id: 'reject', onclick: () => act('/api/review/' + encodeURIComponent(id) + '/reject', { comment: comment.value || null }) }, t('reject'))),
      el('div', { class: 'row' }, mergeWith,
        el('button', { type: 'button', id: 'merge', onclick: () => act('/api/review/merge', { eventIds: [id, mergeWith.value.trim()], comment: comment.value || null }) }, t('merge'))),
      msg, editBox),
    el('div', { class: 'two-col' },
      el('section', { class: 'card' }, el('h2', {}, t('current_version')), renderFields(d)),
      el('section', { class: 'card' }, el('h2', {}, t('evidence')), evidenceText(d))),
    el('section', { class: 'card' }, el('h2', {}, t('audit')), auditTable(d.audit || [])));
}

start().catch(e => showError(main, e));
