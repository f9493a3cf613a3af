/**
 * The join page's behaviour (JoinPage.astro): the code form, the room's live state, the answer, the
 * result. Every sentence comes from room.ts; the network from live.ts.
 */
import { drawHistogram, fillTable } from './histogram';
import { call, roomUrl, watchRoom } from './live';
import {
  classSummary,
  deviceId,
  isCode,
  joinAnnouncement,
  joinState,
  normaliseCode,
  ownResult,
  parseRoomState,
  publishedText,
  questionText,
  sentText,
  spacedCode,
  wasReset,
  type JoinState,
  type RoomState,
} from './room';

/** sessionStorage: what this tab sent, per room and question, so a reload still says "Sent". */
const SENT_KEY = 'class-sent';
/** sessionStorage: the room this tab joined, so a reload of ?code= rejoins it without a click. */
const CODE_KEY = 'class-code';

const storage = (): Storage | null => {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
};

export function startJoin(root: HTMLElement, api: string): void {
  const $ = <T extends Element = HTMLElement>(sel: string) => root.querySelector<T & Element>(sel)!;
  const form = $<HTMLFormElement>('[data-code-form]');
  const input = $<HTMLInputElement>('[data-code]');
  const error = $('[data-code-error]');
  const roomBox = $('[data-room]');
  const roomH = $('[data-room-h]');
  const wait = $('[data-wait]');
  const answer = $<HTMLFormElement>('[data-answer]');
  const question = $('[data-question]');
  const slider = $<HTMLInputElement>('[data-guess]');
  const value = $('[data-guess-value]');
  const sendButton = $<HTMLButtonElement>('[data-send]');
  const sentLine = $('[data-sent]');
  const result = $('[data-result]');
  const end = $('[data-end]');
  const say = $('[data-say]');

  let code: string | null = null;
  let room: RoomState | null = null;
  let watch: { stop: () => void } | null = null;
  let sent: Record<string, number> = {};
  let sending = false;

  const loadSent = (c: string) => {
    try {
      const kept = JSON.parse(storage()?.getItem(SENT_KEY) ?? 'null') as { code?: string; sent?: Record<string, number> } | null;
      sent = kept?.code === c && kept.sent && typeof kept.sent === 'object' ? kept.sent : {};
    } catch {
      sent = {};
    }
  };
  const saveSent = () => {
    try {
      storage()?.setItem(SENT_KEY, JSON.stringify({ code, sent }));
    } catch {
      // Not kept: a reload forgets what was sent (the service still has it).
    }
  };
  const announce = (text: string) => {
    if (!text) return;
    // A change the region can hear even when the words repeat.
    say.textContent = '';
    setTimeout(() => (say.textContent = text), 50);
  };
  const setState = (s: JoinState) => (root.dataset.joinState = s);
  const showGuess = () => {
    value.textContent = `${slider.value}%`;
    slider.setAttribute('aria-valuetext', `Your guess: ${slider.value}%`);
  };

  function render() {
    if (!room || !code) return;
    const mine = room.question !== null && Object.hasOwn(sent, room.question) ? sent[room.question]! : null;
    const state = joinState(room, mine);
    setState(state);
    form.hidden = true;
    roomBox.hidden = false;
    end.hidden = true;
    roomH.textContent = room.question ? `Class ${spacedCode(code)} · Question ${room.step} of ${room.steps}` : `Class ${spacedCode(code)}`;
    wait.hidden = state !== 'waiting';
    answer.hidden = state !== 'asking' && state !== 'sent';
    result.hidden = state !== 'revealed';
    if (state === 'asking' || state === 'sent') {
      question.textContent = questionText(room.question);
      sentLine.textContent = mine === null ? '' : sentText(mine);
      sendButton.textContent = mine === null ? 'Send' : 'Send again';
    }
    if (state === 'revealed') {
      $('[data-result-q]').textContent = questionText(room.question);
      $('[data-pub]').textContent = publishedText(room.published);
      $('[data-own]').textContent = ownResult(mine, room.published);
      const bins = room.bins ?? new Array<number>(20).fill(0);
      drawHistogram($<SVGSVGElement>('[data-plot]'), bins, { published: room.published?.value ?? null, own: mine === null ? null : { value: mine, label: `You: ${mine}%` } });
      $('[data-summary]').textContent = classSummary(bins, room.median, room.published);
      fillTable($<HTMLTableSectionElement>('[data-bins]'), bins);
    }
  }

  function onState(next: RoomState) {
    const before = room;
    if (wasReset(before, next) && next.question) {
      delete sent[next.question];
      saveSent();
    }
    if (next.question !== before?.question) {
      slider.value = next.question && Object.hasOwn(sent, next.question) ? String(sent[next.question]) : '50';
      showGuess();
    }
    const hadFocus = root.contains(document.activeElement) && document.activeElement !== document.body;
    room = next;
    render();
    announce(joinAnnouncement(before, next));
    // A control that has just been hidden took the focus with it: give it to the room's heading.
    if (hadFocus && (!document.activeElement || document.activeElement === document.body || (document.activeElement as HTMLElement).closest('[hidden]'))) roomH.focus();
  }

  function gone() {
    setState('closed');
    wait.hidden = answer.hidden = result.hidden = true;
    end.hidden = false;
    end.textContent = 'Your teacher has closed this class, or it has ended. Thank you for taking part.';
    announce(end.textContent);
  }

  async function join(typed: string) {
    const c = normaliseCode(typed);
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    if (!isCode(c)) {
      setState('code');
      error.textContent = c ? 'A class code has 6 letters and numbers, like K7M 2QX. Check the code on your teacher’s screen.' : 'Type the code on your teacher’s screen.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    const res = await call(roomUrl(api, c));
    if (res.status !== 200) {
      setState(res.status === 404 ? 'unknown' : 'code');
      error.textContent =
        res.status === 404
          ? `There is no class with the code ${spacedCode(c)}. Check the code on your teacher’s screen and try again.`
          : res.status === 429
            ? 'Too many tries. Wait a minute, then try again.'
            : 'Could not reach the class. Check your connection and try again.';
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    let first: RoomState;
    try {
      first = parseRoomState(res.body);
    } catch {
      error.textContent = 'Could not read the class. Try again.';
      return;
    }
    code = c;
    loadSent(c);
    history.replaceState(null, '', `?code=${c}`);
    onState(first);
    try {
      storage()?.setItem(CODE_KEY, c);
    } catch {
      // A reload then asks for the code again.
    }
    roomH.focus();
    if (!first.question) announce('You have joined. Wait for your teacher to start the first question.');
    watch?.stop();
    watch = watchRoom(api, c, { state: onState, gone, mode: (m) => (root.dataset.live = m) });
  }

  async function send() {
    if (!room?.question || !code || sending) return;
    const q = room.question;
    const v = Number(slider.value);
    sending = true;
    sendButton.disabled = true;
    const res = await call(`${roomUrl(api, code)}/answers`, 'POST', { device: deviceId(storage()), question: q, value: v });
    sending = false;
    sendButton.disabled = false;
    if (res.status === 201) {
      sent[q] = v;
      saveSent();
      render();
      announce(sentText(v));
      return;
    }
    const message = (res.body as { error?: string } | null)?.error ?? '';
    sentLine.textContent =
      res.status === 409 && /revealed/.test(message)
        ? 'Too late: your teacher has already revealed the answer.'
        : res.status === 409
          ? 'The class has moved on to another question.'
          : res.status === 429
            ? 'Too many sends. Wait a moment, then send again.'
            : res.status === 404
              ? 'This class has ended.'
              : 'Your guess did not reach your teacher. Check your connection and send again.';
    announce(sentLine.textContent);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void join(input.value);
  });
  answer.addEventListener('submit', (e) => {
    e.preventDefault();
    void send();
  });
  slider.addEventListener('input', showGuess);

  const asked = new URLSearchParams(location.search).get('code');
  if (asked) {
    // ?code= (the QR code's address) fills the field; a reload of a room this tab joined rejoins it.
    input.value = normaliseCode(asked).slice(0, 9);
    let joined: string | null = null;
    try {
      joined = storage()?.getItem(CODE_KEY) ?? null;
    } catch {
      joined = null;
    }
    if (joined === normaliseCode(asked) && isCode(joined)) void join(joined);
  }
}
