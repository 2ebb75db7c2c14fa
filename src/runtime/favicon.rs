//! The page's icon as a coloured dot of the worst state, so a pinned tab
//! tells at a glance.

/// Sets the icon to a dot of `colour` (a CSS colour), or back to none.
pub(crate) fn set_favicon(colour: Option<&str>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let link = match document.query_selector("link[data-oms-favicon]") {
        Ok(Some(link)) => link,
        _ => {
            let Ok(link) = document.create_element("link") else {
                return;
            };
            let _ = link.set_attribute("rel", "icon");
            let _ = link.set_attribute("data-oms-favicon", "");
            if let Some(head) = document.head() {
                let _ = head.append_child(&link);
            }
            link
        }
    };
    let href = match colour {
        // `#` would end the data URL: colours are written as rgb().
        Some(colour) => format!(
            "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'><circle cx='8' cy='8' r='7' fill='{colour}'/></svg>"
        ),
        None => "data:,".to_owned(),
    };
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("data-oms-favicon", colour.unwrap_or(""));
}
