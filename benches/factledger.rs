//! Benchmarks of each stage on a generated 20,000-claim ledger: loading, each family of
//! rules, `sheet`, `scan` of a 1 MB article, and `add`'s check. The process-level
//! numbers at 10^4-10^6 claims come from `benches/scale.sh`.
//!
//! cargo bench --bench factledger            (or `-- --quick` for a short run)

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use factledger::generate::{Options, generate};
use factledger::{load, rules, scan, sheet, verify};

const CLAIMS: usize = 20_000;

fn ledger_text() -> String {
    generate(&Options {
        claims: CLAIMS,
        seed: 1,
        inject: 0,
    })
    .text
}

fn loaded(text: &str) -> load::Loaded {
    load::load_bytes(
        Path::new("bench.ron"),
        text.as_bytes().to_vec(),
        PathBuf::from("."),
    )
}

/// The rules of each family, by name.
const FAMILIES: &[(&str, &[&str])] = &[
    (
        "structure",
        &[
            "duplicate-id",
            "bad-id",
            "bad-date",
            "bad-url",
            "unknown-source",
            "unknown-entity",
            "unknown-measure",
            "unknown-claim",
            "unit-mismatch",
            "missing-as-of",
            "unused-source",
            "unused-entity",
            "unused-measure",
        ],
    ),
    (
        "attribution",
        &[
            "no-citation",
            "no-excerpt",
            "figure-not-in-excerpt",
            "quote-not-in-source",
            "excerpt-not-in-archive",
            "excerpt-ambiguous",
            "citation-cycle",
            "as-of-after-publication",
            "retrieved-before-published",
            "future-date",
        ],
    ),
    (
        "consistency",
        &[
            "bad-range",
            "self-contradiction",
            "unattributed-conflict",
            "sources-disagree",
            "cumulative-decrease",
            "parts-exceed-whole",
            "derivation-mismatch",
            "stale",
            "duplicate-claim",
        ],
    ),
];

fn benches(c: &mut Criterion) {
    let text = ledger_text();
    let today = "2026-01-01".parse().ok();
    c.bench_function("load 20k claims (parallel, by record)", |b| {
        b.iter(|| loaded(black_box(&text)));
    });
    c.bench_function("parse 20k claims whole (ron, one core)", |b| {
        b.iter(|| load::parse_whole(black_box(&text)));
    });

    let ledger = loaded(&text);
    for (family, names) in FAMILIES {
        let family_rules: Vec<&rules::Rule> = names
            .iter()
            .map(|n| rules::Rule::find(n).expect("a rule"))
            .collect();
        c.bench_function(&format!("rules: {family}"), |b| {
            b.iter(|| {
                // A fresh context each time, so the consistency sweep is measured too.
                let cx = rules::Context::new(&ledger, today);
                family_rules
                    .iter()
                    .map(|r| (r.check)(&cx).len())
                    .sum::<usize>()
            });
        });
    }

    let report = verify::check(
        loaded(&text),
        &verify::Options {
            today,
            deny_warnings: false,
        },
    );
    let options = sheet::Options {
        tags: vec!["deaths-0".to_owned()],
        today,
        ledger_name: "bench.ron".to_owned(),
        ..sheet::Options::default()
    };
    c.bench_function("sheet: build and render html", |b| {
        b.iter(|| sheet::html::html(&sheet::build(&report, &options)));
    });

    let article = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/articles/rferl-syria-sochi-2017.txt"
    ))
    .unwrap();
    let megabyte = article.repeat(1_000_000 / article.len() + 1);
    c.bench_function("scan 1 MB of articles", |b| {
        b.iter(|| scan::extract(black_box(&megabyte), "2017-12-27".parse().ok()).len());
    });
}

criterion_group! {
    name = group;
    config = Criterion::default().sample_size(10);
    targets = benches
}
criterion_main!(group);
