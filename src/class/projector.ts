/**
 * The projector view's behaviour (ClassPage.astro): the room from the fragment, its live state,
 * the teacher's buttons (each sends the room's key; the answer is the new state), and after the
 * reveal the class's histogram beside the readers' one.
 */
import { href } from '../lib/paths';
import { drawHistogram, fillTable } from './histogram';
import { call, readersOf, roomUrl, watchRoom } from './live';
import { drawQr } from './qr';
import {
  answersText,
  classState,
  classSummary,
  expiryText,
  parseFragment,
  parseRoomState,
  questionText,
  QUESTIONS,
  spacedCode,
  spokenCode,
  type RoomState,
} from './room';
import { wireStart } from './start';

/** sessionStorage: this tab's room and its key, {code, key}. */
const ROOM_KEY = 'class-room';

function kept(): { code: string; key: string } | null {
  try {
    const r = JSON.parse(sessionStorage.getItem(ROOM_KEY) ?? 'null') as { code?: unknown; key?: unknown } | null;
    return r && typeof r.code === 'string' && typeof r.key === 'string' ? { code: r.code, key: r.key } : null;
  } catch {
    return null;
  }
}

export function startProjector(root: HTMLElement, api: string): void {
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T & Element>(sel)!;
  const startBox = $('[data-start-box]');
  const main = $('[data-room-main]');
  const next = $<HTMLButtonElement>('[data-next]');
  const reveal = $<HTMLButtonElement>('[data-reveal]');
  const reset = $<HTMLButtonElement>('[data-reset]');
  const close = $<HTMLButtonElement>('[data-close]');
  const error = $('[data-error]');
  const say = $('[data-say]');
  const result = $('[data-result]');

  let code = '';
  let key: string | null = null;
  let room: RoomState | null = null;
  let watch: { stop: () => void } | null = null;
  let publicFor = '';

  wireStart(startBox, api);

  const announce = (text: string) => {
    say.textContent = '';
    setTimeout(() => (say.textContent = text), 50);
  };

  function render() {
    if (!room) return;
    const state = classState(room);
    root.dataset.roomState = state;
    $('[data-room-answers]').textContent = String(room.answers);
    $('[data-answers-word]').textContent = `${answersText(room.answers).replace(/^\d+ /, '')}${room.students > 0 ? ` · ${room.students} student${room.students === 1 ? '' : 's'} so far` : ''}`;
    $('[data-expiry]').textContent = expiryText(room.expires);
    $('[data-step]').textContent = room.question ? `Question ${room.step} of ${room.steps}` : 'Students join now';
    $('[data-question]').textContent = questionText(room.question) ?? 'When the class has joined, ask the first question.';
    $('[data-count]').hidden = room.question === null;
    const last = room.step >= QUESTIONS.length;
    next.textContent = room.question === null ? 'Ask the first question' : last ? 'That was the last question' : 'Next question';
    next.disabled = !key || (room.question !== null && last);
    reveal.disabled = !key || state !== 'asking';
    reset.disabled = !key || room.question === null || (room.answers === 0 && !room.revealed);
    close.disabled = !key;
    result.hidden = state !== 'revealed';
    if (state === 'revealed') {
      const bins = room.bins ?? new Array<number>(20).fill(0);
      const published = room.published?.value ?? null;
      drawHistogram($<SVGSVGElement>('[data-class-plot]'), bins, { published, height: 190 });
      $('[data-class-summary]').textContent = classSummary(bins, room.median, room.published);
      const table = $('[data-class-table]');
      fillTable($<HTMLTableSectionElement>('[data-class-bins]'), bins);
      table.dataset.total = String(bins.reduce((n, c) => n + c, 0));
      if (publicFor !== room.question) void showPublic(room.question!, published);
    } else {
      publicFor = '';
      $('[data-public]').hidden = true;
    }
    // Focus on a button that has just been disabled is lost: keep it on the next step.
    if (document.activeElement instanceof HTMLButtonElement && document.activeElement.disabled) (next.disabled ? close : next).focus();
  }

  /** The readers' distribution for the question (the public guess service), when there are enough guesses to show it. */
  async function showPublic(question: string, published: number | null) {
    publicFor = question;
    const box = $('[data-public]');
    const crowd = await readersOf(api, question);
    if (publicFor !== question) return;
    if (!crowd) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    $('[data-public-h]').textContent = `Readers of this site (${crowd.count} guess${crowd.count === 1 ? '' : 'es'})`;
    if (crowd.bins) {
      drawHistogram($<SVGSVGElement>('[data-public-plot]'), crowd.bins, { published, height: 190 });
      $('[data-public-say]').textContent = crowd.median === null ? '' : `Half of the readers guessed ${Number(crowd.median.toFixed(1))}% or less.`;
    } else {
      $<SVGSVGElement>('[data-public-plot]').replaceChildren();
      $('[data-public-say]').textContent = 'Too few readers of this site have guessed yet to show their spread.';
    }
  }

  function onState(nextRoom: RoomState) {
    const before = room;
    room = nextRoom;
    render();
    if (nextRoom.question !== before?.question && nextRoom.question) announce(`Question ${nextRoom.step} of ${nextRoom.steps}: ${questionText(nextRoom.question)}`);
    else if (nextRoom.revealed && !before?.revealed) announce('Revealed: the class’s guesses and the published figure are on the screen.');
  }

  function gone() {
    root.dataset.roomState = 'closed';
    main.hidden = true;
    startBox.hidden = false;
    $('[data-start-why]').textContent = `The class ${spacedCode(code)} is closed, and its answers are deleted. Start a new class to ask again.`;
    try {
      sessionStorage.removeItem(ROOM_KEY);
    } catch {
      // Nothing kept.
    }
    history.replaceState(null, '', location.pathname + location.search);
    announce('The class is closed.');
    $('[data-room-title]').textContent = 'Class mode';
    $('[data-room-title]').focus();
  }

  /** A teacher's action: the room's key in the header; a state comes back (or 204 on close). */
  async function act(path: string, method: string, body?: unknown) {
    if (!key) return;
    error.textContent = '';
    const res = await call(`${roomUrl(api, code)}${path}`, method, body, key);
    if (res.status === 200) {
      try {
        onState(parseRoomState(res.body));
      } catch {
        // The stream brings the state anyway.
      }
    } else if (res.status === 204 || res.status === 404) {
      watch?.stop();
      gone();
    } else {
      error.textContent =
        res.status === 401 || res.status === 403
          ? 'This browser does not hold this room’s key, so it cannot run the class.'
          : res.status === 0
            ? 'The class could not be reached. Check the connection and try again.'
            : `That did not work (${(res.body as { error?: string } | null)?.error ?? res.status}). Try again.`;
    }
  }

  next.addEventListener('click', () => {
    const id = QUESTIONS[room?.step ?? 0];
    if (id) void act('/question', 'PUT', { question: id });
  });
  reveal.addEventListener('click', () => void act('/reveal', 'POST'));
  reset.addEventListener('click', () => void act('/reset', 'POST'));
  close.addEventListener('click', () => {
    if (confirm('Close this room? Its answers are deleted, and students can no longer answer.')) void act('', 'DELETE');
  });

  async function open() {
    const fragment = parseFragment(location.hash);
    const mine = kept();
    if (fragment?.key) {
      try {
        sessionStorage.setItem(ROOM_KEY, JSON.stringify({ code: fragment.code, key: fragment.key }));
      } catch {
        // Kept in the page only: a reload loses the key.
      }
      // The key leaves the address bar (and the history entry): only the code stays.
      history.replaceState(null, '', `#${fragment.code}`);
    }
    const c = fragment?.code ?? mine?.code ?? null;
    if (!c) return;
    code = c;
    key = fragment?.key ?? (mine?.code === c ? mine.key : null);
    if (!fragment) history.replaceState(null, '', `#${c}`);
    const res = await call(roomUrl(api, c));
    if (res.status !== 200) {
      $('[data-start-why]').textContent = `There is no class with the code ${spacedCode(c)}: it was closed, or it has expired. Start a new class.`;
      return;
    }
    const join = new URL(href('join/'), location.href);
    const address = `${join.host}${join.pathname}`;
    $('[data-join-address]').textContent = address;
    $('[data-code]').textContent = spacedCode(c);
    $('[data-code-spoken]').textContent = spokenCode(c);
    drawQr($<SVGSVGElement>('[data-qr]'), `${join.href}?code=${c}`);
    $('[data-qr]').setAttribute('aria-label', `QR code of the join address, ${address}?code=${c}`);
    $('[data-room-title]').textContent = `Class ${spokenCode(c)}: projector view`;
    startBox.hidden = true;
    main.hidden = false;
    $('[data-controls]').hidden = !key;
    if (!key) error.textContent = 'This browser does not hold this room’s key: it shows the class, but cannot run it. Open the room from the browser that started it.';
    watch?.stop();
    onState(parseRoomState(res.body));
    watch = watchRoom(api, c, { state: onState, gone, mode: (m) => (root.dataset.live = m) });
    (key ? next : $('[data-question]')).focus();
  }

  addEventListener('hashchange', () => {
    if (parseFragment(location.hash)?.key) void open();
  });
  void open();
}
