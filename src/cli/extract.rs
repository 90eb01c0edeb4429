use std::path::Path;

pub fn run(_page: &Path, _json: bool) -> Result<(), String> {
    Err("extract: not implemented yet".into())
}
