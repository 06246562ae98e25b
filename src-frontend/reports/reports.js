// Charts of the report pages (Apache ECharts, canvas renderer). The figures are read from the
// report's accessible table, so chart and table always agree; without JavaScript the table stands
// alone. Nothing here runs inline: the strict Content-Security-Policy stays as it is.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import './reports.css';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

function rowsOf(table, limit) {
  const rows = Array.from(table.querySelectorAll('tbody tr[data-spend]')).map((tr) => ({
    label: tr.dataset.label,
    spend: Number(tr.dataset.spend) / 100,
    rewards: Number(tr.dataset.rewards),
  }));
  return limit > 0 ? rows.slice(0, limit) : rows;
}

function draw(container) {
  const table = document.getElementById(container.dataset.chartTable);
  if (!table) {
    return;
  }
  const type = container.dataset.chartType === 'line' ? 'line' : 'bar';
  const rows = rowsOf(table, parseInt(container.dataset.chartLimit, 10) || 0);
  const horizontal = type === 'bar';
  if (horizontal) {
    rows.reverse(); // largest at the top
    container.style.height = `${Math.max(220, rows.length * 32 + 60)}px`;
  }
  const chart = echarts.init(container, null, { renderer: 'canvas' });
  const categoryAxis = {
    type: 'category',
    data: rows.map((r) => r.label),
    axisLabel: { width: 180, overflow: 'truncate', color: '#1b1f24' },
  };
  const valueAxis = { type: 'value', axisLabel: { formatter: (v) => dollars.format(v), color: '#1b1f24' } };
  chart.setOption({
    aria: { enabled: true },
    animation: false,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      renderMode: 'richText',
      valueFormatter: (v) => dollars.format(v),
    },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [{
      name: 'Spend',
      type,
      data: rows.map((r) => r.spend),
      itemStyle: { color: '#1f4e79' },
      areaStyle: type === 'line' ? { color: 'rgba(31, 78, 121, .15)' } : undefined,
    }],
  });
  window.addEventListener('resize', () => chart.resize());
  container.dataset.chartReady = 'true';
}

document.querySelectorAll('[data-chart-table]').forEach(draw);
