//! The queue as clerks read it: who waits for what and how long, the calls going on, the
//! documents a citizen has not ticked off yet, and what their device check found.

use anyhow::Result;
use schalter_core::desk::QueueEntry;
use schalter_core::fargs;
use schalter_core::{Engine, Lang};

/// The live queue as clerks see it.
pub async fn queue_text(engine: &Engine, lang: Lang) -> Result<String> {
    let i18n = engine.office().i18n();
    let view = engine.waiting_room().queue_view().await?;
    let now = engine.office().clock().now();
    let mut lines = Vec::new();
    if view.waiting.is_empty() {
        lines.push(i18n.text(lang, "desk-queue-empty"));
    } else {
        lines.push(i18n.msg(
            lang,
            "desk-queue-title",
            &fargs!["count" => view.waiting.len(), "clerks" => view.clerks_on_duty],
        ));
        for (i, (e, _)) in view.waiting.iter().enumerate() {
            let mut line = i18n.msg(
                lang,
                "desk-queue-line",
                &fargs![
                    "position" => i + 1,
                    "reference" => e.reference.clone().unwrap_or_default(),
                    "service" => service_label(engine, lang, e),
                    "lang" => e.lang.to_uppercase(),
                    "waited" => (now - e.joined_at).num_minutes().max(0),
                    "open" => open_items(engine, lang, e),
                ],
            );
            if let Some(documents) = document_items(engine, lang, e).await? {
                line.push_str(" · ");
                line.push_str(&documents);
            }
            // What the device check found (a booking's; walk-ins have none).
            if let Some(booking) = &e.booking_id {
                let checks = engine.device_checks();
                let result = checks.result(booking).await?;
                line.push_str(" · ");
                line.push_str(&checks.clerk_text(lang, result.as_ref()));
            }
            lines.push(line);
        }
    }
    for c in &view.calls {
        let mut line = i18n.msg(
            lang,
            "desk-in-call-line",
            &fargs![
                "reference" => c.reference.clone().unwrap_or_default(),
                "clerk" => c.clerk.clone().unwrap_or_default(),
            ],
        );
        // The call's fee, once the clerk has set one.
        if let Some(p) = engine.payments().of_entry(&c.id).await? {
            line.push(' ');
            line.push_str(&i18n.msg(
                lang,
                "desk-today-payment",
                &fargs!["state" => i18n.text(lang, &format!("payment-state-{}", p.state.as_str()))],
            ));
        }
        lines.push(line);
    }
    Ok(lines.join("\n"))
}

pub(super) fn service_label(engine: &Engine, lang: Lang, e: &QueueEntry) -> String {
    match &e.service {
        Some(s) => engine.office().i18n().text(lang, &format!("service-{s}")),
        None => engine.office().i18n().text(lang, "desk-walk-in"),
    }
}

/// "📎" and the checklist items the citizen sent a document for, if any.
pub(super) async fn document_items(
    engine: &Engine,
    lang: Lang,
    e: &QueueEntry,
) -> Result<Option<String>> {
    let Some(booking) = &e.booking_id else {
        return Ok(None);
    };
    let rows = engine.documents().of_booking(booking).await?;
    if rows.is_empty() {
        return Ok(None);
    }
    let i18n = engine.office().i18n();
    let mut names: Vec<String> = rows
        .iter()
        .map(|r| match r.item.as_str() {
            "" => i18n.text(lang, "document-unnamed"),
            item => i18n.text(lang, &format!("doc-{item}")),
        })
        .collect();
    names.dedup();
    Ok(Some(i18n.msg(
        lang,
        "desk-documents",
        &fargs!["documents" => names.join(", ")],
    )))
}

/// The checklist items the citizen has not ticked off.
pub(super) fn open_items(engine: &Engine, lang: Lang, e: &QueueEntry) -> String {
    let catalog = engine.office().catalog();
    let open: Vec<String> = e
        .service
        .as_deref()
        .and_then(|s| catalog.service(s))
        .map(|s| {
            s.documents
                .iter()
                .filter(|d| !e.checklist.contains(d))
                .map(|d| engine.office().i18n().text(lang, &format!("doc-{d}")))
                .collect()
        })
        .unwrap_or_default();
    if open.is_empty() {
        engine.office().i18n().text(lang, "desk-checklist-complete")
    } else {
        open.join(", ")
    }
}
