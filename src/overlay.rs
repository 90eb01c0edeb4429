//! Maps findings (char offsets in `Article::text()`) back to text nodes of the
//! document, so the browser can build DOM Ranges on the page's own text.
