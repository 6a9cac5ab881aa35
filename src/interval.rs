//! Figures as intervals of the values they allow, and sound arithmetic on them.
//!
//! "Sound" means a computed interval always contains every result of the operation
//! applied to values drawn from its inputs (property-tested below). Results may be a
//! little wider than exact, never narrower, so a mismatch reported by the consistency
//! rules is always real.

use std::cmp::Ordering;
use std::fmt;

use jiff::{Unit, civil::Date};
use rust_decimal::Decimal;

use crate::value::{PartialDate, Qualifier};

/// One end of an interval: a value, included or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Bound {
    pub value: Decimal,
    pub inclusive: bool,
}

impl Bound {
    pub fn closed(value: Decimal) -> Bound {
        Bound {
            value,
            inclusive: true,
        }
    }

    pub fn open(value: Decimal) -> Bound {
        Bound {
            value,
            inclusive: false,
        }
    }
}

/// The values a figure may have. `None` bounds are infinite.
#[must_use]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Interval {
    pub lo: Option<Bound>,
    pub hi: Option<Bound>,
}

/// How a bound compares when it is a lower bound: `(v` is above `[v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LowerKey(pub Option<Bound>);

/// How a bound compares when it is an upper bound: `v)` is below `v]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpperKey(pub Option<Bound>);

impl Ord for LowerKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.0, other.0) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(a), Some(b)) => a.value.cmp(&b.value).then(b.inclusive.cmp(&a.inclusive)),
        }
    }
}

impl PartialOrd for LowerKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for UpperKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.0, other.0) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Greater,
            (Some(_), None) => Ordering::Less,
            (Some(a), Some(b)) => a.value.cmp(&b.value).then(a.inclusive.cmp(&b.inclusive)),
        }
    }
}

impl PartialOrd for UpperKey {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// True when every value below `hi` is below every value above `lo`: the upper bound
/// of one interval lies under the lower bound of another.
pub fn is_below(hi: Option<Bound>, lo: Option<Bound>) -> bool {
    match (hi, lo) {
        (Some(h), Some(l)) => {
            h.value < l.value || (h.value == l.value && !(h.inclusive && l.inclusive))
        }
        _ => false,
    }
}

impl Interval {
    /// Every value: what a computation that cannot bound its result returns.
    pub const UNBOUNDED: Interval = Interval { lo: None, hi: None };

    pub fn exactly(value: Decimal) -> Interval {
        Interval {
            lo: Some(Bound::closed(value)),
            hi: Some(Bound::closed(value)),
        }
    }

    pub fn closed(lo: Decimal, hi: Decimal) -> Interval {
        Interval {
            lo: Some(Bound::closed(lo)),
            hi: Some(Bound::closed(hi)),
        }
    }

    /// The values a qualifier allows. `tolerance` is the policy's `about_tolerance`
    /// (0.10 = 10 %); `non_negative` says the unit cannot go below zero (counts,
    /// percentages, years), which bounds `LessThan` and `AtMost` at 0.
    pub fn of(qualifier: &Qualifier, tolerance: Decimal, non_negative: bool) -> Interval {
        let floor = non_negative.then(|| Bound::closed(Decimal::ZERO));
        let scaled = |v: Decimal, factor: Decimal| v.checked_mul(factor);
        let around = |lo: Option<Decimal>, hi: Option<Decimal>| match (lo, hi) {
            (Some(a), Some(b)) => Interval::closed(a.min(b), a.max(b)),
            _ => Interval::UNBOUNDED,
        };
        match *qualifier {
            Qualifier::Exactly(v) => Interval::exactly(v.0),
            Qualifier::About(v) => around(
                scaled(v.0, Decimal::ONE - tolerance),
                scaled(v.0, Decimal::ONE + tolerance),
            ),
            Qualifier::Nearly(v) => around(scaled(v.0, Decimal::ONE - tolerance), Some(v.0)),
            Qualifier::MoreThan(v) => Interval {
                lo: Some(Bound::open(v.0)),
                hi: None,
            },
            Qualifier::AtLeast(v) => Interval {
                lo: Some(Bound::closed(v.0)),
                hi: None,
            },
            Qualifier::LessThan(v) => Interval {
                lo: floor,
                hi: Some(Bound::open(v.0)),
            },
            Qualifier::AtMost(v) => Interval {
                lo: floor,
                hi: Some(Bound::closed(v.0)),
            },
            Qualifier::Between(a, b) => Interval::closed(a.0, b.0),
        }
    }

    /// True when no value is in both.
    pub fn is_disjoint(&self, other: &Interval) -> bool {
        self.is_below(other) || other.is_below(self)
    }

    /// True when every value of `self` is below every value of `other`.
    pub fn is_below(&self, other: &Interval) -> bool {
        is_below(self.hi, other.lo)
    }

    /// True when `x` is one of the values.
    pub fn contains(&self, x: Decimal) -> bool {
        let above_lo = self
            .lo
            .is_none_or(|l| x > l.value || (l.inclusive && x == l.value));
        let below_hi = self
            .hi
            .is_none_or(|h| x < h.value || (h.inclusive && x == h.value));
        above_lo && below_hi
    }

    /// True when the interval holds no value (`Between(5, 3)`).
    pub fn is_empty(&self) -> bool {
        match (self.lo, self.hi) {
            (Some(l), Some(h)) => {
                l.value > h.value || (l.value == h.value && !(l.inclusive && h.inclusive))
            }
            _ => false,
        }
    }

    /// True when every value is at least zero.
    pub fn is_non_negative(&self) -> bool {
        self.lo.is_some_and(|l| l.value >= Decimal::ZERO)
    }

    /// `self + other`.
    pub fn add(&self, other: &Interval) -> Interval {
        Interval {
            lo: add_bounds(self.lo, other.lo),
            hi: add_bounds(self.hi, other.hi),
        }
    }

    /// `self - other`.
    pub fn sub(&self, other: &Interval) -> Interval {
        self.add(&other.neg())
    }

    fn neg(&self) -> Interval {
        let flip = |b: Option<Bound>| {
            b.map(|b| Bound {
                value: -b.value,
                inclusive: b.inclusive,
            })
        };
        Interval {
            lo: flip(self.hi),
            hi: flip(self.lo),
        }
    }

    /// `self / other` for non-negative intervals (counts); unbounded otherwise.
    ///
    /// Division rounds to 28 digits, so each quotient is widened by a hair to stay sound.
    pub fn ratio(&self, other: &Interval) -> Interval {
        if !self.is_non_negative() || !other.is_non_negative() {
            return Interval::UNBOUNDED;
        }
        let lo = match (self.lo, other.hi) {
            (Some(a), Some(b)) if !b.value.is_zero() => {
                a.value.checked_div(b.value).map(widen_down)
            }
            _ => Some(Decimal::ZERO),
        };
        let hi = match (self.hi, other.lo) {
            (Some(a), Some(b)) if !b.value.is_zero() => a.value.checked_div(b.value).map(widen_up),
            _ => None,
        };
        Interval {
            lo: Some(Bound::closed(
                lo.unwrap_or(Decimal::ZERO).max(Decimal::ZERO),
            )),
            hi: hi.map(Bound::closed),
        }
    }

    /// `part` as a percentage of `whole`, for non-negative intervals.
    pub fn share(part: &Interval, whole: &Interval) -> Interval {
        part.ratio(whole).scale(Decimal::ONE_HUNDRED)
    }

    fn scale(&self, factor: Decimal) -> Interval {
        let times = |b: Option<Bound>| {
            b.and_then(|b| {
                Some(Bound {
                    value: b.value.checked_mul(factor)?,
                    inclusive: true,
                })
            })
        };
        let lo = times(self.lo);
        Interval {
            // An overflowing lower bound means "unknown"; zero keeps the result sound.
            lo: lo.or_else(|| self.lo.map(|_| Bound::closed(Decimal::ZERO))),
            hi: times(self.hi),
        }
    }

    /// Whole years from a day in `from` to a day in `to`: "2011-03" to "2017-12-27" is 6.
    pub fn years_between(from: PartialDate, to: PartialDate) -> Interval {
        let whole_years = |a: Date, b: Date| -> Option<i64> {
            a.until((Unit::Year, b))
                .ok()
                .map(|span| i64::from(span.get_years()))
        };
        let (Some(fewest), Some(most)) = (
            whole_years(from.last(), to.first()),
            whole_years(from.first(), to.last()),
        ) else {
            return Interval::UNBOUNDED;
        };
        Interval::closed(
            Decimal::from(fewest.min(most)),
            Decimal::from(fewest.max(most)),
        )
    }
}

fn add_bounds(a: Option<Bound>, b: Option<Bound>) -> Option<Bound> {
    let (a, b) = (a?, b?);
    Some(Bound {
        value: a.value.checked_add(b.value)?,
        inclusive: a.inclusive && b.inclusive,
    })
}

/// A relative hair (10^-20) that covers the rounding of one 28-digit division.
fn hair(q: Decimal) -> Decimal {
    (q.abs() * Decimal::new(1, 20)).max(Decimal::new(1, 28))
}

fn widen_down(q: Decimal) -> Decimal {
    q - hair(q)
}

fn widen_up(q: Decimal) -> Decimal {
    q + hair(q)
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lo {
            None => write!(f, "(-∞")?,
            Some(b) => write!(
                f,
                "{}{}",
                if b.inclusive { '[' } else { '(' },
                b.value.normalize()
            )?,
        }
        match self.hi {
            None => write!(f, ", ∞)"),
            Some(b) => write!(
                f,
                ", {}{}",
                b.value.normalize(),
                if b.inclusive { ']' } else { ')' }
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Exact;
    use proptest::prelude::*;

    fn d(v: i64) -> Decimal {
        Decimal::from(v)
    }

    fn q(text: &str) -> Qualifier {
        ron::from_str(text).unwrap()
    }

    fn of(text: &str) -> Interval {
        Interval::of(&q(text), Decimal::new(10, 2), true)
    }

    #[test]
    fn qualifiers_become_the_intervals_of_the_design() {
        assert_eq!(of("Exactly(40)").to_string(), "[40, 40]");
        assert_eq!(of("About(25)").to_string(), "[22.5, 27.5]");
        assert_eq!(of("MoreThan(330000)").to_string(), "(330000, ∞)");
        assert_eq!(of("AtLeast(7)").to_string(), "[7, ∞)");
        assert_eq!(of("LessThan(5)").to_string(), "[0, 5)");
        assert_eq!(of("AtMost(5)").to_string(), "[0, 5]");
        assert_eq!(of("Nearly(100)").to_string(), "[90, 100]");
        assert_eq!(of("Between(3, 9)").to_string(), "[3, 9]");
        assert_eq!(
            Interval::of(&q("LessThan(5)"), Decimal::ZERO, false).to_string(),
            "(-∞, 5)"
        );
    }

    #[test]
    fn open_bounds_make_touching_intervals_disjoint() {
        assert!(of("MoreThan(330000)").is_disjoint(&of("Exactly(330000)")));
        assert!(!of("AtLeast(330000)").is_disjoint(&of("Exactly(330000)")));
        assert!(!of("MoreThan(330000)").is_disjoint(&of("Exactly(400000)")));
        assert!(of("About(300000)").is_disjoint(&of("MoreThan(330000)")));
        assert!(of("Between(5, 3)").is_empty());
    }

    #[test]
    fn years_between_partial_dates_counts_whole_years() {
        let date = |s: &str| s.parse::<PartialDate>().unwrap();
        assert_eq!(
            Interval::years_between(date("2011-03"), date("2017-12-27")).to_string(),
            "[6, 6]"
        );
        assert_eq!(
            Interval::years_between(date("2011"), date("2017-06-01")).to_string(),
            "[5, 6]"
        );
        assert_eq!(
            Interval::years_between(date("2011-03-15"), date("2012-03-14")).to_string(),
            "[0, 0]"
        );
    }

    #[test]
    fn shares_and_ratios_of_counts() {
        let share = Interval::share(&of("Exactly(25)"), &of("Exactly(100)"));
        assert!(share.contains(d(25)));
        assert!(!share.contains(d(26)));
        assert_eq!(of("Exactly(10)").ratio(&of("AtLeast(0)")).hi, None);
        assert_eq!(
            Interval::of(&q("LessThan(5)"), Decimal::ZERO, false).ratio(&of("Exactly(2)")),
            Interval::UNBOUNDED
        );
    }

    /// A qualifier and a value it allows.
    fn qualifier_and_point() -> impl Strategy<Value = (Qualifier, Decimal)> {
        let value = 0i64..2_000_000;
        (0u8..8, value.clone(), value, 0i64..=1000).prop_map(|(kind, a, b, t)| {
            let (lo, hi) = (a.min(b), a.max(b));
            let e = |v: i64| Exact(Decimal::from(v));
            // t/1000 of the way through the allowed range (tolerance 10 %).
            let within = |lo: Decimal, hi: Decimal| lo + (hi - lo) * Decimal::new(t, 3);
            match kind {
                0 => (Qualifier::Exactly(e(a)), d(a)),
                1 => (
                    Qualifier::About(e(a)),
                    within(d(a) * Decimal::new(9, 1), d(a) * Decimal::new(11, 1)),
                ),
                2 => (Qualifier::MoreThan(e(lo)), d(hi) + Decimal::ONE),
                3 => (Qualifier::AtLeast(e(lo)), d(hi)),
                4 => (Qualifier::LessThan(e(hi + 1)), d(lo).min(d(hi))),
                5 => (Qualifier::AtMost(e(hi)), d(lo)),
                6 => (
                    Qualifier::Nearly(e(a)),
                    within(d(a) * Decimal::new(9, 1), d(a)),
                ),
                _ => (Qualifier::Between(e(lo), e(hi)), within(d(lo), d(hi))),
            }
        })
    }

    fn interval(q: &Qualifier) -> Interval {
        Interval::of(q, Decimal::new(10, 2), true)
    }

    proptest! {
        #[test]
        fn a_qualifier_contains_its_values((q, x) in qualifier_and_point()) {
            prop_assert!(interval(&q).contains(x), "{} does not contain {}", interval(&q), x);
        }

        #[test]
        fn sums_and_differences_contain_every_result(a in qualifier_and_point(), b in qualifier_and_point()) {
            let (ia, ib) = (interval(&a.0), interval(&b.0));
            prop_assert!(ia.add(&ib).contains(a.1 + b.1));
            prop_assert!(ia.sub(&ib).contains(a.1 - b.1));
        }

        #[test]
        fn ratios_and_shares_contain_every_result(a in qualifier_and_point(), b in qualifier_and_point()) {
            prop_assume!(!b.1.is_zero());
            let (ia, ib) = (interval(&a.0), interval(&b.0));
            let ratio = a.1 / b.1;
            prop_assert!(ia.ratio(&ib).contains(ratio), "{} / {} = {} not in {}", ia, ib, ratio, ia.ratio(&ib));
            prop_assert!(Interval::share(&ia, &ib).contains(ratio * Decimal::ONE_HUNDRED));
        }

        #[test]
        fn years_between_contains_the_years_between_any_two_days(
            y1 in 1990i16..2030, m1 in 1i8..=12, y2 in 1990i16..2030, m2 in 1i8..=12, d1 in 1i8..=28, d2 in 1i8..=28,
        ) {
            let from = PartialDate::new(y1, Some(m1), None).unwrap();
            let to = PartialDate::new(y2, Some(m2), None).unwrap();
            let (a, b) = (Date::new(y1, m1, d1).unwrap(), Date::new(y2, m2, d2).unwrap());
            let years = i64::from(a.until((Unit::Year, b)).unwrap().get_years());
            prop_assert!(Interval::years_between(from, to).contains(Decimal::from(years)));
        }

        #[test]
        fn disjoint_intervals_share_no_value(a in qualifier_and_point(), b in qualifier_and_point()) {
            let (ia, ib) = (interval(&a.0), interval(&b.0));
            if ia.is_disjoint(&ib) {
                prop_assert!(!(ia.contains(a.1) && ib.contains(a.1)));
                prop_assert!(!(ia.contains(b.1) && ib.contains(b.1)));
            }
        }
    }
}
