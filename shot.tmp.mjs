import { chromium } from '@playwright/test';
const [url, out, w, h, media] = process.argv.slice(2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const p = await b.newPage({ viewport: { width: +w, height: +h } });
if (media) await p.emulateMedia({ media });
await p.goto(url); await p.waitForTimeout(800);
await p.screenshot({ path: out, fullPage: !!media });
await b.close();
