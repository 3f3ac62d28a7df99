//! The real `schalter chat` binary, driven through a pipe as a new user would: in Turkish by
//! numbers, in Arabic by free text, in Ukrainian for a checklist; cancel and list; killed in
//! the middle of a booking and carried on after the restart.

use schalter_tests::TestDb;
use schalter_tests::terminal::{Chat, Printed, run};

/// Days and times are real here: take the first free day and time.
async fn first_day_and_time(chat: &mut Chat, days: &Printed) -> Printed {
    assert!(days.options.len() > 2, "free days are offered: {days:#?}");
    let times = chat.send("1").await;
    assert!(
        times.options[0].contains(':'),
        "times are offered: {times:#?}"
    );
    chat.send("1").await
}

#[tokio::test]
async fn turkish_by_numbers() {
    let db = TestDb::sqlite().await;
    let (mut chat, picker) = Chat::start(&db.url, "ayse", None).await;
    assert!(picker.text.contains("Lütfen dilinizi seçin"), "{picker:#?}");
    let menu = chat.send(&picker.number_of("Türkçe").to_string()).await;
    assert!(menu.text.contains("hoş geldiniz"), "{menu:#?}");
    let services = chat.send(&menu.number_of("Randevu al").to_string()).await;
    let checklist = chat
        .send(&services.number_of("Führungszeugnis").to_string())
        .await;
    assert!(
        checklist.text.contains("13,00 €"),
        "fee shown: {checklist:#?}"
    );
    let days = chat
        .send(&checklist.number_of("Tarih seçimine geç").to_string())
        .await;
    let held = first_day_and_time(&mut chat, &days).await;
    assert!(held.text.contains("5 dakika"), "{held:#?}");
    let booked = chat.send("1").await;
    assert!(booked.text.contains("Randevunuz alındı"), "{booked:#?}");
    assert_eq!(booked.references().len(), 1, "{booked:#?}");
    assert!(chat.finish().await.success());
    db.drop_db().await;
}

/// Leichte Sprache (`de-x-ls`), chosen at the picker by its words: a booking, a walk-in to a
/// clerk and `/forget`, every answer from `locales/de-x-ls`.
#[tokio::test]
async fn leichte_sprache_books_walks_in_and_forgets() {
    let db = TestDb::sqlite().await;
    let i18n = schalter_core::I18n::builtin();
    let t = |id: &str| i18n.text(schalter_core::Lang::DeXls, id);
    let first_line = |id: &str| t(id).lines().next().unwrap_or_default().trim().to_owned();
    // Tuesday 2 February 2027, 09:00: the office is open for walk-ins.
    let env = [("SCHALTER_CLOCK_START", "2027-02-02T09:00:00+01:00")];
    let (mut chat, picker) = Chat::start_with(&db.url, "lena", None, &env).await;
    assert!(picker.has_option("Leichte Sprache"), "{picker:#?}");
    let menu = chat.send("einfache Sprache").await;
    assert!(menu.text.contains(&first_line("welcome")), "{menu:#?}");
    let services = chat
        .send(&menu.number_of(&t("menu-book")).to_string())
        .await;
    let checklist = chat
        .send(&services.number_of(&t("service-anmeldung")).to_string())
        .await;
    assert!(
        checklist.text.contains("Wohnungs-Geber-Bestätigung"),
        "{checklist:#?}"
    );
    let days = chat
        .send(
            &checklist
                .number_of(&t("option-continue-to-dates"))
                .to_string(),
        )
        .await;
    let held = first_day_and_time(&mut chat, &days).await;
    let booked = chat
        .send(&held.number_of(&t("option-confirm")).to_string())
        .await;
    assert!(
        booked.text.contains(&first_line("booking-confirmed")),
        "{booked:#?}"
    );
    assert_eq!(booked.references().len(), 1, "{booked:#?}");
    // The date written out, as German writes it.
    assert!(
        booked.text.contains("Dienstag, 2. Februar 2027, um "),
        "{booked:#?}"
    );

    let menu = chat.send("/start").await;
    let waiting = chat
        .send(&menu.number_of(&t("menu-walk-in")).to_string())
        .await;
    let status = t("waiting-status");
    let (status, _) = status.split_once('{').unwrap_or((status.as_str(), ""));
    assert!(waiting.text.contains(status.trim()), "{waiting:#?}");

    let asked = chat.send("/forget").await;
    assert!(
        asked.text.contains(&first_line("forget-confirm")),
        "{asked:#?}"
    );
    let done = chat
        .send(&asked.number_of(&t("option-forget-yes")).to_string())
        .await;
    assert!(done.text.contains(&first_line("forget-done")), "{done:#?}");
    assert!(chat.finish().await.success());
    let left: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM bookings WHERE status = 'confirmed' AND conversation_id <> ''",
    )
    .fetch_one(db.store.pool())
    .await
    .unwrap();
    assert_eq!(left, 0, "the booking is cancelled");
    db.drop_db().await;
}

#[tokio::test]
async fn arabic_by_free_text() {
    let db = TestDb::sqlite().await;
    let (mut chat, first) = Chat::start(&db.url, "layla", Some("ar")).await;
    assert!(
        first.text.contains("مرحبًا") || first.text.contains("أهلًا"),
        "{first:#?}"
    );
    // Every line is marked right-to-left, except the privacy link on its own line, which
    // has no mark next to it.
    assert!(
        first
            .text
            .lines()
            .all(|l| l.starts_with('\u{200F}') || l == "https://example.org/datenschutz"),
        "{first:#?}"
    );
    assert!(
        first
            .text
            .lines()
            .any(|l| l == "https://example.org/datenschutz"),
        "{first:#?}"
    );
    let checklist = chat.send("أريد تسجيل السكن").await;
    assert!(
        checklist.text.contains("Wohnungsgeberbestätigung"),
        "{checklist:#?}"
    );
    let continue_label = checklist.options[checklist.options.len() - 3].clone();
    let days = chat
        .send(continue_label.trim_start_matches('\u{200F}'))
        .await;
    assert!(days.options.len() > 2, "{days:#?}");
    let first_day = days.options[0].trim_start_matches('\u{200F}').to_owned();
    let times = chat.send(&first_day).await;
    let first_time: String = times.options[0]
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ':')
        .collect();
    let held = chat.send(&first_time).await;
    let confirm_label = held.options[0].trim_start_matches('\u{200F}').to_owned();
    let booked = chat.send(&confirm_label).await;
    assert_eq!(booked.references().len(), 1, "{booked:#?}");
    assert!(chat.finish().await.success());
    db.drop_db().await;
}

/// A booking by free text in each of the six newer languages, as a citizen would write it.
#[tokio::test]
async fn free_text_booking_in_the_newer_languages() {
    let db = TestDb::sqlite().await;
    for (lang, said) in [
        (
            "pl",
            "Dzień dobry, potrzebuję zameldowanie w nowym mieszkaniu",
        ),
        ("ro", "Bună ziua, aș vrea să fac inregistrare domiciliu"),
        ("it", "Buongiorno, devo fare l'iscrizione anagrafica"),
        ("fa", "سلام، برای ثبت نشانی نوبت می‌خواهم"),
        ("fr", "Bonjour, je voudrais faire mon inscription domicile"),
        ("es", "Hola, necesito hacer el empadronamiento"),
    ] {
        let (mut chat, first) = Chat::start(&db.url, &format!("new-{lang}"), Some(lang)).await;
        assert!(!first.text.contains("Willkommen"), "{lang}: {first:#?}");
        let checklist = chat.send(said).await;
        assert!(
            checklist.text.contains("Wohnungsgeberbestätigung"),
            "{lang}: {said:?} found no Anmeldung: {checklist:#?}"
        );
        // The third option from the end goes on to the dates, in every language.
        let dates = checklist.options.len() - 2;
        let days = chat.send(&dates.to_string()).await;
        let held = first_day_and_time(&mut chat, &days).await;
        let booked = chat.send("1").await;
        assert_eq!(
            booked.references().len(),
            1,
            "{lang}: {booked:#?} after {held:#?}"
        );
        if lang == "fa" {
            assert!(
                booked.text.chars().any(|c| ('۰'..='۹').contains(&c)),
                "Persian digits in the date and time: {booked:#?}"
            );
        }
        assert!(chat.finish().await.success());
    }
    db.drop_db().await;
}

#[tokio::test]
async fn ukrainian_checklist_for_ummeldung() {
    let db = TestDb::sqlite().await;
    let (mut chat, menu) = Chat::start(&db.url, "olena", Some("uk")).await;
    let ask = chat.send(&menu.number_of("документи").to_string()).await;
    let checklist = chat.send("зміна адреси").await;
    assert!(checklist.text.contains("Ummeldung"), "{checklist:#?}");
    assert!(
        checklist.text.contains("Wohnungsgeberbestätigung"),
        "{checklist:#?}"
    );
    assert!(checklist.text.contains("безкоштовна"), "{checklist:#?}");
    assert!(!ask.options.is_empty());
    // Typos are forgiven.
    let again = chat.send("/menu").await;
    assert!(again.options.len() >= 5);
    let checklist = chat.send(&again.number_of("документи").to_string()).await;
    let parking = chat.send("паркуваня").await;
    assert!(
        parking.text.contains("Anwohnerparkausweis"),
        "{parking:#?} after {checklist:#?}"
    );
    assert!(chat.finish().await.success());
    db.drop_db().await;
}

#[tokio::test]
async fn cancel_one_booking_and_list_the_other() {
    let db = TestDb::sqlite().await;
    let (mut chat, menu) = Chat::start(&db.url, "max", Some("en")).await;
    let mut references = Vec::new();
    for service in ["Certificate of registration", "Certificate of good conduct"] {
        let services = chat.send(&menu.number_of("Book").to_string()).await;
        let checklist = chat.send(&services.number_of(service).to_string()).await;
        let days = chat
            .send(&checklist.number_of("Continue").to_string())
            .await;
        first_day_and_time(&mut chat, &days).await;
        let booked = chat.send("confirm appointment").await;
        references.extend(booked.references());
    }
    assert_eq!(references.len(), 2);
    let list = chat.send("/appointments").await;
    assert!(list.text.contains("2 upcoming appointments"), "{list:#?}");
    let detail = chat.send(&list.number_of(&references[0]).to_string()).await;
    let really = chat.send(&detail.number_of("Cancel").to_string()).await;
    let done = chat.send(&really.number_of("Yes").to_string()).await;
    assert!(
        done.text
            .contains(&format!("{} has been cancelled", references[0])),
        "{done:#?}"
    );
    assert!(done.text.contains("one upcoming appointment"), "{done:#?}");
    assert!(done.has_option(&references[1]) && !done.has_option(&references[0]));
    assert!(chat.finish().await.success());
    db.drop_db().await;
}

#[tokio::test]
async fn killed_mid_booking_continues_after_restart() {
    let db = TestDb::sqlite().await;
    let (mut chat, menu) = Chat::start(&db.url, "kim", Some("de")).await;
    let services = chat
        .send(&menu.number_of("Termin buchen").to_string())
        .await;
    let checklist = chat
        .send(&services.number_of("Abmeldung").to_string())
        .await;
    let ticked = chat.send("1").await;
    assert!(ticked.text.contains("☑"), "{ticked:#?}");
    let days = chat.send(&ticked.number_of("Terminwahl").to_string()).await;
    let held = first_day_and_time(&mut chat, &days).await;
    assert!(
        held.has_option("Termin bestätigen"),
        "{held:#?} after {checklist:#?}"
    );
    chat.kill().await;

    let (mut chat, resumed) = Chat::start(&db.url, "kim", None).await;
    assert!(resumed.text.contains("Willkommen zurück"), "{resumed:#?}");
    assert_eq!(resumed.options, held.options, "the same step again");
    let booked = chat.send("1").await;
    assert_eq!(booked.references().len(), 1, "{booked:#?}");
    assert!(
        booked.text.contains("☑"),
        "the ticked document is kept: {booked:#?}"
    );
    assert!(chat.finish().await.success());

    // Nothing is answered twice and nothing is lost: one booking, held state gone.
    let (chat, again) = Chat::start(&db.url, "kim", None).await;
    assert!(
        again.has_option("Termin buchen"),
        "back at the menu: {again:#?}"
    );
    assert!(chat.finish().await.success());
    db.drop_db().await;
}

#[tokio::test]
async fn odd_input_gets_a_hint_and_the_options_again() {
    let db = TestDb::sqlite().await;
    let (mut chat, menu) = Chat::start(&db.url, "odd", Some("ru")).await;
    for bad in [
        b"\n".to_vec(),
        b"\x01\x02\n".to_vec(),
        "👍👍\n".as_bytes().to_vec(),
        b"\xff\xfe broken utf-8\n".to_vec(),
        format!("{}\n", "я".repeat(5000)).into_bytes(),
        b"42\n".to_vec(),
    ] {
        let r = chat.send_raw(&bad).await;
        assert_eq!(
            r.options,
            menu.options,
            "options again after {:?}",
            &bad[..bad.len().min(8)]
        );
        assert!(!r.text.is_empty());
    }
    assert!(chat.finish().await.success());
    db.drop_db().await;
}

#[tokio::test]
async fn broken_catalogue_is_refused_with_file_and_line() {
    let dir = schalter_tests::scratch_dir("schalter_catalog");
    let path = dir.join("catalog.toml");
    let good =
        std::fs::read_to_string(schalter_tests::workspace().join("deploy/catalog.toml")).unwrap();
    let broken = good.replacen("duration_minutes = 20", "duration_minutes = 25", 1);
    std::fs::write(&path, &broken).unwrap();
    let db = format!("sqlite://{}", dir.join("x.db").display());
    let (ok, _, stderr) = run(
        &["chat", "--lang", "de"],
        &[
            ("SCHALTER_CATALOG", path.to_str().unwrap()),
            ("SCHALTER_DATABASE_URL", &db),
        ],
        None,
    )
    .await;
    assert!(!ok);
    let line = broken
        .lines()
        .position(|l| l.contains("duration_minutes = 25"))
        .unwrap()
        + 1;
    assert!(
        stderr.contains(&format!("catalog.toml:{line}:"))
            && stderr.contains("multiple of slot_minutes"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[tokio::test]
async fn locales_check_reports_missing_ids_and_unknown_variables() {
    let (ok, stdout, _) = run(&["locales", "check"], &[], None).await;
    assert!(ok, "the shipped locales are complete:\n{stdout}");
    assert!(stdout.contains("ar: "), "{stdout}");

    let dir = schalter_tests::copy_locales();
    let tr = dir.join("tr/common.ftl");
    let text = std::fs::read_to_string(&tr).unwrap();
    let text = text
        .lines()
        .filter(|l| !l.starts_with("menu-help ="))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("{ $max }", "{ $maximum }");
    std::fs::write(&tr, text).unwrap();
    // A long sentence planted in Leichte Sprache, which the same sentence in German may be.
    let long = "Wenn Sie einen Termin buchen wollen dann müssen Sie zuerst den Dienst wählen \
                und danach einen Tag.";
    for locale in ["de-x-ls", "de"] {
        let path = dir.join(format!("{locale}/common.ftl"));
        let text = std::fs::read_to_string(&path).unwrap();
        let text = text
            .lines()
            .map(|l| {
                if l.starts_with("main-menu-prompt =") {
                    format!("main-menu-prompt = {long}")
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        std::fs::write(&path, text).unwrap();
    }
    let (ok, stdout, _) = run(&["locales", "check", dir.to_str().unwrap()], &[], None).await;
    assert!(!ok);
    assert!(stdout.contains("missing: menu-help"), "{stdout}");
    assert!(
        stdout.contains("unknown variable $maximum in input-too-long"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "  Leichte Sprache: main-menu-prompt: sentence of 17 words (at most 15): \"{long}\""
        )),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("Leichte Sprache:").count(),
        1,
        "German is not held to the rules: {stdout}"
    );
}

/// What a new user tries first (issue 25): a greeting, thanks and the opening hours are
/// answered as such, not with "no service found", and the menu stays.
#[tokio::test]
async fn greetings_thanks_and_hours_are_answered() {
    let db = TestDb::sqlite().await;
    let (mut chat, first) = Chat::start(&db.url, "greta", Some("de")).await;
    assert!(first.has_option("Termin buchen"), "{first:#?}");
    for (said, answer) in [
        ("hallo", "Hallo! Schön, dass Sie da sind."),
        ("danke", "Gern geschehen!"),
        (
            "Wann habt ihr geöffnet?",
            "Öffnungszeiten des virtuellen Schalters in den nächsten 7 Tagen:",
        ),
        (
            "Was kostet die Anmeldung?",
            "Anmeldung einer Wohnung: gebührenfrei, das Videogespräch dauert etwa 20 Minuten.",
        ),
        (
            "Wo ist das Bürgeramt?",
            "Bürgeramt Mitte, Marktplatz 1, 69117 Musterstadt",
        ),
    ] {
        let reply = chat.send(said).await;
        assert!(reply.text.contains(answer), "{said}: {reply:#?}");
        assert!(
            !reply.text.contains("keinen Dienst gefunden"),
            "{said}: {reply:#?}"
        );
        assert!(reply.has_option("Termin buchen"), "{said}: {reply:#?}");
    }
    let hours = chat.send("Öffnungszeiten").await;
    assert!(
        hours.text.contains("Jetzt geöffnet, heute bis")
            || hours.text.contains("Jetzt geschlossen."),
        "{hours:#?}"
    );
    assert!(chat.finish().await.success());
    db.drop_db().await;
}
