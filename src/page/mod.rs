//! Reading a page: the document tree every backend fills (`dom`), its backends (`html`
//! natively, `snapshot` from the extension's content script), and finding the article
//! in it (`extract` → `article::Article`). Imports only the base types at the crate root.

pub mod article;
pub mod dom;
pub mod extract;
pub mod snapshot;

#[cfg(not(target_arch = "wasm32"))]
pub mod html;

#[cfg(target_arch = "wasm32")]
pub mod live;
