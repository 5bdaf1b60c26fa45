// The timeline: bars stacked by event type per bucket (day/week/month), year and month ticks, drag to select a
// date range. Right-to-left in Arabic (time runs from right to left), labels in the reader's language.
import { t, EVENT_TYPES, TYPE_COLORS, typeLabel, num, date, lang } from './common.js';

const NS = 'http://www.w3.org/2000/svg';

function svgEl(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Ticks where a month (and a year) begins, from the bucket starts (YYYY-MM-DD). */
export function ticks(buckets) {
  const out = [];
  let prev = null;
  buckets.forEach((b, i) => {
    const ym = b.start.slice(0, 7);
    const pm = prev && prev.slice(0, 7);
    if (i === 0 || ym !== pm) out.push({ index: i, year: i === 0 || b.start.slice(0, 4) !== prev.slice(0, 4), month: b.start });
    prev = b.start;
  });
  return out;
}

/** Draws the timeline; onRange(from, to) is called with the selected buckets' first and last day. */
export function drawTimeline(data, { width, onRange }) {
  const buckets = data.buckets;
  const W = width, H = 180, padX = 28, top = 16, bottom = 40;
  const plotH = H - top - bottom;
  const rtl = document.documentElement.dir === 'rtl';
  const totals = buckets.map(b => Object.values(b.counts).reduce((a, c) => a + c, 0));
  const max = Math.max(...totals, 1);
  const bw = (W - padX * 2) / buckets.length;
  const xOf = (i) => (rtl ? W - padX - (i + 1) * bw : padX + i * bw);
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline-svg', role: 'img', direction: 'ltr', 'data-bucket': data.bucket, 'data-buckets': buckets.length });
  const sum = totals.reduce((a, c) => a + c, 0);
  svg.setAttribute('aria-label', `${t('timeline')}: ${t('per_' + data.bucket)}, ${date(buckets[0].start)} – ${date(buckets[buckets.length - 1].end)}, ${num(sum)}`);
  svg.append(svgEl('title', {}, t('timeline_hint')));
  // Bars.
  buckets.forEach((b, i) => {
    let y = top + plotH;
    for (const type of EVENT_TYPES) {
      const n = b.counts[type] || 0;
      if (!n) continue;
      const h = plotH * n / max;
      const r = svgEl('rect', { x: xOf(i) + (bw > 3 ? 0.5 : 0), y: y - h, width: Math.max(0.8, bw - (bw > 3 ? 1 : 0)), height: h, fill: TYPE_COLORS[type], 'data-type': type });
      r.append(svgEl('title', {}, `${date(b.start)}${b.end !== b.start ? ' – ' + date(b.end) : ''}: ${typeLabel(type)} ${num(n)}`));
      svg.append(r);
      y -= h;
    }
  });
  // Axis: a line, month ticks (labelled when there is room), year ticks (always labelled).
  svg.append(svgEl('line', { x1: padX, x2: W - padX, y1: top + plotH, y2: top + plotH, class: 'axis-line' }));
  const tk = ticks(buckets);
  const months = tk.length;
  const pxPerMonth = (W - padX * 2) / Math.max(1, months);
  const monthLabel = new Intl.DateTimeFormat(lang() === 'ar' ? 'ar' : 'en-GB', { month: 'short', timeZone: 'UTC' });
  const yearLabel = new Intl.DateTimeFormat(lang() === 'ar' ? 'ar' : 'en-GB', { year: 'numeric', timeZone: 'UTC' });
  const every = pxPerMonth >= 34 ? 1 : pxPerMonth >= 17 ? 3 : 12;
  for (const k of tk) {
    const edge = rtl ? xOf(k.index) + bw : xOf(k.index);
    const d = new Date(k.month + 'T00:00:00Z');
    const m = d.getUTCMonth();
    svg.append(svgEl('line', { x1: edge, x2: edge, y1: top + plotH, y2: top + plotH + (k.year ? 14 : 5), class: k.year ? 'tick-year' : 'tick-month' }));
    if (!k.year && m % every === 0) {
      svg.append(svgEl('text', { x: edge + (rtl ? -3 : 3), y: top + plotH + 14, 'text-anchor': rtl ? 'end' : 'start', class: 'axis' }, monthLabel.format(d)));
    }
    if (k.year) {
      svg.append(svgEl('text', { x: edge + (rtl ? -3 : 3), y: top + plotH + 30, 'text-anchor': rtl ? 'end' : 'start', class: 'axis axis-year' }, yearLabel.format(d)));
    }
  }
  svg.append(svgEl('text', { x: rtl ? W - 2 : 2, y: top - 4, 'text-anchor': rtl ? 'end' : 'start', class: 'axis' }, num(max)));
  // Drag to select a range of buckets.
  const sel = svgEl('rect', { x: 0, y: top, width: 0, height: plotH, class: 'brush', visibility: 'hidden' });
  svg.append(sel);
  const indexAt = (ev) => {
    const r = svg.getBoundingClientRect();
    const x = (ev.clientX - r.left) * (W / r.width);
    const i = Math.floor(rtl ? (W - padX - x) / bw : (x - padX) / bw);
    return Math.min(buckets.length - 1, Math.max(0, i));
  };
  let from = null;
  const show = (a, b) => {
    const lo = Math.min(a, b), hi = Math.max(a, b);
    const x1 = Math.min(xOf(lo), xOf(hi)), x2 = Math.max(xOf(lo), xOf(hi)) + bw;
    sel.setAttribute('x', String(x1)); sel.setAttribute('width', String(x2 - x1)); sel.setAttribute('visibility', 'visible');
  };
  svg.addEventListener('pointerdown', ev => { from = indexAt(ev); svg.setPointerCapture(ev.pointerId); show(from, from); ev.preventDefault(); });
  svg.addEventListener('pointermove', ev => { if (from !== null) show(from, indexAt(ev)); });
  svg.addEventListener('pointerup', ev => {
    if (from === null) return;
    const to = indexAt(ev);
    const lo = Math.min(from, to), hi = Math.max(from, to);
    from = null;
    onRange(buckets[lo].start, buckets[hi].end);
  });
  return svg;
}
