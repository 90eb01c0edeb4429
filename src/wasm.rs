//! The wasm binding layer: converts between the browser and the core, nothing more.
//! Every export answers a plain JS object; failures come back as `{error: "…"}`
//! rather than exceptions, so the extension can show them and the page never breaks.

use crate::answer::extension::{answer, page_report, text_answer, ReportRequest, Request};
use crate::page::extract::extract;
use crate::page::live::LiveDocument;
use crate::page::snapshot::Snapshot;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen]
extern "C" {
    /// `performance.now()`: there in pages, workers and event pages alike.
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn performance_now() -> f64;
}

/// Sets `timing` on the answer object: each step of the call (`timing::take`) with its ms.
fn with_timing(answer: JsValue) -> JsValue {
    crate::timing::mark("convert");
    let timing = js_sys::Object::new();
    for (step, ms) in crate::timing::take() {
        let _ = js_sys::Reflect::set(&timing, &step.into(), &ms.into());
    }
    if answer.is_object() {
        let _ = js_sys::Reflect::set(&answer, &"timing".into(), &timing);
    }
    answer
}

/// The answer as a plain JS object, through JSON: one string across and the engine's
/// `JSON.parse`, which is faster than building the object a property at a time from the
/// wasm, and needs no conversion code in it.
fn to_js<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value)
        .map_err(|e| e.to_string())
        .and_then(|json| js_sys::JSON::parse(&json).map_err(|_| "JSON.parse failed".to_string()))
        .unwrap_or_else(|e| error(&format!("cannot convert the answer: {e}")))
}

fn error(message: &str) -> JsValue {
    let object = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&object, &"error".into(), &message.into());
    object.into()
}

fn parse<T: serde::de::DeserializeOwned + Default>(value: JsValue, what: &str) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    let json = js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()).ok_or_else(|| error(&format!("bad {what}: not JSON")))?;
    serde_json::from_str(&json).map_err(|e| error(&format!("bad {what}: {e}")))
}

/// The extension's path: `snapshot_json` is `JSON.stringify` of the content script's
/// snapshot; `request` is `{sensitivity, custom_hedges, custom_sources, force}`.
#[wasm_bindgen]
pub fn analyze_snapshot(snapshot_json: &str, request: JsValue) -> JsValue {
    let request: Request = match parse(request, "options") {
        Ok(r) => r,
        Err(e) => return e,
    };
    crate::timing::start(performance_now);
    match Snapshot::from_json(snapshot_json).and_then(Snapshot::into_document) {
        Ok(snap) => {
            crate::timing::mark("parse");
            let answer = answer(&snap.document, |id| snap.page_node(id), &request);
            crate::timing::mark("answer");
            with_timing(to_js(&answer))
        }
        Err(e) => {
            crate::timing::take();
            error(&e)
        }
    }
}

/// The Markdown report the reader copies, for the snapshot `analyze_snapshot` answered:
/// `request` is its request plus `dismissed` (finding ids). Answers `{markdown}`.
#[wasm_bindgen]
pub fn report_snapshot(snapshot_json: &str, request: JsValue) -> JsValue {
    let request: ReportRequest = match parse(request, "options") {
        Ok(r) => r,
        Err(e) => return e,
    };
    match Snapshot::from_json(snapshot_json).and_then(|s| {
        let url = s.url.clone();
        s.into_document().map(|snap| (url, snap))
    }) {
        Ok((url, snap)) => {
            #[derive(Serialize)]
            struct Report {
                markdown: String,
            }
            to_js(&Report { markdown: page_report(&snap.document, &url, &request) })
        }
        Err(e) => error(&e),
    }
}

/// The article the extension would analyse for this snapshot (to compare with the CLI).
#[wasm_bindgen]
pub fn extract_snapshot(snapshot_json: &str) -> JsValue {
    match Snapshot::from_json(snapshot_json).and_then(Snapshot::into_document) {
        Ok(snap) => to_js(&extract(&snap.document)),
        Err(e) => error(&e),
    }
}

/// Plain text (the demo's text box); offsets in the answer are UTF-16 into `text`.
#[wasm_bindgen]
pub fn analyze_text(text: &str, options: JsValue) -> JsValue {
    match parse(options, "options") {
        Ok(options) => to_js(&text_answer(text, &options)),
        Err(e) => e,
    }
}

/// The demo's path, where the wasm runs in the page itself: walks the live DOM under
/// `root` once and answers `{answer, textNodes}`, `textNodes` being the Text nodes
/// the answer's ranges point into.
#[wasm_bindgen]
pub fn analyze_live(root: web_sys::Node, request: JsValue) -> JsValue {
    let request: Request = match parse(request, "options") {
        Ok(r) => r,
        Err(e) => return e,
    };
    crate::timing::start(performance_now);
    let live = LiveDocument::walk(&root);
    crate::timing::mark("parse");
    let answer = answer(&live.document, |id| live.text_ids.get(id).copied().flatten(), &request);
    crate::timing::mark("answer");
    let result = with_timing(to_js(&answer));
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"answer".into(), &result);
    let _ = js_sys::Reflect::set(&object, &"textNodes".into(), &live.text_nodes);
    object.into()
}

/// The article `analyze_live` would analyse under `root` (to compare with the CLI, and to time extraction on the live DOM).
#[wasm_bindgen]
pub fn extract_live(root: web_sys::Node) -> JsValue {
    to_js(&extract(&LiveDocument::walk(&root).document))
}
