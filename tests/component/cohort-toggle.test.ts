import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/svelte';
import CohortToggle from '../../src/components/CohortToggle.svelte';

describe('CohortToggle', () => {
  beforeEach(() => history.replaceState(null, '', '/?x=1#trust'));
  afterEach(cleanup);

  test('is a labelled radio group that writes the choice into the URL', async () => {
    render(CohortToggle);
    const group = await screen.findByRole('radiogroup', { name: 'Emphasise a group in every chart' });
    expect(group).toBeTruthy();
    const radios = screen.getAllByRole('radio') as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['full-time', 'freelancers', 'all']);
    expect(radios[0].checked).toBe(true);

    await fireEvent.click(screen.getByRole('radio', { name: 'Freelancers' }));
    expect(location.search).toBe('?x=1&cohort=freelancers');
    expect(location.hash).toBe('#trust');
    expect(document.documentElement.dataset.cohort).toBe('freelancers');
    expect((screen.getByRole('radio', { name: 'Freelancers' }) as HTMLInputElement).checked).toBe(true);

    await fireEvent.click(screen.getByRole('radio', { name: 'Full-time employees' }));
    expect(location.search).toBe('?x=1');
  });
});
