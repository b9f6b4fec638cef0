// The engine worker's network, guarded (see read-guard.ts for the rules and why). DuckDB-WASM's
// runtime makes every HTTP read with `new XMLHttpRequest()` opened synchronously, so a subclass
// put in its place sees each one: it asks again when an answer is dropped, late or short,
// fails the read when asking again does not help, refuses a request loop, and refuses other
// websites unless the page allowed them for a console query. And each answer the engine asks for
// as an ArrayBuffer is taken as a Blob and read back into one: an answer read as an ArrayBuffer
// (or as text, or streamed) leaves about 1.5 times its bytes in the renderer for as long as the
// worker lives, a Blob read back with FileReaderSync about a fifth of that (×10's warm mix: the
// browser's memory 703 → 584 MB; scripts/bench/HISTORY.md "What the engine's reads leave behind, as Blobs").
// And the engine's HEAD for a release file's length is answered here when the page knows it
// (`knownSize`: the manifest lists every file's bytes), so opening a file costs no request: a
// keyword standing for a filter, searched over the whole country, opened 171 treatment-center
// files, each a HEAD and one GET (389 requests in all, 174 of them HEADs; ×1). And a walk
// through a file that skips bytes (a scan's columns, row group after row group) is read ahead
// (read-ahead.ts): its next reads are answered here, with no request.
import { ReadAhead, type Plan, type ReadAheadLimits } from './read-ahead.ts';
import { answerProblem, askedRange, READ_ATTEMPTS, READ_DEADLINE_MS, READ_TIMEOUT_MS, RepeatLimit, retryable, statedSize, type ByteRange } from './read-guard.ts';

// Workers only (lib.webworker); the engine's reads all run in its worker.
declare const FileReaderSync: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer };

export interface GuardOptions {
  /** The page's origin: the release lives there. */
  origin: string;
  /** Whether the query running now may read from other websites. */
  otherSitesAllowed(): boolean;
  /** The length of a release file the page listed, on a host that answers ranges; undefined for any other. */
  knownSize?(url: string): number | undefined;
  /** How the engine's walks through a file are read ahead (read-ahead.ts). */
  readAhead?: ReadAheadLimits;
  now?: () => number;
}

export class OtherSiteError extends Error {
  constructor(url: URL) {
    super(`reading from other websites is switched off in this console (${url.origin})`);
  }
}

function refuseOtherSite(url: URL, options: GuardOptions) {
  if (url.origin !== options.origin && !options.otherSitesAllowed()) throw new OtherSiteError(url);
}

export function guardedXhr(Base: typeof XMLHttpRequest, options: GuardOptions): typeof XMLHttpRequest {
  const now = options.now ?? Date.now;
  const sizes = new Map<string, number>();
  const repeats = new RepeatLimit();
  const ahead = new ReadAhead(options.readAhead);
  // A host that said it answers ranges and then sent a whole file: its HEADs go to it again, so
  // DuckDB learns to read each file whole once rather than be sent it whole for every range.
  let rangesIgnored = false;
  // A host that answered a read ahead wrongly: the engine's reads go to it as they are asked.
  let aheadRefused = false;

  return class GuardedXhr extends Base {
    #method = '';
    #url = '';
    #sync = false;
    #headers: [string, string][] = [];
    #asBlob = false;
    #bytes: ArrayBuffer | null = null;
    /** An answer given here with no request made (a HEAD from the file's known length, a read from held bytes): what duckdb-wasm reads of one. */
    #known: { status: number; headers: Map<string, string> } | null = null;

    get status(): number {
      return this.#known?.status ?? super.status;
    }

    getResponseHeader(name: string): string | null {
      return this.#known ? this.#known.headers.get(name.toLowerCase()) ?? null : super.getResponseHeader(name);
    }

    set responseType(type: XMLHttpRequestResponseType) {
      const asBlob = this.#sync && type === 'arraybuffer';
      super.responseType = asBlob ? 'blob' : type; // throws where the browser's would, deciding nothing
      this.#asBlob = asBlob;
    }

    get responseType(): XMLHttpRequestResponseType {
      return this.#asBlob ? 'arraybuffer' : super.responseType;
    }

    get response(): unknown {
      if (!this.#asBlob) return super.response;
      const blob = super.response as Blob | null;
      return (this.#bytes ??= blob && new FileReaderSync().readAsArrayBuffer(blob));
    }

    open(method: string, url: string | URL, async = true, user?: string | null, password?: string | null): void {
      this.#method = method.toUpperCase();
      this.#url = new URL(url, options.origin).href;
      this.#sync = !async;
      this.#headers = [];
      this.#known = null;
      super.open(method, url, async, user, password);
      // An object opened again: no answer of the last request, and a Blob only if this one is the engine's read.
      this.#bytes = null;
      if (this.#asBlob) this.responseType = 'arraybuffer';
    }

    setRequestHeader(name: string, value: string): void {
      this.#headers.push([name, value]);
      // The engine's Range is sent by send(), which may ask for more.
      if (!this.#engineRead() || name.toLowerCase() !== 'range') super.setRequestHeader(name, value);
    }

    #engineRead(): boolean {
      return this.#sync && (this.#method === 'GET' || this.#method === 'HEAD');
    }

    send(body?: Document | XMLHttpRequestBodyInit | null): void {
      refuseOtherSite(new URL(this.#url), options);
      // Only the engine's own reads are synchronous; anything else goes as it came.
      if (!this.#engineRead()) return super.send(body);
      if (this.#method === 'HEAD' && this.#answerKnown()) return;
      const rangeHeader = this.#headers.find(([name]) => name.toLowerCase() === 'range')?.[1] ?? null;
      const asked = askedRange(rangeHeader);
      // Only its reads for bytes (not the glob's one-byte check) are read ahead.
      const aheadOf = asked && this.#method === 'GET' && this.#asBlob && !rangesIgnored && !aheadRefused ? asked : null;
      if (aheadOf && this.#answerHeld(aheadOf)) return;
      let plan = aheadOf ? ahead.plan(this.#url, aheadOf, sizes.get(this.#url) ?? null) : null;
      let range = plan?.fetch ?? asked;
      const where = `${new URL(this.#url).pathname}${asked ? ` bytes ${asked.start}-${asked.end}` : ''}`;
      if (asked && !repeats.allow(`${this.#url} ${asked.start}-${asked.end}`, now())) {
        throw new Error(`${where}: stopped a request loop (the same bytes asked for over and over)`);
      }
      const started = now();
      for (let attempt = 1; ; attempt++) {
        if (attempt > 1) {
          super.open(this.#method, this.#url, false);
          for (const [name, value] of this.#headers) if (name.toLowerCase() !== 'range') super.setRequestHeader(name, value);
        }
        if (rangeHeader !== null) super.setRequestHeader('Range', plan ? `bytes=${range!.start}-${range!.end}` : rangeHeader);
        this.timeout = READ_TIMEOUT_MS;
        this.#bytes = null;
        let problem: string | null;
        try {
          super.send(body);
          problem = this.#problem(range);
        } catch (error) {
          problem = (error as Error).name === 'TimeoutError' ? `no answer within ${READ_TIMEOUT_MS / 1000} s` : (error as Error).message;
        }
        if (problem === null) {
          if (range && this.status === 200) rangesIgnored = true;
          else if (plan && this.status === 206) this.#answerPlanned(plan, aheadOf!);
          return;
        }
        // What went wrong may be the bytes read ahead (a host that sends less than a large range):
        // asked again, they are not, nor any more from this host.
        if (plan && (plan.head || plan.fetch.end !== aheadOf!.end)) aheadRefused = true;
        plan = null;
        range = asked;
        if (attempt >= READ_ATTEMPTS || now() - started >= READ_DEADLINE_MS) {
          throw new Error(`${where}: ${problem} (asked ${attempt} ${attempt === 1 ? 'time' : 'times'})`);
        }
      }
    }

    /**
     * Answers a HEAD for a file whose length the page knows as its host would: 206 with the whole
     * file's range when asked for `bytes=0-` (duckdb-wasm's open), 200 otherwise (its glob's check).
     */
    #answerKnown(): boolean {
      const size = rangesIgnored ? undefined : options.knownSize?.(this.#url);
      if (!size) return false;
      const ranged = this.#headers.some(([name]) => name.toLowerCase() === 'range');
      const headers = new Map([['content-length', String(size)]]);
      if (ranged) headers.set('content-range', `bytes 0-${size - 1}/${size}`);
      this.#known = { status: ranged ? 206 : 200, headers };
      sizes.set(this.#url, size);
      return true;
    }

    /** Answers a read from bytes read ahead (read-ahead.ts) as the host would have, with a 206 of exactly them. */
    #answerHeld(asked: ByteRange): boolean {
      const held = ahead.take(this.#url, asked);
      if (!held) return false;
      const headers = new Map([['content-range', `bytes ${asked.start}-${asked.end}/${sizes.get(this.#url)}`], ['content-length', String(held.byteLength)]]);
      this.#known = { status: 206, headers };
      this.#bytes = held;
      return true;
    }

    /**
     * Holds what was read ahead, and hands the engine only the bytes it asked for, after any it
     * held. Held as read back from the answer's Blob, not as the Blob: Blobs kept a while stayed
     * in the browser's process after they were let go (+8 MB in the bench's memory figure at ×1).
     */
    #answerPlanned({ fetch, head }: Plan, asked: ByteRange) {
      if (!head && fetch.end === asked.end) return;
      const all = this.response as ArrayBuffer;
      ahead.keep(this.#url, fetch, all, asked.end);
      // No more than came: past a file shorter than listed, the host rightly sent less.
      const read = new Uint8Array(all, 0, Math.min(all.byteLength, asked.end - fetch.start + 1));
      if (!head) return void (this.#bytes = read.slice().buffer);
      const bytes = new Uint8Array(head.byteLength + read.length);
      bytes.set(new Uint8Array(head));
      bytes.set(read, head.byteLength);
      this.#bytes = bytes.buffer;
    }

    #problem(range: ByteRange | null): string | null {
      const wholeFile = this.#method === 'HEAD' || this.status === 200;
      const size = statedSize(this.getResponseHeader('Content-Range'), this.getResponseHeader('Content-Length'), wholeFile);
      if (this.#method === 'HEAD' || !range) {
        if (size !== null) sizes.set(this.#url, size);
        return retryable(this.status) ? `HTTP ${this.status}` : null;
      }
      // Text when the runtime asked for none (its glob's one-byte GET), else the bytes, counted in the Blob they came as.
      const body = (this.#asBlob ? super.response : this.response) as Blob | ArrayBuffer | string | null;
      const bytes = typeof body === 'string' ? body.length : body instanceof Blob ? body.size : body?.byteLength ?? 0;
      const answer = { status: this.status, contentRange: this.getResponseHeader('Content-Range'), bytes };
      return answerProblem(range, answer, sizes.get(this.#url) ?? null);
    }
  };
}

/** fetch in the engine worker (its wasm download; extensions, if a query asks): other websites only when allowed. */
export function guardedFetch(inner: typeof fetch, options: GuardOptions): typeof fetch {
  return (input, init) => {
    try {
      refuseOtherSite(new URL(input instanceof Request ? input.url : String(input), options.origin), options);
    } catch (error) {
      return Promise.reject(error);
    }
    return inner(input, init);
  };
}
