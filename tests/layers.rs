//! The crate's layers (docs/architecture.md): each module imports only from its own layer
//! and the layers below it, and no two units import each other, however indirectly. Read
//! from the sources, so a `use crate::…` against the grain fails here rather than in review.
//! Test modules (`#[cfg(test)] mod tests` at a file's end) may use the whole pipeline and
//! are not read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each layer with the layers it may import from (itself included).
const LAYERS: &[(&str, &[&str])] = &[
    ("base", &["base"]),
    ("page", &["base", "page"]),
    ("text", &["base", "text"]),
    ("model", &["base", "text", "model"]),
    ("passes", &["base", "text", "model", "passes"]),
    ("answer", &["base", "page", "text", "model", "passes", "answer"]),
    ("binding", &["base", "page", "text", "model", "passes", "answer", "binding"]),
];

/// The layer of a module by the first part of its path.
fn layer_of(first: &str) -> Option<&'static str> {
    Some(match first {
        "span" | "finding" | "hash" | "options" | "timing" => "base",
        "page" => "page",
        "text" => "text",
        "model" => "model",
        "passes" => "passes",
        "answer" => "answer",
        "wasm" => "binding",
        _ => return None,
    })
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a source file: `src/passes/attribution/mod.rs` → passes::attribution.
fn module_of_file(file: &Path) -> Vec<String> {
    let relative = file.strip_prefix(src()).expect("under src");
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().expect("a file name");
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_string());
    }
    parts
}

/// The longest prefix of `path` that is a module with a file of its own.
fn module_of_path(path: &[String]) -> Vec<String> {
    let root = src();
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| {
            let joined = p.join("/");
            p.is_empty() || root.join(format!("{joined}.rs")).is_file() || root.join(&joined).join("mod.rs").is_file()
        })
        .unwrap_or_default()
}

/// The part of a file the rule applies to: no test module, no comment lines.
fn checked_source(text: &str) -> String {
    let end = text.find("#[cfg(test)]\nmod tests").unwrap_or(text.len());
    text[..end].lines().filter(|l| !l.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n")
}

/// Every path after `crate::` or `super::` in `source`, as absolute module paths
/// (`crate::{a, b::c}` gives two).
fn imported_paths(source: &str, module: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    // `super` of module `a::b` is `a`, whether its file is a/b.rs or a/b/mod.rs.
    let parent = module[..module.len().saturating_sub(1)].to_vec();
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent)] {
        let mut rest = source;
        while let Some(at) = rest.find(prefix) {
            // Skip `crate::` inside a longer word (`mycrate::`) and `super::super`'s second half.
            let before = rest[..at].chars().next_back();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let mut base = base.clone();
            let mut tail = rest;
            while let Some(t) = tail.strip_prefix("super::") {
                base.pop();
                tail = t;
            }
            collect_tree(tail, base, &mut out);
        }
    }
    out
}

/// Reads a use tree (`a::b::{c, d::e}` or `a::b::C`) into full paths.
fn collect_tree(tree: &str, base: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = base;
    let mut rest = tree;
    loop {
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '{' => 1,
                        '}' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map_or(group.len(), |(i, _)| i);
            let mut depth = 0;
            let mut start = 0;
            let inner = &group[..end];
            for (i, c) in inner.char_indices().chain([(inner.len(), ',')]) {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        let item = inner[start..i].trim();
                        if !item.is_empty() {
                            collect_tree(item, path.clone(), out);
                        }
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            return;
        }
        let len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(rest.len());
        if len == 0 {
            break;
        }
        path.push(rest[..len].to_string());
        match rest[len..].strip_prefix("::") {
            Some(next) => rest = next,
            None => break,
        }
    }
    if path.first().is_some_and(|p| p == "self") {
        path.remove(0);
    }
    out.push(path);
}

/// A unit is what may not take part in an import circle: a root module, or a layer's
/// module (`passes::attribution` with all its submodules). Inside a unit a module's
/// children may use its items and it theirs, as Rust modules do.
fn unit_of(module: &[String]) -> String {
    let n = if module.first().is_some_and(|m| matches!(layer_of(m), Some(l) if l != "base" && l != "binding")) { 2 } else { 1 };
    module[..module.len().min(n)].join("::")
}

struct Imports {
    /// (file, its layer, the path it imports, that path's layer)
    across: Vec<(String, &'static str, String, &'static str)>,
    /// unit → units it imports from
    units: BTreeMap<String, BTreeSet<String>>,
}

fn read_imports() -> Imports {
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    files.sort();
    let mut imports = Imports { across: Vec::new(), units: BTreeMap::new() };
    for file in files {
        let module = module_of_file(&file);
        let name = file.strip_prefix(src()).unwrap().display().to_string();
        // The crate root declares the layers; the CLI binary uses the library as `caveat::`.
        if module.is_empty() || module[0] == "main" || module[0] == "cli" {
            continue;
        }
        let layer = layer_of(&module[0]).unwrap_or_else(|| panic!("src/{name}: module `{}` is in no layer of tests/layers.rs", module[0]));
        let text = std::fs::read_to_string(&file).expect("readable source");
        for path in imported_paths(&checked_source(&text), &module) {
            let target = module_of_path(&path);
            let Some(first) = target.first() else { continue };
            let target_layer = layer_of(first).unwrap_or_else(|| panic!("src/{name}: `{}` is in no layer", path.join("::")));
            imports.across.push((name.clone(), layer, path.join("::"), target_layer));
            let (from, to) = (unit_of(&module), unit_of(&target));
            if from != to {
                imports.units.entry(from).or_default().insert(to);
            }
        }
    }
    imports
}

#[test]
fn modules_import_only_from_their_layer_and_those_below() {
    let imports = read_imports();
    assert!(imports.across.len() > 50, "too few imports found: the reader is broken");
    let allowed: BTreeMap<&str, &[&str]> = LAYERS.iter().copied().collect();
    let wrong: Vec<String> = imports
        .across
        .iter()
        .filter(|(_, layer, _, target)| !allowed[layer].contains(target))
        .map(|(file, layer, path, target)| format!("src/{file} ({layer}) imports crate::{path} ({target})"))
        .collect();
    assert!(wrong.is_empty(), "imports from a layer above or beside:\n{}", wrong.join("\n"));
}

#[test]
fn no_import_circles_between_units() {
    let units = read_imports().units;
    // Depth-first search; a unit met again while still on the path closes a circle.
    fn visit<'a>(unit: &'a str, units: &'a BTreeMap<String, BTreeSet<String>>, path: &mut Vec<&'a str>, done: &mut BTreeSet<&'a str>) {
        if done.contains(unit) {
            return;
        }
        if let Some(at) = path.iter().position(|u| *u == unit) {
            panic!("import circle: {} → {unit}", path[at..].join(" → "));
        }
        path.push(unit);
        for next in units.get(unit).into_iter().flatten() {
            visit(next, units, path, done);
        }
        path.pop();
        done.insert(unit);
    }
    let mut done = BTreeSet::new();
    for unit in units.keys() {
        visit(unit, &units, &mut Vec::new(), &mut done);
    }
}

#[test]
fn the_reader_sees_use_trees_and_super() {
    let module: Vec<String> = ["passes", "attribution", "frames"].iter().map(|s| s.to_string()).collect();
    let source = "use crate::passes::{hedge::find, claim};\nuse super::subject::REACH;\nlet x = crate::text::Input::new();";
    let found: Vec<String> = imported_paths(source, &module).iter().map(|p| p.join("::")).collect();
    assert_eq!(found, ["passes::hedge::find", "passes::claim", "text::Input::new", "passes::attribution::subject::REACH"]);
    assert_eq!(module_of_path(&["text".into(), "Input".into()]), ["text"]);
    assert_eq!(unit_of(&module), "passes::attribution");
}
