//! Which language a text is in, so that Caveat's English rules run only on English.
//!
//! Two signals, no model: the script of its letters (Han, kana, Hangul, Cyrillic, Arabic, …
//! name their language or family outright), and for Latin script the share of each
//! language's commonest function words (`language/function_words.txt`), which a few dozen
//! words of running text tell apart. The page's own `lang` is a hint for texts too short to
//! judge; when the text clearly says otherwise the text wins (pages mislabel themselves).

use crate::hash::{hash, HashedMap};
use serde::Serialize;
use std::sync::OnceLock;

/// A detected language: ISO 639-1 code and English name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Language {
    pub code: &'static str,
    pub name: &'static str,
}

pub const ENGLISH: Language = Language { code: "en", name: "English" };

impl Language {
    pub fn is_english(self) -> bool {
        self.code == "en"
    }

    /// The language a `lang` attribute or header names ("en-GB", "de_DE"), if Caveat knows it.
    pub fn from_tag(tag: &str) -> Option<Language> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        table().profiles.iter().map(|p| p.language).chain(SCRIPT_LANGUAGES.iter().copied()).find(|l| l.code == primary)
    }
}

/// Words looked at: the opening of an article tells its language; the cost stays bounded.
const WORDS_LOOKED_AT: usize = 300;
/// Below this many words the text alone is not trusted to say "not English".
const FEW_WORDS: usize = 25;
/// Words read first; when they are plainly English (a quarter of them English function
/// words, twice the share of any other language's) the rest is not read.
const FIRST_LOOK: usize = 100;
/// Bytes of the longest word in `function_words.txt` (checked by a test).
const LONGEST_FUNCTION_WORD: usize = 16;

struct Profile {
    language: Language,
}

struct Table {
    profiles: Vec<Profile>,
    /// Each function word (by `hash::hash`) with the profiles it is in, one bit each: one
    /// lookup per word of the text, where a search per profile cost most of the time on
    /// short texts (`caveat jsonl`'s sentences).
    words: HashedMap<(&'static str, u32)>,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut profiles = Vec::new();
        let mut words: HashedMap<(&'static str, u32)> = HashedMap::default();
        let lines = include_str!("language/function_words.txt").lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        for line in lines {
            let Some((code, name, list)) = line.split_once(':').and_then(|(head, list)| head.split_once(' ').map(|(c, n)| (c, n, list))) else {
                continue;
            };
            assert!(profiles.len() < 32, "at most 32 languages in function_words.txt");
            let bit = 1u32 << profiles.len();
            profiles.push(Profile { language: Language { code, name: name.trim() } });
            for word in list.split_whitespace() {
                let entry = words.entry(hash(&[word])).or_insert((word, 0));
                assert_eq!(entry.0, word, "two function words hash alike");
                entry.1 |= bit;
            }
        }
        Table { profiles, words }
    })
}

const SCRIPT_LANGUAGES: &[Language] = &[
    Language { code: "zh", name: "Chinese" },
    Language { code: "ja", name: "Japanese" },
    Language { code: "ko", name: "Korean" },
    Language { code: "ru", name: "Russian" },
    Language { code: "uk", name: "Ukrainian" },
    Language { code: "ar", name: "Arabic" },
    Language { code: "fa", name: "Persian" },
    Language { code: "he", name: "Hebrew" },
    Language { code: "el", name: "Greek" },
    Language { code: "hi", name: "Hindi" },
    Language { code: "th", name: "Thai" },
];

fn script_language(code: &str) -> Language {
    *SCRIPT_LANGUAGES.iter().find(|l| l.code == code).expect("a listed script language")
}

/// What the text's letters say: a non-Latin script's language when most letters are in it.
fn by_script(text: &str) -> Option<Language> {
    let (mut latin, mut han, mut kana, mut hangul, mut cyrillic, mut ukrainian) = (0usize, 0, 0, 0, 0, 0);
    let (mut arabic, mut persian, mut hebrew, mut greek, mut devanagari, mut thai) = (0usize, 0, 0, 0, 0, 0);
    let mut letters = 0;
    for c in text.chars() {
        // ASCII first: most text the detector sees is, and Unicode's table lookup is slow.
        if c.is_ascii() {
            if c.is_ascii_alphabetic() {
                latin += 1;
                letters += 1;
                if letters == WORDS_LOOKED_AT * 6 {
                    break;
                }
            }
            continue;
        }
        if !c.is_alphabetic() {
            continue;
        }
        letters += 1;
        if letters > WORDS_LOOKED_AT * 6 {
            break;
        }
        match c as u32 {
            0x41..=0x24F | 0x1E00..=0x1EFF => latin += 1,
            0x3040..=0x30FF => kana += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => han += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => hangul += 1,
            0x400..=0x4FF => {
                cyrillic += 1;
                ukrainian += usize::from(matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ'));
            }
            0x600..=0x6FF => {
                arabic += 1;
                persian += usize::from(matches!(c, 'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی'));
            }
            0x590..=0x5FF => hebrew += 1,
            0x370..=0x3FF => greek += 1,
            0x900..=0x97F => devanagari += 1,
            0xE00..=0xE7F => thai += 1,
            _ => {}
        }
    }
    // Han characters are each a word's worth of text: weigh them so a Chinese page with Latin
    // names is still Chinese.
    let cjk = (han + kana + hangul) * 3;
    let others = [cyrillic, arabic, hebrew, greek, devanagari, thai];
    let non_latin = cjk + others.iter().sum::<usize>();
    if non_latin <= latin {
        return None;
    }
    let code = if cjk >= *others.iter().max().unwrap_or(&0) {
        if hangul >= han.max(kana) {
            "ko"
        } else if kana * 10 >= han {
            "ja"
        } else {
            "zh"
        }
    } else if cyrillic == *others.iter().max().unwrap_or(&0) {
        if ukrainian * 50 >= cyrillic { "uk" } else { "ru" }
    } else if arabic >= hebrew.max(greek).max(devanagari).max(thai) {
        if persian * 20 >= arabic { "fa" } else { "ar" }
    } else if hebrew >= greek.max(devanagari).max(thai) {
        "he"
    } else if greek >= devanagari.max(thai) {
        "el"
    } else if devanagari >= thai {
        "hi"
    } else {
        "th"
    };
    Some(script_language(code))
}

/// Per language of the table, the share of the first `most` words of the text that are its
/// function words, and
/// the number of words looked at.
fn function_word_shares(text: &str, most: usize) -> (Vec<f32>, usize) {
    let table = table();
    let mut hits = vec![0usize; table.profiles.len()];
    let mut words = 0usize;
    let mut lower = String::new();
    let mut ascii = [0u8; LONGEST_FUNCTION_WORD];
    let not_letter = |c: char| if c.is_ascii() { !c.is_ascii_alphabetic() } else { !c.is_alphabetic() };
    for word in text.split(not_letter).filter(|w| !w.is_empty()).take(most) {
        words += 1;
        // No function word is longer: the word is counted, not looked up.
        if word.len() > LONGEST_FUNCTION_WORD * 4 {
            continue;
        }
        let lower: &str = if word.is_ascii() {
            if word.len() > LONGEST_FUNCTION_WORD {
                continue;
            }
            let bytes = &mut ascii[..word.len()];
            for (b, w) in bytes.iter_mut().zip(word.bytes()) {
                *b = w.to_ascii_lowercase();
            }
            std::str::from_utf8(bytes).unwrap_or_default()
        } else {
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            &lower
        };
        let Some(&(listed, mut profiles)) = table.words.get(&hash(&[lower])) else { continue };
        if listed != lower {
            continue;
        }
        while profiles != 0 {
            hits[profiles.trailing_zeros() as usize] += 1;
            profiles &= profiles - 1;
        }
    }
    let shares = hits.iter().map(|&h| if words == 0 { 0.0 } else { h as f32 / words as f32 }).collect();
    (shares, words)
}

/// The language of `text`, with the page's declared `lang` (if any) as a hint. `None` for a
/// language Caveat does not know, in a text with no English in it.
pub fn detect(text: &str, declared: Option<&str>) -> Option<Language> {
    let declared = declared.and_then(Language::from_tag);
    if let Some(language) = by_script(text) {
        return Some(language);
    }
    // Most text is plainly English by its first hundred words: the rest is not read.
    let (shares, words) = function_word_shares(text, FIRST_LOOK);
    let plainly_english = words == FIRST_LOOK && shares[0] >= 0.25 && shares.iter().skip(1).all(|&s| s * 2.0 <= shares[0]);
    if plainly_english {
        return Some(ENGLISH);
    }
    let (shares, words) = if words == FIRST_LOOK { function_word_shares(text, WORDS_LOOKED_AT) } else { (shares, words) };
    let english = shares[0];
    let (best, best_share) = shares
        .iter()
        .enumerate()
        .skip(1)
        .fold((0usize, 0.0f32), |acc, (i, &s)| if s > acc.1 { (i, s) } else { acc });
    let other = table().profiles[best].language;
    if words < FEW_WORDS {
        // Too little text to overrule the page; without a declaration, only a clear other
        // language with no English at all says "not English".
        return declared.or(Some(if best_share >= 0.2 && english * 3.0 < best_share { other } else { ENGLISH }));
    }
    if english >= 0.12 && english >= best_share {
        return Some(ENGLISH);
    }
    if best_share >= 0.08 && best_share > english {
        return Some(other);
    }
    // Neither clearly: the page's word, else English when it has any English at all.
    declared.or(if english > 0.0 { Some(ENGLISH) } else { None })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> &'static str {
        detect(text, None).map_or("none", |l| l.code)
    }

    #[test]
    fn no_function_word_is_longer_than_the_lookup_allows() {
        let longest = include_str!("language/function_words.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once(':'))
            .flat_map(|(_, list)| list.split_whitespace())
            .map(str::len)
            .max()
            .unwrap_or(0);
        assert!(longest <= LONGEST_FUNCTION_WORD, "a function word of {longest} bytes");
    }

    #[test]
    fn tells_english_from_other_latin_languages() {
        assert_eq!(code("The minister said on Tuesday that the talks would resume next week, and that both sides had agreed to a pause in the fighting while they were held."), "en");
        assert_eq!(code("Der Minister sagte am Dienstag, dass die Gespräche in der nächsten Woche fortgesetzt werden und dass sich beide Seiten auf eine Pause geeinigt haben."), "de");
        assert_eq!(code("Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine et que les deux parties se sont mises d'accord sur une pause."), "fr");
        assert_eq!(code("Il ministro ha detto martedì che i colloqui riprenderanno la prossima settimana e che le due parti si sono accordate per una pausa nei combattimenti."), "it");
        assert_eq!(code("El ministro dijo el martes que las conversaciones se reanudarán la próxima semana y que las dos partes acordaron una pausa en los combates por ahora."), "es");
    }

    #[test]
    fn tells_scripts() {
        assert_eq!(code("外交部发言人周二表示，双方将于下周恢复谈判，并同意在谈判期间暂停战斗。"), "zh");
        assert_eq!(code("外務省の報道官は火曜日、交渉は来週再開されると述べた。"), "ja");
        assert_eq!(code("Министр заявил во вторник, что переговоры возобновятся на следующей неделе."), "ru");
        assert_eq!(code("Міністр заявив у вівторок, що переговори відновляться наступного тижня і що сторони погодилися."), "uk");
    }

    #[test]
    fn short_texts_follow_the_page_or_default_to_english() {
        assert_eq!(code("It may rain."), "en");
        assert_eq!(detect("Breaking news", Some("de-DE")).map(|l| l.code), Some("de"));
        assert_eq!(detect("", None).map(|l| l.code), Some("en"));
    }

    #[test]
    fn the_text_overrules_a_wrong_declaration() {
        let english = "The minister said on Tuesday that the talks would resume next week, and that both sides had agreed to a pause in the fighting while they were held in the capital.";
        assert_eq!(detect(english, Some("fr")).map(|l| l.code), Some("en"));
    }
}
