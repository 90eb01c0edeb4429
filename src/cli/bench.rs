pub fn run() -> Result<(), String> {
    Err("bench: not implemented yet".into())
}
