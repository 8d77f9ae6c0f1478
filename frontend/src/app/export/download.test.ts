import { afterEach, describe, expect, it, vi } from 'vitest';
import { CsvRowCounter, downloadCsv } from './download';

const enc = new TextEncoder();

describe('CSV row counting', () => {
  it('counts records, not line ends inside quoted cells, across chunks', () => {
    const c = new CsvRowCounter();
    c.push(enc.encode('\uFEFFMicrosoft ID,Company name\r\n1,"Fabrikam\r\n'));
    expect(c.rows).toBe(0);
    c.push(enc.encode('Ltd"\r\n2,"Say ""hi"""\r\n'));
    expect(c.rows).toBe(2);
  });
});

describe('downloadCsv', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('streams with the cookie, reports progress against X-Total-Rows, and saves the file', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(ctl) {
        ctl.enqueue(enc.encode('h1,h2\r\na,b\r\n'));
        ctl.enqueue(enc.encode('c,d\r\n'));
        ctl.close();
      },
    });
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(body, { status: 200, headers: { 'X-Total-Rows': '2' } }));
    vi.stubGlobal('fetch', fetchMock);
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((b: Blob) => {
      created.push(b);
      return 'blob:x';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = vi.fn();
    let downloaded = '';
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloaded = this.download;
    });
    const progress: Array<[number, number | null]> = [];
    const rows = await downloadCsv('http://localhost/export/customers.csv', 'Customers.csv', (r, t) => progress.push([r, t]));
    expect(rows).toBe(2);
    expect(fetchMock.mock.calls[0]![1]).toMatchObject({ credentials: 'include' });
    expect(progress).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
    expect(downloaded).toBe('Customers.csv');
    expect(created[0]!.size).toBe('h1,h2\r\na,b\r\nc,d\r\n'.length);
    click.mockRestore();
  });
  it('fails on an error status', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('no', { status: 403 })));
    await expect(downloadCsv('http://localhost/x.csv', 'x.csv', () => {})).rejects.toThrow('403');
  });
});
