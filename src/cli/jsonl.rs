pub fn run() -> Result<(), String> {
    Err("jsonl: not implemented yet".into())
}
