//! Native HTML parsing into `dom::Document` (for the CLI and tests).
