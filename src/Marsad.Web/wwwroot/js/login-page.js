import { api, el, t, frame, refreshCsrf, sameOriginPath, errorText } from './common.js';

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
      // Only a path on this site: an open redirect (return=/\\evil.example, //evil, https://evil) lands on the review page.
      location.href = sameOriginPath(new URLSearchParams(location.search).get('return')) ?? '/review.html';
    } catch (e) { msg.textContent = errorText(e); }
  });
  main.append(form);
}
start();
