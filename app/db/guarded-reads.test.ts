// The guard around the engine's XMLHttpRequest, against a stand-in whose answers a test scripts.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { guardedFetch, guardedXhr, OtherSiteError } from './guarded-reads.ts';

// A Blob whose bytes a test reads synchronously, as the worker's FileReaderSync does (Node has no synchronous reader).
class SyncBlob extends Blob {
  constructor(readonly content: Uint8Array<ArrayBuffer>) {
    super([content]);
  }
}

let reads = 0;
beforeAll(() => {
  vi.stubGlobal('FileReaderSync', class {
    readAsArrayBuffer(blob: SyncBlob) {
      reads++;
      return blob.content.slice().buffer; // a fresh copy each time, as the browser's is
    }
  });
});

/** A file's bytes from `start`: each its offset's low byte, so an answer shows where it came from. */
const fileBytes = (start: number, length: number) => Uint8Array.from({ length }, (_, i) => (start + i) & 0xff);

function answerAs(type: string, bytes: number, start: number): ArrayBuffer | Blob {
  const content = fileBytes(start, bytes);
  return type === 'blob' ? new SyncBlob(content) : content.buffer;
}

type Scripted = { status: number; headers?: Record<string, string>; bytes?: number; text?: string } | 'drop' | 'timeout';

function server(answers: Scripted[], known: Record<string, number> = {}) {
  const sent: string[] = [];
  const types: string[] = [];
  class FakeXhr {
    timeout = 0;
    // Accessors, as a browser's are: an instance field would hide the guard's own.
    #status = 0;
    get status() {
      return this.#status;
    }
    #type = '';
    #response: ArrayBuffer | Blob | string | null = null;
    get responseType() {
      return this.#type;
    }
    set responseType(type: string) {
      this.#type = type;
    }
    get response() {
      return this.#response;
    }
    private headers: Record<string, string> = {};
    private request = '';
    open(method: string, url: string) {
      this.request = `${method} ${url}`;
    }
    setRequestHeader(name: string, value: string) {
      this.request += ` ${name}: ${value}`;
    }
    send() {
      sent.push(this.request);
      types.push(this.#type);
      const answer = answers.shift() ?? { status: 500 };
      if (answer === 'drop') throw Object.assign(new Error('Failed to load'), { name: 'NetworkError' });
      if (answer === 'timeout') throw Object.assign(new Error('timed out'), { name: 'TimeoutError' });
      this.#status = answer.status;
      this.headers = answer.headers ?? {};
      const start = Number(/Range: bytes=(\d+)-/.exec(this.request)?.[1] ?? 0);
      this.#response = answer.text ?? (answer.bytes === undefined ? null : answerAs(this.#type, answer.bytes, start));
    }
    getResponseHeader(name: string) {
      return this.headers[name.toLowerCase()] ?? null;
    }
  }
  let allowed = false;
  const Xhr = guardedXhr(FakeXhr as unknown as typeof XMLHttpRequest,
    { origin: 'https://site.example', otherSitesAllowed: () => allowed, knownSize: (url) => known[url] });
  return { Xhr, sent, types, allow: (on: boolean) => (allowed = on) };
}

const A = 'https://site.example/data/a.parquet';

/** A read as DuckDB-WASM's runtime makes it: synchronous, for an ArrayBuffer. */
function read(Xhr: typeof XMLHttpRequest, range: string, method = 'GET', url = 'https://site.example/data/a.parquet') {
  const xhr = new Xhr();
  xhr.open(method, url, false);
  xhr.responseType = 'arraybuffer';
  xhr.setRequestHeader('Range', range);
  xhr.send(null);
  return xhr;
}

describe('guardedXhr', () => {
  it('asks again after a dropped answer and hands the good one over', () => {
    const { Xhr, sent } = server(['drop', { status: 206, headers: { 'content-range': 'bytes 0-9/100' }, bytes: 10 }]);
    const xhr = read(Xhr, 'bytes=0-9');
    expect(xhr.status).toBe(206);
    expect((xhr.response as ArrayBuffer).byteLength).toBe(10);
    expect(sent).toEqual(['GET https://site.example/data/a.parquet Range: bytes=0-9', 'GET https://site.example/data/a.parquet Range: bytes=0-9']);
  });

  it('takes the answer as a Blob and hands the engine the ArrayBuffer it asked for', () => {
    const { Xhr, types } = server([{ status: 206, headers: { 'content-range': 'bytes 0-9/100' }, bytes: 10 }]);
    const xhr = read(Xhr, 'bytes=0-9');
    expect(types).toEqual(['blob']);
    expect(xhr.responseType).toBe('arraybuffer');
    expect(xhr.response).toBeInstanceOf(ArrayBuffer);
    expect((xhr.response as ArrayBuffer).byteLength).toBe(10);
  });

  it('reads the Blob back once however often the engine asks for the response', () => {
    const { Xhr } = server([{ status: 206, headers: { 'content-range': 'bytes 0-9/100' }, bytes: 10 }]);
    reads = 0;
    const xhr = read(Xhr, 'bytes=0-9');
    expect(xhr.response).toBe(xhr.response);
    expect(reads).toBe(1);
  });

  it('hands over the bytes of the answer that was good, not of a short one before it', () => {
    const { Xhr, sent } = server([{ status: 206, headers: { 'content-range': 'bytes 0-9/100' }, bytes: 4 }, { status: 206, headers: { 'content-range': 'bytes 0-9/100' }, bytes: 10 }]);
    const xhr = read(Xhr, 'bytes=0-9');
    expect((xhr.response as ArrayBuffer).byteLength).toBe(10);
    expect(sent).toHaveLength(2);
  });

  it('takes the whole file, from a host that ignores Range, as a Blob too', () => {
    const { Xhr, types } = server([{ status: 200, headers: { 'content-length': '100' }, bytes: 100 }]);
    const xhr = read(Xhr, 'bytes=0-9');
    expect(types).toEqual(['blob']);
    expect((xhr.response as ArrayBuffer).byteLength).toBe(100);
  });

  it('counts a text answer by its characters (the runtime\'s one-byte GET asks for no type)', () => {
    const { Xhr } = server([{ status: 206, headers: { 'content-range': 'bytes 0-0/100' }, text: 'P' }]);
    const xhr = new Xhr();
    xhr.open('GET', 'https://site.example/data/a.parquet', false);
    xhr.setRequestHeader('Range', 'bytes=0-0');
    xhr.send(null);
    expect(xhr.response).toBe('P');
  });

  it('answers an object opened again with its new request, not the last one\'s bytes', () => {
    const { Xhr, types } = server([{ status: 206, headers: { 'content-range': 'bytes 0-9/100' }, bytes: 10 }, { status: 206, bytes: 50 }]);
    const xhr = read(Xhr, 'bytes=0-9');
    expect((xhr.response as ArrayBuffer).byteLength).toBe(10);
    xhr.open('GET', 'https://site.example/data/a.parquet');
    xhr.setRequestHeader('Range', 'bytes=100-149');
    xhr.send(null);
    expect(types).toEqual(['blob', 'arraybuffer']);
    expect((xhr.response as ArrayBuffer).byteLength).toBe(50);
  });

  it('leaves a request that is not the engine\'s read as it asked', () => {
    const { Xhr, types } = server([{ status: 200, bytes: 5 }]);
    const xhr = new Xhr();
    xhr.open('GET', 'https://site.example/assets/duckdb-eh.wasm');
    xhr.responseType = 'arraybuffer';
    xhr.send(null);
    expect(types).toEqual(['arraybuffer']);
    expect(xhr.response).toBeInstanceOf(ArrayBuffer);
  });

  it('fails a read that stays short instead of letting the engine ask for ever', () => {
    const short = { status: 206, bytes: 0 };
    const { Xhr, sent } = server([short, short, short, short]);
    expect(() => read(Xhr, 'bytes=990747-990747')).toThrow('/data/a.parquet bytes 990747-990747: incomplete answer: 0 of 1 bytes (asked 3 times)');
    expect(sent).toHaveLength(3);
  });

  it('knows the file size from the HEAD DuckDB opens a file with', () => {
    const { Xhr } = server([{ status: 206, headers: { 'content-length': '100' } }, { status: 206, bytes: 10 }]);
    read(Xhr, 'bytes=0-', 'HEAD');
    expect(read(Xhr, 'bytes=90-199').status).toBe(206); // the last 10 bytes of 100: complete
  });

  it('answers the HEAD a file is opened with from its known length, asking the host nothing', () => {
    const { Xhr, sent } = server([{ status: 206, headers: { 'content-range': 'bytes 90-99/100' }, bytes: 10 }], { [A]: 100 });
    const head = read(Xhr, 'bytes=0-', 'HEAD');
    expect(head.status).toBe(206);
    expect(head.getResponseHeader('Content-Length')).toBe('100');
    expect(head.getResponseHeader('content-range')).toBe('bytes 0-99/100');
    expect(sent).toEqual([]);
    // The length checks the reads: past the end the host rightly sends less than asked.
    expect(read(Xhr, 'bytes=90-199').status).toBe(206);
    expect(sent).toEqual([`GET ${A} Range: bytes=90-199`]);
  });

  it('answers a HEAD without Range as a whole file, and asks the host about a file it does not know', () => {
    const { Xhr, sent } = server([{ status: 404 }], { [A]: 100 });
    const xhr = new Xhr();
    xhr.open('HEAD', A, false);
    xhr.send(null);
    expect([xhr.status, xhr.getResponseHeader('Content-Length'), xhr.getResponseHeader('Content-Range')]).toEqual([200, '100', null]);
    expect(read(Xhr, 'bytes=0-', 'HEAD', 'https://site.example/data/b.parquet').status).toBe(404);
    expect(sent).toEqual(['HEAD https://site.example/data/b.parquet Range: bytes=0-']);
  });

  it('answers an object opened again from its new request, not from the length it answered with', () => {
    const { Xhr } = server([{ status: 206, headers: { 'content-range': 'bytes 0-9/100' }, bytes: 10 }], { [A]: 100 });
    const xhr = read(Xhr, 'bytes=0-', 'HEAD');
    xhr.open('GET', A, false);
    xhr.setRequestHeader('Range', 'bytes=0-9');
    xhr.send(null);
    expect([xhr.status, xhr.getResponseHeader('Content-Length')]).toEqual([206, null]);
  });

  it('sends HEADs to a host again once it sent a whole file for a range', () => {
    const { Xhr, sent } = server([{ status: 200, headers: { 'content-length': '100' }, bytes: 100 }, { status: 200, headers: { 'content-length': '100' } }], { [A]: 100 });
    read(Xhr, 'bytes=0-', 'HEAD');
    read(Xhr, 'bytes=0-9');
    expect(read(Xhr, 'bytes=0-', 'HEAD').status).toBe(200);
    expect(sent).toEqual([`GET ${A} Range: bytes=0-9`, `HEAD ${A} Range: bytes=0-`]);
  });

  it('reads ahead of a walk through a file, hands the engine its own bytes, and answers the next reads from them', () => {
    const KB = 1024;
    const size = 4096 * KB;
    const part = (start: number, bytes: number) => ({ status: 206, headers: { 'content-range': `bytes ${start}-${start + bytes - 1}/${size}` }, bytes });
    const { Xhr, sent } = server([part(0, 16 * KB), part(200 * KB, 128 * KB), part(328 * KB, 256 * KB)], { [A]: size });
    read(Xhr, 'bytes=0-', 'HEAD');
    read(Xhr, `bytes=0-${16 * KB - 1}`);
    // A row group's column further on: asked for with what follows it.
    const first = read(Xhr, `bytes=${200 * KB}-${216 * KB - 1}`);
    expect(new Uint8Array(first.response as ArrayBuffer)).toEqual(fileBytes(200 * KB, 16 * KB));
    // The next one is held: no request, and the host's answer as it would have been.
    const held = read(Xhr, `bytes=${220 * KB}-${230 * KB - 1}`);
    expect([held.status, new Uint8Array(held.response as ArrayBuffer)]).toEqual([206, fileBytes(220 * KB, 10 * KB)]);
    // One that begins in held bytes: only the rest is asked for.
    const rest = read(Xhr, `bytes=${300 * KB}-${340 * KB - 1}`);
    expect(new Uint8Array(rest.response as ArrayBuffer)).toEqual(fileBytes(300 * KB, 40 * KB));
    expect(sent).toEqual([`GET ${A} Range: bytes=0-${16 * KB - 1}`, `GET ${A} Range: bytes=${200 * KB}-${328 * KB - 1}`,
      `GET ${A} Range: bytes=${328 * KB}-${584 * KB - 1}`]);
  });

  it('asks again for the bytes alone when a host sends less than was read ahead, and reads nothing ahead from it again', () => {
    const KB = 1024;
    const size = 4096 * KB;
    const part = (start: number, end: number) => ({ status: 206, headers: { 'content-range': `bytes ${start}-${end}/${size}` }, bytes: end - start + 1 });
    const { Xhr, sent } = server([part(0, 16 * KB - 1), part(200 * KB, 264 * KB - 1), part(200 * KB, 216 * KB - 1), part(400 * KB, 416 * KB - 1)], { [A]: size });
    read(Xhr, 'bytes=0-', 'HEAD');
    read(Xhr, `bytes=0-${16 * KB - 1}`);
    const xhr = read(Xhr, `bytes=${200 * KB}-${216 * KB - 1}`);
    expect(new Uint8Array(xhr.response as ArrayBuffer)).toEqual(fileBytes(200 * KB, 16 * KB));
    // Nor is anything read ahead from that host again.
    read(Xhr, `bytes=${400 * KB}-${416 * KB - 1}`);
    expect(sent.slice(1)).toEqual([`GET ${A} Range: bytes=${200 * KB}-${328 * KB - 1}`, `GET ${A} Range: bytes=${200 * KB}-${216 * KB - 1}`,
      `GET ${A} Range: bytes=${400 * KB}-${416 * KB - 1}`]);
  });

  it('reads nothing ahead from a host that sends whole files', () => {
    const whole = { status: 200, headers: { 'content-length': '1000000' }, bytes: 1_000_000 };
    const { Xhr, sent } = server([whole, whole, whole], { [A]: 1_000_000 });
    read(Xhr, 'bytes=0-', 'HEAD');
    read(Xhr, 'bytes=0-9');
    read(Xhr, 'bytes=100000-100009');
    read(Xhr, 'bytes=200000-200009');
    expect(sent).toEqual([`GET ${A} Range: bytes=0-9`, `GET ${A} Range: bytes=100000-100009`, `GET ${A} Range: bytes=200000-200009`]);
  });

  it('says when the server never answered', () => {
    const { Xhr } = server(['timeout', 'timeout', 'timeout']);
    expect(() => read(Xhr, 'bytes=0-9')).toThrow('no answer within 10 s (asked 3 times)');
  });

  it('leaves a 404 to the engine, asked once', () => {
    const { Xhr, sent } = server([{ status: 404, bytes: 9 }]);
    expect(read(Xhr, 'bytes=0-9').status).toBe(404);
    expect(sent).toHaveLength(1);
  });

  it('stops a request loop even when each answer looks right', () => {
    const good = () => ({ status: 206, headers: { 'content-range': 'bytes 0-0/5' }, bytes: 1 });
    const { Xhr } = server(Array.from({ length: 40 }, good));
    for (let i = 0; i < 25; i++) read(Xhr, 'bytes=0-0');
    expect(() => read(Xhr, 'bytes=0-0')).toThrow('stopped a request loop');
  });

  it('refuses other websites unless allowed', () => {
    const { Xhr, sent, allow } = server([{ status: 200, bytes: 3 }]);
    expect(() => read(Xhr, 'bytes=0-9', 'GET', 'http://evil.example/x.csv')).toThrow(OtherSiteError);
    expect(sent).toEqual([]);
    allow(true);
    expect(read(Xhr, 'bytes=0-9', 'GET', 'http://evil.example/x.csv').status).toBe(200);
  });
});

describe('guardedFetch', () => {
  it('refuses other websites unless allowed', async () => {
    let allowed = false;
    const seen: string[] = [];
    const inner = (async (input: RequestInfo | URL) => {
      seen.push(String(input));
      return new Response('ok');
    }) as typeof fetch;
    const guarded = guardedFetch(inner, { origin: 'https://site.example', otherSitesAllowed: () => allowed });
    await expect(guarded('https://site.example/assets/duckdb-eh.wasm')).resolves.toBeInstanceOf(Response);
    await expect(guarded('https://extensions.example/x.wasm')).rejects.toThrow('reading from other websites is switched off');
    allowed = true;
    await guarded('https://extensions.example/x.wasm');
    expect(seen).toEqual(['https://site.example/assets/duckdb-eh.wasm', 'https://extensions.example/x.wasm']);
  });
});
