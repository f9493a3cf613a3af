/**
 * /check/ in the browser: checks the reader's text as they type (300 ms after the last key) or on
 * Check, and puts one card per claim in the results, rendered by render.ts as at build time. What
 * the checker knows arrives as the page's JSON data block (#check-data), parsed, never run. The text
 * never leaves the page: no request, nothing stored. Plain TypeScript, no Svelte, to stay small.
 */
import { enhanceCopyButtons } from '../lib/copy-buttons';
import { checkText } from './check';
import { resultHtml, resultSummary } from './render';
import type { CheckData } from './types';

const DEBOUNCE_MS = 300;

function start(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-check-form]');
  const block = document.getElementById('check-data');
  const field = form?.querySelector<HTMLTextAreaElement>('textarea');
  const results = document.querySelector<HTMLElement>('[data-check-results]');
  const list = results?.querySelector<HTMLElement>('[data-check-list]');
  const status = document.querySelector<HTMLElement>('[data-check-status]');
  if (!form || !block || !field || !results || !list || !status) return;

  const data = JSON.parse(block.textContent ?? '') as CheckData;
  const base = form.dataset.base ?? '/';
  const exampleNotes = document.querySelectorAll<HTMLElement>('[data-check-example]');
  // The build-time example, shown again when the reader empties the box.
  const example = list.innerHTML;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown: string | null = null;

  const run = () => {
    clearTimeout(timer);
    const text = field.value;
    if (text === shown) return;
    shown = text;
    const own = text.trim() !== '';
    if (own) {
      const result = checkText(text, data);
      list.innerHTML = resultHtml(result, data, base);
      status.textContent = resultSummary(result);
    } else {
      list.innerHTML = example;
      status.textContent = '';
    }
    for (const note of exampleNotes) note.hidden = own;
    enhanceCopyButtons(list);
    results.dataset.checked = own ? text : '';
  };

  field.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  // The example's copy buttons, then a text the browser restored (back, reload), checked at once.
  enhanceCopyButtons(list);
  if (field.value.trim()) run();
  form.dataset.checkReady = '';
}

start();
