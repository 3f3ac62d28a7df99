//! What admins do: a translation or the catalogue changed through the same core calls as the
//! admin API.

use schalter_core::catalog::DEFAULT_CATALOG;
use schalter_core::i18n::{edit, source};
use schalter_core::live::Sources;
use schalter_core::{Catalog, Lang};

use crate::case::AdminOp;
use crate::world::{Checked, World, services};

/// Messages an admin may edit: ones citizens see on the main paths, with and without
/// variables, keywords and the language's own name.
const EDITABLE: [&str; 20] = [
    "main-menu-prompt",
    "pick-service-prompt",
    "pick-day-prompt",
    "option-confirm",
    "option-main-menu",
    "menu-book",
    "slot-held",
    "waiting-status",
    "service-anmeldung",
    "appointment-line",
    "keywords-menu",
    "lang-name",
    "option-expired",
    "help-text",
    "called",
    "reminder-day",
    "check-in-open",
    "visit-done",
    "feedback-question",
    "booking-confirmed",
];

impl World<'_> {
    pub(crate) async fn admin(&mut self, a: AdminOp) -> Checked {
        self.stats.admin_changes += 1;
        let now = self.now();
        match a {
            AdminOp::Translate { lang, msg, valid } => {
                let lang = Lang::ALL[usize::from(lang) % Lang::ALL.len()];
                let id = EDITABLE[usize::from(msg) % EDITABLE.len()];
                let Some(current) = self.oracle.values[&lang].get(id) else {
                    return Ok(());
                };
                // Each edit new (a second edit of one message must change it again).
                let value = if valid {
                    format!("✎{} {current}", self.stats.admin_changes)
                } else if msg % 2 == 0 {
                    format!("{current} {{ $nonexistent }}")
                } else {
                    format!("{current} {{ unclosed")
                };
                let before = self.engine.office().i18n().text(lang, id);
                // As the admin API: validated against the reference first, refused if bad.
                let files = source::builtin();
                if edit::validate(&files, lang.code(), id, &value).is_err() {
                    if valid {
                        return Err(format!(
                            "a valid edit of {lang}/{id} was refused: {value:?}"
                        ));
                    }
                    return Ok(());
                }
                if !valid {
                    return Err(format!("an invalid edit of {lang}/{id} passed: {value:?}"));
                }
                self.store
                    .admin()
                    .change_translation(lang.code(), id, Some(&value), "fuzz", now)
                    .await
                    .map_err(|e| format!("change translation: {e}"))?;
                let sources = Sources {
                    locales: None,
                    catalog: None,
                    baseline: (None, None),
                };
                self.translated = true;
                schalter_core::live::reload_translations(
                    self.engine.office(),
                    self.engine.store(),
                    &sources,
                )
                .await
                .map_err(|e| format!("reload translations: {e}"))?;
                if self.engine.office().i18n().text(lang, id) == before {
                    return Err(format!("the edit of {lang}/{id} is not in force"));
                }
                Ok(())
            }
            AdminOp::RemoveService(s) => {
                // A service somebody has booked, if there is one: its bookings must stay.
                let booked: Vec<String> = sqlx::query_scalar(
                    "SELECT DISTINCT service FROM bookings WHERE status = 'confirmed' \
                     ORDER BY service",
                )
                .fetch_all(self.store.pool())
                .await
                .map_err(|e| format!("booked services: {e}"))?;
                let all = if booked.is_empty() || s % 4 == 0 {
                    services()
                } else {
                    booked
                };
                let service = &all[usize::from(s) % all.len()];
                let text = remove_service(&self.catalog_text, service);
                if self.put_catalog(text).await? {
                    self.removed.insert(service.clone());
                }
                Ok(())
            }
            AdminOp::ShortenHours { day, until } => {
                let text = shorten_hours(&self.catalog_text, day, until);
                self.put_catalog(text).await.map(drop)
            }
            AdminOp::RestoreCatalog => {
                if self.put_catalog(DEFAULT_CATALOG.to_owned()).await? {
                    self.removed.clear();
                }
                Ok(())
            }
        }
    }

    /// As `PUT /admin/api/catalog`: parsed (refused if bad), saved, in force. `true` if taken.
    pub(crate) async fn put_catalog(&mut self, text: String) -> Result<bool, String> {
        let Ok(catalog) = Catalog::parse(&text, "catalogue") else {
            return Ok(false);
        };
        for (id, line) in catalog.required_messages() {
            if !self.engine.office().i18n().has(Lang::REFERENCE, &id) {
                return Err(format!("catalogue:{line} needs `{id}`"));
            }
        }
        self.store
            .admin()
            .save_catalog(&text, "fuzz", self.now())
            .await
            .map_err(|e| format!("save catalogue: {e}"))?;
        self.engine.office().set_catalog(catalog);
        self.catalog_text = text;
        Ok(true)
    }
}

/// The catalogue without the `[[services]]` block of `service`.
pub(crate) fn remove_service(text: &str, service: &str) -> String {
    let mut out = Vec::new();
    let blocks: Vec<&str> = text.split("[[services]]").collect();
    out.push(blocks[0].to_owned());
    for block in &blocks[1..] {
        if !block.contains(&format!("id = \"{service}\"")) {
            out.push(block.to_string());
        }
    }
    out.join("[[services]]")
}

/// The catalogue with one weekday's hours cut to `08:00-<until>:00`, or closed.
fn shorten_hours(text: &str, day: u8, until: u8) -> String {
    let name = ["mon", "tue", "wed", "thu", "fri"][usize::from(day) % 5];
    let hours = if until == 0 {
        "[]".to_owned()
    } else {
        format!("[\"08:00-{until:02}:00\"]")
    };
    text.lines()
        .map(|l| {
            if l.starts_with(&format!("{name} = ")) {
                format!("{name} = {hours}")
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}
