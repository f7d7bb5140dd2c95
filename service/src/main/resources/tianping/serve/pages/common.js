// Shared by every page: the navigation bar, the token, calls to the API and small DOM helpers. Plain JavaScript,
// no build step, nothing fetched from outside this service.
'use strict';

const TP = {
  token() { return localStorage.getItem('tianping.token') || ''; },

  /** fetch() against this service with the token; resolves to {status, headers, body} (body parsed as JSON when it is). */
  async api(path, options = {}) {
    const headers = Object.assign({}, options.headers || {});
    if (TP.token()) headers['Authorization'] = 'Bearer ' + TP.token();
    const r = await fetch(path, Object.assign({}, options, { headers }));
    const type = r.headers.get('Content-Type') || '';
    const text = await r.text();
    let body = text;
    if (type.startsWith('application/json')) { try { body = JSON.parse(text); } catch (e) { /* leave text */ } }
    return { status: r.status, headers: r.headers, body, text };
  },

  /** el('div', {class: 'x'}, child, 'text', …): an element with attributes and children (strings become text). */
  el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on')) e.addEventListener(k.substring(2), v);
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  },

  money(n) {
    return n === null || n === undefined ? '—' : Number(n).toLocaleString('zh-CN') + ' 元';
  },

  /** An error answer ({code, message, path, errors?}) as a block of text. */
  errorBox(body) {
    const box = TP.el('div', { class: 'error-box', role: 'alert' });
    if (body && typeof body === 'object') {
      box.append(TP.el('strong', {}, body.message || body.code || '出错'));
      for (const e of body.errors || []) {
        box.append(TP.el('div', { class: 'located' }, (e.file ? e.file + ': ' : '') + (e.path || '') + ': ' + e.code + ': ' + e.message));
      }
    } else {
      box.append(String(body));
    }
    return box;
  },

  nav(active) {
    const links = [['index.html', '案件录入'], ['decisions.html', '决定查询'], ['batch.html', '批量汇总'], ['audit.html', '审计']];
    const token = TP.el('input', { type: 'password', id: 'token', placeholder: '令牌（写入时需要）', value: TP.token(),
      onchange: e => localStorage.setItem('tianping.token', e.target.value.trim()) });
    const bar = TP.el('nav', { class: 'top' }, TP.el('span', { class: 'brand' }, '天平 · 合规核查'),
      links.map(([href, text]) => TP.el('a', { href, class: href === active ? 'active' : null }, text)),
      TP.el('label', { class: 'token' }, '令牌 ', token));
    document.body.prepend(bar);
  },

  /**
   * The name an uploaded data file goes by: the reference in the case (power.readings, monitoring.data) whose last
   * segment is the file's name — browsers send only the base name, cases may name data/x.hj212.
   */
  dataName(caseJson, file) {
    const refs = [...(((caseJson || {}).power || {}).readings || []), ...(((caseJson || {}).monitoring || {}).data || [])];
    return refs.find(r => String(r).split('/').pop() === file.name) || file.name;
  },

  /** Appends a data file to a multipart form, preceded by the dataPath field that names it as the case does. */
  appendData(fd, caseJson, file) {
    fd.append('dataPath', TP.dataName(caseJson, file));
    fd.append('data', file, file.name);
  },

  param(name) { return new URLSearchParams(location.search).get(name); },
};
