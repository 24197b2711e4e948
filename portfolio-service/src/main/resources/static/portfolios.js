import { getJson, fmt, cell } from './api.js';

const params = new URLSearchParams(location.search);
const page = Number(params.get('page') || 0);

async function show() {
  const body = document.querySelector('#portfolios tbody');
  const list = await getJson(`api/portfolios?page=${page}&size=50`);
  const items = list?.portfolios ?? list?.content ?? list?.items ?? [];
  for (const p of items) {
    const row = document.createElement('tr');
    const name = document.createElement('td');
    const link = document.createElement('a');
    link.href = `portfolio.html?id=${encodeURIComponent(p.id)}`;
    link.textContent = p.name;
    name.appendChild(link);
    row.appendChild(name);
    cell(row, p.latestDate ?? '–');
    cell(row, fmt.money(p.nav));
    cell(row, fmt.percent(p.coverage));
    body.appendChild(row);
  }
  const total = list?.totalPages ?? (list?.total != null ? Math.ceil(list.total / (list.size || 50)) : 0);
  if (total > 1) {
    const pages = document.getElementById('pages');
    if (page > 0) pages.innerHTML += `<a href="?page=${page - 1}">previous</a> `;
    if (page + 1 < total) pages.innerHTML += `<a href="?page=${page + 1}">next</a>`;
  }
  window.riskstream = { ready: true, portfolios: items };
}

show().catch((e) => {
  document.getElementById('error').textContent = e.message;
  window.riskstream = { ready: true, error: e.message };
});
