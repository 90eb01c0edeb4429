//! What the analyzer reports: small plain types, shared by the CLI and the wasm layer.

use crate::span::Span;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Hedged or speculative wording in the writer's voice.
    Speculation,
    /// A claim pinned on an unnamed or unverifiable source ("critics say").
    VagueAttribution,
    /// Content attributed to a named source.
    Attribution,
    /// A checkable assertion of fact with no source, quotation or link.
    UnsourcedClaim,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Speculation, Kind::VagueAttribution, Kind::Attribution, Kind::UnsourcedClaim];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Speculation => "speculation",
            Kind::VagueAttribution => "vague_attribution",
            Kind::Attribution => "attribution",
            Kind::UnsourcedClaim => "unsourced_claim",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub kind: Kind,
    /// Char offsets into the analysed text (end exclusive).
    #[serde(flatten)]
    pub span: Span,
    /// The words that triggered the finding, as they stand in the text.
    pub cue: String,
    /// One or two plain sentences for the reader.
    pub explanation: String,
    /// 0..1, for ranking and the sensitivity setting.
    pub strength: f32,
    /// The named source, for `Attribution` findings.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source: Option<String>,
}
