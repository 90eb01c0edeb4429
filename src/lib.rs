//! Caveat's core: finds the article in a page and marks speculative language and
//! unsourced claims. Browser-free; `wasm` only converts between the DOM and this core.
//!
//! Layers, each importing only those below it (docs/architecture.md; `tests/layers.rs`
//! checks it): the base types at the root (`span`, `finding`, `hash`); `page` (reading a
//! page) and `text` (the text the passes read); `model` (the learned cue models);
//! `passes` (the analysis); `answer` (the analysis pipeline and the extension's answer).

pub mod finding;
pub mod hash;
pub mod options;
pub mod span;
pub mod timing;

pub mod page;
pub mod text;

pub mod model;

pub mod passes;

pub mod answer;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use answer::analyze::{analyze_article, analyze_text, Analysis};
pub use options::{Options, Sensitivity};
pub use finding::{Finding, Kind};
pub use page::article::{Article, Block, Role};
pub use span::Span;
