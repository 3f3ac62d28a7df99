//! Dates, times and fees as a citizen reads them, in office-local time.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::fargs;
use crate::i18n::{I18n, Lang};

pub fn date(i18n: &I18n, lang: Lang, d: NaiveDate) -> String {
    let weekday = i18n.text(
        lang,
        &format!("weekday-{}", d.weekday().number_from_monday()),
    );
    let month = i18n.text(lang, &format!("month-{}", d.month()));
    i18n.msg(
        lang,
        "date-long",
        &fargs![
            "weekday" => weekday,
            "day" => d.day(),
            "month" => month,
            "year" => lang.digits(&d.year().to_string())
        ],
    )
}

pub fn time(i18n: &I18n, lang: Lang, t: DateTime<Utc>, tz: Tz) -> String {
    let local = lang.digits(&t.with_timezone(&tz).format("%H:%M").to_string());
    i18n.msg(lang, "time-of-day", &fargs!["time" => local])
}

pub fn fee(i18n: &I18n, lang: Lang, cents: u32) -> String {
    if cents == 0 {
        return i18n.text(lang, "fee-none");
    }
    let amount = lang.digits(&format!(
        "{}{}{:02}",
        cents / 100,
        lang.decimal_separator(),
        cents % 100
    ));
    i18n.msg(lang, "fee-amount", &fargs!["amount" => amount])
}

pub fn minutes(i18n: &I18n, lang: Lang, minutes: u32) -> String {
    i18n.msg(lang, "duration-minutes", &fargs!["minutes" => minutes])
}

/// A file's size as a citizen reads it: kilobytes below one megabyte, else megabytes with
/// one decimal in the language's own digits and separator.
pub fn size(i18n: &I18n, lang: Lang, bytes: i64) -> String {
    const MB: i64 = 1024 * 1024;
    if bytes < MB {
        let kb = (bytes + 1023) / 1024;
        return i18n.msg(
            lang,
            "size-kb",
            &fargs!["kb" => lang.digits(&kb.to_string())],
        );
    }
    let tenths = (bytes * 10 + MB / 2) / MB;
    let mb = lang.digits(&format!(
        "{}{}{}",
        tenths / 10,
        lang.decimal_separator(),
        tenths % 10
    ));
    i18n.msg(lang, "size-mb", &fargs!["mb" => mb])
}
