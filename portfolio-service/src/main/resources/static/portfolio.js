import { getJson, fmt, cell } from './api.js';

// What the page drew, for people (the DOM) and for the browser test (window.riskstream): each chart keeps the exact
// arrays it was given, so the test can compare what is drawn with the API.
const state = { ready: false, charts: {}, latest: null };
window.riskstream = state;

const id = new URLSearchParams(location.search).get('id');
const base = `api/portfolios/${encodeURIComponent(id)}`;
const epochSeconds = (isoDate) => Date.parse(isoDate + 'T00:00:00Z') / 1000;

function flag(text, kind) {
  return `<span class="flag ${kind}">${text}</span>`;
}

function chart(target, title, dates, series) {
  const element = document.getElementById(target);
  element.innerHTML = '';
  const data = [dates.map(epochSeconds), ...series.map((s) => s.values)];
  const plot = new uPlot({
    title, width: Math.min(1150, window.innerWidth - 40), height: 300,
    series: [{}, ...series.map((s, i) => ({ label: s.label, stroke: `hsl(${(i * 47) % 360} 65% 42%)`, width: 1.5 }))],
    axes: [{}, { size: 70 }],
  }, data, element);
  state.charts[target] = { dates, series: Object.fromEntries(series.map((s) => [s.label, s.values])), plot };
}

async function exposuresOverTime(from, to) {
  const note = document.getElementById('exposures-note');
  let columns;
  try {
    columns = await getJson(`${base}/exposures?from=${from}&to=${to}`);
  } catch (e) {
    note.textContent = `exposures over time are not available: ${e.message}`;
    return;
  }
  if (!columns || !columns.dates || columns.dates.length === 0) {
    note.textContent = 'no exposures in this range yet';
    return;
  }
  const names = Object.keys(columns.factors).sort();
  chart('exposures-chart', 'factor exposure (Σ weight × beta)', columns.dates,
      names.map((n) => ({ label: n, values: columns.factors[n] })));
  const partial = (columns.partial || []).filter(Boolean).length;
  const minCoverage = Math.min(...(columns.coverage || [1]));
  note.innerHTML = `${columns.dates.length} dates` + (partial ? flag(`${partial} partial`, 'warn') : flag('none partial', 'ok'))
      + (minCoverage < 1 ? flag(`lowest coverage ${fmt.percent(minCoverage)}`, 'warn') : '');
}

async function navOverTime(from, to) {
  const view = await getJson(`${base}/snapshots?from=${from}&to=${to}`);
  const snapshots = view?.snapshots ?? [];
  if (snapshots.length === 0) return null;
  chart('nav-chart', 'NAV and cumulative P&L', snapshots.map((s) => s.date), [
    { label: 'nav', values: snapshots.map((s) => Number(s.nav)) },
    { label: 'cumulative P&L', values: snapshots.map((s) => s.cumulativePnl) },
  ]);
  return snapshots[snapshots.length - 1];
}

async function latest(date) {
  const exposures = await getJson(`${base}/exposures?date=${date}`);
  if (!exposures) return;
  state.latest = exposures;
  const note = document.getElementById('latest-note');
  note.innerHTML = `as of ${exposures.date}, prices of ${exposures.priceDate}`
      + (exposures.priceStalenessDays > 0 ? flag(`oldest price ${exposures.priceStalenessDays} trading day(s) old`, 'warn') : flag('prices current', 'ok'))
      + (exposures.partial ? flag('partial', 'warn') : '') + flag(`coverage ${fmt.percent(exposures.coverage)}`, exposures.coverage < 1 ? 'warn' : 'ok');
  const factors = Object.keys(exposures.factors).sort();
  const table = document.getElementById('latest');
  table.tHead.innerHTML = '<tr><th>factor</th><th>exposure</th><th>dollar exposure</th></tr>';
  for (const f of factors) {
    const row = document.createElement('tr');
    cell(row, f);
    cell(row, fmt.number(exposures.factors[f].exposure, 6), { 'data-factor': f, 'data-value': exposures.factors[f].exposure });
    cell(row, fmt.money(exposures.factors[f].dollar));
    table.tBodies[0].appendChild(row);
  }
  await contributions(date, factors);
}

async function contributions(date, factors) {
  let view;
  try {
    view = await getJson(`${base}/contributions?date=${date}`);
  } catch (e) {
    return; // not served by this version of the service
  }
  const positions = view?.positions ?? [];
  if (positions.length === 0) return;
  state.contributions = view;
  const table = document.getElementById('contributions');
  table.tHead.innerHTML = '<tr><th>position</th><th>weight</th>' + factors.map((f) => `<th>${f}</th>`).join('') + '</tr>';
  for (const p of positions) {
    const row = document.createElement('tr');
    cell(row, p.symbol);
    cell(row, fmt.percent(p.weight, 2));
    for (const f of factors) {
      const c = p.factors?.[f]?.contribution ?? p.contributions?.[f];
      cell(row, fmt.number(c, 6), { 'data-symbol': p.symbol, 'data-factor': f, 'data-value': c ?? '' });
    }
    table.tBodies[0].appendChild(row);
  }
}

async function sectorsAndConcentration(date, snapshot) {
  const view = await getJson(`${base}/sectors?date=${date}`);
  const body = document.querySelector('#sectors tbody');
  for (const [sector, bucket] of Object.entries(view?.sectors ?? {}).sort((a, b) => b[1].weight - a[1].weight)) {
    const row = document.createElement('tr');
    cell(row, sector);
    cell(row, fmt.money(bucket.marketValue));
    cell(row, fmt.percent(bucket.weight), { 'data-sector': sector, 'data-value': bucket.weight });
    body.appendChild(row);
  }
  const c = snapshot?.concentration;
  if (c) {
    document.getElementById('concentration').textContent =
        `HHI ${fmt.number(c.hhi, 0)}, effective positions ${fmt.number(c.effectivePositions, 1)}, top 3 ${fmt.percent(c.top3Weight)}, top 10 ${fmt.percent(c.top10Weight)}`;
  }
}

async function risk(date) {
  const [vol, corr, stress] = await Promise.all([getJson(`${base}/volatility?date=${date}`),
    getJson(`${base}/correlations?date=${date}`), getJson(`${base}/stress-tests?date=${date}`)]);
  const v = vol?.volatility?.[0];
  const volBody = document.querySelector('#volatility tbody');
  if (v) {
    for (const [label, value] of [['realised 21 days', fmt.percent(v.realized21d, 2)], ['realised 63 days', fmt.percent(v.realized63d, 2)],
      ['HAR forecast, next 21 days', fmt.percent(v.expected21d, 2)], ['trend', v.trend ?? '–'], ['percentile', fmt.percent(v.percentile, 0)]]) {
      const row = document.createElement('tr');
      cell(row, label);
      cell(row, value);
      volBody.appendChild(row);
    }
    if (v.reason) volBody.insertAdjacentHTML('beforeend', `<tr><td colspan="2" class="reason">${v.reason}</td></tr>`);
  }
  const c = corr?.correlations?.[0] ?? corr?.rows?.[0];
  if (c) {
    document.getElementById('correlations').innerHTML = c.reason ? `<span class="reason">correlations: ${c.reason}</span>`
        : `average correlation ${fmt.number(c.overallCorrelation, 3)}, effective positions ${fmt.number(c.effectivePositions, 1)}, ${c.clusters?.length ?? 0} cluster(s) of highly correlated positions`;
  }
  const stressBody = document.querySelector('#stress tbody');
  for (const s of (stress?.results ?? [])) {
    const row = document.createElement('tr');
    cell(row, s.name);
    cell(row, s.category);
    cell(row, fmt.money(s.directPnl));
    cell(row, fmt.money(s.correlatedPnl));
    stressBody.appendChild(row);
  }
}

async function show() {
  if (!id) throw new Error('no portfolio id: open this page as portfolio.html?id=<portfolio id>');
  const portfolio = await getJson(base);
  if (!portfolio) throw new Error(`portfolio ${id} does not exist`);
  document.getElementById('title').textContent = portfolio.name;
  const form = document.getElementById('range');
  const params = new URLSearchParams(location.search);
  const to = params.get('to') || new Date().toISOString().slice(0, 10);
  const from = params.get('from') || new Date(Date.parse(to) - 365 * 86400e3).toISOString().slice(0, 10);
  form.from.value = from;
  form.to.value = to;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.search = `?id=${encodeURIComponent(id)}&from=${form.from.value}&to=${form.to.value}`;
  });
  const last = await navOverTime(from, to);
  await exposuresOverTime(from, to);
  if (last) {
    document.getElementById('summary').innerHTML = `latest ${last.date}: NAV ${fmt.money(last.nav)}, cumulative P&L ${fmt.money(last.cumulativePnl)}, `
        + `${last.positions} positions` + (last.partial ? flag('partial', 'warn') : flag('complete', 'ok'))
        + (last.unpriced?.length ? flag(`unpriced: ${last.unpriced.join(', ')}`, 'bad') : '');
    await latest(last.date);
    await sectorsAndConcentration(last.date, last);
    await risk(last.date);
  } else {
    document.getElementById('summary').textContent = 'no analytics in this range yet';
  }
}

show().catch((e) => { document.getElementById('error').textContent = e.message; state.error = e.message; })
    .finally(() => { state.ready = true; });
