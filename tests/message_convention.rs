//! Every message in every snapshot follows the convention: lowercase first word, no
//! final period, so that messages read well alone and chained ("cannot read `x`: ...").

use std::path::Path;

#[test]
fn messages_are_lowercase_without_a_final_period() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots");
    let mut problems = Vec::new();
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("snapshots folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("snapshot reads");
        for line in text.lines() {
            let Some(message) = message_of(line) else {
                continue;
            };
            checked += 1;
            if message.starts_with(|c: char| c.is_uppercase()) || message.ends_with('.') {
                problems.push(format!(
                    "{}: {line}",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(
        checked > 50,
        "only {checked} messages found: is the pattern still right?"
    );
    assert!(
        problems.is_empty(),
        "messages break the convention:\n{}",
        problems.join("\n")
    );
}

/// The message of a rendered `error[rule]: message`, `warning: ...` or `help: ...` line.
fn message_of(line: &str) -> Option<&str> {
    let line = line.trim_start_matches([' ', '=']).trim_start();
    let (head, message) = line.split_once(": ")?;
    let level = head.split('[').next()?;
    let rule = head.strip_prefix(level)?;
    let is_rule = rule.is_empty() || (rule.starts_with('[') && rule.ends_with(']'));
    (matches!(level, "error" | "warning" | "info" | "help") && is_rule).then_some(message)
}
