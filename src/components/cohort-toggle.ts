/**
 * The cohort toggle's island (components/CohortToggle.svelte, rendered on the server only): checks
 * the radio of the page's cohort, tidies ?cohort=, and shows the radio group in place of the
 * sentence for readers without JavaScript. Each choice is written to the page's one cohort
 * attribute and the URL (lib/cohort.ts); the charts follow by CSS. Plain module: no framework code.
 */
import type { IslandStart } from '../lib/island-start';
import { readCohort, tidyCohortUrl, writeCohort } from '../lib/cohort';
import { parseCohort } from '../lib/cohort-url';

const start: IslandStart = (el) => {
  const group = el.querySelector<HTMLElement>('[role="radiogroup"]');
  const sentence = el.querySelector<HTMLElement>('.static');
  const radios = [...el.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
  // Markup other than the component's: the sentence stays.
  if (!group || !sentence || radios.length === 0) return;

  /** The chosen option's label carries the class that styles it as chosen. */
  const show = (cohort: string) => {
    for (const radio of radios) {
      radio.checked = radio.value === cohort;
      radio.closest('label')?.classList.toggle('checked', radio.checked);
    }
  };

  show(readCohort());
  tidyCohortUrl();
  for (const radio of radios) {
    radio.addEventListener('change', () => {
      if (radio.checked) show(writeCohort(parseCohort(radio.value)));
    });
  }
  group.hidden = false;
  sentence.hidden = true;
};
export default start;
