import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

test.describe('/data/', () => {
  test('lists every figure with sources and quotes, rivals grouped', async ({ page }) => {
    await page.goto('/data/');
    const csvRows = readFileSync('data/figures.csv', 'utf8').trim().split('\n').length - 1;
    const rows = page.locator('table.figures tbody tr[data-cohort]');
    await expect(rows).toHaveCount(30);
    expect(csvRows).toBe(30);
    // The burnout claim shows both readings, together, labelled as a disagreement.
    const claim = page.locator('tbody.claim', { has: page.locator('#burnout-share') });
    await expect(claim.locator('.claim-head')).toContainText('Sources disagree');
    await expect(claim.locator('#burnout-share')).toContainText('88% of the group');
    await expect(claim.locator('#burnout-more-likely')).toContainText('88% more likely than others');
    await expect(page.locator('#burnout-share blockquote')).toContainText('Among top AI performers, 88% report feeling burned out');
  });

  test('sorts by group and topic, keeping rival readings together', async ({ page }) => {
    await page.goto('/data/');
    const cohortHeader = page.locator('th[data-sort-key="cohort"]');
    await cohortHeader.getByRole('button', { name: 'Group' }).click();
    await expect(cohortHeader).toHaveAttribute('aria-sort', 'ascending');
    const firstGroup = page.locator('table.figures tbody tr[data-cohort] td:nth-child(2)').first();
    await expect(firstGroup).toHaveText('All respondents');
    // Rival rows remain adjacent inside their tbody after sorting.
    await expect(page.locator('tbody.claim', { has: page.locator('#trust-all') }).locator('#trust-top')).toHaveCount(1);

    const topicHeader = page.locator('th[data-sort-key="topic"]');
    await topicHeader.getByRole('button', { name: 'Topic' }).click();
    await expect(topicHeader).toHaveAttribute('aria-sort', 'ascending');
    await expect(cohortHeader).toHaveAttribute('aria-sort', 'none');
    await expect(page.locator('table.figures tbody tr[data-cohort] td:first-child').first()).toHaveText('Productivity');
    const topics = await page.locator('table.figures tbody tr[data-cohort] td:first-child').allTextContents();
    expect(topics.at(-1)).toBe('Who was asked');
  });

  test('filters by cohort and announces the count', async ({ page }) => {
    await page.goto('/data/');
    await page.getByRole('radio', { name: 'Freelancers' }).check();
    const visible = page.locator('table.figures tbody tr[data-cohort]:visible');
    await expect(visible).toHaveCount(4);
    for (const text of await visible.locator('td:nth-child(2)').allTextContents()) expect(text).toBe('Freelancers');
    await expect(page.locator('[data-count]')).toHaveText('Showing 4 of 30 figures.');
    await page.getByRole('radio', { name: 'Every group' }).check();
    await expect(visible).toHaveCount(30);
  });

  test('downloads are the validated data', async ({ page }) => {
    await page.goto('/data/');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'figures.csv' }).click(),
    ]);
    const path = await download.path();
    const text = readFileSync(path!, 'utf8');
    expect(text.split('\n')[0]).toBe('id,topic,cohort,value,unit,statement,source_ids,quote,note,claim');
    expect(text).toContain('burnout-more-likely,burnout,top_ai_performers,88,percent_more_likely');
    const json = await (await page.request.get('/data/figures.json')).json();
    expect(json.figures).toHaveLength(30);
    expect(json.figures.find((f: { id: string }) => f.id === 'quitting-twice').value).toBe(2);
    const sources = await (await page.request.get('/data/sources.csv')).text();
    expect(sources).toContain('fortune-commentary,Fortune');
  });
});

test.describe('/data/ without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the table is complete and the cohort filter still works', async ({ page }) => {
    await page.goto('/data/');
    await expect(page.locator('table.figures tbody tr[data-cohort]')).toHaveCount(30);
    await expect(page.locator('button.sort:visible')).toHaveCount(0);
    await page.getByRole('radio', { name: 'Top AI performers' }).check();
    const visible = page.locator('table.figures tbody tr[data-cohort]:visible');
    await expect(visible.first()).toBeVisible();
    for (const text of await visible.locator('td:nth-child(2)').allTextContents()) expect(text).toBe('Top AI performers');
  });
});
