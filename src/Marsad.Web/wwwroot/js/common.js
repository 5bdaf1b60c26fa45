// Shared helpers: language, API calls with CSRF, DOM building (text only, never HTML from data).
import { STRINGS, EVENT_TYPES_AR, SUBTYPES_AR, ATTRIBUTION, TIME_PRECISION, GEO_PRECISION, INTER, TAGS_AR } from './i18n.js';

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

/** Black or white text, whichever contrasts more with the background colour (WCAG relative luminance). */
export function textOn(hex) {
  const c = /^#?([0-9a-f]{6})$/i.exec(hex || '');
  if (!c) return '#fff';
  const lum = [0, 2, 4].map(i => parseInt(c[1].slice(i, i + 2), 16) / 255).map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  const L = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
  return (1.05 / (L + 0.05)) >= ((L + 0.05) / 0.05) ? '#fff' : '#111';
}

/** Colours an event-type badge with readable text. */
export function paintBadge(node, type) {
  const bg = TYPE_COLORS[type] || '#555555';
  node.style.background = bg;
  node.style.color = textOn(bg);
  return node;
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
  for (const c of children.flat(Infinity)) {
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
  const switcher = el('button', { type: 'button', class: 'lang-switch', id: 'lang-switch', lang: l === 'ar' ? 'en' : 'ar', 'data-verbatim': '', onclick: () => {
    localStorage.setItem('marsad.lang', l === 'ar' ? 'en' : 'ar');
    const u = new URL(location.href); u.searchParams.delete('lang'); location.href = u.href;
  } }, t('lang_switch'));
  right.append(switcher);
  header.append(el('a', { href: '/', class: 'brand' }, el('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'م'), t('app')), nav, right);
  let cfg = null;
  const catalogueP = loadActorCatalogue();
  try { cfg = await config(); } catch { /* shown by the page */ }
  await catalogueP;
  if (cfg && cfg.user) {
    right.append(el('span', { class: 'user', id: 'current-user' }, t('signed_in_as') + ' ', verbatim(cfg.user.name)),
      el('button', { type: 'button', id: 'sign-out', onclick: async () => { await api('/api/auth/logout', { method: 'POST' }); location.reload(); } }, t('sign_out')));
  } else {
    right.append(el('a', { href: '/login.html?return=' + encodeURIComponent(location.pathname + location.search), class: 'button', id: 'sign-in' }, t('sign_in')));
  }
  return cfg;
}

// ---- language-aware formatting (Intl) and bidi isolation ----------------------------------------------

const locale = () => (lang() === 'ar' ? 'ar' : 'en-GB');
const intl = {};
function cached(kind, key, make) { const k = kind + '|' + lang() + '|' + key; return intl[k] ??= make(); }

/** A number in the reader's language (Arabic-Indic digits in Arabic). */
export function num(n, opts) {
  if (n === null || n === undefined || Number.isNaN(Number(n))) return t('unknown');
  return cached('n', JSON.stringify(opts || {}), () => new Intl.NumberFormat(locale(), opts)).format(Number(n));
}

/** A YYYY-MM-DD date in words of the reader's language (UTC, so the day never shifts). */
export function date(iso, opts) {
  if (!iso) return t('unknown');
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso);
  if (Number.isNaN(d.getTime())) return iso;
  const o = opts || { year: 'numeric', month: 'long', day: 'numeric' };
  return cached('d', JSON.stringify(o), () => new Intl.DateTimeFormat(locale(), { ...o, timeZone: 'UTC' })).format(d);
}

/** A date and time (audit trail). */
export function dateTime(iso) { return date(iso, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }); }

/** A counted phrase with the language's plural rules (Arabic: zero, one, two, few, many, other). */
export function plural(key, n) {
  const cat = cached('p', '', () => new Intl.PluralRules(locale())).select(Number(n));
  const table = STRINGS[lang()] || STRINGS.en;
  const s = table[key + '_' + cat] ?? table[key + '_other'] ?? STRINGS.en[key + '_other'] ?? key;
  return s.replace('{0}', num(n));
}

/** Isolates a date, number or name from the surrounding text direction. */
export function bdi(text, cls) { return el('bdi', { class: cls || null }, text === null || text === undefined || text === '' ? t('none') : String(text)); }

/** Data shown as written (names, titles, source text, URLs): isolated and marked as data, not UI text. */
export function verbatim(text) { return el('bdi', { class: 'verbatim', 'data-verbatim': '' }, text === null || text === undefined || text === '' ? t('none') : String(text)); }

export function fmtDate(d) { return bdi(date(d), 'date'); }
export function fmtNum(n) { return bdi(num(n), 'num'); }

export function subTypeLabel(s) { return lang() === 'ar' ? (SUBTYPES_AR[s] || s) : s; }
export function attributionLabel(kind) { return kind ? ((ATTRIBUTION[lang()] || ATTRIBUTION.en)[kind] || kind) : t('none'); }
export function timePrecisionLabel(p) { return p ? ((TIME_PRECISION[lang()] || TIME_PRECISION.en)[p] || num(p)) : t('none'); }
export function geoPrecisionLabel(p) { return p ? ((GEO_PRECISION[lang()] || GEO_PRECISION.en)[p] || num(p)) : t('none'); }
export function interLabel(i) { return i === null || i === undefined ? t('unknown') : ((INTER[lang()] || INTER.en)[i] || num(i)); }
export function roleLabel(r) { return STRINGS.en['role_' + r] ? t('role_' + r) : r; }
export function actionLabel(a) { return STRINGS.en['act_' + a] ? t('act_' + a) : a; }
export function outcomeLabel(o) { return STRINGS.en['out_' + o] ? t('out_' + o) : o; }

/** A tag: translated when the lexicon's tag is known, else shown as written (data). */
export function tagNode(tag) { return lang() === 'ar' && TAGS_AR[tag] ? bdi(TAGS_AR[tag]) : verbatim(tag); }

const REJECTIONS = [[/^empty/, 'rej_empty'], [/longer than|larger than/, 'rej_long'], [/no article text/, 'rej_no_article'],
  [/^cannot be read|no such file|not available/, 'rej_unreadable'], [/binary|not text/i, 'rej_binary'], [/^feed/, 'rej_feed'], [/JSON/, 'rej_json']];
/** An ingest rejection reason in the reader's language (the server's English reason stays in the tooltip). */
export function rejectionLabel(reason) {
  if (!reason) return '';
  const hit = REJECTIONS.find(([re]) => re.test(reason));
  return hit ? t(hit[1]) : t('rej_other');
}

const WHY = [[/^headline/, 'why_headline'], [/pluperfect/, 'why_pluperfect'], [/year/, 'why_year'], [/^aggregate/, 'why_aggregate'],
  [/^background/, 'why_background'], [/^negation/, 'why_negation'], [/^denial/, 'why_denial'], [/^threat/, 'why_threat'], [/^hedge/, 'why_hedge'],
  [/^purpose/, 'why_purpose'], [/^accusation/, 'why_accusation'], [/relative/, 'why_relative']];
/**
 * A processing warning ("events: REASON: not coded as an event: 'TEXT' at N") as a localized line with the quoted
 * text isolated; other warnings become a generic localized note with their text as data.
 */
export function warningNode(w) {
  const m = /^events: (.+?): not coded(?: as an event)?: '(.*)' at \d+$/s.exec(w || '');
  if (!m) return el('span', {}, t('w_other'), ': ', verbatim(w));
  const why = WHY.find(([re]) => re.test(m[1]));
  return el('span', { title: w }, t('w_not_coded', why ? t(why[1]) : t('why_other')), ': «', verbatim(m[2]), '»');
}

// Catalogue names: the actor catalogue's Arabic names, loaded once per page by frame().
let actorCatalogue = new Map();
export async function loadActorCatalogue() {
  try {
    const r = await api('/api/catalogue/actors');
    actorCatalogue = new Map(r.items.map(a => [a.id, a]));
  } catch { /* names fall back to the stored English names */ }
  return actorCatalogue;
}
export function catalogueActors() { return [...actorCatalogue.values()]; }

/** An actor's name in the reader's language: the event's or the catalogue's Arabic name, else the stored name. */
export function actorText(a) {
  if (!a) return t('none');
  if (lang() !== 'ar') return a.name;
  return a.nameAr || a.name_ar || (a.id && actorCatalogue.get(a.id)?.nameAr) || a.name;
}
export function actorName(a) { return a ? verbatim(actorText(a)) : t('none'); }
export function placeText(p) { return p ? (lang() === 'ar' && (p.nameAr || p.name_ar) ? (p.nameAr || p.name_ar) : p.name) : t('unknown'); }
export function placeName(p) { return p ? verbatim(placeText(p)) : t('unknown'); }

/**
 * Renders text with highlighted spans (UTF-16 offsets, like JS string indices). Each span:
 * {start, end, cls, title, id}. Overlaps are resolved by cutting the text at every boundary.
 */
export function highlighted(text, spans) {
  const container = el('div', { class: 'doc-text', 'data-verbatim': '', dir: 'auto' });
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
