//! `factledger sheet`: every format and style of the bundled ledger's sheet, hostile
//! ledgers, and ledgers with errors.

use std::path::Path;

use crate::{ROOT, TODAY, run, shown, snapshot};

#[test]
fn the_bundled_ledger_in_every_format_and_style() {
    for format in ["md", "html", "json"] {
        for style in ["house", "apa", "chicago"] {
            let output = run(
                Path::new(ROOT),
                &[
                    "sheet", "--today", TODAY, "--format", format, "--style", style,
                ],
            );
            assert_eq!(
                output.status.code(),
                Some(0),
                "{format} {style}: {}",
                shown(&output)
            );
            snapshot!(
                format!("bundled_{style}_{format}"),
                String::from_utf8_lossy(&output.stdout)
            );
        }
    }
}

#[test]
fn casualty_and_territory_claims_in_markdown() {
    let args = [
        "sheet",
        "--today",
        TODAY,
        "--tag",
        "casualties",
        "--tag",
        "territory",
        "--title",
        "Syria: casualties and territory",
    ];
    let output = run(Path::new(ROOT), &args);
    assert_eq!(output.status.code(), Some(0));
    snapshot!(String::from_utf8_lossy(&output.stdout));
}

#[test]
fn disagreeing_sources_are_set_side_by_side() {
    let output = run(
        Path::new(ROOT),
        &[
            "sheet",
            "tests/fixtures/rules/sources-disagree.ron",
            "--today",
            TODAY,
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("| According to | Figure | When |"), "{text}");
    snapshot!(text);
}

#[test]
fn stale_figures_are_marked_and_superseded_ones_left_to_history() {
    let stale = run(
        Path::new(ROOT),
        &["sheet", "tests/fixtures/rules/stale.ron", "--today", TODAY],
    );
    assert!(
        String::from_utf8_lossy(&stale.stdout)
            .contains("**Stale:** this figure dates from 27 December 2017")
    );
    let args = [
        "sheet",
        "tests/fixtures/rules/superseded-unknown.ok.ron",
        "--today",
        TODAY,
    ];
    let without = String::from_utf8_lossy(&run(Path::new(ROOT), &args).stdout).into_owned();
    assert!(!without.contains("## History"));
    let with = run(Path::new(ROOT), &[&args[..], &["--history"]].concat());
    snapshot!(String::from_utf8_lossy(&with.stdout));
}

#[test]
fn a_ledger_with_errors_gives_no_sheet_unless_asked() {
    let output = run(
        Path::new(ROOT),
        &["sheet", "tests/fixtures/broken.ron", "--today", TODAY],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("no sheet was made"));
    let forced = run(
        Path::new(ROOT),
        &[
            "sheet",
            "tests/fixtures/broken.ron",
            "--today",
            TODAY,
            "--allow-errors",
        ],
    );
    assert_eq!(forced.status.code(), Some(0));
    snapshot!(String::from_utf8_lossy(&forced.stdout));
}

#[test]
fn a_hostile_ledger_yields_html_with_nothing_executable() {
    let args = [
        "sheet",
        "tests/fixtures/sheets/hostile.ron",
        "--today",
        TODAY,
        "--format",
        "html",
        "--allow-errors",
    ];
    let output = run(Path::new(ROOT), &args);
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    let page = String::from_utf8(output.stdout).unwrap();
    let document = scraper::Html::parse_document(&page);
    let every = scraper::Selector::parse("*").unwrap();
    let mut scripts = 0;
    for element in document.select(&every) {
        let node = element.value();
        assert!(
            !["iframe", "img", "svg", "object", "embed", "form"].contains(&node.name()),
            "a <{}> got through",
            node.name()
        );
        for (name, value) in node.attrs() {
            assert!(!name.starts_with("on"), "event handler {name}={value}");
            assert!(
                !value.trim_start().to_lowercase().starts_with("javascript:"),
                "{name}={value}"
            );
        }
        if node.name() == "script" {
            // Only the JSON-LD data block, which browsers never run, and it is JSON.
            scripts += 1;
            assert_eq!(node.attr("type"), Some("application/ld+json"));
            let json: serde_json::Value =
                serde_json::from_str(&element.inner_html()).expect("JSON-LD parses");
            assert!(json["@graph"].is_array());
        }
    }
    assert_eq!(scripts, 1);
    // The hostile strings are there, as text.
    assert!(page.contains("&lt;script&gt;alert(6)&lt;/script&gt;"));
    let markdown = run(
        Path::new(ROOT),
        &args[..args.len() - 3]
            .iter()
            .chain(&["--allow-errors"])
            .copied()
            .collect::<Vec<_>>(),
    );
    snapshot!(String::from_utf8_lossy(&markdown.stdout));
}
