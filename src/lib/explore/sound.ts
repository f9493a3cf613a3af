/**
 * Tones for a chart's values, with Web Audio: a short sine tone per value at its pitch (points.ts),
 * the chosen cohort's values as a brighter triangle tone held a little longer, and for a value the
 * study did not publish a rest marked by two soft low clicks. The volume is modest (peak gain 0.12)
 * and every tone fades in and out, so nothing clicks or startles. Nothing sounds until a reader asks;
 * stop() silences everything at once.
 */
const NOTE = 0.24; // s
const CHOSEN = 0.34; // s
const GAP = 0.09; // s
const PEAK = 0.12;

export interface Tone {
  /** Hz, or null for a value that was not published. */
  pitch: number | null;
  /** The chosen cohort's value. */
  chosen: boolean;
}

type AudioContextClass = typeof AudioContext;

export class Player {
  #ctx: AudioContext | null = null;
  #nodes: AudioScheduledSourceNode[] = [];
  #timers: ReturnType<typeof setTimeout>[] = [];

  #context(): AudioContext | null {
    const Ctx = (window.AudioContext ?? (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext) as
      | AudioContextClass
      | undefined;
    if (!Ctx) return null;
    // Safari on an iPhone with its ring switch on silent mutes Web Audio of the 'auto' kind; the
    // reader asked to hear the chart, as they would press play on a video, so it plays as media
    // (the Audio Session API, Safari 16.4 and later; other browsers have none and need none).
    const session = (navigator as Navigator & { audioSession?: { type: string } }).audioSession;
    if (session && session.type !== 'playback') session.type = 'playback';
    this.#ctx ??= new Ctx();
    void this.#ctx.resume();
    return this.#ctx;
  }

  /** One tone (or the not-published mark) starting at `at` (context time); returns its length, s. */
  #schedule(ctx: AudioContext, tone: Tone, at: number): number {
    const blip = (freq: number, start: number, length: number, type: OscillatorType, peak: number) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = type;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(peak, start + 0.02);
      gain.gain.setValueAtTime(peak, start + length - 0.05);
      gain.gain.linearRampToValueAtTime(0, start + length);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + length);
      this.#nodes.push(osc);
    };
    if (tone.pitch === null) {
      blip(110, at, 0.07, 'sine', PEAK / 2);
      blip(110, at + 0.13, 0.07, 'sine', PEAK / 2);
      return NOTE;
    }
    const length = tone.chosen ? CHOSEN : NOTE;
    blip(tone.pitch, at, length, tone.chosen ? 'triangle' : 'sine', PEAK);
    return length;
  }

  /** Plays one tone now, cutting off any other. */
  one(tone: Tone): void {
    this.stop();
    const ctx = this.#context();
    if (ctx) this.#schedule(ctx, tone, ctx.currentTime + 0.01);
  }

  /**
   * Plays the tones in order; `onEach(i)` as each starts and `onEnd()` after the last (not when
   * stopped). Returns false when the browser has no Web Audio.
   */
  all(tones: readonly Tone[], onEach: (i: number) => void, onEnd: () => void): boolean {
    this.stop();
    const ctx = this.#context();
    if (!ctx) return false;
    // Offsets from now, s: the tones on the audio clock, the callbacks on timers of the same offsets.
    const begin = ctx.currentTime + 0.05;
    let offset = 0;
    tones.forEach((t, i) => {
      const at = offset;
      offset += this.#schedule(ctx, t, begin + at) + GAP;
      this.#timers.push(setTimeout(() => onEach(i), (0.05 + at) * 1000));
    });
    this.#timers.push(
      setTimeout(() => {
        this.#timers = [];
        onEnd();
      }, (0.05 + offset) * 1000),
    );
    return true;
  }

  get playing(): boolean {
    return this.#timers.length > 0;
  }

  /** Silences every scheduled tone at once. */
  stop(): void {
    for (const t of this.#timers) clearTimeout(t);
    this.#timers = [];
    for (const n of this.#nodes) {
      try {
        n.stop();
      } catch {
        // already stopped
      }
    }
    this.#nodes = [];
  }
}
