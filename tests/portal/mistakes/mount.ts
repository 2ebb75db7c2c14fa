// Deliberate mistakes: tsc must report an error on every line marked
// `mistake:` and on no other line (tests/e2e/portal.test.mjs checks both).
import { mount } from 'oms-progress';

const element = document.createElement('div');
mount(element, { projectId: 'np_1', projetId: 'np_1' }); // mistake: unknown option
mount(element, { interval: 5 }); // mistake: projectId missing
mount(element, { projectId: 'np_1', api: 'v5' }); // mistake: no such API
mount(element, { projectId: 'np_1', interval: 'five' }); // mistake: not a number of seconds
mount(element, { projectId: 'np_1', credentials: 'always' }); // mistake: no such credentials mode
mount(element, { projectId: 'np_1', headers: { Authorization: 'x' } }); // mistake: headers is a function
mount(element, { projectId: 'np_1' }).stop(); // mistake: the handle has no stop()
document.addEventListener('oms-status-change', (e) => console.log(e.detail.status)); // mistake: a status change has from/to
document.addEventListener('oms-error', (e) => e.detail.kind === 'timed-out'); // mistake: no such error kind
document.querySelector('oms-sync-progress')?.refresh(true); // mistake: refresh() takes nothing
mount(element, { projectId: 'np_1', interval: '5', compact: 'true', lang: 'zh-TW' });
