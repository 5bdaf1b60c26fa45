// Shared helpers: language, API calls with CSRF, DOM building (text only, never HTML from data).
import { STRINGS, EVENT_TYPES_AR } from './i18n.js';

export const TYPE_COLORS = {
  'Battles': '#c0392b',
  'Explosions/Remote violence': '#e67e22',
  'Violence against civilians': '#8e44ad',
  'Protests': '#2980b9',
  'Riots': '#16a085',
  'Strategic developments': '#7f8c8d',
};
export const EVENT_TYPES = Object.keys(TYPE_COLORS);
export const STATUSES = ['machine', 'accepted', 'edited', 'rejected', 'merged'];

export function lang() {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'ar' || q === 'en') { localStorage.setItem('marsad.lang', q); return q; }
  return localStorage.getItem('marsad.lang') === 'en' ? 'en' : 'ar';
}

export function t(key, ...args) {
  const s = (STRINGS[lang()] || STRINGS.en)[key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

export function typeLabel(type) {
  return lang() === 'ar' ? (EVENT_TYPES_AR[type] || type) : type;
}

export function statusLabel(s) { return t('st_' + s); }

/** Creates an element; children are nodes or strings (always inserted as text). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'href') e.setAttribute('href', safeHref(v));
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

/**
 * A link target as a path on this site, or null. Parsed as a URL against this origin, never judged by string
 * prefixes: "/\\example.org/x", "//x", "https://x" and "javascript:..." all resolve elsewhere and are refused.
 */
export function sameOriginPath(v) {
  const s = String(v ?? '');
  if (!s) return null;
  try {
    const u = new URL(s, location.origin);
    if (u.origin === location.origin && (u.protocol === 'http:' || u.protocol === 'https:')) return u.pathname + u.search + u.hash;
  } catch { /* not a URL */ }
  return null;
}

/**
 * Links: a target written as a relative path must stay on this site; an absolute http(s) URL (a source's
 * address) is allowed as such; anything else (javascript:, data:, protocol-relative) becomes inert.
 */
export function safeHref(v) {
  const s = String(v ?? '').trim();
  if (/^https?:\/\//i.test(s)) {
    try { const u = new URL(s); if (u.protocol === 'http:' || u.protocol === 'https:') return u.href; } catch { /* not a URL */ }
    return '#';
  }
  return sameOriginPath(s) ?? '#';
}

export function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

let csrfToken = null;
async function csrf(refresh) {
  if (!csrfToken || refresh) {
    const r = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
    csrfToken = (await r.json()).token;
  }
  return csrfToken;
}

export class ApiError extends Error {
  constructor(status, body) { super((body && (body.error || body.title)) || ('HTTP ' + status)); this.status = status; this.body = body; }
}

/** JSON API call; state-changing calls carry the antiforgery token header. */
export async function api(path, { method = 'GET', body, form } = {}) {
  const headers = { 'Accept': 'application/json' };
  const opts = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    headers['X-CSRF-TOKEN'] = await csrf(false);
    if (form) opts.body = form;
    else if (body !== undefined) { headers['Content-Type'] = 'application/json'; opts.body = JSON.stringify(body); }
  }
  let r = await fetch(path, opts);
  if (r.status === 400 && method !== 'GET' && r.headers.get('X-CSRF-Failed')) {
    headers['X-CSRF-TOKEN'] = await csrf(true);
    r = await fetch(path, opts);
  }
  const text = await r.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { error: text }; }
  if (!r.ok) throw new ApiError(r.status, data);
  return data;
}

export async function refreshCsrf() { await csrf(true); }

let configPromise = null;
export function config() {
  configPromise ??= api('/api/config');
  return configPromise;
}

/** Page frame: sets lang/dir, header with navigation, language switch and sign-in state. */
export async function frame(active) {
  const l = lang();
  document.documentElement.lang = l;
  document.documentElement.dir = l === 'ar' ? 'rtl' : 'ltr';
  document.title = t('app') + ' — ' + t('nav_' + active);
  const header = document.getElementById('header');
  clear(header);
  const nav = el('nav', { class: 'nav' },
    ...[['map', '/'], ['actors', '/actors.html'], ['review', '/review.html'], ['ingest', '/ingest.html']].map(([k, href]) =>
      el('a', { href, class: k === active ? 'active' : null, 'data-nav': k }, t('nav_' + k))));
  const right = el('div', { class: 'header-right' });
  const switcher = el('button', { type: 'button', class: 'lang-switch', id: 'lang-switch', onclick: () => {
    localStorage.setItem('marsad.lang', l === 'ar' ? 'en' : 'ar');
    const u = new URL(location.href); u.searchParams.delete('lang'); location.href = u.href;
  } }, t('lang_switch'));
  right.append(switcher);
  header.append(el('a', { href: '/', class: 'brand' }, el('span', { class: 'brand-mark' }, 'م'), t('app')), nav, right);
  let cfg = null;
  try { cfg = await config(); } catch { /* shown by the page */ }
  if (cfg && cfg.user) {
    right.append(el('span', { class: 'user', id: 'current-user' }, t('signed_in_as') + ' ' + cfg.user.name),
      el('button', { type: 'button', id: 'sign-out', onclick: async () => { await api('/api/auth/logout', { method: 'POST' }); location.reload(); } }, t('sign_out')));
  } else {
    right.append(el('a', { href: '/login.html?return=' + encodeURIComponent(location.pathname + location.search), class: 'button', id: 'sign-in' }, t('sign_in')));
  }
  return cfg;
}

export function fmtDate(d) { return d || t('unknown'); }
export function fmtNum(n) { return n === null || n === undefined ? t('unknown') : String(n); }
export function actorName(a) { return a ? (lang() === 'ar' && a.nameAr ? a.nameAr : a.name) : t('none'); }
export function placeName(p) { return p ? (lang() === 'ar' && p.nameAr ? p.nameAr : p.name) : t('unknown'); }

/**
 * Renders text with highlighted spans (UTF-16 offsets, like JS string indices). Each span:
 * {start, end, cls, title, id}. Overlaps are resolved by cutting the text at every boundary.
 */
export function highlighted(text, spans) {
  const container = el('div', { class: 'doc-text' });
  const cuts = new Set([0, text.length]);
  const valid = spans.filter(s => s.start >= 0 && s.end <= text.length && s.start < s.end);
  for (const s of valid) { cuts.add(s.start); cuts.add(s.end); }
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(a, b);
    const covering = valid.filter(s => s.start <= a && s.end >= b);
    if (!covering.length) { container.append(document.createTextNode(piece)); continue; }
    const m = el('mark', { class: covering.map(s => s.cls).join(' '), title: covering.map(s => s.title).filter(Boolean).join(' · ') || null }, piece);
    const withId = covering.find(s => s.id);
    if (withId) m.dataset.span = withId.id;
    container.append(m);
  }
  return container;
}

/** An error in the reader's language: by the API's error code, else by HTTP status, else a generic line. */
export function errorText(e) {
  const code = e && e.body && e.body.code;
  if (code && STRINGS.en['err_' + code]) return t('err_' + code);
  const byStatus = { 400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 413: 'tooLarge', 429: 'tooManyRequests' }[e && e.status];
  if (byStatus) return t('err_' + byStatus);
  return e && e.status >= 500 ? t('err_internal') : t('err_network');
}

export function showError(node, e) {
  clear(node).append(el('p', { class: 'error', role: 'alert' }, t('error') + ': ' + errorText(e)));
}
