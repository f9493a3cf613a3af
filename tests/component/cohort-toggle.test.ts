/**
 * The cohort toggle as a page has it: the component's server markup inside its island element,
 * wired up by the island's module (no Svelte in the browser). Runs in the "dom-server" project, so
 * the component compiles for the server.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/svelte';
import { render } from 'svelte/server';
import CohortToggle from '../../src/components/CohortToggle.svelte';
import start from '../../src/components/cohort-toggle';
import source from '../../src/components/cohort-toggle.ts?raw';

const NAME = 'Emphasise a group in every chart';
const SENTENCE = 'Each chart shows full-time employees, freelancers and all respondents side by side.';

/** The server render in its island element, as Island.astro wraps it; returns the island. */
function serverRender(): HTMLElement {
  document.body.innerHTML = `<div class="island" data-island="CohortToggle" data-when="ready">${render(CohortToggle).body}</div>`;
  return document.querySelector<HTMLElement>('[data-island="CohortToggle"]')!;
}

const radios = () => screen.getAllByRole('radio') as HTMLInputElement[];
const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;
/** The values of the options whose label is styled as chosen. */
const styledChecked = () =>
  radios().flatMap((r) => (r.closest('label')!.classList.contains('checked') ? [r.value] : []));

describe('CohortToggle', () => {
  beforeEach(() => {
    // As the server renders the page and COHORT_SCRIPT leaves it for a URL without ?cohort=.
    document.documentElement.dataset.cohort = 'full-time';
    history.replaceState(null, '', '/?x=1#trust');
  });
  afterEach(() => {
    document.body.innerHTML = '';
    delete document.documentElement.dataset.cohort;
  });

  test('the server renders the sentence, and the radio group hidden with the default checked', () => {
    const island = serverRender();
    expect(screen.getByText(SENTENCE).closest('[hidden]')).toBeNull();
    expect(screen.queryByRole('radiogroup')).toBeNull();
    const group = island.querySelector<HTMLElement>('[role="radiogroup"]')!;
    expect(group.hidden).toBe(true);
    const inputs = [...group.querySelectorAll('input')];
    expect(inputs.map((r) => r.value)).toEqual(['full-time', 'freelancers', 'all']);
    expect(inputs.map((r) => r.checked)).toEqual([true, false, false]);
    expect(inputs.map((r) => r.closest('label')!.classList.contains('checked'))).toEqual([true, false, false]);
  });

  test('the island shows the radio group in place of the sentence', () => {
    start(serverRender(), {});
    expect(screen.getByRole('radiogroup', { name: NAME })).toBeTruthy();
    expect(screen.getByText(SENTENCE).hidden).toBe(true);
    expect(radios().map((r) => r.value)).toEqual(['full-time', 'freelancers', 'all']);
    expect(radios()[0].checked).toBe(true);
    expect(styledChecked()).toEqual(['full-time']);
  });

  test('is a labelled radio group of native radios: arrow keys and one Tab stop come from the browser', () => {
    start(serverRender(), {});
    const group = screen.getByRole('radiogroup', { name: NAME });
    const inputs = within(group).getAllByRole('radio') as HTMLInputElement[];
    expect(inputs).toHaveLength(3);
    // One name for the three: the browser's radio-group keyboard model (arrow keys move and select).
    expect(new Set(inputs.map((r) => r.type))).toEqual(new Set(['radio']));
    expect(new Set(inputs.map((r) => r.name)).size).toBe(1);
    expect(inputs[0].name).not.toBe('');
    // Each radio is named by its long label; the short one is for sight only.
    const shorts = inputs.map((r) => r.closest('label')!.querySelector('.short')!);
    expect(shorts.map((s) => s.getAttribute('aria-hidden'))).toEqual(['true', 'true', 'true']);
    expect(radio('Full-time employees').value).toBe('full-time');
    expect(radio('Freelancers').value).toBe('freelancers');
    expect(radio('All respondents').value).toBe('all');
  });

  test('opens on the page’s cohort: the radio of ?cohort=freelancers is checked', () => {
    history.replaceState(null, '', '/?cohort=freelancers#trust');
    document.documentElement.dataset.cohort = 'freelancers';
    start(serverRender(), {});
    expect(radio('Freelancers').checked).toBe(true);
    expect(radio('Full-time employees').checked).toBe(false);
    expect(styledChecked()).toEqual(['freelancers']);
    expect(location.search).toBe('?cohort=freelancers');
  });

  test('leaves one valid ?cohort= in the URL: a repeated or unknown one is tidied', () => {
    history.replaceState(null, '', '/?cohort=freelancers&cohort=all#trust');
    document.documentElement.dataset.cohort = 'freelancers';
    start(serverRender(), {});
    expect(location.search).toBe('?cohort=freelancers');
    expect(location.hash).toBe('#trust');

    history.replaceState(null, '', '/?cohort=nobody');
    document.documentElement.dataset.cohort = 'full-time';
    start(serverRender(), {});
    expect(location.search).toBe('');
    expect(radio('Full-time employees').checked).toBe(true);
  });

  test('writes the choice to the page’s cohort and the URL, keeping its other parts', async () => {
    start(serverRender(), {});

    await fireEvent.click(radio('Freelancers'));
    expect(location.search).toBe('?x=1&cohort=freelancers');
    expect(location.hash).toBe('#trust');
    expect(document.documentElement.dataset.cohort).toBe('freelancers');
    expect(radio('Freelancers').checked).toBe(true);
    expect(styledChecked()).toEqual(['freelancers']);

    await fireEvent.click(radio('All respondents'));
    expect(location.search).toBe('?x=1&cohort=all');
    expect(document.documentElement.dataset.cohort).toBe('all');
    expect(styledChecked()).toEqual(['all']);

    // The default leaves no ?cohort= behind.
    await fireEvent.click(radio('Full-time employees'));
    expect(location.search).toBe('?x=1');
    expect(location.hash).toBe('#trust');
    expect(document.documentElement.dataset.cohort).toBe('full-time');
    expect(styledChecked()).toEqual(['full-time']);
  });

  test('the island’s module loads no Svelte: only the cohort modules', () => {
    const imports = [...source.matchAll(/^import (?!type ).* from '([^']+)';$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['../lib/cohort', '../lib/cohort-url']);
  });
});
