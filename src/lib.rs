//! Caveat's core: finds the article in a page and marks speculative language and
//! unsourced claims. Browser-free; `wasm` only converts between the DOM and this core.

pub mod analyze;
pub mod attribution;
pub mod claim;
pub mod hash;
pub mod hedge;
pub mod lexicon;
pub mod model;
pub mod segment;
pub mod summary;
pub mod uncertainty;
pub mod article;
pub mod dom;
pub mod extract;
pub mod finding;
pub mod overlay;
pub mod snapshot;
pub mod span;

#[cfg(not(target_arch = "wasm32"))]
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use analyze::{analyze_article, analyze_text, Analysis, Options};
pub use article::{Article, Block, Role};
pub use finding::{Finding, Kind};
pub use span::Span;
