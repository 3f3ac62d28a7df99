//! [`DeviceChecks`]: the check of camera, microphone, speaker and connection a citizen makes in
//! the browser before the clerk calls (the page is `bots`' `check` module, under `/check/`).
//!
//! - **The link** is personal to a booking: `…/check/<secret>`, a fresh secret of 128 random
//!   bits in each message that offers it (the confirmation, the reminders, the check-in
//!   prompt), of which only the SHA-256 is kept. It works while the booking is confirmed and
//!   its appointment has not ended. A fresh secret per message, rather than one per booking,
//!   because the messages are written at different times and a secret is never kept.
//! - **The result** is a booking's last check: each part ok, failed or not tried, and the
//!   platform family, nothing more. Clerks read it in the queue and the agenda
//!   ([`DeviceChecks::clerk_text`]); a citizen whose check failed is nudged once, at check-in
//!   ([`DeviceChecks::nudge`]).

use std::sync::{Arc, RwLock};

use sha2::{Digest, Sha256};

use crate::error::EngineError;
use crate::format;
use crate::i18n::{FluentArgs, I18n};
use crate::office::Office;
use crate::reference::secret_token;
use crate::store::{Booking, DeviceCheckRow, Store};
use crate::{Lang, fargs};

/// Where the check is served, below the server's public address.
pub const PATH: &str = "/check/";

/// How a part of the check went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Outcome {
    Ok,
    Failed,
    #[default]
    NotTried,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::Failed => "failed",
            Outcome::NotTried => "not_tried",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Outcome::Ok, Outcome::Failed, Outcome::NotTried]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// A part of the check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Camera,
    Microphone,
    Speaker,
    Connection,
}

impl Part {
    pub const ALL: [Part; 4] = [
        Part::Camera,
        Part::Microphone,
        Part::Speaker,
        Part::Connection,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Part::Camera => "camera",
            Part::Microphone => "microphone",
            Part::Speaker => "speaker",
            Part::Connection => "connection",
        }
    }
}

/// The platform family a browser belongs to, as far as the steps to fix a failure differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Platform {
    /// Safari (or another browser) on an iPhone or iPad.
    Ios,
    /// Chrome on Android.
    Android,
    /// Samsung Internet.
    Samsung,
    /// Firefox, on a phone or a computer.
    Firefox,
    /// The browser inside another app (Telegram's, Instagram's, Facebook's …), which often
    /// cannot give the camera to a page.
    InApp,
    /// A browser on a computer.
    Desktop,
    #[default]
    Other,
}

impl Platform {
    pub const ALL: [Platform; 7] = [
        Platform::Ios,
        Platform::Android,
        Platform::Samsung,
        Platform::Firefox,
        Platform::InApp,
        Platform::Desktop,
        Platform::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Platform::Ios => "ios",
            Platform::Android => "android",
            Platform::Samsung => "samsung",
            Platform::Firefox => "firefox",
            Platform::InApp => "in-app",
            Platform::Desktop => "desktop",
            Platform::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Platform::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The family of the browser that sent `user_agent`. In-app browsers first: they carry
    /// the name of the platform they run on as well.
    pub fn from_user_agent(user_agent: &str) -> Self {
        let ua = user_agent;
        let apple_mobile = ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d));
        let in_app = ["FBAN", "FBAV", "FB_IAB", "Instagram", "Line/", "Telegram", "WhatsApp"]
            .iter()
            .any(|m| ua.contains(m))
            // Android's WebView marks itself `; wv)`; an iOS web view lacks `Safari/`.
            || (ua.contains("Android") && ua.contains("; wv)"))
            || (apple_mobile && ua.contains("AppleWebKit") && !ua.contains("Safari/"));
        if in_app {
            Platform::InApp
        } else if ua.contains("SamsungBrowser") {
            Platform::Samsung
        } else if ua.contains("Firefox/") || ua.contains("FxiOS") {
            Platform::Firefox
        } else if apple_mobile {
            Platform::Ios
        } else if ua.contains("Android") {
            Platform::Android
        } else if ["Windows", "Macintosh", "X11", "CrOS", "Linux"]
            .iter()
            .any(|m| ua.contains(m))
        {
            Platform::Desktop
        } else {
            Platform::Other
        }
    }
}

/// A booking's check: each part, and the platform it was made on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CheckResult {
    pub camera: Outcome,
    pub microphone: Outcome,
    pub speaker: Outcome,
    pub connection: Outcome,
    pub platform: Platform,
}

impl CheckResult {
    pub fn part(&self, part: Part) -> Outcome {
        match part {
            Part::Camera => self.camera,
            Part::Microphone => self.microphone,
            Part::Speaker => self.speaker,
            Part::Connection => self.connection,
        }
    }

    /// `newer` over this one: a part `newer` did not try keeps what this one found.
    pub fn updated(self, newer: CheckResult) -> CheckResult {
        let pick = |old: Outcome, new: Outcome| if new == Outcome::NotTried { old } else { new };
        CheckResult {
            camera: pick(self.camera, newer.camera),
            microphone: pick(self.microphone, newer.microphone),
            speaker: pick(self.speaker, newer.speaker),
            connection: pick(self.connection, newer.connection),
            platform: newer.platform,
        }
    }

    /// The parts that failed.
    pub fn failed(&self) -> Vec<Part> {
        Part::ALL
            .into_iter()
            .filter(|p| self.part(*p) == Outcome::Failed)
            .collect()
    }

    /// Whether camera and microphone worked and nothing failed: no need to offer it again.
    pub fn ready(&self) -> bool {
        self.camera == Outcome::Ok && self.microphone == Outcome::Ok && self.failed().is_empty()
    }

    /// The result a kept row holds.
    pub fn from_row(row: &DeviceCheckRow) -> Self {
        let outcome = |s: &str| Outcome::parse(s).unwrap_or_default();
        CheckResult {
            camera: outcome(&row.camera),
            microphone: outcome(&row.microphone),
            speaker: outcome(&row.speaker),
            connection: outcome(&row.connection),
            platform: Platform::parse(&row.platform).unwrap_or_default(),
        }
    }
}

/// The hash kept of a link's secret.
fn link_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(
        format!("schalter-device-check:{secret}").as_bytes(),
    ))
}

/// The device check's links and results; see the module.
#[derive(Clone)]
pub struct DeviceChecks {
    office: Office,
    store: Store,
    /// The server's public address (`SCHALTER_PUBLIC_URL`), without a trailing `/`.
    base: Arc<RwLock<String>>,
}

impl DeviceChecks {
    pub(crate) fn new(office: Office, store: Store) -> Self {
        Self {
            office,
            store,
            base: Arc::new(RwLock::new("http://127.0.0.1:8080".to_owned())),
        }
    }

    /// Where citizens reach the server (`SCHALTER_PUBLIC_URL`, else the HTTP address).
    pub fn set_base(&self, url: &str) {
        *self.base.write().unwrap_or_else(|e| e.into_inner()) =
            url.trim_end_matches('/').to_owned();
    }

    /// The check's page without a booking (nothing is kept of it).
    pub fn page_url(&self) -> String {
        let base = self.base.read().unwrap_or_else(|e| e.into_inner()).clone();
        format!("{base}{PATH}")
    }

    /// A new link to the check of `booking_id`.
    pub async fn link(&self, booking_id: &str) -> Result<String, EngineError> {
        let secret = secret_token();
        self.store
            .device_checks()
            .add_link(&link_hash(&secret), booking_id, self.office.now())
            .await?;
        Ok(format!("{}{secret}", self.page_url()))
    }

    /// The booking a link's secret stands for, while the link works, with its last result.
    pub async fn open(
        &self,
        secret: &str,
    ) -> Result<Option<(Booking, Option<CheckResult>)>, EngineError> {
        // Not a secret of ours (wrong length or alphabet): nothing to look up.
        if secret.len() != 26 || !secret.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Ok(None);
        }
        let repo = self.store.device_checks();
        let Some(id) = repo
            .booking_of_link(&link_hash(secret), self.office.now())
            .await?
        else {
            return Ok(None);
        };
        let Some(booking) = self.store.bookings().booking(&id).await? else {
            return Ok(None);
        };
        Ok(Some((booking, self.result(&id).await?)))
    }

    /// Keeps what the page found for the booking of `secret`, over what an earlier check
    /// found. `None`: the link does not work (any more).
    pub async fn record(
        &self,
        secret: &str,
        found: CheckResult,
    ) -> Result<Option<CheckResult>, EngineError> {
        let Some((booking, before)) = self.open(secret).await? else {
            return Ok(None);
        };
        let result = before.unwrap_or_default().updated(found);
        self.store
            .device_checks()
            .save(&DeviceCheckRow {
                booking_id: booking.id.clone(),
                camera: result.camera.as_str().to_owned(),
                microphone: result.microphone.as_str().to_owned(),
                speaker: result.speaker.as_str().to_owned(),
                connection: result.connection.as_str().to_owned(),
                platform: result.platform.as_str().to_owned(),
                checked_at: self.office.now(),
            })
            .await?;
        Ok(Some(result))
    }

    /// The appointment as the page names it: service, date and time.
    pub fn appointment(&self, lang: Lang, booking: &Booking) -> String {
        let i18n = self.office.i18n();
        let tz = self.office.tz();
        i18n.msg(
            lang,
            "check-appointment",
            &fargs![
                "service" => self.office.service_name(lang, &booking.service),
                "date" => format::date(i18n, lang, booking.starts_at.with_timezone(&tz).date_naive()),
                "time" => format::time(i18n, lang, booking.starts_at, tz),
            ],
        )
    }

    /// The booking's last result, if it was checked.
    pub async fn result(&self, booking_id: &str) -> Result<Option<CheckResult>, EngineError> {
        Ok(self
            .store
            .device_checks()
            .result(booking_id)
            .await?
            .map(|r| CheckResult::from_row(&r)))
    }

    /// The line that offers the check with a new link, unless the booking's check found
    /// everything ready already.
    pub async fn offer(&self, lang: Lang, booking_id: &str) -> Result<Option<String>, EngineError> {
        if self.result(booking_id).await?.is_some_and(|r| r.ready()) {
            return Ok(None);
        }
        let link = self.link(booking_id).await?;
        Ok(Some(self.office.i18n().msg(
            lang,
            "device-check-offer",
            &fargs!["link" => link],
        )))
    }

    /// The one nudge at check-in when the booking's check found a part failing: what failed
    /// and a new link to try again.
    pub async fn nudge(&self, lang: Lang, booking_id: &str) -> Result<Option<String>, EngineError> {
        let Some(result) = self.result(booking_id).await? else {
            return Ok(None);
        };
        let failed = result.failed();
        if failed.is_empty() {
            return Ok(None);
        }
        let i18n = self.office.i18n();
        let parts: Vec<String> = failed
            .iter()
            .map(|p| i18n.text(lang, &format!("device-part-{}", p.as_str())))
            .collect();
        let link = self.link(booking_id).await?;
        let mut args = FluentArgs::new();
        args.set("parts", parts.join(", "));
        args.set("link", link);
        Ok(Some(i18n.msg(lang, "device-check-nudge", &args)))
    }

    /// The result as clerks read it: `✓ Kamera ✓ Mikrofon … · Android`, or that the citizen
    /// did not check.
    pub fn clerk_text(&self, lang: Lang, result: Option<&CheckResult>) -> String {
        describe(self.office.i18n(), lang, result)
    }
}

/// A result as clerks read it (and `/mydata` shows it): `✓ Kamera ✓ Mikrofon … (Android)`, or
/// that nothing was checked.
pub fn describe(i18n: &I18n, lang: Lang, result: Option<&CheckResult>) -> String {
    let Some(result) = result else {
        return i18n.text(lang, "desk-device-unchecked");
    };
    let parts: Vec<String> = Part::ALL
        .into_iter()
        .filter_map(|p| match result.part(p) {
            Outcome::Ok => Some(i18n.text(lang, &format!("desk-device-{}-ok", p.as_str()))),
            Outcome::Failed => Some(i18n.text(lang, &format!("desk-device-{}-failed", p.as_str()))),
            Outcome::NotTried => None,
        })
        .collect();
    let mut args = FluentArgs::new();
    args.set("parts", parts.join(" "));
    args.set(
        "platform",
        i18n.text(
            lang,
            &format!("device-platform-{}", result.platform.as_str()),
        ),
    );
    i18n.msg(lang, "desk-device-check", &args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platforms_are_told_apart_by_the_user_agent() {
        for (ua, platform) in [
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
                 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
                Platform::Ios,
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/126.0.0.0 Mobile Safari/537.36",
                Platform::Android,
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) \
                 SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
                Platform::Samsung,
            ),
            (
                "Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0",
                Platform::Firefox,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
                 (KHTML, like Gecko) Mobile/15E148 Instagram 330.0.0.0",
                Platform::InApp,
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; Pixel 8; wv) AppleWebKit/537.36 (KHTML, like \
                 Gecko) Version/4.0 Chrome/126.0.0.0 Mobile Safari/537.36",
                Platform::InApp,
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 \
                 (KHTML, like Gecko) Mobile/15E148",
                Platform::InApp,
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) \
                 Chrome/126.0.0.0 Safari/537.36",
                Platform::Desktop,
            ),
            ("curl/8.5.0", Platform::Other),
        ] {
            assert_eq!(Platform::from_user_agent(ua), platform, "{ua}");
        }
    }

    #[test]
    fn a_newer_check_keeps_what_it_did_not_try() {
        let first = CheckResult {
            camera: Outcome::Ok,
            microphone: Outcome::Failed,
            speaker: Outcome::Ok,
            connection: Outcome::NotTried,
            platform: Platform::Android,
        };
        let second = CheckResult {
            microphone: Outcome::Ok,
            platform: Platform::Ios,
            ..CheckResult::default()
        };
        let both = first.updated(second);
        assert_eq!(both.camera, Outcome::Ok);
        assert_eq!(both.microphone, Outcome::Ok);
        assert_eq!(both.speaker, Outcome::Ok);
        assert_eq!(both.connection, Outcome::NotTried);
        assert_eq!(both.platform, Platform::Ios);
        assert!(both.ready());
        assert_eq!(first.failed(), vec![Part::Microphone]);
        assert!(!first.ready());
    }

    #[test]
    fn names_read_back() {
        for o in [Outcome::Ok, Outcome::Failed, Outcome::NotTried] {
            assert_eq!(Outcome::parse(o.as_str()), Some(o));
        }
        for p in Platform::ALL {
            assert_eq!(Platform::parse(p.as_str()), Some(p));
        }
    }
}
