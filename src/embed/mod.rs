//! The browser glue of the embed build (feature `embed`): `mount()` and the
//! handle it returns, the `<oms-sync-progress>` element's Rust half, shadow
//! styles and DOM events. Every decision is in [`oms_progress_core::options`] and
//! [`crate::hooks`]; this only reads from and writes to the browser.

mod events;
mod host_options;
mod styles;
#[cfg(feature = "embed-wallboard")]
mod wallboard;

use crate::components::{ConfigError, OmsSyncProgress};
use crate::hooks::CardConfig;
use leptos::either::Either;
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::i18n::Lang;
use oms_progress_core::model::AttentionChange;
use oms_progress_core::options::{option_names, Problem, Source, WidgetOptions};
use send_wrapper::SendWrapper;
use std::any::Any;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// What a widget shows: a working configuration, or what is wrong with it.
type Config = Result<WidgetOptions, Vec<Problem>>;

/// A mounted widget is known to JS by its id: the handle `mount()` returns
/// is a small class of the JS half (`embed/element.js`) that passes it to
/// the functions below, because a `#[wasm_bindgen]` struct with methods
/// costs more wasm (a borrow-checked cell and a shim per method). Only
/// `unmount()` ends a widget: a handle JS drops leaves it running, as any
/// other part of the page.
type WidgetId = u32;

thread_local! {
    /// Every widget mounted and not yet unmounted, by handle id.
    /// (A list, not a map: a page has tens of widgets, and a map's code is bigger.)
    static MOUNTED: RefCell<Vec<(u32, Mounted)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

/// Runs `f` on the widget `id`, if it is still mounted.
fn with_mounted<T>(id: u32, f: impl FnOnce(&Mounted) -> T) -> Option<T> {
    MOUNTED.with(|all| {
        all.borrow()
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, m)| f(m))
    })
}

struct Mounted {
    host: HtmlElement,
    config: Options,
    refresh: Trigger,
    /// Dropping it removes the widget's DOM and stops its polling.
    view: RefCell<Box<dyn Any>>,
    /// Draws the view anew from `config` (under `owner`).
    draw: Draw,
    /// Owns the signals and callback above; cleaned up after the view.
    owner: Owner,
}

/// Mounts a view, as its options now are, into the widget's container.
///
/// New options are drawn anew rather than patched into the view shown:
/// a view that reads its options reactively compiles the rebuild code of
/// the whole card, which only an options change would run.
type Draw = Rc<dyn Fn() -> Box<dyn Any>>;

/// What a mounted element shows, as its host last set it. Plain cells, not
/// signals: nothing tracks them, since new options draw the view anew.
#[derive(Clone)]
enum Options {
    Widget(Rc<RefCell<Config>>),
    #[cfg(feature = "embed-wallboard")]
    Wall(Rc<RefCell<wallboard::Config>>),
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.owner.cleanup();
    }
}

/// Mounts a widget into `element` (inside an open shadow root) and returns
/// its id (`mount()` in JS wraps it in a handle). Throws, touching
/// nothing, when an option is wrong.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(element: JsValue, options: JsValue) -> Result<WidgetId, JsError> {
    // Checked here: a wrong value would otherwise throw inside the glue.
    let element = element
        .dyn_into::<HtmlElement>()
        .map_err(|_| JsError::new("oms-progress: mount() needs an HTML element, e.g. a <div>"))?;
    let widget_options = host_options::from_js(&options).map_err(js_problems)?;
    attach(element, Ok(widget_options))
}

/// The element's Rust half: mounts into the element from its attributes and
/// its `credentials` / `headers` properties. Called by the element class.
#[wasm_bindgen(js_name = attachElement)]
pub fn attach_element(host: HtmlElement) -> Result<WidgetId, JsError> {
    let config = host_options::from_element(&host);
    attach(host, config)
}

/// The attributes the element watches: the option table's, separated by
/// spaces (one string: a `Vec<String>` costs 1.2 KB of wasm glue).
#[wasm_bindgen(js_name = elementAttributes)]
pub fn element_attributes() -> String {
    option_names(Source::Element).join(" ")
}

/// Replaces the widget's options; a new project or endpoint restarts
/// polling. Throws, keeping the widget as it was, when an option is wrong.
#[wasm_bindgen(js_name = updateWidget)]
pub fn update_widget(id: WidgetId, options: JsValue) -> Result<(), JsError> {
    let widget_options = host_options::from_js(&options).map_err(js_problems)?;
    if let Some(Options::Widget(config)) = with_mounted(id, |m| m.config.clone()) {
        if set_if_changed(&config, Ok(widget_options)) {
            redraw(id);
        }
    }
    Ok(())
}

/// Polls at once (also resumes polling stopped by an auth error).
#[wasm_bindgen(js_name = refreshWidget)]
pub fn refresh_widget(id: WidgetId) {
    if let Some(trigger) = with_mounted(id, |m| m.refresh) {
        trigger.notify();
    }
}

/// Stops polling, aborts the request in flight, frees timers and
/// listeners and removes the widget. Calling it again does nothing.
#[wasm_bindgen(js_name = unmountWidget)]
pub fn unmount_widget(id: WidgetId) {
    // Out of the registry first: dropping runs cleanups outside the borrow.
    let removed = MOUNTED.with(|all| {
        let mut all = all.borrow_mut();
        let at = all.iter().position(|(i, _)| *i == id)?;
        Some(all.swap_remove(at).1)
    });
    if let Some(m) = removed {
        let shadow = m.host.shadow_root();
        drop(m);
        if let Some(shadow) = shadow {
            shadow.set_inner_html("");
        }
    }
}

/// For the element: reads its attributes and properties again.
#[wasm_bindgen(js_name = syncElement)]
pub fn sync_element(id: WidgetId) {
    let changed = match with_mounted(id, |m| (m.config.clone(), m.host.clone())) {
        Some((Options::Widget(config), host)) => {
            set_if_changed(&config, host_options::from_element(&host))
        }
        #[cfg(feature = "embed-wallboard")]
        Some((Options::Wall(config), host)) => {
            set_if_changed(&config, host_options::wall_from_element(&host))
        }
        None => false,
    };
    if changed {
        redraw(id);
    }
}

/// Replaces the widget's view with one drawn from its options as they are
/// now: the old view's polls stop, the new view's start.
fn redraw(id: WidgetId) {
    let Some((draw, owner)) = with_mounted(id, |m| (Rc::clone(&m.draw), m.owner.clone())) else {
        return;
    };
    // Out of the registry first: dropping runs cleanups outside the borrow.
    let old = with_mounted(id, |m| m.view.replace(Box::new(())));
    drop(old);
    let view = owner.with(|| draw());
    with_mounted(id, |m| m.view.replace(view));
}

fn attach(host: HtmlElement, config: Config) -> Result<WidgetId, JsError> {
    let target = SendWrapper::new(host.clone());
    register(host, move |container, refresh| {
        let config = Rc::new(RefCell::new(config));
        let options = Options::Widget(Rc::clone(&config));
        let draw = move || -> Box<dyn Any> {
            let (target, current) = (target.clone(), config.borrow().clone());
            let view = leptos::mount::mount_to(container.clone(), move || {
                match current {
                    Ok(options) => {
                        // Events name the project polled, whether the widget came
                        // from attributes or from mount()'s options.
                        let project = ProjectRef {
                            id: options.project_id.clone(),
                            source: options.source.clone(),
                        };
                        let host = target.clone();
                        let on_event = Callback::new(move |event: PollEvent| {
                            events::dispatch(&target, &project, event)
                        });
                        let on_attention = Callback::new(move |change: AttentionChange| {
                            events::dispatch_attention(&host, &change)
                        });
                        Either::Left(
                            view! { <OmsSyncProgress options on_event on_attention refresh /> },
                        )
                    }
                    Err(problems) => Either::Right(config_error(&target, problems)),
                }
            });
            Box::new(view)
        };
        (options, Rc::new(draw))
    })
}

/// Shows what `build`'s drawing mounts into a new container in `host`'s
/// shadow root, under an owner of its own, and registers it under a new id.
fn register(
    host: HtmlElement,
    build: impl FnOnce(HtmlElement, Trigger) -> (Options, Draw),
) -> Result<WidgetId, JsError> {
    let container: HtmlElement = host
        .owner_document()
        .and_then(|d| d.create_element("div").ok())
        .and_then(|e| e.dyn_into().ok())
        .ok_or_else(|| JsError::new("oms-progress: the element has no document"))?;
    let shadow = shadow_root(&host)?;
    if shadow.child_element_count() > 0 {
        return Err(JsError::new(
            "oms-progress: this element already shows a widget; update() or unmount() it first",
        ));
    }
    styles::adopt(&shadow);
    let _ = shadow.append_child(&container);

    // Everything reactive lives under one owner, so unmount frees it all.
    let owner = Owner::new();
    let (config, refresh, draw, view) = owner.with(|| {
        let refresh = Trigger::new();
        let (config, draw) = build(container, refresh);
        let view = draw();
        (config, refresh, draw, view)
    });
    let id = NEXT_ID.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1).max(1));
        id
    });
    let mounted = Mounted {
        host,
        config,
        refresh,
        view: RefCell::new(view),
        draw,
        owner,
    };
    MOUNTED.with(|all| all.borrow_mut().push((id, mounted)));
    Ok(id)
}

/// What is wrong with an element's options, in the host's language.
fn config_error(host: &SendWrapper<HtmlElement>, problems: Vec<Problem>) -> impl IntoView {
    let project_id = host.get_attribute("project-id").unwrap_or_default();
    // Called under the mount's own owner: the context reaches its view only.
    let lang = Lang::from_tag(&host_language());
    provide_context(CardConfig { lang, zone: None });
    view! { <ConfigError project_id problems /> }
}

/// Options that are the same again (an attribute set to its value) keep the
/// widget polling as it was; true when they changed.
fn set_if_changed<T: PartialEq>(options: &RefCell<T>, next: T) -> bool {
    let changed = *options.borrow() != next;
    if changed {
        *options.borrow_mut() = next;
    }
    changed
}

fn shadow_root(host: &HtmlElement) -> Result<ShadowRoot, JsError> {
    match host.shadow_root() {
        Some(root) => Ok(root),
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| {
                JsError::new(&format!(
                    "oms-progress: a <{}> cannot hold a shadow root; mount into a <div>",
                    host.tag_name().to_ascii_lowercase()
                ))
            }),
    }
}

fn js_problems(problems: Vec<Problem>) -> JsError {
    let said: Vec<String> = problems.iter().map(Problem::to_string).collect();
    JsError::new(&format!("oms-progress: {}", said.join("; ")))
}

fn host_language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}
