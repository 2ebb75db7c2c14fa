//! OMS answers a test chooses, only for what oms-sim never sends (a step
//! status OMS may add later, verification tables in an order or a shape
//! the simulator does not produce): the page's `fetch` answers URLs under
//! a test's own prefix from a table; every other URL goes to the network
//! as before. The widget's requests, their parsing and drawing are the
//! real ones; only the server is a table. Every other test asks `sim`.

use oms_progress::{ApiKind, WidgetOptions};
use std::time::Duration;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = "const routes = [];
let installed = false;
function install() {
  if (installed) return;
  installed = true;
  const real = window.fetch.bind(window);
  window.fetch = (url, init) => {
    // On-demand calls pass a Request (gloo-net's builder), polls a URL.
    const u = new URL(url instanceof Request ? url.url : String(url), location.href).href;
    let hit = null;
    for (const r of routes) if (u.startsWith(r.prefix) && (!hit || r.prefix.length > hit.prefix.length)) hit = r;
    if (!hit) return real(url, init);
    return Promise.resolve(new Response(hit.body, { status: hit.status, headers: { 'Content-Type': hit.type } }));
  };
}
export function stub_answer(prefix, status, body, type) {
  install();
  prefix = new URL(prefix, location.href).href;
  const old = routes.find((r) => r.prefix === prefix);
  if (old) Object.assign(old, { status, body, type });
  else routes.push({ prefix, status, body, type });
}")]
extern "C" {
    fn stub_answer(prefix: &str, status: u16, body: &str, content_type: &str);
}

/// One test's OMS 4.x: its base URL is a path of its own on the page's origin.
pub struct Oms {
    base: String,
}

impl Oms {
    /// An OMS at `/stub-{name}` (a name per test: no two tests share answers).
    pub fn new(name: &str) -> Oms {
        Oms {
            base: format!("/stub-{name}"),
        }
    }

    fn action(&self, action: &str) -> String {
        format!("{}/api/v2?Action={action}", self.base)
    }

    /// From now on `action` is answered with `status` and this JSON.
    pub fn answer(&self, action: &str, status: u16, json: &str) {
        stub_answer(&self.action(action), status, json, "application/json");
    }

    /// A widget's (or a wallboard's) options for this OMS: OMS 4.x, polled
    /// once an hour, so that what a test reads is its first answers.
    pub fn options(&self, project_id: &str) -> WidgetOptions {
        let mut options = WidgetOptions::new(project_id);
        options.api = ApiKind::V4;
        options.base_url = self.base.clone();
        options.poll.interval = Duration::from_secs(3600);
        options.time_zone = Some("UTC".into());
        options
    }
}

/// OMS 4.x's envelope around `data` (a JSON value).
pub fn ok(data: &str) -> String {
    format!(
        r#"{{"success":true,"errorDetail":null,"code":null,"message":null,"advice":null,"requestId":"r-ok","data":{data}}}"#
    )
}

/// A RUNNING OMS 4.x project at `step`, every stage done but the incremental one.
pub fn progress(project_id: &str, status: &str, step: &str) -> String {
    ok(&format!(
        r#"{{"status":"{status}","projectId":"{project_id}","enableStructTransfer":true,"enableFullTransfer":true,"enableIncrSync":true,"currentStep":"{step}","structTransferProgress":100,"fullTransferProgress":63}}"#
    ))
}
