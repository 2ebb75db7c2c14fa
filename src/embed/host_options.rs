//! Reads a widget's options from the browser: a JS options object, or an
//! element's attributes plus its `credentials` and `headers` properties.
//! Checking them is the option table's job ([`oms_progress_core::options`]).

use js_sys::{Function, Object, Reflect};
use oms_progress_core::options::{
    near_misses, option_names, read_options_strictly, Problem, ProblemKind, RawValue, Source,
    WidgetOptions,
};
use oms_progress_core::wire::HeaderSource;
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlElement;

/// From `mount()`'s or `update()`'s options object.
pub fn from_js(options: &JsValue) -> Result<WidgetOptions, Vec<Problem>> {
    if !options.is_object() {
        return Err(vec![Problem::new(
            "options",
            ProblemKind::WrongType {
                expected: "an object such as { projectId: \"np_…\" }",
                got: js_type(options),
            },
        )]);
    }
    let mut headers = None;
    let mut entries = Vec::new();
    for entry in Object::entries(options.unchecked_ref()).iter() {
        let pair = js_sys::Array::from(&entry);
        let (name, value) = (pair.get(0).as_string().unwrap_or_default(), pair.get(1));
        // A `headers` function is used as it is; any other value is checked.
        if name == "headers" && value.is_function() {
            headers = header_source(&value);
        } else if let Some(raw) = raw_value(&value) {
            entries.push((name, raw));
        }
    }
    let entries = entries.iter().map(|(k, v)| (k.as_str(), v.clone()));
    read_options_strictly(Source::Mount, entries, &super::host_language()).map(|mut options| {
        options.headers = headers;
        options
    })
}

/// From the element's attributes and properties.
pub fn from_element(host: &HtmlElement) -> Result<WidgetOptions, Vec<Problem>> {
    let (entries, headers) = element_entries(host);
    let options = read_options_strictly(Source::Element, entries, &super::host_language());
    let options = with_typos(options, typos(host, &[]));
    options.map(|mut options| {
        options.headers = header_source(&headers);
        options
    })
}

/// The attributes of `host` that nearly spell one of its options (or of
/// `more`, the wallboard's filters).
fn typos(host: &HtmlElement, more: &[&'static str]) -> Vec<Problem> {
    let names: Vec<String> = host
        .get_attribute_names()
        .iter()
        .filter_map(|name| name.as_string())
        .collect();
    let mut known = option_names(Source::Element);
    known.extend_from_slice(more);
    near_misses(&names, &known)
}

/// `read` with `typos` added to its problems: a typo stops the element as a
/// wrong value does, so that it is fixed rather than silently ignored.
fn with_typos<T>(read: Result<T, Vec<Problem>>, typos: Vec<Problem>) -> Result<T, Vec<Problem>> {
    match read {
        Ok(_) if !typos.is_empty() => Err(typos),
        Ok(value) => Ok(value),
        Err(mut problems) => {
            problems.extend(typos);
            Err(problems)
        }
    }
}

/// From an `<oms-wallboard>`'s attributes (the table's and the filters)
/// and properties.
#[cfg(feature = "embed-wallboard")]
pub fn wall_from_element(
    host: &HtmlElement,
) -> Result<oms_progress_core::options::WallConfig, Vec<Problem>> {
    use oms_progress_core::options::{wall_element_config, WALL_FILTERS};
    let (entries, headers) = element_entries(host);
    let filters: Vec<(String, String)> = WALL_FILTERS
        .iter()
        .filter_map(|name| Some((name.to_string(), host.get_attribute(name)?)))
        .collect();
    let wall = wall_element_config(entries, &filters, &super::host_language());
    let wall = with_typos(wall, typos(host, &WALL_FILTERS));
    wall.map(|mut wall| {
        wall.options.headers = header_source(&headers);
        wall
    })
}

/// The element's option attributes, its `credentials` and `headers`
/// properties (`headers` checked only when it is not a function), and the
/// `headers` property as it is.
fn element_entries(host: &HtmlElement) -> (Vec<(&'static str, RawValue)>, JsValue) {
    let mut entries: Vec<(&str, RawValue)> = option_names(Source::Element)
        .into_iter()
        .filter_map(|name| Some((name, RawValue::Text(host.get_attribute(name)?))))
        .collect();
    // `credentials` and `headers` are properties, never attributes; a
    // `headers` function is used as it is, anything else is checked.
    let headers = get(host, &"headers".into());
    let properties = [
        ("credentials", raw_value(&get(host, &"credentials".into()))),
        (
            "headers",
            raw_value(&headers).filter(|_| !headers.is_function()),
        ),
    ];
    entries.extend(properties.into_iter().filter_map(|(n, v)| Some((n, v?))));
    (entries, headers)
}

/// A plain JS value as the option table reads it; `None` for `null` and
/// `undefined` (not given).
fn raw_value(value: &JsValue) -> Option<RawValue> {
    if value.is_null() || value.is_undefined() {
        None
    } else if let Some(text) = value.as_string() {
        Some(RawValue::Text(text))
    } else if let Some(number) = value.as_f64() {
        Some(RawValue::Number(number))
    } else if let Some(flag) = value.as_bool() {
        Some(RawValue::Bool(flag))
    } else {
        Some(RawValue::Other(js_type(value)))
    }
}

/// A `headers` function returning an object of header names to string
/// values, called before every request (so a token can be renewed); `None`
/// for anything that is not a function.
fn header_source(getter: &JsValue) -> Option<HeaderSource> {
    let getter = SendWrapper::new(getter.dyn_ref::<Function>()?.clone());
    Some(HeaderSource::new(move || {
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
                        "the headers function gave {} a value that is not a string",
                        oms_progress_core::i18n::quoted(&name)
                    ))
                }
            }
        }
        Ok(headers)
    }))
}

fn get(target: &JsValue, key: &JsValue) -> JsValue {
    Reflect::get(target, key).unwrap_or(JsValue::UNDEFINED)
}

fn js_type(value: &JsValue) -> &'static str {
    match value.js_typeof().as_string().as_deref() {
        Some("string") => "a string",
        Some("number") => "a number",
        Some("boolean") => "a boolean",
        Some("function") => "a function",
        Some("undefined") => "undefined",
        _ if value.is_null() => "null",
        _ if js_sys::Array::is_array(value) => "a list",
        _ => "an object",
    }
}
