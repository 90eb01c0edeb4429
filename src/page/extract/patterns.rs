//! The class/id/role hints and tag sets the extractor scores with. Readability
//! writes these as regular expressions; they are plain substring lists here, matched
//! against the lower-cased "class id" string, which is what those expressions do.

use crate::page::article::{Block, Role};
use crate::page::dom::{Document, NodeId};

/// Names that mark page furniture: removed before scoring unless a `MAYBE` name is also present.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "navbox",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "newsletter",
    "cookie",
    "consent",
    "taboola",
    "outbrain",
    "recommend",
    "trending",
    "most-read",
    "mostread",
    "most-popular",
    "top-ten",
    "topten",
    "top10",
];
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "newsletter",
    "cookie",
    // An author's bio box, which can outweigh a short article split over many columns.
    "author-bio",
    "about-author",
    "author-box",
    "authorbox",
    "author-desc",
    "author-info",
];
const BYLINE: &[&str] = &["byline", "author", "dateline", "writtenby", "p-author"];
/// Class/id words of small widgets inside an article body (a whole word of the name).
const WIDGET: &[&str] = &[
    "cta",
    "rating",
    "ratings",
    "share",
    "sharedaddy",
    "sharing",
    "social",
    "promo",
    "newsletter",
    "signup",
    "subscribe",
    "related",
    "print",
];
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Elements whose presence inside a `<div>` keeps it from being read as a paragraph.
pub fn is_block_tag(tag: &str) -> bool {
    matches!(
        tag,
        "blockquote" | "dl" | "div" | "img" | "ol" | "p" | "pre" | "table" | "ul"
    )
}
/// Elements never read: code, media, form controls, document metadata.
pub fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "button"
            | "select"
            | "option"
            | "input"
            | "textarea"
            | "video"
            | "audio"
            | "map"
            | "frameset"
            | "frame"
            | "dialog"
    )
}
pub fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn contains_any(s: &str, words: &[&str]) -> bool {
    words.iter().any(|w| s.contains(w))
}

/// Two elements of one kind: the same tag and the same (non-empty) class.
pub fn same_kind(doc: &Document, a: NodeId, b: NodeId) -> bool {
    doc.tag(a) == doc.tag(b) && doc.attr(a, "class").is_some_and(|c| !c.trim().is_empty() && doc.attr(b, "class") == Some(c))
}

/// "class id" of an element, lower-cased, as the hint lists are matched against.
pub fn match_string(doc: &Document, id: NodeId) -> String {
    match (doc.attr(id, "class"), doc.attr(id, "id")) {
        (None, None) => String::new(),
        (class, ident) => {
            format!("{} {}", class.unwrap_or(""), ident.unwrap_or("")).to_ascii_lowercase()
        }
    }
}

pub fn is_unlikely(doc: &Document, id: NodeId, match_string: &str) -> bool {
    if let Some(role) = doc.attr(id, "role") {
        if UNLIKELY_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
            return true;
        }
    }
    (contains_any(match_string, UNLIKELY) || is_ad(match_string))
        && !tokens(match_string).any(|t| MAYBE.iter().any(|m| t == *m || t.starts_with(m)))
}

/// Advert slots: a class or id that is "ad"/"ads" or starts "ad-", "ads-", "advert".
fn is_ad(match_string: &str) -> bool {
    match_string.split_whitespace().any(|t| {
        t == "ad"
            || t == "ads"
            || t.starts_with("ad-")
            || t.starts_with("ads-")
            || t.starts_with("ad_")
            || t.starts_with("advert")
    })
}

fn weight_of(s: &str) -> f64 {
    let mut w = 0.0;
    // Responsive utility classes ("hidden-xs", "visible-md") say on which screens an element
    // shows, not that it is furniture.
    let negative = s
        .split_whitespace()
        .filter(|t| !is_responsive_visibility(t))
        .any(|t| t == "hid" || contains_any(t, NEGATIVE));
    if negative {
        w -= 25.0;
    }
    if contains_any(s, POSITIVE) {
        w += 25.0;
    }
    w
}

fn is_responsive_visibility(token: &str) -> bool {
    let Some(rest) = token.strip_prefix("hidden-").or_else(|| token.strip_prefix("visible-")) else {
        return false;
    };
    let size = rest.split('-').next().unwrap_or("");
    matches!(size, "xs" | "sm" | "md" | "lg" | "xl" | "xxl" | "mobile" | "tablet" | "desktop" | "print")
}

/// A pop-up that the page's script opens over the article (a disclosure, age check, shipping
/// terms, image lightbox): the `dialog` role or a class/id word such as `modal`, `lightbox`,
/// `popup` or `dialog`. Its text sits in the page's source whether or not it is shown.
pub fn is_modal(doc: &Document, id: NodeId, match_string: &str) -> bool {
    // A link or span named "popup" opens one; it is not one.
    if !matches!(
        doc.tag(id),
        Some("div" | "section" | "article" | "aside" | "nav" | "form" | "dialog" | "amp-lightbox" | "ul" | "ol" | "table" | "figure" | "header" | "footer")
    ) {
        return false;
    }
    if doc.tag(id) == Some("amp-lightbox") || doc.attr(id, "aria-modal") == Some("true") {
        return true;
    }
    if doc
        .attr(id, "role")
        .is_some_and(|r| matches!(r.trim().to_ascii_lowercase().as_str(), "dialog" | "alertdialog"))
    {
        return true;
    }
    tokens(match_string).any(|t| MODAL.contains(&t))
}
const MODAL: &[&str] = &["modal", "lightbox", "popup", "dialog"];

/// Readability's class weight: ±25 for the class and again for the id. schema.org
/// `articleBody` counts as a positive hint too.
pub fn class_weight(doc: &Document, id: NodeId) -> f64 {
    let mut w = 0.0;
    if let Some(class) = doc.attr(id, "class").filter(|c| !c.is_empty()) {
        w += weight_of(&class.to_ascii_lowercase());
    }
    if let Some(ident) = doc.attr(id, "id").filter(|c| !c.is_empty()) {
        w += weight_of(&ident.to_ascii_lowercase());
    }
    if doc
        .attr(id, "itemprop")
        .is_some_and(|p| p.contains("articleBody"))
    {
        w += 25.0;
    }
    w
}

pub fn is_byline_hint(doc: &Document, id: NodeId, match_string: &str) -> bool {
    doc.attr(id, "rel") == Some("author")
        || doc
            .attr(id, "itemprop")
            .is_some_and(|p| p.contains("author"))
        || contains_any(match_string, BYLINE)
}

pub fn is_widget(match_string: &str) -> bool {
    match_string
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| WIDGET.contains(&t))
}

/// Hidden by attribute or inline style, or computed as not rendered by the browser snapshot.
pub fn is_hidden(doc: &Document, id: NodeId) -> bool {
    if doc.attr(id, "hidden").is_some() || doc.attr(id, "data-caveat-hidden") == Some("1") {
        return true;
    }
    if doc.attr(id, "aria-hidden") == Some("true")
        && !doc
            .attr(id, "class")
            .is_some_and(|c| c.contains("fallback-image"))
    {
        return true;
    }
    doc.attr(id, "style").is_some_and(|style| {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

/// Whole blocks that are page chrome in any article: advert labels (Readability's
/// multilingual list and more), loading notices and share prompts.
const BOILERPLATE_LINES: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "pub",
    "publicité",
    "werbung",
    "anzeige",
    "广告",
    "реклама",
    "anuncio",
    "publicidad",
    "正在加载",
    "загрузка",
    "chargement",
    "cargando",
    "sponsored",
    "sponsored content",
    "story continues below advertisement",
    "article continues below advertisement",
    "article continues below",
    "continue reading below",
    "scroll to continue with content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "tweet",
    "copy link",
    "link copied",
    "print",
    "email",
    "read more",
    "show more",
    "load more",
    "loading",
    "enlarge",
    "vergrößern",
    "agrandir",
    "ampliar",
];

pub fn is_boilerplate_text(text: &str) -> bool {
    // A server's error printed into the page: "Warning: Creating default object … in /var/www/… on line 407".
    if ["Warning:", "Notice:", "Deprecated:", "Fatal error:", "Parse error:"].iter().any(|p| text.starts_with(p))
        && text.contains(" in /")
        && text.contains(" on line ")
    {
        return true;
    }
    let t = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    BOILERPLATE_LINES.contains(&t.as_str())
}

/// Names that say an element is page furniture whatever it holds.
pub fn is_strong_furniture(match_string: &str) -> bool {
    contains_any(match_string, &["comment", "related", "footer", "sidebar", "sponsor", "promo", "share", "newsletter", "advert", "outbrain", "taboola"])
}

/// Comment sections by name: dropped in every pass, however large.
pub fn is_comment_name(match_string: &str) -> bool {
    // Not "kommentar" alone: German sites call an opinion column that.
    contains_any(match_string, &["comment", "disqus", "replies", "kommentare", "kommentarmodul"])
}

fn tokens(match_string: &str) -> impl Iterator<Item = &str> {
    match_string
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
}

/// The role an element's names, tag or attributes give it inside an article, with the
/// most text such an element may hold (a longer one is not what its name says).
pub fn named_role(doc: &Document, id: NodeId, match_string: &str) -> Option<(Role, usize)> {
    let tag = doc.tag(id)?;
    // Most elements have no names that say anything: settle those by tag alone.
    if match_string.trim().is_empty() && doc.attr(id, "itemprop").is_none() && doc.attr(id, "rel").is_none() {
        return match tag {
            "figure" | "figcaption" => Some((Role::Caption, 600)),
            "time" => Some((Role::Dateline, 100)),
            _ => None,
        };
    }
    let has_token = |words: &[&str]| tokens(match_string).any(|t| words.contains(&t));
    if matches!(tag, "figure" | "figcaption") || contains_any(match_string, &["caption", "slideshow-counter", "gallery-count", "img_desc", "image-desc", "img-desc", "bildunterschrift"])
        || has_token(&["legend", "legende", "legenda", "dida", "didascalia"]) {
        return Some((Role::Caption, 600));
    }
    if contains_any(match_string, &["credit", "copyright", "photographer", "image-source", "photo-source", "bildnachweis", "bildquelle"]) {
        return Some((Role::Credit, 300));
    }
    if contains_any(match_string, &["author-bio", "authorbio", "author-box", "authorbox", "about-author", "author-info", "author-card", "saboxplugin"])
        || has_token(&["bio"])
    {
        return Some((Role::Byline, 1200));
    }
    if is_byline_hint(doc, id, match_string) {
        return Some((Role::Byline, 200));
    }
    if contains_any(match_string, &["postmetadata", "entry-utility", "entry-meta", "post-meta", "postmeta"]) {
        return Some((Role::Dateline, 400));
    }
    if contains_any(match_string, &["disclaimer", "disclosure"]) {
        return Some((Role::Related, 400));
    }
    if tag == "time"
        || contains_any(match_string, &["dateline", "timestamp", "published", "updated", "pubdate", "post-date", "entry-date", "article-date", "datetime"])
        || has_token(&["date", "time", "datum", "fecha"])
    {
        return Some((Role::Dateline, 100));
    }
    // WordPress names a post by its taxonomy ("tag-winter", "category-news"): that is no tag list.
    let taxonomy = |t: &&str| ["tag-", "category-", "format-", "status-", "type-"].iter().any(|p| t.starts_with(p) && t.len() > p.len() && !t.ends_with("-list"));
    let tag_word = |t: &str| ["tags", "tag", "taglist", "tagcloud", "keywords", "schlagworte", "etiquetas"].contains(&t);
    if match_string.split_whitespace().filter(|t| !taxonomy(t)).flat_map(tokens).any(tag_word)
        || contains_any(match_string, &["tag-list", "post-tags", "entry-tags", "article-tags", "related", "more-stories", "read-more", "readmore", "see-also", "also-read", "recirc"])
        || is_widget(match_string)
        || contains_any(match_string, &["follow", "subscribe", "newsletter", "signup", "sign-up"])
    {
        return Some((Role::Related, 600));
    }
    if contains_any(match_string, &["standfirst", "subtitle", "subheadline", "sub-headline", "summary", "excerpt"])
        || has_token(&["dek", "lede", "lead", "intro", "teaser", "deck"])
        || doc.attr(id, "itemprop").is_some_and(|p| p.contains("description"))
    {
        return Some((Role::Standfirst, 800));
    }
    None
}

/// Labels that introduce a pointer to another story ("Read more: …"), in several languages.
const RELATED_LABELS: &[&str] = &[
    "read more", "read also", "also read", "read next", "see also", "related", "more", "watch",
    "don't miss", "dont miss", "recommended", "listen", "more on this", "more from",
    "lea también", "lea tambien", "lea más", "lea mas", "lea", "lee también", "lee tambien",
    "vea también", "vea tambien", "ver también", "mira", "mire", "le puede interesar",
    "te puede interesar", "puedes ver", "puede ver", "también puede leer", "leia também",
    "leia mais", "veja também", "veja tambem", "lesen sie auch", "lesen sie", "auch lesen",
    "lies auch", "mehr zum thema", "mehr dazu", "weiterlesen", "siehe auch", "auch interessant",
    "zum weiterlesen", "das könnte sie auch interessieren", "à lire aussi", "a lire aussi",
    "lire aussi", "voir aussi", "leggi anche", "vedi anche", "czytaj także", "czytaj też",
    "verwandte artikel", "verwandte beiträge", "artículos relacionados", "articles connexes",
    "articoli correlati", "category", "categories", "kategorie", "kategorien", "filed under", "tags", "tagged",
    "schlagworte", "stichworte", "themen", "topics", "etiquetas", "temas", "mots-clés",
];
/// Whole blocks that only announce other stories or page functions ("You may also like",
/// "Lesen Sie auch", "Zurück zur Übersicht"), matched at the start of a short block.
const RELATED_HEADINGS: &[&str] = &[
    "related", "you may also like", "you might also like", "more stories", "more from", "most read",
    "most popular", "recommended", "read more", "read next", "also read", "see also",
    "lesen sie auch", "auch lesen", "das könnte sie auch", "das könnte dich auch", "das thema könnte",
    "mehr themen", "mehr zum thema", "mehr dazu", "schon gelesen", "auch interessant",
    "empfohlene beiträge", "empfohlene artikel", "neueste artikel", "neueste beiträge",
    "meistgelesen", "meistdiskutiert", "meist gelesen", "ähnliche artikel", "ähnliche beiträge",
    "weitere artikel", "weitere beiträge", "weitere informationen", "weitere infos",
    "zusatzinformationen", "mehr informationen", "kontakt", "zurück", "vorschau auf",
    "kommentieren", "kommentar verfassen", "kommentare", "kommentierte artikel", "ansprechpartner", "wie bewerten sie", "artikel bewerten",
    "bewerten sie", "le puede interesar", "te puede interesar", "también te puede interesar",
    "lo más leído", "noticias relacionadas", "valora esta noticia", "à lire aussi",
    "articles les plus lus", "sur le même sujet", "veja também", "leia também", "leggi anche",
    "more information", "contact", "share this", "comments", "leave a comment", "leave a reply",
];
/// A reader being asked to act: one of these…
const ASK_WORDS: &[&str] = &[
    "subscribe", "subscriber", "subscription", "sign up", "sign in", "log in", "newsletter",
    "download", "follow", "join", "abonn", "einloggen", "anmelden", "suscr", "únete", "unete",
    "síguenos", "siguenos", "hazte", "inscri", "miembro", "canal", "channel",
];
/// …addressing the reader.
const READER_WORDS: &[&str] = &[
    "you", "your", "us", "our", "dich", "du", "unser", "unsere", "unseren", "nuestro",
    "nuestra", "vous", "nous", "votre", "notre", "tu", "tus", "te", "usted", "ihr", "euch", "eure",
    "unserem", "unserer",
];
/// Openings of subscribe / follow / app / newsletter lines.
const CALL_TO_ACTION: &[&str] = &[
    "follow us", "follow @", "sign up", "subscribe", "download the", "download our",
    "get the latest", "never miss", "join our", "like us on", "síguenos", "siguenos", "suscríbete",
    "suscribete", "únete", "unete", "folgen sie", "abonnieren sie", "melden sie sich",
    "besuchen sie unseren", "abonnez-vous", "suivez-nous", "inscrivez-vous", "siga-nos",
    "assine", "seguici", "iscriviti", "to view the full story", "if you enjoyed",
];
/// Openings of photo credits.
const CREDIT_LABELS: &[&str] = &[
    "photo", "photos", "foto", "fotos", "bild", "bilder", "image", "images", "picture", "credit",
    "credits", "crédito", "crédit", "crédits", "credito", "crédits photos", "photo credit",
    "quelle", "titelbild", "beitragsbild", "abbildung", "fotografía", "imagen", "illustration",
    "grafik", "video",
];
const CREDIT_WORDS: &[&str] = &[
    "getty images", "shutterstock", "istock", "reuters", "ap photo", "afp", "dpa", "epa",
    "imago", "picture alliance", "picture-alliance", "unsplash", "pixabay", "adobe stock",
    "alamy", "clipdealer", "bestimage", "keystone",
];
const DATE_WORDS: &[&str] = &[
    "updated", "update", "published", "posted", "last", "modified", "on", "at", "am", "pm", "gmt",
    "utc", "est", "edt", "cet", "cest", "bst", "et", "pt", "uhr", "um", "aktualisiert",
    "veröffentlicht", "stand", "actualizado", "publicado", "mis", "à", "jour", "le", "de", "del",
    "el", "a", "las", "h", "hrs", "ago", "hours", "minutes", "min", "days", "hour", "day",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "januar", "februar", "märz", "mai", "juni", "juli", "oktober",
    "dezember", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "septiembre", "octubre", "noviembre", "diciembre", "janvier", "février", "mars", "avril",
    "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed",
    "thu", "fri", "sat", "sun", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "samstag", "sonntag", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
    "domingo", "today", "yesterday", "heute", "gestern", "hoy", "ayer", "read", "reading",
    "time", "lesezeit", "minuten", "min.",
];

fn starts_with_label(lower: &str, labels: &[&str]) -> bool {
    labels.iter().any(|l| {
        lower.strip_prefix(l).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(':') || rest.starts_with('|') || rest.starts_with('»') || rest.starts_with('>')
        })
    })
}

/// The role a block's text gives it, whatever element holds it: "Read more: …", "Photo:
/// Reuters", "Updated 3 May 2024, 10:02", "By Ann Lee", "Image 2 of 9", "Follow us on …".
pub fn text_role(text: &str, linked: usize) -> Option<Role> {
    let chars = text.chars().count();
    if chars == 0 || chars > 300 {
        return None;
    }
    let lower = text
        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '@')
        .to_lowercase();
    let lower = lower.as_str();
    let linky = linked * 2 >= chars;
    if starts_with_label(lower, RELATED_LABELS) && (linky || chars <= 200) {
        return Some(Role::Related);
    }
    if CALL_TO_ACTION.iter().any(|l| lower.starts_with(l)) && chars <= 250 {
        return Some(Role::Related);
    }
    if chars <= 70 && RELATED_HEADINGS.iter().any(|l| starts_with_word(lower, l)) {
        return Some(Role::Related);
    }
    if chars <= 200 && {
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        // "subscribe" in "unsubscribe" is no call to subscribe.
        let asks = ASK_WORDS.iter().any(|a| contains_word_start(lower, a));
        asks && READER_WORDS.iter().any(|r| words.contains(r))
    } {
        return Some(Role::Related);
    }
    if chars <= 150
        && (starts_with_label(lower, CREDIT_LABELS)
            || (chars <= 60 && CREDIT_WORDS.iter().any(|w| contains_word(lower, w)))
            || lower.starts_with("(foto") || lower.starts_with("(crédito") || lower.starts_with("(photo"))
    {
        return Some(Role::Credit);
    }
    if chars <= 60 && is_counter(lower) {
        return Some(Role::Caption);
    }
    if chars <= 300 && is_figure_label(lower) {
        return Some(Role::Caption);
    }
    if chars <= 80 && text.trim_start().starts_with('©') {
        return Some(Role::Credit);
    }
    if chars <= 60 && is_page_count(lower) {
        return Some(Role::Related);
    }
    if chars <= 150 && CITATION_LABELS.iter().any(|l| lower.starts_with(l)) {
        return Some(Role::Credit);
    }
    if chars <= 150 && is_download_line(lower) {
        return Some(Role::Related);
    }
    // "Share this article:", "Artikel teilen:"
    if chars <= 60 && lower.trim_end().ends_with(':') && SHARE_WORDS.iter().any(|w| lower.contains(w)) {
        return Some(Role::Related);
    }
    // "» Weitere Meldungen", "Blog | Archive | RSS": pointers made of links.
    if linky && linked * 10 >= chars * 8 && (text.trim_start().starts_with(['»', '>', '→', '▶']) || text.matches('|').count() >= 2) {
        return Some(Role::Related);
    }
    // "*Werbung. Dieser Beitrag enthält …", "Anzeige |", "Sponsored:": the page's own notice.
    if chars <= 200
        && (["werbung", "anzeige", "sponsored", "advertisement"].iter().any(|l| {
            lower.strip_prefix(l).is_some_and(|rest| rest.trim_start().starts_with(['.', ':', '|']))
        }) || ["enthält werbung", "affiliate link", "affiliate-link"].iter().any(|w| lower.contains(w)))
    {
        return Some(Role::Related);
    }
    if chars <= 300 && POST_META.iter().any(|l| lower.starts_with(l)) {
        return Some(Role::Dateline);
    }
    // "… weiter zu „Die Wortwahl“", "Next: …": a pointer to the next page.
    if chars <= 80 && linked > 0 && PAGE_POINTERS.iter().any(|l| lower.starts_with(l)) {
        return Some(Role::Related);
    }
    // "Follow us on Twitter", "Download the app for iOS and Android", with no "you" needed.
    if chars <= 300 && ASK_WORDS.iter().any(|a| contains_word_start(lower, a)) && PLATFORMS.iter().any(|p| contains_word(lower, p)) {
        return Some(Role::Related);
    }
    if chars <= 80 && is_date_line(lower) {
        return Some(Role::Dateline);
    }
    if chars <= 80 {
        for by in ["by ", "von ", "por ", "par ", "di ", "door ", "text: ", "text von "] {
            if let Some(rest) = lower.strip_prefix(by) {
                let names = &text[text.len() - rest.len()..];
                let words: Vec<&str> = names.split_whitespace().collect();
                let capitalised = words
                    .iter()
                    .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
                    .count();
                if (1..=8).contains(&words.len())
                    && capitalised * 2 >= words.len()
                    && !names.trim_end_matches('.').contains(['.', '!', '?'])
                {
                    return Some(Role::Byline);
                }
            }
        }
    }
    None
}

/// `lower` starts with `prefix` followed by the end or a non-letter, allowing an inflected
/// ending ("Meistgelesene Artikel") and a hyphen inside the words ("meist-diskutiert").
fn starts_with_word(lower: &str, prefix: &str) -> bool {
    let word_ends = |rest: &str| {
        let rest = ["es", "en", "er", "e", ""].iter().find_map(|e| rest.strip_prefix(e).filter(|r| !r.chars().next().is_some_and(char::is_alphabetic)));
        rest.is_some()
    };
    if lower.strip_prefix(prefix).is_some_and(word_ends) {
        return true;
    }
    lower.contains('-') && lower.replace('-', "").strip_prefix(prefix).is_some_and(word_ends)
}

/// Openings of a link to the next or previous page of a piece.
const PAGE_POINTERS: &[&str] = &["weiter zu", "weiter mit", "next:", "next page", "continue to", "zurück zu", "page suivante", "siguiente"];
/// Where a page asks the reader to follow it or get its app.
const PLATFORMS: &[&str] = &["twitter", "facebook", "instagram", "telegram", "whatsapp", "tiktok", "youtube", "ios", "android", "app store", "google play", "apps"];

/// `word` in `lower` with no letter or digit on either side.
fn contains_word(lower: &str, word: &str) -> bool {
    lower.match_indices(word).any(|(at, _)| {
        !lower[..at].chars().next_back().is_some_and(char::is_alphanumeric)
            && !lower[at + word.len()..].chars().next().is_some_and(char::is_alphanumeric)
    })
}

/// `word` in `lower` at the start of a word ("abonn" in "abonnieren").
fn contains_word_start(lower: &str, word: &str) -> bool {
    lower.match_indices(word).any(|(at, _)| !lower[..at].chars().next_back().is_some_and(char::is_alphanumeric))
}

/// Openings of a "how to cite this" line.
const CITATION_LABELS: &[&str] = &["suggested citation", "zitiervorschlag", "cite as", "cite this article", "how to cite"];
/// Words of a label over share buttons.
const SHARE_WORDS: &[&str] = &["share", "teilen", "compartir", "partager", "condividi", "compartilhe"];
/// Openings of a blog post's filing line.
const POST_META: &[&str] = &["this entry was posted", "der beitrag wurde am", "posted in ", "filed under ", "dieser beitrag wurde"];

/// "Views: 1120", "Aufrufe: 12", "Kommentare insgesamt: 0": the page counting itself.
fn is_page_count(lower: &str) -> bool {
    let Some((label, number)) = lower.rsplit_once(':') else { return false };
    let number = number.trim();
    !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
        && matches!(label.trim(), "views" | "aufrufe" | "zugriffe" | "kommentare" | "kommentare insgesamt" | "comments" | "visitas" | "vues" | "hits")
}

/// "PDF | 38 KB | Datei ist nicht barrierefrei", "Download (123 KB)".
fn is_download_line(lower: &str) -> bool {
    let sized = lower.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '|' | ',')).collect::<Vec<_>>().windows(2).any(|w| {
        !w[0].is_empty() && w[0].chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') && matches!(w[1], "kb" | "mb" | "kib" | "mib" | "ko" | "mo")
    });
    sized && ["pdf", "download", "datei", "file", "herunterladen", "descargar"].iter().any(|w| lower.contains(w))
}

/// "Figure 3: …", "Abb. 2 – …", "Grafik 1.": a numbered figure's caption.
fn is_figure_label(lower: &str) -> bool {
    ["figure ", "fig. ", "abbildung ", "abb. ", "grafik ", "tabelle ", "table ", "chart ", "schaubild "].iter().any(|l| {
        lower.strip_prefix(l).is_some_and(|rest| {
            let number: String = rest.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
            let after = rest[number.len()..].trim_start();
            !number.trim_matches('.').is_empty() && (after.is_empty() || after.starts_with([':', '.', '–', '-', '|']))
        })
    })
}

/// "Image 1 of 12", "Photo 3/9", "1 / 12".
fn is_counter(lower: &str) -> bool {
    let words: Vec<&str> = lower.split_whitespace().collect();
    let num = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [a, "/", b] => num(a) && num(b),
        [_, a, "of" | "von" | "de" | "sur" | "di", b] => num(a) && num(b),
        [_, ab] | [ab] => ab.split_once('/').is_some_and(|(a, b)| num(a) && num(b)),
        _ => false,
    }
}

/// A line of dates, times and the words around them: nothing else, and a time ("14:05"),
/// a date word ("Updated", "March") or two numbers ("3.5.2024", "3 5 2024").
fn is_date_line(lower: &str) -> bool {
    let (mut numbers, mut time, mut date_word) = (0, false, false);
    for w in lower.split(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '|' | '/' | '·' | '•' | '–' | '-' | '(' | ')')
    }) {
        let w = w.trim_matches(|c: char| matches!(c, '.' | ':' | ';'));
        if w.is_empty() {
            continue;
        }
        let digits = w.chars().filter(char::is_ascii_digit).count();
        if digits > 0
            && w.chars().all(|c| {
                c.is_ascii_digit() || matches!(c, ':' | '.' | 'h' | 'a' | 'p' | 'm' | 't' | 's' | 'n' | 'd' | 'r')
            })
        {
            numbers += 1;
            time |= w.contains(':') || w.contains('.') && digits >= 3;
        } else if DATE_WORDS.contains(&w) {
            date_word |= w.chars().count() > 3;
        } else {
            return false;
        }
    }
    numbers > 0 && (time || date_word || numbers >= 2)
}

/// Roles by the shape of a block's text, and links gathered at the end of the article.
pub fn classify_blocks(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        let short_table = b.role == Role::Table && b.text.chars().count() <= 70;
        // A quote block holds someone's words: only a pointer to another story ("PUEDES VER: …") is taken out of it.
        let quote = b.role == Role::Quote;
        if !(matches!(b.role, Role::Paragraph | Role::ListItem | Role::Heading | Role::Other | Role::Standfirst) || short_table || quote) {
            continue;
        }
        // Table cells hold dates and names as data, quote blocks someone's words: only page
        // furniture is taken out of them.
        if let Some(role) = text_role(&b.text, b.link_chars()).filter(|&r| !(short_table || quote) || r == Role::Related) {
            b.role = role;
        }
    }
    // Links listed under a label for other stories ("Read more:") are those stories.
    for i in 1..blocks.len() {
        if blocks[i - 1].role == Role::Related
            && matches!(blocks[i].role, Role::ListItem | Role::Paragraph | Role::Quote)
            && is_link(&blocks[i])
            && blocks[i].text.chars().count() <= 200
        {
            blocks[i].role = Role::Related;
        }
    }
    // At the end of a text article: short blocks that are links, and the labels above them.
    let text_blocks = blocks
        .iter()
        .filter(|b| b.role.is_body() && b.role != Role::Heading)
        .count();
    if text_blocks < 3 {
        return;
    }
    for b in blocks.iter_mut().rev() {
        if !b.role.is_body() {
            continue;
        }
        let short_link = is_link(b) && b.text.chars().count() <= 200;
        if short_link || b.role == Role::Heading && b.text.chars().count() <= 60 {
            b.role = Role::Related;
        } else {
            break;
        }
    }
}

/// A block whose text is nearly all link text.
fn is_link(b: &Block) -> bool {
    let chars = b.text.chars().count();
    chars > 0 && b.link_chars() * 10 >= chars * 8
}
