//! Reads a widget's options from the browser: a JS options object, or an
//! element's attributes plus its `credentials` and `headers` properties.
//! Checking them is [`MountOptions`]'s job.

use crate::mount_options::{unknown_option_names, MountOptions, ATTRIBUTES};
use crate::options::HeaderSource;
use crate::WidgetOptions;
use js_sys::{Function, Object, Reflect};
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// From `mount()`'s or `update()`'s options object.
pub fn from_js(options: &JsValue) -> Result<WidgetOptions, Vec<String>> {
    if !options.is_object() {
        return Err(vec![
            "options must be an object such as { projectId: \"np_…\" }".into(),
        ]);
    }
    // serde-wasm-bindgen reads only the fields it knows: check the names first.
    let names: Vec<String> = Object::keys(options.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    let unknown = unknown_option_names(names.iter().map(String::as_str));
    if !unknown.is_empty() {
        return Err(unknown);
    }
    // `headers` is a function, which serde cannot read: take it out first.
    let headers = header_source(&get(options, "headers"))?;
    let plain = Object::assign(&Object::new(), options.unchecked_ref());
    let _ = Reflect::delete_property(&plain, &JsValue::from_str("headers"));
    let parsed: MountOptions =
        serde_wasm_bindgen::from_value(plain.into()).map_err(|e| vec![e.to_string()])?;
    let mut widget = parsed.into_widget_options(&browser_language())?;
    widget.headers = headers;
    Ok(widget)
}

/// From the element's attributes and properties.
pub fn from_element(host: &HtmlElement) -> Result<WidgetOptions, Vec<String>> {
    let attributes: Vec<(String, String)> = ATTRIBUTES
        .iter()
        .filter_map(|name| Some((name.to_string(), host.get_attribute(name)?)))
        .collect();
    let (mut parsed, mut problems) = MountOptions::from_attributes(&attributes);
    // A property, never an attribute; checked with the other options.
    let credentials = get(host, "credentials");
    if !credentials.is_undefined() && !credentials.is_null() {
        match credentials.as_string() {
            Some(mode) => parsed.credentials = Some(mode),
            None => problems.push("the credentials property must be a string".into()),
        }
    }
    let headers = header_source(&get(host, "headers")).unwrap_or_else(|p| {
        problems.extend(p);
        None
    });
    match parsed.into_widget_options(&browser_language()) {
        Ok(mut widget) if problems.is_empty() => {
            widget.headers = headers;
            Ok(widget)
        }
        Ok(_) => Err(problems),
        Err(more) => Err(problems.into_iter().chain(more).collect()),
    }
}

/// A `headers` option: a function returning an object of header names to
/// string values, called before every request (so a token can be renewed).
fn header_source(value: &JsValue) -> Result<Option<HeaderSource>, Vec<String>> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let Some(getter) = value.dyn_ref::<Function>() else {
        return Err(vec![
            "headers must be a function returning an object, e.g. () => ({ Authorization: token() })".into(),
        ]);
    };
    let getter = SendWrapper::new(getter.clone());
    Ok(Some(HeaderSource::new(move || {
        // The message never repeats a value: values are secrets.
        let returned = getter
            .call0(&JsValue::NULL)
            .map_err(|_| "the headers function threw".to_owned())?;
        if !returned.is_object() {
            return Err("the headers function did not return an object".into());
        }
        let mut headers = Vec::new();
        for entry in Object::entries(returned.unchecked_ref()).iter() {
            let pair = js_sys::Array::from(&entry);
            let name = pair.get(0).as_string().unwrap_or_default();
            match pair.get(1).as_string() {
                Some(value) => headers.push((name, value)),
                None => {
                    return Err(format!(
                        "the headers function gave {name:?} a value that is not a string"
                    ))
                }
            }
        }
        Ok(headers)
    })))
}

fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn browser_language() -> String {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default()
}
