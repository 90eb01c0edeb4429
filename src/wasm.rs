//! The wasm binding layer: converts between the browser's DOM and the core.
