//! Components in a real headless Chromium (wasm-bindgen-test): what the
//! operator sees for each state, read through the DOM contract. One file a
//! component; `support` mounts views and waits on the reactive system or
//! the page, never on a fixed sleep. Parts that show what OMS answered ask
//! a real oms-sim (`sim`; `scripts/components.sh` starts it).
#![cfg(target_arch = "wasm32")]

mod card;
mod config_provider;
mod error_panel;
mod history_panel;
mod hooks;
mod sim;
mod step_list;
mod stub;
mod support;
mod verify_panel;
mod wallboard;
mod widget;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
