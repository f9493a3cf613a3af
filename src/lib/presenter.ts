/**
 * Projector mode for /present/: one slide at a time, moved by keys, the Previous/Next buttons, a
 * click on either half of the slide or a horizontal swipe, and scaled to fill the screen.
 *
 * The slide number lives in the URL hash (#slide-4, 1-based), parsed strictly and clamped, so a
 * reload or a shared link opens the same slide; the number is never written into the page. Moving
 * between slides replaces the history entry instead of pushing one: Back leaves the presentation
 * for the page the class came from, rather than stepping back through every slide shown.
 *
 * Without this script (or before it runs) the page is a plain scroll of every slide; the inline
 * script in the page head sets html[data-present] so the projector layout applies from first paint.
 */

const HASH = /^#slide-(\d{1,3})$/;

/** The slide a hash asks for, clamped to 1…total; anything that is not #slide-<digits> is slide 1. */
export function slideFromHash(hash: string, total: number): number {
  const m = HASH.exec(hash);
  return m ? Math.min(Math.max(Number(m[1]), 1), total) : 1;
}

/** Where a key, click or Space belongs to the element itself (form controls, links, buttons). */
// A chart being explored (lib/explore/) keeps its arrow keys, Home and End.
const OWN_KEYS = 'input,select,textarea,[contenteditable],[data-explore-target]';
const OWN_CLICKS = 'a,button,label,summary,output,' + OWN_KEYS;
/** Widest content, in CSS px before scaling, that a slide is laid out for at full size. */
const DESIGN_WIDTH = 860;
const MAX_ZOOM = 2.4;

export function startPresenter(root: HTMLElement): void {
  const deck = root.querySelector<HTMLElement>('[data-deck]')!;
  const slides = [...deck.querySelectorAll<HTMLElement>('[data-slide]')];
  const total = slides.length;
  const status = root.querySelector<HTMLElement>('[data-status]')!;
  const counter = root.querySelector<HTMLElement>('[data-counter]')!;
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-step]')];
  let current = 0;

  /**
   * Scales a slide's content (CSS zoom) to the largest size that fits the slide without scrolling.
   * A smaller zoom also gives the content more width, so text wraps less: search rather than divide.
   */
  const fit = (slide: HTMLElement) => {
    const box = slide.firstElementChild as HTMLElement;
    const cs = getComputedStyle(slide);
    const w = slide.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    const h = slide.clientHeight - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom);
    const fits = (zoom: number) => {
      box.style.setProperty('--zoom', zoom.toFixed(3));
      const r = box.getBoundingClientRect();
      return r.height <= h && r.width <= w + 1;
    };
    let lo = 0.3;
    let hi = Math.min(MAX_ZOOM, Math.max(1, w / DESIGN_WIDTH));
    if (fits(hi)) return;
    for (let i = 0; i < 7; i++) {
      const mid = (lo + hi) / 2;
      if (fits(mid)) lo = mid;
      else hi = mid;
    }
    fits(lo);
  };
  let pending = 0;
  const fitAll = () => {
    pending ||= requestAnimationFrame(() => {
      pending = 0;
      slides.forEach(fit);
    });
  };

  /** Shows slide n (clamped); `announce` for moves the viewer asked for, not the first render. */
  const go = (n: number, announce = true) => {
    n = Math.min(Math.max(n, 1), total);
    const hash = `#slide-${n}`;
    if ((announce || location.hash) && location.hash !== hash) history.replaceState(history.state, '', hash);
    if (n === current) return;
    const hadFocus = slides[current - 1]?.contains(document.activeElement);
    slides.forEach((s, i) => s.toggleAttribute('data-current', i === n - 1));
    current = n;
    counter.textContent = `${n} / ${total}`;
    buttons.forEach((b) => b.setAttribute('aria-disabled', String(n === (b.dataset.step === '1' ? total : 1))));
    if (announce) status.textContent = `Slide ${n} of ${total}: ${slides[n - 1]!.dataset.title}`;
    if (hadFocus) slides[n - 1]!.focus();
  };

  document.addEventListener('keydown', (e) => {
    const t = e.target as Element;
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || t.closest?.(OWN_KEYS)) return;
    const space = e.key === ' ';
    if (space && t.closest('a,button,summary')) return;
    const to =
      e.key === 'ArrowRight' || e.key === 'PageDown' || (space && !e.shiftKey)
        ? current + 1
        : e.key === 'ArrowLeft' || e.key === 'PageUp' || space
          ? Math.max(current - 1, 1)
          : e.key === 'Home'
            ? 1
            : e.key === 'End'
              ? total
              : 0;
    if (!to) return;
    e.preventDefault();
    go(to);
  });

  for (const b of buttons) b.addEventListener('click', () => go(current + Number(b.dataset.step)));

  deck.addEventListener('click', (e) => {
    const t = e.target as Element;
    if (t.closest(OWN_CLICKS) || String(getSelection())) return;
    const r = deck.getBoundingClientRect();
    go(current + (e.clientX > r.left + r.width / 2 ? 1 : -1));
  });

  // Touch or pen swipe: more than 50 px sideways, and more sideways than down.
  let start: PointerEvent | null = null;
  deck.addEventListener('pointerdown', (e) => {
    start = e.pointerType !== 'mouse' && !(e.target as Element).closest(OWN_CLICKS) ? e : null;
  });
  deck.addEventListener('pointerup', (e) => {
    if (!start || start.pointerId !== e.pointerId) return;
    const dx = e.clientX - start.clientX;
    const dy = e.clientY - start.clientY;
    start = null;
    if (Math.abs(dx) > 50 && Math.abs(dx) > Math.abs(dy)) go(current + (dx < 0 ? 1 : -1));
  });
  deck.addEventListener('pointercancel', () => (start = null));

  // After a mouse click on a radio or slider, give the arrow keys back to the slides.
  root.addEventListener('click', (e) => {
    if (e.detail && (e.target as Element).matches('input[type=radio],input[type=range]')) (e.target as HTMLElement).blur();
  });

  addEventListener('hashchange', () => go(slideFromHash(location.hash, total)));
  const ro = new ResizeObserver(fitAll);
  ro.observe(deck);
  slides.forEach((s) => ro.observe(s.firstElementChild!));

  for (const el of root.querySelectorAll<HTMLElement>('[data-js]')) el.hidden = false;
  slides.forEach((s) => {
    s.tabIndex = -1;
    fit(s);
  });
  go(slideFromHash(location.hash, total), false);
  root.toggleAttribute('data-ready', true);
}
