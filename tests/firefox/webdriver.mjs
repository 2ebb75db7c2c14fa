// A small W3C WebDriver client over fetch: geckodriver started on a free
// loopback port, one headless Firefox session, the few commands the smoke
// uses. No client library: the smoke needs four commands, and the standard
// clients would add an install step for them.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { eventually } from '../e2e/harness.mjs';

export const firefoxPath = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const geckodriverPath = process.env.GECKODRIVER || 'geckodriver';

/** A port free on 127.0.0.1 right now (geckodriver takes a number, not 0). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts geckodriver and resolves once it listens. Its output (Firefox's
 *  console included, see `prefs` below) is kept in `log()`. */
async function startGeckodriver() {
  const port = await freePort();
  const websocketPort = await freePort();
  const child = spawn(geckodriverPath, ['--host', '127.0.0.1', '--port', String(port), '--websocket-port', String(websocketPort)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`geckodriver did not start: ${out}`)), 10_000);
    const read = (chunk) => {
      out += chunk;
      if (/Listening on/.test(out)) { clearTimeout(timer); resolve(); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('error', (e) => { clearTimeout(timer); reject(new Error(`geckodriver did not start (${e.message}): run scripts/setup.sh test`)); });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`geckodriver exited with ${code}: ${out}`)); });
  });
  return {
    base: `http://127.0.0.1:${port}`,
    log: () => out,
    stop() {
      if (child.exitCode !== null) return Promise.resolve();
      child.kill('SIGTERM');
      return new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** One headless Firefox session. `run(fn, ...args)` runs `fn` in the page
 *  (passed as text, so it must not close over anything). */
export async function launchFirefox() {
  const driver = await startGeckodriver();
  const call = async (method, route, body) => {
    const res = await fetch(driver.base + route, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`WebDriver ${method} ${route}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  let session;
  try {
    session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          'moz:firefoxOptions': {
            binary: firefoxPath,
            args: ['-headless'],
            env: { MOZ_HEADLESS_WIDTH: '1400', MOZ_HEADLESS_HEIGHT: '1000' },
            prefs: {
              // The pages' console on Firefox's stdout, which geckodriver
              // passes on: how a panic or an uncaught error is seen here.
              // Fewer of Firefox's own messages (a few modules print anyway).
              'devtools.console.stdout.content': true,
              'devtools.console.stdout.chrome': false,
              // Nothing but 127.0.0.1 is reachable: no update, telemetry or
              // captive-portal requests that would only time out.
              'app.update.disabledForTesting': true,
              'network.captive-portal-service.enabled': false,
              'network.connectivity-service.enabled': false,
              'browser.safebrowsing.update.enabled': false,
              'datareporting.policy.dataSubmissionEnabled': false,
              'toolkit.telemetry.server': '',
              'app.normandy.enabled': false,
              'app.shield.optoutstudies.enabled': false,
              'datareporting.healthreport.uploadEnabled': false,
            },
          },
        },
      },
    });
  } catch (e) {
    await driver.stop();
    throw new Error(`${e.message}\n${driver.log()}`);
  }
  const route = `/session/${session.sessionId}`;
  return {
    version: session.capabilities.browserVersion,
    goto: (url) => call('POST', `${route}/url`, { url }),
    run: (fn, ...args) =>
      call('POST', `${route}/execute/sync`, { script: `return (${fn}).apply(null, arguments)`, args }),
    /** What Firefox printed: the pages' console, one message a line. */
    log: driver.log,
    async close() {
      await call('DELETE', route).catch(() => {});
      await driver.stop();
    },
  };
}

/** Waits until `read()` returns a value `ok` accepts: the suite's one
 *  polling wait (tests/e2e/harness.mjs), with Firefox's longer start. */
export const until = (read, ok, { timeout = 15_000, what = 'condition' } = {}) =>
  eventually(read, ok, { timeout, what });
