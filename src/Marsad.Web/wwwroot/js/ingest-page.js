// Ingest from the browser: upload files (one request per file, with progress) or paste text.
import { el, t, frame, clear, showError, verbatim, outcomeLabel, rejectionLabel, num } from './common.js';

const main = document.getElementById('main');

async function token() {
  const r = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  return (await r.json()).token;
}

function send(form, onProgress) {
  return token().then(tok => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/ingest');
    xhr.setRequestHeader('X-CSRF-TOKEN', tok);
    xhr.upload.onprogress = e => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onload = () => {
      let body = null; try { body = JSON.parse(xhr.responseText); } catch { body = { error: xhr.responseText }; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body); else { const e = new Error((body && body.error) || ('HTTP ' + xhr.status)); e.status = xhr.status; e.body = body; reject(e); }
    };
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(form);
  }));
}

async function start() {
  const cfg = await frame('ingest');
  if (!cfg || !cfg.user) {
    main.append(el('div', { class: 'card' }, el('p', {}, t('review_needs_sign_in')), el('a', { class: 'button primary', href: '/login.html?return=%2Fingest.html' }, t('sign_in'))));
    return;
  }
  const progress = el('progress', { id: 'ingest-progress', max: 100, value: 0 });
  const results = el('div', { id: 'ingest-results' });
  const common = () => [
    el('label', { class: 'field' }, el('span', {}, t('outlet')), el('input', { name: 'outlet', dir: 'auto' })),
    el('label', { class: 'field' }, el('span', {}, t('published')), el('input', { name: 'published', type: 'date' }))];
  const upload = el('form', { class: 'card', id: 'upload-form' }, el('h2', {}, t('upload_files')),
    el('input', { type: 'file', name: 'files', id: 'files', multiple: true, accept: '.txt,.html,.htm,.xml,.rss,.atom,.jsonl,.json', 'aria-label': t('upload_files') }), ...common(),
    el('button', { type: 'submit', class: 'primary' }, t('submit')));
  const paste = el('form', { class: 'card', id: 'paste-form' }, el('h2', {}, t('paste_text')),
    el('label', { class: 'field' }, el('span', {}, t('title')), el('input', { name: 'title', dir: 'auto' })),
    el('label', { class: 'field' }, el('span', {}, t('url')), el('input', { name: 'url', type: 'url', dir: 'ltr' })), ...common(),
    el('textarea', { name: 'text', id: 'paste-text', rows: 10, dir: 'auto', 'aria-label': t('paste_text') }),
    el('button', { type: 'submit', class: 'primary', id: 'paste-submit' }, t('submit')));
  const all = [];
  const show = () => {
    clear(results);
    const rej = all.filter(i => i.outcome === 'rejected');
    const docs = all.filter(i => i.outcome !== 'rejected');
    results.append(el('p', { id: 'ingest-summary' }, t('ingest_done', num(docs.length), num(docs.reduce((a, i) => a + (i.events || 0), 0)), num(rej.length))),
      el('table', { class: 'grid' }, el('tbody', {}, ...all.map(i => el('tr', { class: i.outcome === 'rejected' ? 'rejected' : null, 'data-outcome': i.outcome },
        el('td', {}, verbatim(i.input)), el('td', {}, outcomeLabel(i.outcome)), el('td', { title: i.reason || null }, i.reason ? rejectionLabel(i.reason) : ''),
        el('td', {}, i.documentId ? el('a', { href: '/article.html?id=' + encodeURIComponent(i.documentId) }, t('open_article')) : ''))))));
  };
  upload.addEventListener('submit', async ev => {
    ev.preventDefault();
    const files = [...upload.elements.namedItem('files').files];
    all.length = 0;
    for (let i = 0; i < files.length; i++) {
      const fd = new FormData();
      fd.append('files', files[i]);
      fd.append('outlet', upload.elements.namedItem('outlet').value);
      fd.append('published', upload.elements.namedItem('published').value);
      try {
        const r = await send(fd, p => { progress.value = 100 * (i + p) / files.length; });
        all.push(...r.items);
      } catch (e) { all.push({ input: files[i].name, outcome: 'rejected', reason: e.message }); }
      progress.value = 100 * (i + 1) / files.length;
      show();
    }
  });
  paste.addEventListener('submit', async ev => {
    ev.preventDefault();
    all.length = 0;
    try { const r = await send(new FormData(paste), p => { progress.value = 100 * p; }); all.push(...r.items); }
    catch (e) { all.push({ input: t('paste_text'), outcome: 'rejected', reason: e.message }); }
    progress.value = 100;
    show();
  });
  main.append(el('h1', {}, t('ingest_title')), el('div', { class: 'two-col' }, upload, paste),
    el('div', { class: 'card' }, el('h2', {}, t('progress')), progress, results));
}

start().catch(e => showError(main, e));
