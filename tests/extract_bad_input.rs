//! Hostile and broken pages: extraction returns an empty or partial article and never
//! panics, overflows the stack or hangs. Large inputs are generated here, not committed.

use caveat::page::article::Article;
use caveat::page::dom::Document;
use caveat::page::extract::{extract, is_readerable_article};
use caveat::page::html;

fn run(bytes: &[u8]) -> (Article, bool) {
    let doc = html::parse_bytes(bytes);
    let article = extract(&doc);
    let readerable = is_readerable_article(&doc, &article);
    (article, readerable)
}

const PARAGRAPH: &str = "The council said the repairs would take eighteen months, and that ferry services would move to the fishing quay, about four hundred metres to the north, while the work went on.";

#[test]
fn empty_and_textless_pages_give_empty_articles() {
    for page in [
        "",
        "<html></html>",
        "<html><body></body></html>",
        "   \n\t ",
        "<body><img src=x><br><hr></body>",
        "<!-- only a comment -->",
    ] {
        let (article, readerable) = run(page.as_bytes());
        assert!(
            article.blocks.is_empty(),
            "{page:?} gave {:?}",
            article.blocks
        );
        assert!(!readerable);
    }
}

#[test]
fn scripts_and_styles_alone_give_nothing() {
    let page = "<html><head><style>p{color:red}</style></head><body><script>var a = 'Lorem ipsum, dolor, sit, amet, consectetur, adipiscing elit sed do eiusmod tempor incididunt ut labore';</script><noscript>Enable JavaScript</noscript></body></html>";
    let (article, _) = run(page.as_bytes());
    assert!(article.blocks.is_empty(), "{:?}", article.blocks);
}

#[test]
fn truncated_and_malformed_markup_still_yields_the_text() {
    let page = format!("<html><body><div class=article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p><table><tr><td>cell<p>broken <b>nesting <i>here</b> and</i> there");
    // Prefixes cut anywhere, even inside a UTF-8 sequence, parse and extract without panicking.
    for cut in (0..page.len()).step_by(7) {
        run(&page.as_bytes()[..cut]);
    }
    let (article, _) = run(page.as_bytes());
    assert!(article.text().contains(PARAGRAPH));
    let unclosed = "<p>One <a href='x'>unclosed link <div>block inside</p></p></div></a><<>>&&;&#99999999;<p/>";
    let (article, _) = run(unclosed.as_bytes());
    assert!(article.text().contains("unclosed link"));
}

/// Runs `f` on a small thread stack, so any recursion over the depth would overflow.
fn on_small_stack<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> std::thread::Result<T> {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
}

fn nested_markup(tag: &str, depth: usize) -> String {
    let mut page = String::with_capacity(depth * 12 + 1000);
    for _ in 0..depth {
        page.push_str(&format!("<{tag}>"));
    }
    page.push_str(&format!("<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>"));
    for _ in 0..depth {
        page.push_str(&format!("</{tag}>"));
    }
    page
}

/// Snapshots from the browser are not depth-limited: extraction itself must cope.
#[test]
fn deep_documents_do_not_overflow_the_stack() {
    for tag in [
        "div",
        "span",
        "blockquote",
        "ul",
        "li",
        "table",
        "a",
        "article",
    ] {
        let text = on_small_stack(move || {
            let mut doc = Document::new();
            let mut at = doc.append_element(Document::ROOT, "body", Vec::new());
            for _ in 0..50_000 {
                at = doc.append_element(at, tag, Vec::new());
            }
            for _ in 0..3 {
                let p = doc.append_element(at, "p", Vec::new());
                doc.append_text(p, PARAGRAPH);
            }
            let article = extract(&doc);
            is_readerable_article(&doc, &article);
            article.text()
        })
        .unwrap_or_else(|_| panic!("nesting of <{tag}> panicked"));
        assert!(
            text.contains("eighteen months"),
            "<{tag}> nesting lost the text"
        );
    }
}

/// The HTML parser stops where nesting passes `html::MAX_DEPTH`, so pathological markup
/// costs bounded time; ordinary depths keep their text.
#[test]
fn deep_markup_is_cut_off_not_hung() {
    for tag in ["div", "span", "b", "blockquote", "ul", "table", "a"] {
        for depth in [500, 10_000, 100_000] {
            let page = nested_markup(tag, depth);
            let text = on_small_stack(move || run(page.as_bytes()).0.text())
                .unwrap_or_else(|_| panic!("nesting of <{tag}> panicked"));
            if depth < html::MAX_DEPTH {
                assert!(
                    text.contains("eighteen months"),
                    "<{tag}> x {depth} lost the text"
                );
            }
        }
    }
}

#[test]
fn twenty_megabyte_page_is_handled() {
    let mut page = String::from("<html><body><nav><a href=/>Home</a></nav><div class=content>");
    while page.len() < 20 * 1024 * 1024 {
        page.push_str("<div class=item><p>");
        page.push_str(PARAGRAPH);
        page.push_str(" <a href=/more>more</a></p></div>");
    }
    page.push_str("</div></body></html>");
    let (article, readerable) = run(page.as_bytes());
    assert!(readerable);
    assert!(
        article.blocks.len() > 10_000,
        "only {} blocks",
        article.blocks.len()
    );
}

#[test]
fn framesets_have_no_article() {
    let page = "<html><head><title>Frames</title></head><frameset cols='50%,50%'><frame src='a.html'><frame src='b.html'><noframes>Your browser does not support frames.</noframes></frameset></html>";
    let (article, readerable) = run(page.as_bytes());
    assert!(article.blocks.is_empty(), "{:?}", article.blocks);
    assert!(!readerable);
}

#[test]
fn binary_garbage_is_survived() {
    // A fixed linear congruential generator: reproducible noise with markup bytes mixed in.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut bytes = Vec::with_capacity(1 << 20);
    for _ in 0..(1 << 20) {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let b = (state >> 56) as u8;
        bytes.push(match b % 16 {
            0 => b'<',
            1 => b'>',
            2 => b'/',
            3 => b'p',
            _ => b,
        });
    }
    let (article, _) = run(&bytes);
    for block in &article.blocks {
        assert!(!block.text.is_empty());
    }
    // Invalid sequences in UTF-8 text become U+FFFD rather than an error.
    let (article, _) = run(b"<p>\xff caf\xc3\xa9 na\xc3\xafve \xc3</p>");
    assert!(article.text().contains("café naïve"));
}

/// The passes that look at an element's neighbours, its box or the headline's stories (picture
/// captions, teaser rows, furniture boxes, the headline's story, the lead) stay linear on wide
/// and deep pages: tens of thousands of siblings of each kind, a headline deep in nesting.
#[test]
fn wide_rows_of_pictures_teasers_and_boxes_are_handled() {
    let mut page = String::from("<html><head><title>Pier to be rebuilt</title></head><body><div class=stream>");
    // Under html::MAX_DEPTH, where the parser stops.
    for _ in 0..900 {
        page.push_str("<div class=story>");
    }
    page.push_str("<h1>Pier to be rebuilt</h1>");
    for _ in 0..3 {
        page.push_str("<p>");
        page.push_str(PARAGRAPH);
        page.push_str("</p>");
    }
    for _ in 0..900 {
        page.push_str("</div>");
    }
    page.push_str("<div class=content>");
    for i in 0..20_000 {
        page.push_str("<img src=/a.jpg><div>A picture of the pier</div>");
        page.push_str("<div class=teaser><p>Another story about the harbour</p></div>");
        page.push_str("<div class=box><p>Follow us on Twitter</p><p>News from the port</p></div>");
        if i % 10 == 0 {
            page.push_str("<p>");
            page.push_str(PARAGRAPH);
            page.push_str("</p>");
        }
    }
    page.push_str("</div></div></body></html>");
    let (article, _) = run(page.as_bytes());
    assert!(article.text().contains("eighteen months"), "the prose was lost");
}
