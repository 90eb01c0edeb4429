//! docs/store.md justifies each permission the extension asks for: its permissions table must
//! name exactly the manifest's permissions, optional permissions, host permissions and
//! content-script match patterns, so the store listing cannot drift from the manifest.

use serde_json::Value;
use std::collections::BTreeSet;

fn strings(value: &Value) -> impl Iterator<Item = String> + '_ {
    value.as_array().into_iter().flatten().filter_map(|v| v.as_str().map(str::to_string))
}

/// What the manifest asks for: permissions of every kind and the pages its content scripts run on.
fn asked(manifest: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for key in ["permissions", "optional_permissions", "host_permissions", "optional_host_permissions"] {
        out.extend(strings(&manifest[key]));
    }
    for script in manifest["content_scripts"].as_array().into_iter().flatten() {
        out.extend(strings(&script["matches"]));
    }
    out
}

/// The first column of the table under "## Permissions", without its backticks.
fn justified(doc: &str) -> Vec<String> {
    let section = doc.split("\n## Permissions").nth(1).expect("docs/store.md has a '## Permissions' section");
    let section = section.split("\n## ").next().unwrap_or(section);
    section
        .lines()
        .filter(|l| l.starts_with('|'))
        .skip(2) // header and separator
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            let justification = cells.get(1).copied().unwrap_or("");
            assert!(justification.len() > 20, "the permission {} needs a justification", cells[0]);
            cells[0].trim_matches('`').to_string()
        })
        .collect()
}

#[test]
fn store_doc_justifies_exactly_the_manifests_permissions() {
    let root = env!("CARGO_MANIFEST_DIR");
    let manifest: Value = serde_json::from_str(&std::fs::read_to_string(format!("{root}/extension/manifest.json")).unwrap()).unwrap();
    let doc = std::fs::read_to_string(format!("{root}/docs/store.md")).unwrap();
    let listed = justified(&doc);
    let listed_set: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(listed.len(), listed_set.len(), "a permission is listed twice in docs/store.md");
    let asked = asked(&manifest);
    assert!(!asked.is_empty());
    let missing: Vec<_> = asked.difference(&listed_set).collect();
    let extra: Vec<_> = listed_set.difference(&asked).collect();
    assert!(missing.is_empty() && extra.is_empty(), "docs/store.md's permissions table is out of step with extension/manifest.json: not justified {missing:?}; justified but not asked {extra:?}");
}

#[test]
fn store_doc_has_the_listing_parts_the_stores_ask_for() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/store.md")).unwrap();
    for section in ["## Listing", "## Single purpose", "## Permissions", "## Privacy"] {
        assert!(doc.contains(section), "docs/store.md lacks {section}");
    }
}
