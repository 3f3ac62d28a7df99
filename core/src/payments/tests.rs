//! Unit tests of the payments module: amounts as clerks type them.

use super::parse_amount;

#[test]
fn amounts_as_clerks_type_them() {
    assert_eq!(parse_amount("13"), Some(1300));
    assert_eq!(parse_amount("13,50"), Some(1350));
    assert_eq!(parse_amount("13.5"), Some(1350));
    assert_eq!(parse_amount("13 €"), Some(1300));
    assert_eq!(parse_amount("€13.50"), Some(1350));
    assert_eq!(parse_amount("1.300,00"), Some(130_000));
    assert_eq!(parse_amount("1,300.00"), Some(130_000));
    assert_eq!(parse_amount("1.300"), Some(130_000));
    assert_eq!(parse_amount("0"), None);
    assert_eq!(parse_amount("-5"), None);
    assert_eq!(parse_amount("abc"), None);
    assert_eq!(parse_amount("13,505"), Some(1_350_500));
    assert_eq!(parse_amount("1000000"), None);
    assert_eq!(parse_amount(""), None);
}
