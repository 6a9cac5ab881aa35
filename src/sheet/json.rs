//! The sheet as JSON: the selected claims with their attribution, and the resolved
//! sources, in a stable field order.

use super::Sheet;

/// The sheet as a JSON document.
pub fn json(sheet: &Sheet) -> String {
    serde_json::to_string_pretty(sheet).expect("the sheet serializes") + "\n"
}
