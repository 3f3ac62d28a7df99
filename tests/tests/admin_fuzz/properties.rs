//! The properties: each a strategy of cases run against the office, and what every case must
//! keep.

use proptest::prelude::*;
use proptest::sample::select;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::catalog_ops::{apply, catalog_op};
use crate::generators::{fluent, request};
use crate::office::{LANGS, Office};
use crate::requests::{Req, clip};

fn ids_of(office: &Office) -> Vec<String> {
    office.messages.iter().map(|(id, _)| id.clone()).collect()
}

/// Any request at all keeps the rules.
pub(crate) fn arbitrary_requests(office: &Office, cases: u32) {
    office.run(
        "arbitrary requests",
        cases,
        request(ids_of(office)),
        |office, req| office.rt.block_on(office.request(&req)).map(|_| ()),
    );
}

/// Arbitrary Fluent for real messages and locales: refused with 422 and a reason (and the
/// preview agrees), or accepted, shown by GET, and rendered by the preview without an
/// unresolved placeable.
pub(crate) fn arbitrary_fluent(office: &Office, cases: u32) {
    let messages = office.messages.clone();
    let strategy = (0..messages.len(), select(LANGS.to_vec()), any::<u64>()).prop_flat_map(
        move |(i, lang, seed)| {
            let (id, vars) = messages[i].clone();
            (
                Just(id),
                Just(lang),
                fluent(vars.clone()),
                Just(vars),
                Just(seed),
            )
        },
    );
    office.run(
        "arbitrary Fluent",
        cases,
        strategy,
        |office, (id, lang, value, vars, seed)| {
            office.rt.block_on(async {
                let path = format!("/admin/api/locales/{lang}/messages/{id}");
                let put = office
                    .request(&Req::json(
                        Method::PUT,
                        &path,
                        json!({"value": value, "author": "fuzz"}),
                    ))
                    .await?;
                let args: serde_json::Map<String, Value> = vars
                    .iter()
                    .enumerate()
                    .map(|(n, v)| {
                        // Numbers and strings, as the bot passes them.
                        let sample = if (seed >> n) & 1 == 0 {
                            json!(seed % 1000)
                        } else {
                            json!("Anmeldung")
                        };
                        (v.clone(), sample)
                    })
                    .collect();
                let preview = office
                    .request(&Req::json(
                        Method::POST,
                        format!("/admin/api/locales/{lang}/preview"),
                        json!({"id": id, "value": value, "args": args}),
                    ))
                    .await?;
                if put.status.is_success() {
                    if preview.status != StatusCode::OK {
                        return Err(format!("accepted, but the preview says {preview:?}"));
                    }
                    let text = preview
                        .json
                        .as_ref()
                        .map_or("", |j| j["text"].as_str().unwrap_or_default());
                    if text.contains('{') {
                        return Err(format!(
                            "accepted, and the citizen would read an unresolved placeable: {}",
                            clip(text, 300)
                        ));
                    }
                } else {
                    if put.status != StatusCode::UNPROCESSABLE_ENTITY {
                        return Err(format!("a real message refused with {put:?}"));
                    }
                    if preview.status != put.status {
                        return Err(format!("refused, but the preview says {preview:?}"));
                    }
                }
                Ok(())
            })
        },
    );
}

/// Arbitrary catalogues, most of them the shipped one changed here and there: refused with
/// a reason and the old one kept, or accepted and shown.
pub(crate) fn arbitrary_catalogues(office: &Office, cases: u32) {
    let original = office.catalog.clone();
    office.run(
        "arbitrary catalogues",
        cases,
        prop::collection::vec(catalog_op(), 1..4),
        move |office, ops| {
            let toml = apply(&original, &ops);
            office.rt.block_on(async {
                let a = office
                    .request(&Req::json(
                        Method::PUT,
                        "/admin/api/catalog",
                        json!({"toml": toml, "author": "fuzz"}),
                    ))
                    .await?;
                if a.status.is_client_error()
                    && a.status != StatusCode::UNPROCESSABLE_ENTITY
                    && a.status != StatusCode::PAYLOAD_TOO_LARGE
                {
                    return Err(format!("a catalogue refused with {a:?}"));
                }
                Ok(())
            })
        },
    );
}
