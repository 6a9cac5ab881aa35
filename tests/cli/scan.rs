//! `factledger scan`: coverage of an article, stubs for what is missing, and the
//! extraction's precision and recall on hand-labelled articles.

use std::path::Path;

use factledger::scan::{self, Found};

use crate::{ROOT, bundled_copy, run, run_with_input, shown, snapshot};

const SEED: &str = "tests/fixtures/articles/rferl-syria-sochi-2017.txt";

#[test]
fn the_seed_article_is_fully_covered_by_the_bundled_ledger() {
    let output = run(
        Path::new(ROOT),
        &[
            "scan",
            SEED,
            "--source",
            "rferl-2017-12-27-sochi",
            "--fail-under",
            "100",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", shown(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("(100% coverage)"));
    snapshot!(shown(&output));
}

#[test]
fn against_an_empty_ledger_every_item_is_listed_once() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ledger.ron"), "Ledger()\n").unwrap();
    let article = Path::new(ROOT).join(SEED);
    let article = article.to_str().unwrap();
    let output = run(
        dir.path(),
        &[
            "scan",
            article,
            "--date",
            "2017-12-27",
            "--format",
            "json",
            "--fail-under",
            "50",
        ],
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "under 50 percent is a failure"
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let items = json["items"].as_array().unwrap();
    assert_eq!(json["covered"], 0);
    // No item twice, and no year or date read as a figure.
    let mut seen = std::collections::BTreeSet::new();
    for item in items {
        assert!(
            seen.insert((item["line"].as_u64(), item["text"].as_str())),
            "{item} twice"
        );
        if item["kind"] == "figure" {
            let text = item["text"].as_str().unwrap();
            assert!(
                !["2011", "2014", "2015", "26", "29", "30"].contains(&text),
                "{text} read as a figure"
            );
        }
    }
    let listed: Vec<String> = items
        .iter()
        .map(|i| format!("{} {} {}", i["line"], i["kind"], i["text"]))
        .collect();
    snapshot!(listed.join("\n"));
}

#[test]
fn stubs_filled_in_are_accepted_by_add() {
    let dir = bundled_copy(|t| t);
    let today = crate::TODAY;
    let source = [
        "add",
        "source",
        "--id",
        "anadolu-2017-12-21",
        "--title",
        "Turkish army statement",
    ];
    let added = run(
        dir.path(),
        &[
            &source[..],
            &[
                "--publisher",
                "turkey",
                "--published",
                "2017-12-21",
                "--today",
                today,
            ],
        ]
        .concat(),
    );
    assert_eq!(added.status.code(), Some(0), "{}", shown(&added));
    std::fs::write(
        dir.path().join("article.txt"),
        "Turkey has said some 3,000 fighters crossed the border on December 20.\n",
    )
    .unwrap();
    let output = run(
        dir.path(),
        &[
            "scan",
            "article.txt",
            "--source",
            "anadolu-2017-12-21",
            "--format",
            "ron",
        ],
    );
    assert_eq!(output.status.code(), Some(0));
    let stubs = String::from_utf8_lossy(&output.stdout).into_owned();
    snapshot!(stubs.clone());
    // The editor fills the figure's blanks: what it is about, what it counts.
    let figure = stubs
        .split("\n\n")
        .find(|s| s.contains("Figure("))
        .expect("a figure stub");
    let filled = figure
        .replace("subject: \"\",", "subject: \"turkey\",")
        .replace(
            "measure: \"\", // counts: fighters",
            "measure: \"group-count\",",
        );
    let accepted = run_with_input(
        dir.path(),
        &["add", "--from", "-", "--today", today],
        &filled,
    );
    assert_eq!(accepted.status.code(), Some(0), "{}", shown(&accepted));
    let ledger = std::fs::read_to_string(dir.path().join("ledger.ron")).unwrap();
    assert!(ledger.contains("value: About(3000)"), "{ledger}");
    // Until then, the blanks keep it out.
    let unfilled = run_with_input(
        dir.path(),
        &["add", "--from", "-", "--today", today],
        figure,
    );
    assert_eq!(unfilled.status.code(), Some(1), "{}", shown(&unfilled));
}

/// Hand-labelled figures of real articles, as the value each states.
const LABELLED: &[(&str, &[&str])] = &[
    (
        "tests/fixtures/articles/voa-syria-death-toll-2016.txt",
        &[
            "470000", "470000", "5", "2", "400000", "70000", "11.5", "250000", "12000000",
            "1900000", "13800000", "45", "4000000", "6400000", "2100", "700",
        ],
    ),
    (
        "tests/fixtures/articles/reuters-syria-human-cost-2013.txt",
        &[
            "2", "80000", "10000", "94000", "120000", "65834", "1515639", "473587", "470457",
            "347157", "147464", "66922", "23000000", "4250000", "14", "1500000", "6800000",
        ],
    ),
];

#[test]
fn figures_are_extracted_with_high_precision_and_recall_from_real_articles() {
    let (mut labelled, mut extracted, mut right) = (0usize, 0usize, 0usize);
    for (path, expected) in LABELLED {
        let text = std::fs::read_to_string(Path::new(ROOT).join(path)).unwrap();
        let mut found: Vec<String> = scan::extract(&text, "2016-02-11".parse().ok())
            .into_iter()
            .filter_map(|i| match i.found {
                Found::Figure { value, .. } => Some(
                    value
                        .numbers()
                        .map(|n| n.normalize().to_string())
                        .collect::<Vec<_>>(),
                ),
                _ => None,
            })
            .flatten()
            .collect();
        extracted += found.len();
        labelled += expected.len();
        for value in *expected {
            if let Some(at) = found.iter().position(|f| f == value) {
                found.remove(at);
                right += 1;
            }
        }
        assert!(
            found.len() <= 1,
            "{path}: found but not labelled: {found:?}"
        );
    }
    // Precision (right / extracted) at least 95 %, recall (right / labelled) at least 90 %.
    assert!(
        right * 100 >= extracted * 95 && right * 100 >= labelled * 90,
        "{right} {extracted} {labelled}"
    );
    snapshot!(format!(
        "{right} right of {extracted} figures found and {labelled} labelled"
    ));
}
