// The case form, generated at run time from case.schema.json (the schema the reader enforces): every property a
// field labelled and explained by its Chinese description, enums as choices, booleans as 是/否, dates as date
// pickers, arrays repeatable. Each field knows its JSON path, so the located errors of a rejected case
// ({file, path, code, message}) are shown beside the field they concern.
'use strict';

const Form = (() => {
  const { el } = TP;
  // Labels for the few properties the schema leaves without a description.
  const NAMES = {
    name: '名称', violation: '违法行为类型', harm: '危害后果', discoveredBy: '发现方式', scheme: '评价办法', id: '编号',
    role: '测点类型', kind: '种类', from: '起', to: '止', factor: '污染因子', averaging: '均值类型', enterprise: '企业',
    credit: '信用记录', history: '历史记录', findings: '违法事实', power: '用电监控', monitoring: '在线监测', period: '期间',
    channels: '测点', readings: '读数文件', reports: '报备与报告', orders: '在执行的决定', alerts: '重污染天气预警',
    finding: '推导出的违法事实的共同认定', conduct: '当事人行为', correction: '责令改正', fault: '故障', details: '情节',
    exceedances: '超标时段', mitigation: '从轻减轻情节', caseId: '案件编号', decisionDate: '决定日期', regionName: '地区名称',
  };
  const HIDDEN = new Set(['$schema', 'clues', 'derivedFrom', 'monitoringReport']);

  let root = {};

  /** The schema a JSON pointer (#/$defs/finding/properties/harm) names in the case schema. */
  function pointer(ref) {
    let node = root;
    for (const part of ref.replace(/^#\//, '').split('/')) node = (node || {})[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return node || {};
  }

  /** A schema with its $ref chain followed; _refs lists every reference passed (a date is any chain through #/$defs/date). */
  function resolve(schema) {
    let s = schema || {};
    const refs = [...(s._refs || [])];
    while (s.$ref && !refs.includes(s.$ref)) {
      refs.push(s.$ref);
      const { $ref, ...rest } = s;
      const target = resolve(pointer($ref));
      s = Object.assign({}, target, rest, { _refs: [...refs, ...(target._refs || [])] });
    }
    return Object.assign({}, s, { _refs: refs.concat(s._refs || []) });
  }

  function short(description, key) {
    if (!description) return NAMES[key] || key;
    const cut = description.search(/[（(，,；;：:]/);
    const head = cut > 0 ? description.substring(0, cut) : description;
    return head.length > 24 ? (NAMES[key] || head.substring(0, 24) + '…') : head;
  }

  /** A node of the form: {el, value() → JSON or undefined, set(v), assign(path, map)}. */
  function build(schema, key, required) {
    const s = resolve(schema);
    if (s.enum) return scalar(s, key, required, 'enum');
    if (s.type === 'object' || s.properties) return object(s, key, required);
    if (s.type === 'array') {
      const items = resolve(s.items);
      if (items.enum && s.uniqueItems) return checkboxes(s, items, key, required);
      return array(s, key, required);
    }
    if (s.type === 'boolean') return scalar(s, key, required, 'boolean');
    if (s.type === 'number' || s.type === 'integer') return scalar(s, key, required, 'number');
    if (s._refs.includes('#/$defs/date')) return scalar(s, key, required, 'date');
    if (s._refs.includes('#/$defs/dateTime')) return scalar(s, key, required, 'datetime-local');
    return scalar(s, key, required, 'text');
  }

  function wrap(s, key, required, control) {
    const id = 'f' + Math.random().toString(36).substring(2, 10);
    control.id = id;
    control.setAttribute('data-key', key);
    const label = el('label', { for: id, class: required ? 'required' : null, title: s.description || '' }, short(s.description, key));
    const row = el('div', { class: 'field' }, label, control);
    if (s.description && s.description !== label.textContent) row.append(el('div', { class: 'help' }, s.description));
    return row;
  }

  function scalar(s, key, required, kind) {
    let control;
    if (kind === 'enum' || kind === 'boolean') {
      const options = kind === 'enum' ? s.enum : [true, false];
      control = el('select', {}, el('option', { value: '' }, '（未填）'),
        options.map((v, i) => el('option', { value: String(i) }, kind === 'boolean' ? (v ? '是' : '否') : String(v))));
      control._options = options;
    } else {
      control = el('input', { type: kind, step: kind === 'number' ? 'any' : null });
    }
    const node = {
      el: wrap(s, key, required, control), control,
      value() {
        if (control.tagName === 'SELECT') return control.value === '' ? undefined : control._options[Number(control.value)];
        const v = control.value.trim();
        if (v === '') return undefined;
        if (kind === 'number') return Number(v);
        return v;
      },
      set(v) {
        if (v === undefined || v === null) { control.value = ''; return; }
        if (control.tagName === 'SELECT') {
          const i = control._options.indexOf(v);
          control.value = i < 0 ? '' : String(i);
        } else if (kind === 'datetime-local') {
          control.value = String(v).substring(0, 16);
        } else control.value = String(v);
      },
      assign(path, map) { node.path = path; map.set(path, node); },
    };
    return node;
  }

  function checkboxes(s, items, key, required) {
    const boxes = items.enum.map(v => el('input', { type: 'checkbox', value: v }));
    const list = el('div', {}, boxes.map((b, i) => el('label', { style: 'display:block' }, b, ' ', items.enum[i])));
    const node = {
      el: wrap(s, key, required, list),
      value() { const v = boxes.filter(b => b.checked).map(b => b.value); return v.length ? v : undefined; },
      set(v) { boxes.forEach(b => { b.checked = (v || []).includes(b.value); }); },
      assign(path, map) { node.path = path; map.set(path, node); },
    };
    return node;
  }

  function object(s, key, required) {
    const req = new Set(s.required || []);
    const children = [];
    const body = el('div', {});
    for (const [k, sub] of Object.entries(s.properties || {})) {
      if (HIDDEN.has(k)) continue;
      const child = build(sub, k, req.has(k));
      children.push([k, child]);
      body.append(child.el);
    }
    const title = short(s.description, key);
    let container;
    if (key === null) container = body;
    else if (required) container = el('fieldset', { 'data-key': key }, el('legend', { title: s.description || '' }, title), body);
    else container = el('details', { 'data-key': key }, el('summary', {}, title + '（选填）'), body);
    if (key !== null && s.description) body.prepend(el('div', { class: 'help muted' }, s.description));
    const node = {
      el: container, children,
      value() {
        const o = {};
        for (const [k, c] of children) { const v = c.value(); if (v !== undefined) o[k] = v; }
        return Object.keys(o).length ? o : undefined;
      },
      set(v) {
        v = v || {};
        for (const [k, c] of children) c.set(v[k]);
        if (container.tagName === 'DETAILS' && node.value() !== undefined) container.open = true;
      },
      assign(path, map) {
        node.path = path; map.set(path, node);
        for (const [k, c] of children) c.assign(path + '.' + k, map);
      },
    };
    return node;
  }

  function array(s, key, required) {
    const itemSchema = s.items || {};
    const items = [];
    const list = el('div', {});
    const title = short(s.description, key);
    const add = el('button', { type: 'button', 'data-add': key }, '添加' + title);
    function addItem(value) {
      const child = build(itemSchema, key, true);
      const remove = el('button', { type: 'button' }, '删除');
      const row = el('div', { class: 'array-item' }, child.el, remove);
      const entry = { child, row };
      remove.addEventListener('click', () => { items.splice(items.indexOf(entry), 1); row.remove(); });
      items.push(entry);
      list.append(row);
      if (value !== undefined) child.set(value);
      return entry;
    }
    add.addEventListener('click', () => addItem());
    const container = el('fieldset', { 'data-key': key }, el('legend', { title: s.description || '' }, title + (required ? ' *' : '')),
      s.description ? el('div', { class: 'help muted' }, s.description) : null, list, add);
    for (let i = 0; i < (s.minItems || 0); i++) addItem();
    const node = {
      el: container,
      value() {
        const v = items.map(e => e.child.value()).filter(x => x !== undefined);
        return v.length ? v : undefined;
      },
      set(v) {
        items.splice(0).forEach(e => e.row.remove());
        for (const x of v || []) addItem(x);
        for (let i = items.length; i < (s.minItems || 0); i++) addItem();
      },
      assign(path, map) {
        node.path = path; map.set(path, node);
        items.forEach((e, i) => e.child.assign(path + '[' + i + ']', map));
      },
    };
    return node;
  }

  /** Shows each located error beside the deepest field its path reaches; returns the errors no field took. */
  function showErrors(root, errors) {
    document.querySelectorAll('.field-error').forEach(e => e.remove());
    document.querySelectorAll('.has-error').forEach(e => e.classList.remove('has-error'));
    const map = new Map();
    root.assign('$', map);
    const unplaced = [];
    for (const e of errors) {
      let path = e.path || '$';
      let node = map.get(path);
      while (!node && path.length > 1) {
        path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        node = map.get(path);
      }
      if (!node || node === root) { unplaced.push(e); continue; }
      const box = node.el.tagName === 'DIV' ? node.el : node.el;
      box.classList.add('has-error');
      const msg = el('div', { class: 'field-error', 'data-path': e.path, role: 'alert' }, e.code + '：' + e.message);
      if (box.tagName === 'DETAILS') box.open = true;
      let p = box.parentElement;
      while (p) { if (p.tagName === 'DETAILS') p.open = true; p = p.parentElement; }
      if (box.classList.contains('field')) box.append(msg);
      else box.insertBefore(msg, box.children[1] || null);
    }
    return unplaced;
  }

  async function create(container) {
    const r = await fetch('case.schema.json');
    root = await r.json();
    const form = build(root, null, true);
    container.append(form.el);
    return form;
  }

  return { create, showErrors };
})();
