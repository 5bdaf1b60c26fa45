import { api, el, t, frame, refreshCsrf } from './common.js';

const main = document.getElementById('main');

async function start() {
  await frame('review');
  const msg = el('p', { class: 'error', role: 'alert', id: 'login-error' });
  const form = el('form', { class: 'card login', id: 'login-form' },
    el('h1', {}, t('sign_in')),
    el('label', { class: 'field' }, el('span', {}, t('username')), el('input', { name: 'username', id: 'username', autocomplete: 'username', required: true })),
    el('label', { class: 'field' }, el('span', {}, t('password')), el('input', { name: 'password', id: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    el('button', { type: 'submit', class: 'primary', id: 'login-submit' }, t('sign_in')), msg);
  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    msg.textContent = '';
    try {
      await api('/api/auth/login', { method: 'POST', body: { username: form.elements.namedItem('username').value, password: form.elements.namedItem('password').value } });
      await refreshCsrf();
      const ret = new URLSearchParams(location.search).get('return') || '/review.html';
      location.href = ret.startsWith('/') && !ret.startsWith('//') ? ret : '/';
    } catch (e) { msg.textContent = e.status === 401 ? t('bad_login') : e.message; }
  });
  main.append(form);
}
start();
