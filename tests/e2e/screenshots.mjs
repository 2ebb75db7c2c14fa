// The README's screenshots (scripts/screenshots.sh): the demo page with its
// step lists and the verification's tables open (screenshot.png, all of it)
// the wallboard of the demo's 320 projects (wallboard.png, its top) and the
// two regions on one wallboard (sources.png, its top), in English, light,
// 1400 px wide, written into the folder given.
//   node screenshots.mjs DIR
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PROJECTS, demoSim, hzSim, regionsProxy, launchBrowser, open, widgetsAnswered, openSteps, wallLive, shoot, settle } from './look.mjs';

const dir = path.resolve(process.argv[2] || 'artifacts');
mkdirSync(dir, { recursive: true });
const sim = await demoSim({ longName: false });
const hz = await hzSim();
const regions = await regionsProxy(sim.base, hz.base);
const browser = await launchBrowser();
try {
  const demo = await open(browser, `${sim.base}/?project=${DEMO_PROJECTS.join(',')}&lang=en`);
  await widgetsAnswered(demo.page);
  await openSteps(demo.page);
  await settle(demo.page);
  await shoot(demo.page, path.join(dir, 'screenshot.png'));
  const wall = await open(browser, `${sim.base}/?wall&lang=en`, { height: 1100 });
  await wallLive(wall.page, 300);
  await settle(wall.page);
  await wall.page.screenshot({ path: path.join(dir, 'wallboard.png') });
  const both = await open(browser, `${regions.base}/?wall&oms=bj:/oms-bj,hz:/oms-hz&lang=en`, { height: 760 });
  await wallLive(both.page, 300);
  await settle(both.page);
  await both.page.screenshot({ path: path.join(dir, 'sources.png') });
  const errors = [...demo.errors, ...wall.errors, ...both.errors];
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  console.log(`wrote screenshot.png, wallboard.png and sources.png into ${dir}`);
} finally {
  await browser.close();
  await regions.close();
  await hz.stop();
  await sim.stop();
}
