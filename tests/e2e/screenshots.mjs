// The README's screenshots (scripts/screenshots.sh): the demo page with its
// step lists and the verification's tables open (screenshot.png, all of it)
// and the wallboard of the demo's 315 projects (wallboard.png, its top), in
// English, light, 1400 px wide, written into the folder given.
//   node screenshots.mjs DIR
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PROJECTS, demoSim, launchBrowser, open, widgetsAnswered, openSteps, wallLive, shoot, settle } from './look.mjs';

const dir = path.resolve(process.argv[2] || 'artifacts');
mkdirSync(dir, { recursive: true });
const sim = await demoSim({ longName: false });
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
  const errors = [...demo.errors, ...wall.errors];
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  console.log(`wrote ${path.join(dir, 'screenshot.png')} and ${path.join(dir, 'wallboard.png')}`);
} finally {
  await browser.close();
  await sim.stop();
}
