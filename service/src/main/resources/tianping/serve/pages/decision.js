// The decision page: a decision as check --json gives it, read for a person — the conclusion and the amount
// first, then each finding with its basis, the why/why-not table of every list item, the fine arithmetic, the
// measures and the warning; the rule trace folded below; the fingerprints last.
'use strict';

const DecisionView = (() => {
  const { el } = TP;

  const DOCUMENTS = [
    ['不予处罚', '不予行政处罚决定书', d => d.findings.some(f => /^(不予处罚|不再处罚)/.test((f.disposition || {}).kind || ''))],
    ['告知', '行政处罚事先（听证）告知书', d => d.findings.some(f => f.fine && f.fine.amount > 0)],
    ['处罚', '行政处罚决定书', d => d.findings.some(f => f.fine && f.fine.amount > 0)],
    ['责令改正', '责令改正违法行为决定书', d => d.findings.some(f => (f.measures || []).some(m => m.kind === '责令改正'))],
  ];

  function conclusion(d) {
    return el('section', { class: 'conclusion', id: 'conclusion' },
      el('div', { class: 'muted' }, '案件 ' + d.caseId + ' · ' + ((d.enterprise || {}).name || '') + ' · 决定日期 ' + d.decisionDate),
      el('div', { class: 'outcome', id: 'outcome' }, '结论：' + (d.summary || (d.outcome || []).join('；'))),
      el('div', { class: 'amount', id: 'amount' }, '罚款合计：' + TP.money(d.totalFine)),
      d.warning ? el('div', { class: 'warning-' + d.warning.substring(0, 2), id: 'warning' }, '预警：' + d.warning) : null);
  }

  function documents(seq, d) {
    if (!seq) return null;
    const fitting = DOCUMENTS.filter(([, , fits]) => fits(d));
    return el('section', { id: 'documents' }, el('h2', {}, '决定书草稿'),
      fitting.length === 0 ? el('p', { class: 'muted' }, '本决定没有适用的文书种类。') :
        el('ul', {}, fitting.map(([kind, title]) => el('li', {},
          el('a', { href: '/v1/decisions/' + seq + '/document?kind=' + encodeURIComponent(kind) + '&format=docx', class: 'document-link', 'data-kind': kind }, title + '（DOCX）'),
          ' · ',
          el('a', { href: '/v1/decisions/' + seq + '/document?kind=' + encodeURIComponent(kind) + '&format=html', target: '_blank' }, '打印版（HTML）')))),
      el('p', { class: 'muted' }, '草稿中案件未载明的内容留作待填空白，须经办人员核对补全。'));
  }

  function exemptionTable(x) {
    const rows = [...(x.failed || []), ...(x.met || [])];
    return el('div', { class: 'exemption' },
      el('h4', {}, x.kind + ' · ' + x.item + ' ' + x.name + '：' + (x.applied ? '适用' : '不适用')),
      el('div', { class: 'muted' }, x.list + '；有效期 ' + x.validity + (x.inForce ? '' : '（不在有效期内）')
        + (x.supersededBy ? '；被 ' + x.supersededBy + ' 优先' : '') + (x.afterExpiry ? '；失效后：' + x.afterExpiry : '')),
      el('table', { class: 'why' },
        el('tr', {}, el('th', {}, '条件'), el('th', {}, '来源'), el('th', {}, '实际值'), el('th', {}, '要求'), el('th', {}, '是否满足')),
        rows.map(c => el('tr', {}, el('td', {}, c.condition), el('td', {}, c.origin || ''), el('td', {}, c.actual),
          el('td', {}, c.required), el('td', { class: c.met ? 'yes' : 'no' }, c.met ? '满足' : '不满足')))));
  }

  function finding(f) {
    const d = f.disposition || {};
    return el('section', { class: 'finding', 'data-finding': f.id },
      el('h3', {}, '违法事实 ' + f.id + '：' + (f.violationName || f.violation)),
      el('div', {}, '违反：' + (f.violatedProvision || '—') + ' · 行为日 ' + f.actDate + (f.judgedOn && f.judgedOn !== f.actDate ? ' · 按 ' + f.judgedOn + ' 施行的规定' : '')),
      el('div', { class: 'disposition' }, el('strong', {}, '处理：' + (d.kind || '—')), ' ' + (d.mandatory || '') + '（' + (d.rule || '') + '，' + (d.legalBasis || '') + '）' + (d.note ? '：' + d.note : '')),
      f.fine ? el('div', { class: 'fine' }, el('h4', {}, '罚款计算：' + TP.money(f.fine.amount)),
        el('ol', {}, (f.fine.steps || []).map(s => el('li', {}, s)))) : null,
      (f.measures || []).length ? el('div', {}, el('h4', {}, '措施'),
        el('ul', {}, f.measures.map(m => el('li', {}, m.kind + '：' + (m.mandatory || '') + '（' + m.rule + '，' + m.legalBasis + '）' + (m.note ? ' ' + m.note : ''))))) : null,
      (f.escalation || []).length ? el('div', {}, el('h4', {}, '递进执法'),
        el('ul', {}, f.escalation.map(e => el('li', {}, e.ladder + '：第 ' + e.step + ' 步 ' + e.name + '（' + e.rule + '）')))) : null,
      f.warning ? el('div', {}, el('h4', {}, '预警'), el('span', { class: 'warning-' + f.warning.substring(0, 2) }, f.warning)) : null,
      f.warningScheme ? el('div', { class: 'muted' }, f.warningScheme) : null,
      (f.exemptions || []).length ? el('div', {}, el('h4', {}, '不予处罚清单核对（每个条件：实际值、要求、是否满足）'), f.exemptions.map(exemptionTable))
        : el('div', { class: 'muted' }, '该地区、该违法行为没有对口的不予处罚清单事项。'),
      (f.superseded || []).length ? el('div', {}, el('h4', {}, '未被采纳的建议'),
        el('ul', {}, f.superseded.map(s => el('li', {}, s.rule + '（' + s.kind + '）让位于 ' + s.by + '：' + s.reason)))) : null,
      (f.evidence || []).length ? el('div', {}, el('h4', {}, '证据'), el('ul', {}, f.evidence.map(e => el('li', {}, e)))) : null);
  }

  function trace(title, rows, open) {
    return el('details', { id: title === '规则执行记录' ? 'trace' : null, open: open || null }, el('summary', {}, title + '（' + rows.length + ' 条）'),
      el('table', {}, el('tr', {}, el('th', {}, '序'), el('th', {}, '规则'), el('th', {}, '依据'), el('th', {}, '匹配的事实'), el('th', {}, '结论')),
        rows.map(t => el('tr', {}, el('td', {}, t.seq), el('td', {}, t.name || t.rule), el('td', {}, t.legalBasis || ''),
          el('td', {}, (t.facts || []).join('；')), el('td', {}, (t.concluded || []).join('；'))))));
  }

  function render(container, d, seq) {
    container.replaceChildren(conclusion(d), documents(seq, d) || '',
      el('h2', {}, '违法事实与处理'), ...d.findings.map(finding),
      (d.clues || []).length ? el('section', {}, el('h2', {}, '线索（供现场核查，不构成违法事实）'),
        el('ul', {}, d.clues.map(c => el('li', {}, typeof c === 'string' ? c : (c.kind || '') + ' ' + (c.start || '') + '–' + (c.end || '') + '：' + (c.text || JSON.stringify(c)))))) : '',
      (d.lighterLaw || []).length ? el('details', {}, el('summary', {}, '从旧兼从轻（行政处罚法第三十七条）'),
        el('pre', { class: 'mono' }, JSON.stringify(d.lighterLaw, null, 2))) : '',
      trace('规则执行记录', d.trace || []),
      (d.traceAtDecisionDate || []).length ? trace('按决定日规定的规则执行记录', d.traceAtDecisionDate) : '',
      (d.notInForce || []).length ? el('details', {}, el('summary', {}, '条件成立但不在有效期内的规则（' + d.notInForce.length + '）'),
        el('pre', { class: 'mono' }, JSON.stringify(d.notInForce, null, 2))) : '',
      el('section', { id: 'fingerprints' }, el('h2', {}, '指纹'),
        el('table', {}, Object.entries(d.fingerprints || {}).map(([k, v]) => el('tr', {},
          el('th', {}, { ruleSet: '规则集指纹', input: '输入指纹' }[k] || k), el('td', { class: 'mono' }, v))))));
  }

  return { render };
})();
