// Charts of a case's raw data with Apache ECharts (bundled: lib/echarts.min.js), drawn from POST /v1/series:
// power — each treatment channel's 15-minute curve with the production it serves, running and low-load
// thresholds as lines, episodes P1–P8 shaded and labelled, reports (报备) marked; monitoring — hourly (or daily)
// means against the limit, exceedances in red, excluded hours greyed with their reason.
'use strict';

const Charts = (() => {
  const { el } = TP;
  const EPISODE_COLOURS = { P1: 'rgba(211,47,47,0.22)', P2: 'rgba(245,124,0,0.22)', P3: 'rgba(183,28,28,0.28)', P4: 'rgba(255,160,0,0.22)',
    P5: 'rgba(123,31,162,0.2)', P6: 'rgba(69,39,160,0.22)', P7: 'rgba(93,64,55,0.15)', P8: 'rgba(120,120,120,0.25)' };

  function chartBox(id, title) {
    const box = el('div', { class: 'chart', id, 'data-title': title });
    return box;
  }

  function at(times, slot) { return times[Math.min(Math.max(slot, 0), times.length - 1)]; }

  function powerCharts(container, s) {
    const times = s.times;
    const byId = Object.fromEntries(s.channels.map(c => [c.id, c]));
    const groups = [];
    const shown = new Set();
    for (const t of s.channels.filter(c => c.role === '治污')) {
      const members = [t, ...(t.serves || []).map(id => byId[id]).filter(Boolean)];
      members.forEach(c => shown.add(c.id));
      groups.push({ title: t.id + '（' + (t.name || '治污设施') + '）与所服务的生产设施', members, main: t });
    }
    for (const c of s.channels.filter(c => !shown.has(c.id))) groups.push({ title: c.id + '（' + (c.name || c.role) + '）', members: [c], main: c });
    groups.forEach((g, i) => {
      const box = chartBox('power-chart-' + i, g.title);
      container.append(el('h3', {}, g.title), box);
      const ids = new Set(g.members.map(c => c.id));
      const episodes = s.episodes.filter(e => ids.has(e.subject) || (e.channels || []).some(c => ids.has(c)));
      // labels of overlapping episodes (P1 and the P7 of the same stop) are stacked, not drawn over each other
      const areas = episodes.map((e, j) => [{
        name: e.kind, xAxis: at(times, e.fromSlot), itemStyle: { color: EPISODE_COLOURS[e.kind] || 'rgba(0,0,0,0.1)' },
        label: { show: true, position: 'insideTopLeft', offset: [4, 4 + 16 * j], color: '#222', formatter: e.kind + (e.suppressed ? '（已报备）' : e.clue ? '（线索）' : '') + ' ' + e.label },
        tooltip: { formatter: e.evidence },
      }, { xAxis: at(times, e.toSlot - 1) }]);
      const reports = s.reports.filter(r => !r.channels || r.channels.length === 0 || r.channels.some(c => ids.has(c)));
      const reportLines = reports.map(r => ({ name: r.kind + (r.reportedAt ? '（报告于 ' + r.reportedAt + '）' : ''), xAxis: nearest(times, r.from),
        lineStyle: { color: '#1565c0', type: 'dashed', width: 2 }, label: { formatter: '报备/报告：' + r.kind, position: 'insideEndTop' } }));
      const series = g.members.map((c, k) => ({
        name: c.id + ' ' + (c.name || '') + '（' + c.role + '）',
        type: 'line', step: 'end', showSymbol: false, connectNulls: false, data: c.kw,
        lineStyle: { width: c.role === '治污' ? 2.5 : 1.5 },
        markLine: { symbol: 'none', silent: true, data: [
          { name: c.id + ' 运行阈值', yAxis: c.onKw, label: { formatter: c.id + ' 运行 ' + c.onKw + ' kW' } },
          ...(c.lowKw !== undefined ? [{ name: c.id + ' 低负荷阈值', yAxis: c.lowKw, label: { formatter: c.id + ' 低负荷 ' + c.lowKw + ' kW' } }] : []),
          ...(k === 0 ? reportLines : []),
        ] },
        markArea: k === 0 ? { data: areas } : undefined,
      }));
      const chart = echarts.init(box);
      chart.setOption({
        animation: false,
        title: { text: g.title, left: 'center', textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' }, legend: { top: 24 },
        grid: { top: 64, left: 56, right: 120, bottom: 56 },
        xAxis: { type: 'category', data: times, axisLabel: { formatter: v => v.substring(5).replace('T', ' ') } },
        yAxis: { type: 'value', name: 'kW' },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
        series,
      });
    });
    if (s.episodes.length) {
      container.append(el('table', { id: 'episodes' }, el('tr', {}, el('th', {}, '时段'), el('th', {}, '起'), el('th', {}, '止'), el('th', {}, '测点'), el('th', {}, '情况')),
        s.episodes.map(e => el('tr', {}, el('td', {}, e.kind + ' ' + e.label), el('td', {}, e.from), el('td', {}, e.to),
          el('td', {}, (e.channels || []).join('、')), el('td', {}, (e.suppressed || (e.clue ? '线索' : '')) + ' ' + e.evidence)))));
    }
  }

  function nearest(times, t) {
    if (!t) return times[0];
    const key = t.substring(0, 16);
    for (const x of times) if (x >= key) return x;
    return times[times.length - 1];
  }

  function monitoringCharts(container, s) {
    let n = 0;
    for (const o of s.outlets) {
      for (const l of o.limits) {
        const title = (o.name || o.id) + '（' + o.mn + '）· ' + l.name + ' ' + l.averaging + ' · 限值 ' + l.limit + (l.unit ? ' ' + l.unit : '');
        const box = chartBox('monitoring-chart-' + n++, title);
        container.append(el('h3', {}, title), box);
        const x = l.means.map(m => m.start.replace('T', ' ').substring(0, 16));
        const data = l.means.map(m => m.value === null ? null : { value: Number(m.value), itemStyle: { color: m.exceeded ? '#c62828' : '#1565c0' } });
        const excluded = [];
        l.means.forEach((m, i) => {
          if (m.value !== null) return;
          const last = excluded[excluded.length - 1];
          if (last && last.reason === m.excluded && last.to === i - 1) last.to = i;
          else excluded.push({ reason: m.excluded, from: i, to: i });
        });
        const areas = [
          ...excluded.map(e => [{ name: '剔除：' + e.reason, xAxis: x[e.from], itemStyle: { color: 'rgba(120,120,120,0.25)' },
            label: { show: true, position: 'insideTop', formatter: '剔除：' + e.reason, fontSize: 10 } }, { xAxis: x[e.to] }]),
          ...l.episodes.map(e => [{ name: '超标 ' + (e.hours ? e.hours + ' 小时' : '日均值'), xAxis: x[l.means.findIndex(m => m.start === e.start)],
            itemStyle: { color: 'rgba(198,40,40,0.12)' }, label: { show: true, position: 'insideBottom', formatter: '超标' + (e.hours ? ' ' + e.hours + ' 小时' : '') } },
            { xAxis: x[Math.max(0, l.means.findIndex(m => m.start >= e.end) - 1)] || x[x.length - 1] }]),
        ];
        const lines = [{ name: '限值', yAxis: Number(l.limit), lineStyle: { color: '#c62828' }, label: { formatter: '限值 ' + l.limit } }];
        if (l.limitLow !== undefined) lines.push({ name: '限值下限', yAxis: Number(l.limitLow), lineStyle: { color: '#c62828' }, label: { formatter: '下限 ' + l.limitLow } });
        const chart = echarts.init(box);
        chart.setOption({
          animation: false,
          title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
          tooltip: { trigger: 'axis', formatter: ps => { const p = ps[0]; const m = l.means[p.dataIndex];
            return p.axisValue + '<br>' + (m.value === null ? '剔除：' + m.excluded : l.name + ' ' + m.value + (m.exceeded ? '（超标）' : '') + (m.notes ? '<br>' + m.notes.join('；') : '')); } },
          grid: { top: 48, left: 56, right: 24, bottom: 56 },
          xAxis: { type: 'category', data: x },
          yAxis: { type: 'value', name: l.unit || '' },
          dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }],
          series: [{ name: l.name, type: 'bar', data, markLine: { symbol: 'none', data: lines }, markArea: { data: areas } }],
        });
      }
    }
  }

  /** Draws every series of a POST /v1/series answer into the container. */
  function render(container, answer) {
    container.replaceChildren();
    for (const s of answer.series || []) {
      if (s.kind === 'power') powerCharts(container, s);
      else if (s.kind === 'monitoring') monitoringCharts(container, s);
    }
  }

  return { render };
})();
