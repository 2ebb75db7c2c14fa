//! The `<oms-wallboard>` element's Rust half (feature `embed-wallboard`):
//! the wallboard in the element's shadow root, its events on the element.

use super::{config_error, events, host_options, register, Options, WidgetId};
use crate::components::OmsWallboard;
use leptos::either::Either;
use leptos::prelude::*;
use oms_progress_core::events::{PollEvent, ProjectRef};
use oms_progress_core::model::AttentionChange;
use oms_progress_core::options::{option_names, Problem, Source, WallConfig, WALL_FILTERS};
use send_wrapper::SendWrapper;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

/// What a wallboard shows: a working configuration, or what is wrong with it.
pub type Config = Result<WallConfig, Vec<Problem>>;

/// Mounts a wallboard into the element from its attributes and its
/// `credentials` / `headers` properties. Called by the element class.
#[wasm_bindgen(js_name = attachWallboard)]
pub fn attach_wallboard(host: HtmlElement) -> Result<WidgetId, JsError> {
    let config = host_options::wall_from_element(&host);
    let target = SendWrapper::new(host.clone());
    register(host, move |container, refresh| {
        let config = Rc::new(RefCell::new(config));
        let options = Options::Wall(Rc::clone(&config));
        let draw = move || -> Box<dyn Any> {
            let (target, current) = (target.clone(), config.borrow().clone());
            let view = leptos::mount::mount_to(container.clone(), move || match current {
                Ok(WallConfig {
                    options,
                    filter,
                    group,
                    source,
                }) => {
                    let host = target.clone();
                    let on_event =
                        Callback::new(move |(project, event): (ProjectRef, PollEvent)| {
                            events::dispatch(&target, &project, event)
                        });
                    let on_attention = Callback::new(move |change: AttentionChange| {
                        events::dispatch_attention(&host, &change)
                    });
                    Either::Left(
                        view! { <OmsWallboard options filter group source on_event on_attention refresh /> },
                    )
                }
                Err(problems) => Either::Right(config_error(&target, problems)),
            });
            Box::new(view)
        };
        (options, Rc::new(draw))
    })
}

/// The attributes `<oms-wallboard>` watches: the option table's (but
/// `project-id`) and the filters, separated by spaces.
#[wasm_bindgen(js_name = wallboardAttributes)]
pub fn wallboard_attributes() -> String {
    let mut names = option_names(Source::Element);
    names.retain(|name| *name != "project-id");
    names.extend(WALL_FILTERS);
    names.join(" ")
}
