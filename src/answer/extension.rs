//! Maps findings (char offsets in `Article::text()`) back to text nodes of the
//! document, so the browser can build DOM Ranges on the page's own text, and
//! builds the answer the extension and the demo show (docs/architecture.md).
//! Offsets leave here as UTF-16 code units, which is what DOM Ranges count.

use crate::answer::analyze::{analyze_article, analyze_text, Options, Summary, TextLanguage};
use crate::answer::report::{self, ReportInput};
use crate::page::article::{Article, Metadata};
use crate::page::dom::{Document, NodeId};
use crate::page::extract::{extract, is_readerable_article};
use crate::finding::{Finding, Kind};
use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::collections::hash_map::{Entry, HashMap};

/// A piece of one text node, end exclusive. Char offsets from `locate`, UTF-16 in an `Answer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct NodeRange {
    pub node: usize,
    pub start: usize,
    pub end: usize,
}

/// Where each block of an article starts and how long it is, in chars of `article.text()`;
/// computed once per answer so that locating a finding does not rescan the text.
pub struct BlockIndex {
    offsets: Vec<usize>,
    lens: Vec<usize>,
}

impl BlockIndex {
    pub fn new(article: &Article) -> Self {
        BlockIndex { offsets: article.block_offsets(), lens: article.blocks.iter().map(|b| b.text.chars().count()).collect() }
    }
}

/// The char ranges of document text nodes that make up `span` of `article.text()`.
/// Pieces of one finding that follow each other in the same node are merged, so the
/// whitespace the extractor collapsed between them is highlighted too.
/// Blocks and runs are sorted, so both are found by binary search. Blocks that are not
/// prose (captions, credits, bylines, datelines, related links, tables) are never painted.
pub fn locate(article: &Article, index: &BlockIndex, span: Span) -> Vec<NodeRange> {
    let mut out: Vec<NodeRange> = Vec::new();
    let first = index.offsets.partition_point(|&o| o <= span.start).saturating_sub(1);
    for (i, block) in article.blocks.iter().enumerate().skip(first) {
        let (offset, block_len) = (index.offsets[i], index.lens[i]);
        if offset >= span.end {
            break;
        }
        if offset + block_len <= span.start || !block.role.is_prose() {
            continue;
        }
        let local = Span::new(span.start.saturating_sub(offset), (span.end - offset).min(block_len));
        let first_run = block.runs.partition_point(|run| run.start + run.len <= local.start);
        for run in &block.runs[first_run..] {
            let run_span = Span::new(run.start, run.start + run.len);
            if run_span.start >= local.end {
                break;
            }
            if !run_span.overlaps(&local) {
                continue;
            }
            let from = local.start.max(run_span.start) - run.start + run.node_start;
            let to = local.end.min(run_span.end) - run.start + run.node_start;
            match out.last_mut() {
                Some(last) if last.node == run.node && from >= last.start => last.end = last.end.max(to),
                _ => out.push(NodeRange { node: run.node, start: from, end: to }),
            }
        }
    }
    out
}

/// Converts char offsets in one text to UTF-16 offsets (clamped to the end): one pass to
/// build, then a binary search over the few chars outside the BMP per lookup.
pub struct Utf16Offsets {
    chars: usize,
    /// Char indices of the chars that take two UTF-16 units.
    astral: Vec<usize>,
}

impl Utf16Offsets {
    pub fn new(text: &str) -> Self {
        let mut chars = 0;
        let mut astral = Vec::new();
        for c in text.chars() {
            if c.len_utf16() == 2 {
                astral.push(chars);
            }
            chars += 1;
        }
        Utf16Offsets { chars, astral }
    }

    pub fn at(&self, chars: usize) -> usize {
        let chars = chars.min(self.chars);
        chars + self.astral.partition_point(|&i| i < chars)
    }
}

/// What a caller can ask besides the analysis options.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Request {
    #[serde(flatten)]
    pub options: Options,
    /// Analyse even when the page does not look like an article (the popup's "run now").
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum State {
    #[serde(rename = "ready")]
    Ready,
    #[serde(rename = "not-article")]
    NotArticle,
    /// The article is not in English: the rules read English, so it is left unmarked
    /// unless the reader asks (`Request::force`).
    #[serde(rename = "unsupported-language")]
    UnsupportedLanguage,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub speculation: usize,
    pub vague_attribution: usize,
    pub attribution: usize,
    pub unsourced_claim: usize,
}

impl Counts {
    fn add(&mut self, kind: Kind) {
        match kind {
            Kind::Speculation => self.speculation += 1,
            Kind::VagueAttribution => self.vague_attribution += 1,
            Kind::Attribution => self.attribution += 1,
            Kind::UnsourcedClaim => self.unsourced_claim += 1,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageFinding {
    pub id: usize,
    pub kind: Kind,
    pub cue: String,
    pub explanation: String,
    pub strength: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `node` is the caller's text-node index; offsets are UTF-16.
    pub ranges: Vec<NodeRange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Answer {
    pub state: State,
    pub article: Metadata,
    /// The language the article was found to be in (absent on a page that is no article).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<TextLanguage>,
    pub findings: Vec<PageFinding>,
    pub counts: Counts,
    pub summary: Summary,
}

/// The whole pipeline on a document: is it an article, extract it, analyse it, and
/// map every finding to the page's text nodes. `page_node` gives the caller's index
/// of a document text node (None for text the caller cannot highlight).
pub fn answer(doc: &Document, page_node: impl Fn(NodeId) -> Option<usize>, request: &Request) -> Answer {
    // Extract once: the readerable check reuses the article.
    let article = extract(doc);
    crate::timing::mark("extract");
    if !request.force && !is_readerable_article(doc, &article) {
        return Answer {
            state: State::NotArticle,
            article: Metadata::default(),
            language: None,
            findings: Vec::new(),
            counts: Counts::default(),
            summary: Summary::default(),
        };
    }
    // Forcing a run also forces the language: the reader asked for this page.
    let options = Options { any_language: request.options.any_language || request.force, ..request.options.clone() };
    let analysis = analyze_article(&article, &options);
    crate::timing::mark("analyse");
    if !analysis.language.analysed {
        return Answer {
            state: State::UnsupportedLanguage,
            article: article.metadata,
            language: Some(analysis.language),
            findings: Vec::new(),
            counts: Counts::default(),
            summary: Summary::default(),
        };
    }
    let index = BlockIndex::new(&article);
    // One UTF-16 table per text node that findings land in, however many land there.
    let mut utf16: HashMap<NodeId, Utf16Offsets> = HashMap::new();
    let mut counts = Counts::default();
    let findings = analysis
        .findings
        .into_iter()
        .enumerate()
        .map(|(id, finding)| {
            counts.add(finding.kind);
            let ranges = locate(&article, &index, finding.span)
                .into_iter()
                .filter_map(|r| {
                    let node = page_node(r.node)?;
                    let table = match utf16.entry(r.node) {
                        Entry::Occupied(e) => e.into_mut(),
                        Entry::Vacant(e) => e.insert(Utf16Offsets::new(doc.text(r.node)?)),
                    };
                    Some(NodeRange { node, start: table.at(r.start), end: table.at(r.end) })
                })
                .collect();
            PageFinding {
                id,
                kind: finding.kind,
                cue: finding.cue,
                explanation: finding.explanation,
                strength: finding.strength,
                source: finding.source,
                ranges,
            }
        })
        .collect();
    Answer { state: State::Ready, article: article.metadata, language: Some(analysis.language), findings, counts, summary: analysis.summary }
}

/// What the extension asks for a report: the answer's request, and the ids of the findings
/// the reader dismissed on the page.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReportRequest {
    #[serde(flatten)]
    pub request: Request,
    pub dismissed: Vec<usize>,
}

/// The Markdown report (`report::markdown`) of the page `answer` reads with the same request:
/// the same findings, with the same ids.
pub fn page_report(doc: &Document, url: &str, request: &ReportRequest) -> String {
    let article = extract(doc);
    let not_article = !request.request.force && !is_readerable_article(doc, &article);
    let options = Options { any_language: request.request.options.any_language || request.request.force, ..request.request.options.clone() };
    let analysis = if not_article { Default::default() } else { analyze_article(&article, &options) };
    let metadata = if not_article { Metadata::default() } else { article.metadata.clone() };
    let text = article.text();
    report::markdown(&ReportInput {
        metadata: &metadata,
        url: Some(url),
        text: &text,
        analysis: &analysis,
        sensitivity: options.sensitivity,
        dismissed: &request.dismissed,
        not_article,
    })
}

/// A finding on plain text, with UTF-16 offsets into that text (for the demo's text box).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextFinding {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub cue: String,
    pub explanation: String,
    pub strength: f32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TextAnswer {
    /// The language the text was found to be in, and whether it was analysed.
    pub language: TextLanguage,
    pub findings: Vec<TextFinding>,
    pub counts: Counts,
    pub summary: Summary,
}

pub fn text_answer(text: &str, options: &Options) -> TextAnswer {
    let analysis = analyze_text(text, options);
    let utf16 = Utf16Offsets::new(text);
    let mut counts = Counts::default();
    let findings = analysis
        .findings
        .into_iter()
        .map(|Finding { kind, span, cue, explanation, strength, source }| {
            counts.add(kind);
            TextFinding {
                kind,
                start: utf16.at(span.start),
                end: utf16.at(span.end),
                cue,
                explanation,
                strength,
                source,
            }
        })
        .collect();
    TextAnswer { language: analysis.language, findings, counts, summary: analysis.summary }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::article::{Block, Role, TextRun};

    fn block(text: &str, runs: Vec<TextRun>) -> Block {
        Block { role: Role::Paragraph, text: text.into(), links: Vec::new(), runs }
    }

    fn run(start: usize, len: usize, node: NodeId, node_start: usize) -> TextRun {
        TextRun { start, len, node, node_start }
    }

    #[test]
    fn span_inside_one_run_maps_to_node_offsets() {
        // Block "He may go." comes from node 7, whose text starts with 2 chars the block dropped.
        let article = Article { blocks: vec![block("He may go.", vec![run(0, 10, 7, 2)])], ..Default::default() };
        let ranges = locate(&article, &BlockIndex::new(&article), Span::new(3, 6));
        assert_eq!(ranges, vec![NodeRange { node: 7, start: 5, end: 8 }]);
    }

    #[test]
    fn span_across_runs_of_different_nodes_is_split() {
        // "It <em>may</em> rain": three text nodes.
        let article = Article {
            blocks: vec![block("It may rain", vec![run(0, 3, 1, 0), run(3, 3, 3, 0), run(6, 5, 4, 0)])],
            ..Default::default()
        };
        let ranges = locate(&article, &BlockIndex::new(&article), Span::new(3, 11));
        assert_eq!(
            ranges,
            vec![NodeRange { node: 3, start: 0, end: 3 }, NodeRange { node: 4, start: 0, end: 5 }]
        );
    }

    #[test]
    fn collapsed_whitespace_inside_a_node_is_covered() {
        // Node text "may\n    be": the block reads "may be"; runs skip the collapsed spaces.
        let article =
            Article { blocks: vec![block("may be", vec![run(0, 4, 2, 0), run(4, 2, 2, 8)])], ..Default::default() };
        let ranges = locate(&article, &BlockIndex::new(&article), Span::new(0, 6));
        assert_eq!(ranges, vec![NodeRange { node: 2, start: 0, end: 10 }]);
    }

    #[test]
    fn offsets_count_from_the_right_block() {
        let article = Article {
            blocks: vec![block("First.", vec![run(0, 6, 1, 0)]), block("It may.", vec![run(0, 7, 5, 0)])],
            ..Default::default()
        };
        let index = BlockIndex::new(&article);
        let may = article.text().find("may").unwrap();
        let ranges = locate(&article, &index, Span::new(may, may + 3));
        assert_eq!(ranges, vec![NodeRange { node: 5, start: 3, end: 6 }]);
        // A span that covers only the separator maps to nothing.
        assert!(locate(&article, &index, Span::new(6, 8)).is_empty());
    }

    #[test]
    fn non_prose_blocks_are_never_painted() {
        let mut caption = block("Photo may show.", vec![run(0, 15, 3, 0)]);
        caption.role = Role::Caption;
        let article = Article { blocks: vec![block("It may.", vec![run(0, 7, 1, 0)]), caption], ..Default::default() };
        let index = BlockIndex::new(&article);
        // A span over both blocks paints only the paragraph's part.
        assert_eq!(locate(&article, &index, Span::new(3, 20)), vec![NodeRange { node: 1, start: 3, end: 7 }]);
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let text = "😀 é may";
        let utf16 = Utf16Offsets::new(text);
        assert_eq!(utf16.at(0), 0);
        assert_eq!(utf16.at(1), 2);
        assert_eq!(utf16.at(4), 5);
        assert_eq!(utf16.at(100), 8);
        let agrees = |text: &str| (0..=text.chars().count()).all(|i| Utf16Offsets::new(text).at(i) == text.chars().take(i).map(char::len_utf16).sum::<usize>());
        assert!(agrees("a😀b😀😀c 𝕏 é"));
        assert!(agrees(""));
    }

    fn paragraph_doc(paragraphs: &[&str]) -> (Document, Vec<NodeId>) {
        let mut doc = Document::new();
        let body = doc.append_element(Document::ROOT, "body", Vec::new());
        let texts = paragraphs
            .iter()
            .map(|text| {
                let p = doc.append_element(body, "p", Vec::new());
                doc.append_text(p, text)
            })
            .collect();
        (doc, texts)
    }

    #[test]
    fn answer_points_into_the_callers_text_nodes_in_utf16() {
        let long = "😀 Officials may consider the plan, which could reshape the region's economy for years to come.";
        let (doc, texts) = paragraph_doc(&[long, long]);
        let page_node = |id: NodeId| texts.iter().position(|&t| t == id);
        // Two short paragraphs are not an article; the reader's "run now" analyses them anyway.
        let request = Request { force: true, ..Request::default() };
        let answer = answer(&doc, page_node, &request);
        assert_eq!(answer.state, State::Ready);
        assert!(!answer.findings.is_empty(), "placeholder and real analyzer both mark 'may'");
        let total = answer.counts.speculation
            + answer.counts.vague_attribution
            + answer.counts.attribution
            + answer.counts.unsourced_claim;
        assert_eq!(total, answer.findings.len());
        let utf16: Vec<u16> = long.encode_utf16().collect();
        for finding in &answer.findings {
            assert!(!finding.ranges.is_empty(), "finding {} has no range", finding.cue);
            let marked: String = finding
                .ranges
                .iter()
                .map(|r| {
                    assert!(r.node < 2);
                    String::from_utf16(&utf16[r.start..r.end]).unwrap()
                })
                .collect();
            // An unsourced claim marks its core and quotes the whole sentence as its cue.
            let fits = if finding.kind == Kind::UnsourcedClaim { finding.cue.contains(&marked) } else { marked.contains(finding.cue.trim()) };
            assert!(fits, "{marked:?} should match {:?}", finding.cue);
        }
    }

    #[test]
    fn a_link_list_is_not_an_article_unless_forced() {
        let (doc, _) = paragraph_doc(&["Home", "News may", "Sport"]);
        let answer_default = answer(&doc, Some, &Request::default());
        assert_eq!(answer_default.state, State::NotArticle);
        assert!(answer_default.findings.is_empty());
        let forced = answer(&doc, Some, &Request { force: true, ..Default::default() });
        assert_eq!(forced.state, State::Ready);
    }

    #[test]
    fn an_article_not_in_english_is_left_unmarked_unless_forced() {
        let german = "Die Regierung könnte die Gespräche in der nächsten Woche fortsetzen, sagte der Minister am Dienstag in Berlin.";
        let (doc, texts) = paragraph_doc(&[german, german, german]);
        let page_node = |id: NodeId| texts.iter().position(|&t| t == id);
        let request = Request { force: false, ..Request::default() };
        let unforced = answer(&doc, page_node, &request);
        // Three short paragraphs may not pass as an article; forcing the page then reaches the language.
        if unforced.state != State::NotArticle {
            assert_eq!(unforced.state, State::UnsupportedLanguage);
            assert_eq!(unforced.language.as_ref().map(|l| l.code.as_str()), Some("de"));
            assert!(unforced.findings.is_empty());
        }
        let options = Options { any_language: false, ..Options::default() };
        let analysis = crate::answer::analyze::analyze_text(german, &options);
        assert!(!analysis.language.analysed && analysis.findings.is_empty());
        let forced = answer(&doc, page_node, &Request { force: true, ..Request::default() });
        assert_eq!(forced.state, State::Ready);
        assert_eq!(forced.language.map(|l| (l.code, l.analysed)), Some(("de".to_string(), true)));
    }

    #[test]
    fn request_reads_options_and_force_from_one_object() {
        let request: Request =
            serde_json::from_str(r#"{"sensitivity":"strict","custom_hedges":["perhaps"],"force":true}"#).unwrap();
        assert!(request.force);
        assert_eq!(request.options.custom_hedges, vec!["perhaps".to_string()]);
        let empty: Request = serde_json::from_str("{}").unwrap();
        assert!(!empty.force);
    }

    #[test]
    fn text_answer_offsets_are_utf16() {
        let text = "😀 They may go.";
        let answer = text_answer(text, &Options::default());
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for f in &answer.findings {
            let marked = String::from_utf16(&utf16[f.start..f.end]).unwrap();
            assert!(marked.contains(f.cue.trim()), "{marked:?} should contain {:?}", f.cue);
        }
        assert!(!answer.findings.is_empty());
    }
}
