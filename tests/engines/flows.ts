/**
 * The flows a reader meets, run the same way in every engine (session.ts): the story loads with no
 * page error and no CSP violation, every chart is made explorable and every island hydrates once
 * scrolled to; the cohort toggle changes what every chart draws (read from the rendering: a chosen
 * bar drawn its band's height by CSS) and writes ?cohort=; Guess first reveals; the relative-vs-absolute
 * slider moves its waffles; each embed, framed by a page on another origin, sizes itself by each of
 * the four height protocols; Tab reaches a chart, the arrow keys announce values, Listen starts and
 * stops tones, after the keys as well as before; present mode moves by keys; a student joins a class
 * by typing its code, answers and follows the reveal live; a sentence typed into /check/ gets its
 * cards; with JavaScript off every chart is drawn.
 *
 * Not the whole Chromium suite (tests/e2e/): what differs between engines is input, layout, focus,
 * frames, Web Audio and script support, and these flows cross each of them.
 */
import type { Server } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { checkText } from '../../src/check/check';
import { checkerData } from '../../src/check/data';
import { resultSummary } from '../../src/check/render';
import { loadData } from '../../src/data/load';
import { drawnDiffers, drawnState, type DrawnState } from '../drawn';
import { STORY_CHARTS } from '../e2e/charts';
import { registryCharts } from '../registry';
import { startHost } from '../e2e/host-server';
import { serveDist } from './server';
import VERSIONS_FILE from './versions.json';
import { until, type EngineName, type Launch, type Session } from './session';

/**
 * The engine versions these flows were verified with (a substring of what the browser reports).
 * puppeteer-core supports the latest stable Firefox, not ESR, and WebKitWebDriver follows its
 * WebKitGTK: another version fails here, loudly, until someone runs the flows on it and updates the
 * file. Chromium is not pinned: Playwright's suite and the visual baselines track it.
 */
const VERSIONS: Partial<Record<EngineName, string>> = VERSIONS_FILE;

/** The four ways a host page learns an embed's height (src/lib/embed-messages.ts), by host page. */
const PROTOCOLS = {
  pym: 'pym.html', // pym.js, real, with its childId
  datawrapper: 'code.html', // our embed code, as copied from /charts/: Datawrapper's message
  amp: 'amp.html', // AMP and @newswire/frames
  wordpress: 'wp.html', // wp-embed.js, with the oEmbed secret
} as const;

const close = (server: Server) => new Promise<void>((r) => server.close(() => r()));

/** What the probe (server.ts) recorded on the current document: errors, then CSP violations. */
async function probe(s: Session): Promise<string[]> {
  return s.run(() => {
    const p = (window as unknown as { __probe?: { errors: string[]; csp: string[] } }).__probe;
    return p ? [...p.errors, ...p.csp.map((c) => `CSP: ${c}`)] : ['the probe did not run'];
  });
}

/** Counts OscillatorNode.start() and keeps every text the chart's live region takes, from now on. */
async function spyOnChart(s: Session, figure: string) {
  await s.run((sel) => {
    const w = window as unknown as { __tones: number; __said: string[] };
    w.__tones = 0;
    w.__said = [];
    const live = document.querySelector(`${sel} [data-explore-live]`)!;
    new MutationObserver(() => w.__said.push(live.textContent!.trim())).observe(live, { subtree: true, childList: true, characterData: true });
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<typeof start>) {
      w.__tones++;
      return start.apply(this, args);
    };
  }, figure);
}
const tones = (s: Session) => s.run(() => (window as unknown as { __tones: number }).__tones);
const said = (s: Session) => s.run(() => (window as unknown as { __said: string[] }).__said);
const listenText = (s: Session) => s.run(() => document.querySelector('[data-listen]')!.textContent!.trim());
/** Waits until the Listen button says `text` (Listen, or Stop while playing). */
const listenSays = (s: Session, text: 'Listen' | 'Stop', what: string) =>
  until(s, what, (t) => document.querySelector('[data-listen]')!.textContent!.trim() === t, [text]);

/** Presses `key` on the focused chart and returns the live region's next text. */
async function say(s: Session, key: string): Promise<string> {
  const before = (await said(s)).length;
  await s.press(key);
  const all = await until(s, `the chart to answer ${key}`, (n) => {
    const list = (window as unknown as { __said: string[] }).__said;
    return list.length > n ? list : null;
  }, [before]);
  return all.at(-1)!;
}

/** Tab from the top of the document until the chart's explore target has focus. */
async function tabToChart(s: Session) {
  for (let i = 0; i < 20; i++) {
    if (await s.run(() => document.activeElement?.matches('[data-explore-target]') ?? false)) return;
    await s.press('Tab');
  }
  throw new Error(`${s.engine}: Tab never reached the chart`);
}

/**
 * Scrolls each island into view in turn (its first child: an island's own box is display:
 * contents) and waits until it has hydrated; returns how many there are. The window is scrolled by
 * the element's position, again while it waits: a story section off screen is not rendered
 * (content-visibility: auto), WebKit's scrollIntoView does not move to an element inside one, and
 * the sections above take their real height as they come into view.
 */
async function hydrateAll(s: Session): Promise<number> {
  const count = await s.run(() => document.querySelectorAll('[data-island]').length);
  for (let i = 0; i < count; i++) {
    await until(s, `island ${i + 1} of ${count} to hydrate`, (n) => {
      const island = document.querySelectorAll('[data-island]')[n]!;
      if (island.getAttribute('data-hydrated') === 'true') return true;
      const box = (island.firstElementChild ?? island).getBoundingClientRect();
      window.scrollBy(0, box.top - innerHeight / 2);
      return false;
    }, [i]);
  }
  return count;
}

/**
 * What a chart draws once it is still (tests/drawn.ts): scrolled to, as a reader would see it (a
 * story section off screen is not styled until it comes near the viewport, so a change starts its
 * transitions there only then; scrolled by its position, again until it is in view, as in
 * hydrateAll), two frames later, once every transition in it has ended.
 */
async function drawnWhenStill(s: Session, id: string): Promise<DrawnState> {
  const figure = `figure[data-chart="${id}"]`;
  await until(s, `${id} in view`, async (sel) => {
    const el = document.querySelector(sel)!;
    window.scrollBy(0, el.getBoundingClientRect().top - 80);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const box = el.getBoundingClientRect();
    return box.top < innerHeight && box.bottom > 0;
  }, [figure]);
  await s.run(async (sel) => {
    const el = document.querySelector(sel)!;
    const moving = document.getAnimations().filter((a) => {
      const target = (a.effect as KeyframeEffect | null)?.target;
      return target instanceof Node && el.contains(target);
    });
    await Promise.all(moving.map((a) => a.finished.catch(() => null)));
    return true;
  }, figure);
  return s.run(drawnState, figure);
}

export function engineFlows(engine: EngineName, launch: Launch) {
  describe(engine, () => {
    let s: Session;
    let site: { server: Server; origin: string };
    let host: { server: Server; origin: string };

    beforeAll(async () => {
      site = await serveDist();
      host = await startHost(site.origin);
      s = await launch();
      await s.viewport(1280, 900);
    });
    afterAll(async () => {
      await s?.close();
      await Promise.all([site && close(site.server), host && close(host.server)]);
    });
    // Whatever a flow did, the page it ends on raised no error and no CSP violation.
    afterEach(async () => {
      if (!s || (await s.run(() => location.origin)) !== site.origin) return;
      expect(await probe(s), 'errors and CSP violations on the last page').toEqual([]);
    });

    test('runs the engine version it was verified with, in a tab that has the focus', async () => {
      const want = VERSIONS[engine];
      if (want) {
        expect(s.version, `${engine} ${s.version} is not the ${want} these tests were verified with: run them, then update tests/engines/versions.json`).toContain(want);
      }
      await s.goto(`${site.origin}/embed/quit-twice/`);
      // Without the document's focus, :focus and :focus-within match nothing and keys go nowhere.
      expect(await s.run(() => document.hasFocus())).toBe(true);
    });

    test('the probe sees a page error and a CSP violation (so the checks after each test can fail)', async () => {
      await s.goto(`${site.origin}/`);
      await s.run(() => {
        const blocked = document.createElement('script');
        blocked.textContent = 'window.__ran = true';
        document.head.append(blocked);
        const missing = document.createElement('img');
        missing.src = '/__missing.png';
        document.body.append(missing);
      });
      const seen = await until(s, 'the probe to record both', () => {
        const p = (window as unknown as { __probe: { errors: string[]; csp: string[] } }).__probe;
        return p.errors.length > 0 && p.csp.length > 0 ? [...p.errors, ...p.csp] : null;
      }, []);
      expect(seen.join('\n')).toMatch(/failed to load img .*__missing\.png/);
      expect(seen.join('\n')).toMatch(/script-src/);
      expect(await s.run(() => (window as unknown as { __ran?: boolean }).__ran ?? 'not run')).toBe('not run');
      await s.run(() => {
        const p = (window as unknown as { __probe: { errors: string[]; csp: string[] } }).__probe;
        p.errors.length = 0;
        p.csp.length = 0;
      });
    });

    test('the story loads with no error or CSP violation, every chart is explorable and every island hydrates once scrolled to', async () => {
      await s.goto(`${site.origin}/`);
      const count = await hydrateAll(s);
      expect(count).toBeGreaterThan(0);
      expect(await s.run(() => document.querySelectorAll('[data-island]:not([data-hydrated="true"])').length)).toBe(0);
      // The islands are the story's controls and the charts with one of their own; no other chart is one.
      const islands = await s.run(() => [...new Set([...document.querySelectorAll<HTMLElement>('[data-island]')].map((el) => el.dataset.island))]);
      expect(islands.sort()).toEqual(['CohortToggle', 'GuessFirst', ...registryCharts().filter((c) => c.island).map((c) => c.id)].sort());
      // Every chart of the story is on the page, drawn, and one Tab stop (lib/charts.ts).
      const charts = await s.run(() => [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].map((f) => [f.dataset.chart, f.dataset.explore]));
      expect(new Set(charts.map(([id]) => id))).toEqual(new Set(STORY_CHARTS));
      expect(charts.filter(([, explore]) => explore !== 'ready')).toEqual([]);
    });

    test('the cohort toggle changes what every chart draws and writes ?cohort=; a chosen bar is drawn its band\'s height', async () => {
      await s.goto(`${site.origin}/`);
      await until(s, 'the cohort toggle', () => !!document.querySelector('[data-cohort-toggle] [role="radiogroup"] input[value="freelancers"]'), []);
      await hydrateAll(s);
      await s.run(() => window.scrollTo(0, 0));
      expect(await s.run(() => document.documentElement.dataset.cohort)).toBe('full-time');
      // Every chart but those drawn the same in every cohort by design, read from what is drawn.
      const charts = registryCharts().filter((c) => !c.sameInEveryCohort).map((c) => c.id);
      const drawnNow = async () => {
        const states: Record<string, DrawnState> = {};
        for (const id of charts) states[id] = await drawnWhenStill(s, id);
        return states;
      };
      const before = await drawnNow();
      await s.click('[data-cohort-toggle] input[value="freelancers"]');
      await until(s, 'the page in the freelancers cohort', () => document.documentElement.dataset.cohort === 'freelancers', []);
      expect(await s.run(() => new URLSearchParams(location.search).get('cohort'))).toBe('freelancers');
      const after = await drawnNow();
      expect(charts.filter((id) => !drawnDiffers(before[id]!, after[id]!)), 'charts that draw the same for both').toEqual([]);
      // The bars that grow, read in this engine's rendering: CSS gives the chosen side's its band's
      // full height (y: 0; height: 100% inside a band-sized <svg>), the others keep their attributes.
      const bars = await s.run(() =>
        [...document.querySelectorAll<SVGRectElement>('figure[data-chart="cohort-comparison"] rect.kit-grows')].map((rect) => {
          const band = (rect.parentNode as SVGSVGElement).height.baseVal.value;
          const box = rect.getBBox();
          // On screen, in the rect's own units: the drawing may be scaled.
          const drawn = rect.getBoundingClientRect().height / rect.getScreenCTM()!.d;
          const chosen = (rect.getAttribute('data-for') ?? '').split(/\s+/).includes(document.documentElement.dataset.cohort!);
          return { chosen, band, thin: rect.height.baseVal.value, height: box.height, y: box.y, drawn };
        }),
      );
      expect(bars.some((b) => b.chosen) && bars.some((b) => !b.chosen)).toBe(true);
      for (const b of bars.filter((x) => x.chosen)) {
        expect(b.height, 'a chosen bar: its box is its band').toBeCloseTo(b.band, 1);
        expect(b.y).toBeCloseTo(0, 1);
        expect(b.drawn, 'a chosen bar: drawn its band\'s height').toBeCloseTo(b.band, 0);
      }
      for (const b of bars.filter((x) => !x.chosen)) {
        expect(b.thin).toBeLessThan(b.band);
        expect(b.height, 'a bar not chosen keeps its thickness').toBeCloseTo(b.thin, 1);
      }
      // A reload keeps it.
      await s.goto(`${site.origin}/?cohort=freelancers`);
      await until(s, 'the toggle on freelancers after a reload', () => (document.querySelector<HTMLInputElement>('[data-cohort-toggle] input[value="freelancers"]')?.checked ?? false), []);
    });

    test('Guess first: the slider moves by keys and Reveal shows the published figure', async () => {
      await s.goto(`${site.origin}/`);
      const box = '[data-guess="burnout-share"]';
      await s.run((sel) => document.querySelector(sel)!.scrollIntoView({ block: 'center' }), box);
      await until(s, 'the guess to hydrate', (sel) => document.querySelector(`${sel} [data-island]`)?.getAttribute('data-hydrated') === 'true', [box]);
      await s.run((sel) => document.querySelector<HTMLInputElement>(`${sel} input[type="range"]`)!.focus(), box);
      for (let i = 0; i < 3; i++) await s.press('ArrowRight');
      await until(s, 'the guess at 53%', (sel) => document.querySelector(`${sel} input[type="range"]`)!.getAttribute('aria-valuetext') === 'Your guess: 53%', [box]);
      await s.click(`${box} .guess-go`);
      const text = await until(s, 'the reveal', (sel) => {
        const r = document.querySelector<HTMLElement>(`${sel} .guess-result`)!;
        return r.getClientRects().length > 0 && r.textContent!.includes('the published figure is') ? r.textContent : null;
      }, [box]);
      expect(text).toMatch(/^You guessed 53%; the published figure is \d+%/);
      // How readers guessed: the guess went to the service (in dist/ built with GUESS_API=/api/),
      // which counted it; the panel draws the published figure and the guess on its axis.
      const crowd = await until(s, 'how readers guessed', (sel) => {
        const panel = document.querySelector<HTMLElement>(`${sel} [data-crowd]`);
        const state = panel?.dataset.crowd;
        if (state !== 'few' && state !== 'ready' && state !== 'unavailable') return null;
        return {
          state,
          count: panel!.querySelector('[data-crowd-count]')?.textContent ?? null,
          published: panel!.querySelector('.guess-crowd-pub-label')?.textContent ?? null,
          you: panel!.querySelector('.guess-crowd-you-label')?.textContent ?? null,
          marks: panel!.querySelectorAll('line.guess-crowd-pub, line.guess-crowd-you').length,
        };
      }, [box]);
      expect(crowd.state, 'the guess service in the engine server answered').toBe('few');
      expect(Number(crowd.count)).toBeGreaterThanOrEqual(1);
      expect(crowd.published).toMatch(/^Published figure: \d+%$/);
      expect(crowd.you).toBe('You: 53%');
      // Both marks drawn: the published figure's line and the guess's.
      expect(crowd.marks).toBe(2);
    });

    test('the relative-vs-absolute slider moves its waffles', async () => {
      await s.goto(`${site.origin}/embed/relative-vs-absolute/`);
      await until(s, 'the chart\'s slider to be wired up', () => !!document.querySelector('figure[data-explore="ready"] [data-island][data-hydrated="true"]'), []);
      const filled = () =>
        [...document.querySelectorAll('.rx-illustrative svg')].map((svg) => [Number(svg.getAttribute('data-filled')), svg.querySelectorAll('.kit-sq.kit-filled').length]);
      const before = await s.run(filled);
      await s.run(() => document.querySelector<HTMLInputElement>('.rx-slider input[type="range"]')!.focus());
      for (let i = 0; i < 5; i++) await s.press('ArrowRight');
      const value = await s.run(() => Number(document.querySelector<HTMLInputElement>('.rx-slider input[type="range"]')!.value));
      // The colleagues' grid fills to the new baseline, square by square, and the drawn squares agree.
      await until(s, `the colleagues' waffle at ${value}`, (v) => {
        const svg = document.querySelector('.rx-illustrative svg')!;
        return Number(svg.getAttribute('data-filled')) === v && svg.querySelectorAll('.kit-sq.kit-filled').length === v;
      }, [value]);
      const after = await s.run(filled);
      expect(after[0]![0]).toBe(before[0]![0]! + 5);
      expect(after[1]![0], "the top performers' waffle moves with it").toBeGreaterThan(before[1]![0]!);
    });

    for (const chart of STORY_CHARTS) {
      test(`embed ${chart}, framed by another origin, sizes itself by each of the four protocols`, async () => {
        for (const [protocol, page] of Object.entries(PROTOCOLS)) {
          await s.goto(`${host.origin}/${page}?chart=${chart}`);
          const frame = `iframe[src*="/embed/${chart}/"]`;
          await until(s, `the ${protocol} frame`, (sel) => !!document.querySelector(sel), [frame]);
          const content = await s.inFrame(frame, async () => {
            await until(s, 'the embed to be explorable and its islands wired up', () => {
              const figure = document.querySelector('figure[data-chart][data-explore="ready"]');
              return !!figure && [...figure.querySelectorAll('[data-island]')].every((el) => el.getAttribute('data-hydrated') === 'true');
            }, []);
            await s.run(() => document.fonts.ready.then(() => true));
            expect(await probe(s), `${protocol}: errors in the embed`).toEqual([]);
            return s.run(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          });
          expect(content).toBeGreaterThan(200);
          const fitted = await until(
            s,
            `the ${protocol} frame to fit its content (${content} px)`,
            (sel, h) => {
              const box = document.querySelector(sel)!.getBoundingClientRect().height;
              return Math.abs(box - h) <= 4 ? box : 0;
            },
            [frame, content] as [string, number],
          );
          expect(Math.abs(fitted - content), protocol).toBeLessThanOrEqual(4);
          // Nothing scrolls sideways inside the frame.
          expect(await s.inFrame(frame, () => s.run(() => document.documentElement.scrollWidth - document.documentElement.clientWidth))).toBeLessThanOrEqual(0);
        }
      });
    }

    test('Tab reaches a chart, the arrow keys announce its values, Listen plays and stops', async () => {
      await s.goto(`${site.origin}/embed/cohort-comparison/`);
      await until(s, 'the chart to be explorable', () => !!document.querySelector('figure[data-explore="ready"]'), []);
      await spyOnChart(s, 'figure[data-chart]');
      await tabToChart(s);
      const rows = await s.run(() => document.querySelectorAll('figure[data-chart] .numbers tbody tr').length);
      const first = await say(s, 'ArrowRight');
      expect(first).toContain(`1 of ${rows}.`);
      expect(await say(s, 'ArrowRight')).toContain(`2 of ${rows}.`);
      expect(await say(s, 'End')).toContain(`${rows} of ${rows}.`);
      expect(await say(s, 'Home')).toContain(`1 of ${rows}.`);
      expect(await tones(s), 'no sound without Listen').toBe(0);
      // Where the Audio Session API is (Safari 16.4+), Listen plays as media, so an iPhone's silent
      // switch does not mute it; stood in for here, where no engine has it.
      await s.run(() => {
        Object.defineProperty(navigator, 'audioSession', { value: { type: 'auto' }, configurable: true });
      });
      await s.press('l');
      await until(s, 'tones', () => (window as unknown as { __tones: number }).__tones > 0, []);
      expect(await listenText(s)).toBe('Stop');
      expect(await s.run(() => (navigator as Navigator & { audioSession: { type: string } }).audioSession.type)).toBe('playback');
      await s.press('Escape');
      await listenSays(s, 'Listen', 'Escape to stop');
      expect((await said(s)).at(-1)).toBe('Stopped.');
    });

    test('keys then a click on Listen plays; Listen again stops at once; a click then keys; Escape stops', async () => {
      await s.goto(`${site.origin}/embed/quit-twice/`);
      await until(s, 'the chart to be explorable', () => !!document.querySelector('figure[data-explore="ready"]'), []);
      await spyOnChart(s, 'figure[data-chart]');
      await tabToChart(s);
      await say(s, 'ArrowRight');
      await say(s, 'ArrowRight');
      // The chart keeps focus while the reader scrolls to the end of the page (as a framed embed, or
      // a reader at the chart's foot, is), then clicks Listen.
      await s.run(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await s.run(() => document.activeElement?.matches('[data-explore-target]'))).toBe(true);
      await s.click('[data-listen]');
      await until(s, 'a click on Listen after the keys to play', () => (window as unknown as { __tones: number }).__tones > 0, []);
      expect(await listenText(s)).toBe('Stop');
      const started = await tones(s);
      await s.click('[data-listen]');
      await listenSays(s, 'Listen', 'Listen again to stop');
      expect((await said(s)).at(-1)).toBe('Stopped.');
      // Stopped at once: no tone starts after the stop (they are all scheduled up front; stop() cuts them).
      expect(await tones(s)).toBe(started);

      // A click, then the keys: an arrow key stops the tones and moves on.
      await s.click('[data-listen]');
      await listenSays(s, 'Stop', 'Listen to play');
      await s.run(() => document.querySelector<HTMLElement>('[data-explore-target]')!.focus());
      expect(await say(s, 'ArrowLeft')).toMatch(/\d+ of \d+\./);
      expect(await listenText(s)).toBe('Listen');

      // L from the chart, then Escape stops.
      await s.press('l');
      await listenSays(s, 'Stop', 'L to play');
      await s.press('Escape');
      await listenSays(s, 'Listen', 'Escape to stop');
      expect((await said(s)).at(-1)).toBe('Stopped.');
    });

    test('present mode moves by keys and sets the hash', async () => {
      await s.goto(`${site.origin}/present/`);
      await until(s, 'the deck', () => !!document.querySelector('[data-presenter][data-ready]'), []);
      const current = () => document.querySelector('[data-slide][data-current]')?.id;
      const total = await s.run(() => document.querySelectorAll('[data-slide]').length);
      expect(await s.run(current)).toBe('slide-1');
      await s.press('ArrowRight');
      await until(s, 'slide 2', () => document.querySelector('[data-slide][data-current]')?.id === 'slide-2' && location.hash === '#slide-2', []);
      await s.press('PageDown');
      await until(s, 'slide 3', () => document.querySelector('[data-slide][data-current]')?.id === 'slide-3', []);
      await s.press('End');
      await until(s, 'the last slide', (n) => document.querySelector('[data-slide][data-current]')?.id === `slide-${n}`, [total]);
      await s.press('Home');
      await until(s, 'slide 1', () => document.querySelector('[data-slide][data-current]')?.id === 'slide-1', []);
      expect(await s.run(() => scrollY)).toBe(0);
    });

    test('class mode: a student joins by typing the code, answers by keys, sees Sent, and follows the reveal live', async () => {
      // The teacher's side through the API (the guess service in this server, under /api/).
      const post = (path: string, body: unknown, key?: string, method = 'POST') =>
        fetch(`${site.origin}/api/rooms${path}`, {
          method,
          headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      const created = await post('', {});
      expect(created.status).toBe(201);
      const { code, key } = (await created.json()) as { code: string; key: string };
      expect((await post(`/${code}/question`, { question: 'burnout-share' }, key, 'PUT')).status).toBe(200);

      await s.goto(`${site.origin}/join/`);
      await until(s, 'the join page', () => document.querySelector('[data-join]')?.getAttribute('data-join-state') === 'code', []);
      await s.click('#join-code');
      for (const ch of code.toLowerCase()) await s.press(ch);
      expect(await s.run(() => document.querySelector<HTMLInputElement>('#join-code')!.value.toUpperCase())).toBe(code);
      await s.press('Enter');
      await until(s, 'the question', () => document.querySelector('[data-join]')?.getAttribute('data-join-state') === 'asking', []);
      expect(await s.run(() => document.querySelector('[data-question]')!.textContent)).toMatch(/burned out/);
      await s.run(() => document.querySelector<HTMLInputElement>('#join-guess')!.focus());
      for (let i = 0; i < 3; i++) await s.press('ArrowLeft');
      await until(s, 'the guess at 47%', () => document.querySelector('#join-guess')!.getAttribute('aria-valuetext') === 'Your guess: 47%', []);
      await s.click('[data-send]');
      const sent = await until(s, 'Sent', () => {
        const t = document.querySelector('[data-sent]')?.textContent ?? '';
        return t.startsWith('Sent') ? t : null;
      }, []);
      expect(sent).toBe('Sent: 47%. You can change it until your teacher reveals the answer.');
      const room = (await (await fetch(`${site.origin}/api/rooms/${code}`)).json()) as { answers: number };
      expect(room.answers).toBe(1);
      // The teacher reveals; the page follows by itself (its event stream, or polling).
      expect((await post(`/${code}/reveal`, undefined, key)).status).toBe(200);
      const shown = await until(s, 'the reveal', () => {
        const root = document.querySelector('[data-join]');
        return root?.getAttribute('data-join-state') === 'revealed' ? document.querySelector('[data-pub]')!.textContent : null;
      }, []);
      expect(shown).toMatch(/^Published figure: \d+%$/);
      // Leave the page, so its stream closes before the next flow.
      await s.goto(`${site.origin}/embed/quit-twice/`);
    });

    test('Check a sentence: a sentence typed by keys gets its cards, and the live count', async () => {
      await s.goto(`${site.origin}/check/`);
      await until(s, 'the checker to be ready', () => !!document.querySelector('form[data-check-form][data-check-ready]'), []);
      const text = '88% of top AI performers are burned out.';
      await s.click('#check-text');
      for (const ch of text) await s.press(ch);
      expect(await s.run(() => document.querySelector<HTMLTextAreaElement>('#check-text')!.value)).toBe(text);
      // 300 ms after the last key, the cards of the whole text.
      const shown = await until(s, 'the cards of the typed sentence', (t) => {
        const results = document.querySelector<HTMLElement>('[data-check-results]')!;
        if (results.dataset.checked !== t) return null;
        return {
          cards: [...document.querySelectorAll('[data-check-list] > article')].map((a) => a.querySelector('mark')?.textContent ?? ''),
          status: document.querySelector('[data-check-status]')!.textContent,
        };
      }, [text]);
      // What the checker says of it in Node, with the data the page embeds.
      const result = checkText(text, checkerData(loadData()));
      expect(result.claims.length).toBeGreaterThan(0);
      expect(shown.cards).toEqual(result.claims.map((c) => c.text));
      expect(shown.status).toBe(resultSummary(result));
    });

    test('on a 320 px phone, nothing scrolls sideways: the story, present mode, the join page, /check/ and every embed', async () => {
      // In a 320 px frame: its document lays out at 320 px, media queries and all, in every engine
      // (a WebKitGTK window cannot be made that narrow).
      for (const path of ['/', '/present/', '/join/', '/check/', ...STORY_CHARTS.map((c) => `/embed/${c}/`)]) {
        await s.goto(`${host.origin}/frame.html?path=${path}&width=320&height=640`);
        await until(s, 'the frame to load', () => document.body.dataset.framed === 'loaded', []);
        const wide = await s.inFrame('#framed', async () => {
          // (A frame shows classic scrollbars in Gecko and WebKitGTK, a phone overlays them: the
          // layout viewport is 320 px wide with or without.)
          expect(await s.run(() => window.innerWidth)).toBe(320);
          await s.run(() => document.fonts.ready.then(() => true));
          expect(await probe(s), `${path}: errors`).toEqual([]);
          // Wide content is found by its box, not only by the page's scroll width (an overflow
          // hidden by a parent would not show in it). Outer drawings only: a nested <svg> is a
          // coordinate system, and its box is the whole viewport in Gecko and WebKit.
          return s.run(() => {
            const over = document.documentElement.scrollWidth - document.documentElement.clientWidth;
            const boxes = [...document.querySelectorAll('figure[data-chart], main > *, .chart-body svg:not(svg svg)')]
              // (In present mode, slides other than the current one wait off-screen, hidden.)
              .filter((el) => !el.closest('[data-slide]:not([data-current])'))
              .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .map((el) => `${el.tagName.toLowerCase()}.${String(el.getAttribute('class') ?? '').split(' ')[0]} to ${Math.round(el.getBoundingClientRect().right)}`);
            return [over, boxes] as const;
          });
        });
        expect(wide[0], `${path} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(wide[1], `${path}: boxes past the right edge`).toEqual([]);
      }
    });

    test('with JavaScript off, every chart is drawn, in the story and in each embed', async () => {
      const off = await launch({ javascript: false });
      try {
        await off.viewport(1280, 900);
        const drawn = () =>
          [...document.querySelectorAll<HTMLElement>('figure[data-chart]')].map((f) => {
            const marks = [...f.querySelectorAll('.chart-body svg, .chart-body [data-point]')].filter((m) => {
              const r = m.getBoundingClientRect();
              return r.width > 0 && r.height > 0;
            });
            return [f.dataset.chart, marks.length] as const;
          });
        for (const path of ['/', ...STORY_CHARTS.map((c) => `/embed/${c}/`)]) {
          await off.goto(`${site.origin}${path}`);
          // Scripts are off: the probe never ran, and no island hydrated.
          expect(await off.run(() => typeof (window as unknown as { __probe?: unknown }).__probe)).toBe('undefined');
          expect(await off.run(() => document.querySelectorAll('[data-island][data-hydrated="true"]').length), path).toBe(0);
          const charts = await off.run(drawn);
          expect(charts.length, path).toBeGreaterThan(0);
          for (const [id, marks] of charts) expect(marks, `${path}: ${id} drawn`).toBeGreaterThan(0);
        }
      } finally {
        await off.close();
      }
    });
  });
}
