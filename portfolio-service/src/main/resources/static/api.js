// The page's only way to the data: portfolio-service's JSON API, on the origin that served the page.
export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) {
    let detail = '';
    try { detail = (await response.json()).detail || ''; } catch (e) { /* not JSON */ }
    throw new Error(`${path}: HTTP ${response.status} ${detail}`);
  }
  return response.json();
}

export const fmt = {
  money: (v) => v == null ? '–' : Number(v).toLocaleString('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 }),
  number: (v, digits = 4) => v == null ? '–' : Number(v).toFixed(digits),
  percent: (v, digits = 1) => v == null ? '–' : (100 * Number(v)).toFixed(digits) + '%',
};

export function cell(row, text, attributes = {}) {
  const td = document.createElement('td');
  td.textContent = text;
  for (const [k, v] of Object.entries(attributes)) td.setAttribute(k, v);
  row.appendChild(td);
  return td;
}
