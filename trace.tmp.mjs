import { chromium } from '@playwright/test';
const url = process.argv[2];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 });
const p = await ctx.newPage();
const cdp = await ctx.newCDPSession(p);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
await b.startTracing(p, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
await p.goto(url, { waitUntil: 'load' });
await p.waitForTimeout(3000);
const buf = await b.stopTracing();
const ev = JSON.parse(buf.toString()).traceEvents;
const tasks = ev.filter(e => e.name === 'RunTask' && e.dur > 30000).sort((a,b)=>a.ts-b.ts);
const t0 = Math.min(...ev.filter(e=>e.ts>0).map(e=>e.ts));
for (const t of tasks) {
  const kids = ev.filter(e => e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur||0) <= t.ts + t.dur && e.name !== 'RunTask' && e.dur > 5000);
  const agg = {};
  for (const k of kids) agg[k.name] = (agg[k.name]||0) + k.dur;
  console.log(Math.round((t.ts-t0)/1000), Math.round(t.dur/1000)+'ms', Object.entries(agg).sort((a,b)=>b[1]-a[1]).slice(0,6).map(([n,d])=>n+':'+Math.round(d/1000)).join(' '));
}
await b.close();
