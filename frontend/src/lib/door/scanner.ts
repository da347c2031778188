import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}

let detector: Promise<Detector> | null = null;

/** The browser's BarcodeDetector when it reads QR codes, else the ZXing-wasm ponyfill with our own copy of the wasm (no CDN). */
function qrDetector(): Promise<Detector> {
  detector ??= (async () => {
    const native = (globalThis as { BarcodeDetector?: { new (o: object): Detector; getSupportedFormats(): Promise<string[]> } })
      .BarcodeDetector;
    if (native && (await native.getSupportedFormats()).includes('qr_code')) return new native({ formats: ['qr_code'] });
    const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
    prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
    });
    return new BarcodeDetector({ formats: ['qr_code'] });
  })();
  return detector;
}

/** Loads the detector ahead of the first scan, so the wasm is compiled before a badge is shown. */
export function warmUpDetector(): void {
  qrDetector().catch(() => (detector = null));
}

/**
 * The rear camera into a <video>, read about ten times a second until a QR code is found. The camera
 * stops at the first code: the next scan starts it again (and a new getUserMedia also makes Chromium's
 * fake camera re-read its file in tests).
 */
export class CameraScanner {
  private stream: MediaStream | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running = false;
  /** Each start counts up: a start overtaken by a later one (or a stop) gives its camera back. */
  private generation = 0;

  /** `onCode` answers whether it took the code; a code it ignores (the same badge again) keeps the camera reading. */
  async start(video: HTMLVideoElement, onCode: (text: string) => boolean): Promise<void> {
    this.stop();
    this.running = true;
    const generation = this.generation;
    let found: Detector;
    let stream: MediaStream;
    try {
      found = await qrDetector();
      stream = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
        audio: false,
      });
    } catch (error) {
      if (generation === this.generation) this.running = false;
      throw error;
    }
    if (generation !== this.generation) {
      stream.getTracks().forEach((t) => t.stop());
      return;
    }
    this.stream = stream;
    video.srcObject = stream;
    try {
      await video.play();
    } catch (error) {
      // A later start (or a stop) replaced this stream while it was starting: not a failure.
      if (generation !== this.generation) return;
      throw error;
    }
    const tick = async () => {
      if (generation !== this.generation) return;
      try {
        if (video.readyState >= 2) {
          const [code] = await found.detect(video);
          if (code && generation === this.generation && onCode(code.rawValue)) {
            this.stop();
            return;
          }
        }
      } catch {
        // A frame that could not be read: try the next one.
      }
      if (generation === this.generation) this.timer = setTimeout(tick, 100);
    };
    void tick();
  }

  stop(): void {
    this.generation += 1;
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
  }

  get active(): boolean {
    return this.running;
  }
}
