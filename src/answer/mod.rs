//! What the core answers: `analyze` runs the passes over a text or an article into an
//! `Analysis`; `extension` builds the extension's answer for a page (readerable check,
//! extraction, analysis, findings mapped back to the page's text nodes); `report` the
//! Markdown report the reader copies (the extension and `caveat analyze --format markdown`).

pub mod analyze;
pub mod extension;
pub mod report;
