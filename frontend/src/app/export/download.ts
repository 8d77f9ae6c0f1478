// Streamed CSV downloads (GET /export/*.csv, same origin as the API, with the session cookie): rows are
// counted as they arrive against the server's X-Total-Rows header, for a progress bar, then the file is
// saved with a Blob, an object URL and an <a download>.
import { DEMO_HEADER, demoUser } from '../auth';
import { API_URL } from '../graphql/client';

/** Counts CSV records in a byte stream: line ends outside quoted cells (quotes may span chunks). */
export class CsvRowCounter {
  private inQuotes = false;
  lines = 0;
  push(chunk: Uint8Array) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x22) this.inQuotes = !this.inQuotes;
      else if (b === 0x0a && !this.inQuotes) this.lines++;
    }
  }
  /** Data rows seen so far (the first line is the header). */
  get rows() {
    return Math.max(0, this.lines - 1);
  }
}

/** The URL of an export on the API's origin. */
export function exportURL(path: string, params?: URLSearchParams): string {
  const base = new URL(API_URL, window.location.href);
  const u = new URL(path, base.origin);
  if (params) u.search = params.toString();
  return u.toString();
}

export class ExportError extends Error {
  constructor(readonly status: number) {
    super(`export failed: ${status}`);
  }
}

/**
 * Downloads a CSV export, calling onProgress(rows, total) as rows arrive (total is null without the
 * header). Resolves with the number of rows once the file is handed to the browser.
 */
export async function downloadCsv(
  url: string,
  filename: string,
  onProgress: (rows: number, total: number | null) => void,
  signal?: AbortSignal,
): Promise<number> {
  const headers: Record<string, string> = {};
  const user = demoUser();
  if (user) headers[DEMO_HEADER] = user;
  const res = await fetch(url, { credentials: 'include', headers, signal });
  if (!res.ok || !res.body) throw new ExportError(res.status);
  const totalHeader = res.headers.get('X-Total-Rows');
  const total = totalHeader !== null && /^\d+$/.test(totalHeader) ? Number(totalHeader) : null;
  const reader = res.body.getReader();
  const counter = new CsvRowCounter();
  const chunks: Uint8Array[] = [];
  onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    counter.push(value);
    onProgress(counter.rows, total);
  }
  const blob = new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' });
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
  return counter.rows;
}
