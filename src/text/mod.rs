//! The text every analysis pass reads: tokens, sentences and quotations (`segment`) and
//! the cue word lists matched over them (`lexicon`), and which language it is in (`language`). Imports only the base types.

pub mod language;
pub mod lexicon;
pub mod segment;
