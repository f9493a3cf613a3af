/**
 * Progressive enhancement for the /data/ table: sort buttons in the column headers (aria-sort kept
 * in step) and a live count of the rows the cohort filter shows. Without JS the table keeps story
 * order and the CSS-only filter still works.
 */
export function enhanceTable(table: HTMLTableElement): void {
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('th[data-sort-key]')];
  const bodies = () => [...table.tBodies];
  table.querySelectorAll<HTMLElement>('.js-only').forEach((el) => (el.hidden = false));

  for (const th of headers) {
    const button = th.querySelector<HTMLButtonElement>('button.sort');
    const label = th.querySelector<HTMLElement>('.th-label');
    if (!button || !label) continue;
    label.hidden = true;
    button.hidden = false;
    button.addEventListener('click', () => {
      const key = th.dataset.sortKey!;
      const on = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of headers) other.setAttribute('aria-sort', 'none');
      if (on) th.setAttribute('aria-sort', 'ascending');
      // Sort whole <tbody> blocks, so rival readings of a claim always stay together; ties keep story order.
      const field = on ? key : 'order';
      const sorted = bodies().sort(
        (a, b) => Number(a.dataset[field]) - Number(b.dataset[field]) || Number(a.dataset.order) - Number(b.dataset.order),
      );
      for (const body of sorted) table.append(body);
    });
  }

  const explorer = table.closest('.explorer');
  const count = explorer?.querySelector<HTMLElement>('[data-count]');
  if (!explorer || !count) return;
  const total = table.querySelectorAll('tbody tr[data-cohort]').length;
  const update = () => {
    const value = explorer.querySelector<HTMLInputElement>('input[name="cohort"]:checked')?.value ?? '';
    const shown = value
      ? table.querySelectorAll(`tbody tr[data-cohort="${CSS.escape(value)}"]`).length
      : total;
    count.textContent = `Showing ${shown} of ${total} figures.`;
  };
  count.hidden = false;
  update();
  explorer.addEventListener('change', update);
}
