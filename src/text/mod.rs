//! The text every analysis pass reads: tokens, sentences and quotations (`segment`) and
//! the cue word lists matched over them (`lexicon`). Imports only the base types.

pub mod lexicon;
pub mod segment;
