//! Reads a widget's options from the browser: a JS options object, or an
//! element's attributes plus its `credentials` and `headers` properties.
//! Checking them is the option table's job ([`crate::config`]).

use crate::api::HeaderSource;
use crate::config::{
    option_names, read_options_strictly, Problem, ProblemKind, RawValue, Source, WidgetOptions,
};
use js_sys::{Function, Object, Reflect};
use send_wrapper::SendWrapper;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;
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
    // Functions cannot be read by serde: `headers` is taken out to be used,
    // any other one to be refused by name.
    let plain = Object::assign(&Object::new(), options.unchecked_ref());
    let mut functions = Vec::new();
    for key in Object::keys(&plain).iter() {
        if get(&plain, &key).is_function() {
            let _ = Reflect::delete_property(&plain, &key);
            functions.push(key.as_string().unwrap_or_default());
        }
    }
    let mut problems = Vec::new();
    let headers = if functions.iter().any(|k| k == "headers") {
        header_source(&get(options, &"headers".into()))
    } else {
        None
    };
    let entries = match serde_wasm_bindgen::from_value::<Entries>(plain.into()) {
        Ok(Entries(entries)) => entries,
        Err(_) => {
            problems.push(Problem::new(
                "options",
                ProblemKind::WrongType {
                    expected: "plain values (strings, numbers, booleans)",
                    got: "a value that cannot be read, such as a symbol",
                },
            ));
            Vec::new()
        }
    };
    let functions = functions
        .iter()
        .filter(|k| *k != "headers")
        .map(|k| (k.as_str(), RawValue::Other("a function")));
    let entries = entries
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .chain(functions);
    let options = read_options_strictly(Source::Mount, entries, &super::host_language());
    finish(options, problems, headers)
}

/// From the element's attributes and properties.
pub fn from_element(host: &HtmlElement) -> Result<WidgetOptions, Vec<Problem>> {
    let attributes: Vec<(&str, RawValue)> = option_names(Source::Element)
        .into_iter()
        .filter_map(|name| Some((name, RawValue::Text(host.get_attribute(name)?))))
        .collect();
    // `credentials` and `headers` are properties, never attributes; a
    // `headers` function is used as it is, anything else is checked.
    let headers = get(host, &"headers".into());
    let properties = [
        ("credentials", property(host, "credentials")),
        (
            "headers",
            property(host, "headers").filter(|_| !headers.is_function()),
        ),
    ];
    let options = read_options_strictly(
        Source::Element,
        attributes
            .into_iter()
            .chain(properties.into_iter().filter_map(|(n, v)| Some((n, v?)))),
        &super::host_language(),
    );
    finish(options, Vec::new(), header_source(&headers))
}

/// The options with their headers, or every problem found on the way.
fn finish(
    options: Result<WidgetOptions, Vec<Problem>>,
    mut problems: Vec<Problem>,
    headers: Option<HeaderSource>,
) -> Result<WidgetOptions, Vec<Problem>> {
    match options {
        Ok(mut options) if problems.is_empty() => {
            options.headers = headers;
            Ok(options)
        }
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

/// A property as a raw value; `None` when unset.
fn property(host: &HtmlElement, name: &str) -> Option<RawValue> {
    let value = get(host, &name.into());
    if value.is_function() {
        return Some(RawValue::Other("a function"));
    }
    let type_name = js_type(&value);
    serde_wasm_bindgen::from_value::<Value>(value).map_or(Some(RawValue::Other(type_name)), |v| v.0)
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
                        "the headers function gave {name:?} a value that is not a string"
                    ))
                }
            }
        }
        Ok(headers)
    }))
}

/// An options object as (name, value) pairs in the host's order; `null` and
/// `undefined` values count as not given.
struct Entries(Vec<(String, RawValue)>);

/// One plain JS value; `None` for `null` and `undefined`.
struct Value(Option<RawValue>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an options object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some((name, Value(value))) = map.next_entry::<String, Value>()? {
                    entries.extend(value.map(|v| (name, v)));
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ValueVisitor;
        impl<'de> Visitor<'de> for ValueVisitor {
            type Value = Value;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a plain value")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
                Ok(Value(None))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
                Ok(Value(Some(RawValue::Bool(v))))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
                Ok(Value(Some(RawValue::Number(v as f64))))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
                Ok(Value(Some(RawValue::Number(v as f64))))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
                Ok(Value(Some(RawValue::Number(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
                Ok(Value(Some(RawValue::Text(v.to_owned()))))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
                Ok(Value(Some(RawValue::Text(v))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Value(Some(RawValue::Other("a list"))))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Value(Some(RawValue::Other("an object"))))
            }
        }
        deserializer.deserialize_any(ValueVisitor)
    }
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
        _ => "an object",
    }
}
