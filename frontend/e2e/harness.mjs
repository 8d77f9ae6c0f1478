// The end-to-end harness: builds and starts the real Go server on a scratch MariaDB/MySQL database
// with the demo data, drives Debian's Chromium through playwright-core, keeps a screenshot of every
// failing test, and cleans up (server stopped, database dropped) whatever happens.
import { spawn, execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';
import { chromium } from 'playwright-core';

const run = promisify(execFile);
export const frontendDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoDir = resolve(frontendDir, '..');
const resultsDir = join(frontendDir, 'test-results');

const env = process.env;
const CHROMIUM = env.PARTNERHUB_E2E_CHROMIUM ?? '/usr/bin/chromium';
const MYSQL = env.PARTNERHUB_E2E_MYSQL ?? 'mysql://root@127.0.0.1:3306';
const TEST_TIMEOUT = Number(env.PARTNERHUB_E2E_TEST_TIMEOUT_MS ?? 120_000);
const TOTAL_TIMEOUT = Number(env.PARTNERHUB_E2E_TOTAL_TIMEOUT_MS ?? 20 * 60_000);
export const DEMO_USER = 'admin@contoso-demo.example';
export const DEMO_PASSWORD = env.PARTNERHUB_E2E_PASSWORD ?? 'partnerhub-demo';

const log = (...a) => console.log('[e2e]', ...a);

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.unref();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, rej) => {
      timer = setTimeout(() => rej(new Error(`${what}: timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function mysqlExec(sql) {
  const u = new URL(MYSQL);
  const args = ['-h', u.hostname, '-P', u.port || '3306', '-u', decodeURIComponent(u.username || 'root'), '-e', sql];
  const envs = { ...process.env };
  if (u.password) envs.MYSQL_PWD = decodeURIComponent(u.password);
  await run('mysql', args, { env: envs, timeout: 60_000 });
}

class Server {
  constructor() {
    this.proc = null;
    this.db = `partnerhub_e2e_${randomBytes(5).toString('hex')}`;
    this.tmp = mkdtempSync(join(tmpdir(), 'partnerhub-e2e-'));
    this.logFile = join(resultsDir, 'server.log');
    this.logs = [];
  }

  async start() {
    let bin = env.PARTNERHUB_E2E_SERVER_BIN;
    if (!bin) {
      bin = join(this.tmp, 'partnerhub');
      log('building the server (go build) …');
      try {
        await run('go', ['build', '-o', bin, '.'], { cwd: repoDir, timeout: 600_000, maxBuffer: 1 << 24 });
      } catch (e) {
        throw new Error(`go build failed:\n${e.stderr ?? e.message}`);
      }
    }
    this.port = await freePort();
    this.baseURL = `http://127.0.0.1:${this.port}`;
    const dbURL = `${MYSQL.replace(/\/$/, '')}/${this.db}`;
    log(`starting the server on ${this.baseURL}, database ${this.db}`);
    this.proc = spawn(bin, ['-demo', '-addr', `127.0.0.1:${this.port}`, '-database', dbURL, '-static', join(frontendDir, 'dist')], {
      cwd: repoDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (d) => this.logs.push(d.toString());
    this.proc.stdout.on('data', keep);
    this.proc.stderr.on('data', keep);
    const exited = new Promise((_, rej) => this.proc.once('exit', (code) => rej(new Error(`server exited early (${code}):\n${this.logs.join('').slice(-3000)}`))));
    const ready = (async () => {
      for (;;) {
        try {
          const r = await fetch(`${this.baseURL}/readyz`);
          if (r.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    await withTimeout(Promise.race([ready, exited]), 240_000, 'server start');
    log('server ready');
  }

  async stop() {
    if (this.proc && this.proc.exitCode === null) {
      const gone = new Promise((r) => this.proc.once('exit', r));
      this.proc.kill('SIGTERM');
      await withTimeout(gone, 25_000, 'server stop').catch(() => this.proc.kill('SIGKILL'));
    }
    try {
      mkdirSync(resultsDir, { recursive: true });
      writeFileSync(this.logFile, this.logs.join(''));
    } catch {
      // best effort
    }
    await mysqlExec(`DROP DATABASE IF EXISTS \`${this.db}\``).then(
      () => log(`dropped database ${this.db}`),
      (e) => log(`could not drop database ${this.db}: ${e.message}`),
    );
    rmSync(this.tmp, { recursive: true, force: true });
  }
}

/** Calls the API directly as a demo user (for setting up races such as conflicts). */
export function apiFor(baseURL) {
  return async function api(query, variables = {}, user = DEMO_USER) {
    const r = await fetch(`${baseURL}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Partnerhub-User': user },
      body: JSON.stringify({ query, variables }),
    });
    const body = await r.json();
    if (body.errors?.length) throw new Error(`API: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
}

/**
 * Runs the tests one after another, each in a fresh browser context. tests: [{ name, fn({ page, context,
 * baseURL, api, gqlRequests }) }]. Prints "e2e: N passed, N failed" and exits non-zero on any failure.
 */
export async function runSuite(tests) {
  mkdirSync(resultsDir, { recursive: true });
  const only = env.PARTNERHUB_E2E_ONLY ? new RegExp(env.PARTNERHUB_E2E_ONLY, 'i') : null;
  const server = env.PARTNERHUB_E2E_BASE_URL ? null : new Server();
  let browser;
  let passed = 0;
  let failed = 0;
  let cleaning = false;
  const cleanup = async () => {
    if (cleaning) return;
    cleaning = true;
    await browser?.close().catch(() => undefined);
    await server?.stop().catch((e) => log('stopping the server:', e.message));
  };
  const onSignal = (sig) => {
    log(`${sig}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const hardStop = setTimeout(() => {
    log(`the whole run took over ${TOTAL_TIMEOUT} ms: stopping`);
    void cleanup().finally(() => process.exit(1));
  }, TOTAL_TIMEOUT);

  try {
    if (server) await server.start();
    const baseURL = server?.baseURL ?? env.PARTNERHUB_E2E_BASE_URL;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-GB'],
    });
    const api = apiFor(baseURL);
    for (const t of tests) {
      if (only && !only.test(t.name)) continue;
      const context = await browser.newContext({ baseURL, viewport: { width: 1400, height: 900 }, locale: 'en-GB' });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const consoleLines = [];
      page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
      const gqlRequests = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/graphql') gqlRequests.push({ at: Date.now(), method: r.method(), url: r.url(), body: r.postData() });
      });
      const started = Date.now();
      try {
        await withTimeout(t.fn({ page, context, baseURL, api, gqlRequests }), TEST_TIMEOUT, t.name);
        passed++;
        log(`ok   ${t.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        const file = join(resultsDir, `${t.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
        await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        writeFileSync(file.replace(/\.png$/, '.console.txt'), consoleLines.join('\n'));
        log(`FAIL ${t.name} (${Date.now() - started} ms): ${e.stack ?? e}`);
        log(`     screenshot: ${file}`);
      } finally {
        await context.close().catch(() => undefined);
      }
    }
  } catch (e) {
    failed++;
    log(`setup failed: ${e.stack ?? e}`);
  } finally {
    clearTimeout(hardStop);
    await cleanup();
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}
