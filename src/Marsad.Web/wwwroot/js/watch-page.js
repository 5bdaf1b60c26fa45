// Watched sources (`marsad watch`, `marsad serve --watch`): each source's status, and the events stored since the last visit.
import { el, lang, clear, api, showError } from './common.js';

const labels = {
  ar: { title: 'المصادر المتابَعة', outlet: 'المصدر', lastSuccess: 'آخر نجاح', lastError: 'آخر خطأ', failures: 'إخفاقات متتالية',
    nextDue: 'الاستطلاع التالي', today: 'وثائق اليوم', total: 'كل الوثائق', none: 'لا مصادر متابَعة بعد', since: 'أحداث جديدة منذ زيارتك الأخيرة: ', map: 'الخريطة' },
  en: { title: 'Watched sources', outlet: 'Source', lastSuccess: 'Last success', lastError: 'Last error', failures: 'Failures in a row',
    nextDue: 'Next poll', today: 'Documents today', total: 'All documents', none: 'No sources watched yet', since: 'New events since your last visit: ', map: 'Map' },
};
const L = labels[lang()] || labels.en;
const main = document.getElementById('main');
const visitKey = 'marsad.watch.lastVisit';

function when(t) { return t ? new Date(t).toLocaleString(lang() === 'ar' ? 'ar' : 'en') : '—'; }

async function start() {
  document.documentElement.lang = lang();
  document.documentElement.dir = lang() === 'ar' ? 'rtl' : 'ltr';
  document.title = 'Marsad — ' + L.title;
  const since = localStorage.getItem(visitKey);
  try {
    const data = await api('/api/watch' + (since ? '?since=' + encodeURIComponent(since) : ''));
    clear(main);
    main.append(el('h1', {}, L.title), el('p', {}, el('a', { href: '/' }, L.map)));
    if (data.newEventsSince !== null && data.newEventsSince !== undefined) {
      main.append(el('p', { id: 'new-events' }, L.since + String(data.newEventsSince)));
    }
    if (!data.sources.length) { main.append(el('p', {}, L.none)); }
    else {
      const head = el('tr', {}, ...[L.outlet, L.lastSuccess, L.lastError, L.failures, L.nextDue, L.today, L.total].map(h => el('th', {}, h)));
      const rows = data.sources.map(s => el('tr', { 'data-source': s.id },
        el('td', { dir: 'auto' }, s.outlet || s.id), el('td', {}, when(s.lastSuccess)), el('td', { dir: 'auto' }, s.lastError || '—'),
        el('td', {}, String(s.failures)), el('td', {}, when(s.nextDue)), el('td', {}, String(s.documentsToday)), el('td', {}, String(s.documentsTotal))));
      main.append(el('table', { id: 'watch-sources', class: 'table' }, el('thead', {}, head), el('tbody', {}, ...rows)));
    }
    localStorage.setItem(visitKey, data.now);
  } catch (e) { showError(main, e); }
}

start();
