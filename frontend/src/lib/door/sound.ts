let context: AudioContext | null = null;

/**
 * A short tone: high and bright for "admitted", two low ones for any refusal, so staff hear the verdict
 * without looking. Browsers allow sound only after a tap; until then it stays silent.
 */
export function beep(ok: boolean): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const tones = ok
      ? [[880, 0]]
      : [
          [220, 0],
          [220, 0.18],
        ];
    for (const [frequency, at] of tones) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = ok ? 'sine' : 'square';
      oscillator.frequency.value = frequency;
      gain.gain.value = 0.15;
      oscillator.connect(gain).connect(context.destination);
      const start = context.currentTime + at;
      oscillator.start(start);
      oscillator.stop(start + 0.14);
    }
  } catch {
    // No audio on this device: the verdict is still on screen.
  }
}
