// Deliberate mistakes with the wallboard's types: tsc must report an error
// on every line marked `mistake:` and on no other line.
import type { OmsWallboardAttributes, OmsWallGroup } from 'oms-progress/wallboard';

const urgent: OmsWallGroup = 'urgent'; // mistake: no such group
const one: OmsWallboardAttributes = { 'project-id': 'np_1' }; // mistake: a wallboard takes no project
document.querySelector('oms-wallboard')?.refresh(true); // mistake: refresh() takes nothing
const fine: OmsWallboardAttributes = { group: 'far-behind', status: 'FAILED', 'lag-warn': 30 };
console.log(urgent, one, fine);
