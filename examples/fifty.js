// Fills the wall with 50 widgets over the simulator's seeded projects (or the
// ids in ?projects=a,b,c), each polling every 5 s.
import '../oms-progress.js';

const seeded = [
  'np_4ur1zdx1v8cg', 'np_steady_orders', 'np_steady_users', 'p_3xj9docnames', 'np_lagging_audit',
  'np_failed_billing', 'np_suspended_crm', 'np_finished_archive', 'np_sybase_ledger', 'np_ocp_inventory',
];
const asked = new URLSearchParams(location.search).get('projects');
const ids = asked ? asked.split(',') : seeded;
const wall = document.getElementById('wall');
for (let i = 0; i < 50; i += 1) {
  const widget = document.createElement('oms-sync-progress');
  widget.setAttribute('project-id', ids[i % ids.length]);
  widget.setAttribute('compact', '');
  wall.append(widget);
}
