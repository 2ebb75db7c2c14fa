//! The standalone page: reads the URL, mounts, nothing else.

use oms_progress::components::StandalonePage;
use oms_progress_core::options::page_config;

fn main() {
    let window = web_sys::window().expect("a browser window");
    let search = window.location().search().unwrap_or_default();
    let pairs: Vec<(String, String)> = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .map(|params| {
            js_sys::try_iter(&params)
                .ok()
                .flatten()
                .into_iter()
                .flatten()
                .filter_map(|entry| {
                    let pair = js_sys::Array::from(&entry.ok()?);
                    Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
                })
                .collect()
        })
        .unwrap_or_default();
    let browser_lang = window.navigator().language().unwrap_or_default();
    let config = page_config(&pairs, &browser_lang);
    leptos::mount::mount_to_body(move || leptos::view! { <StandalonePage config /> });
}
