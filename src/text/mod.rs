//! The text every analysis pass reads: tokens, sentences and quotations (`segment`), the
//! cue word lists matched over them (`lexicon`), the analysed text the passes share
//! (`Input`), word-shape helpers (`words`) and which language it is in (`language`).
//! Imports only the base types.

pub mod input;
pub mod language;
pub mod lexicon;
pub mod phrase;
pub mod segment;
pub mod words;

pub use input::Input;
