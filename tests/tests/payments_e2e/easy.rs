//! A fee paid in Leichte Sprache (`de-x-ls`): Telegram's invoice and the terminal's Stripe
//! link, each answered in the words of `locales/de-x-ls`. The clerk's desk stays German.

use schalter_core::store::PaymentState;
use schalter_core::{I18n, Lang};
use schalter_tests::stripe_fake::StripeFake;
use schalter_tests::telegram_emulator::{Emulator, TgUser};
use schalter_tests::terminal::{Chat, Desk};
use schalter_tests::{Serve, TestDb, easy_first_line};

use crate::office::{Office, call_and_finish, refs, stripe_env, telegram_env};
use crate::records::payment;
use crate::telegram::{invoice, references, telegram_booking_in, telegram_check_in};
use crate::terminal::{checkout_url, terminal_check_in};
use crate::{CHECK_IN, CLERK, MORNING};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_invoice_in_leichte_sprache() {
    let db = TestDb::sqlite().await;
    let emu = Emulator::start().await;
    let jonas = TgUser::new(6301, "Jonas", Some("de"));
    let booking = telegram_booking_in(&db, jonas.id, "fuehrungszeugnis", "de-x-ls").await;
    let base = telegram_env(&db, &emu);
    let office = Office::new(CHECK_IN);
    let _serve = Serve::start(&refs(&office.env(&base))).await;
    telegram_check_in(&emu, &jonas, &booking).await;

    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;
    let before = emu.last_id(jonas.id);
    let done = call_and_finish(&mut desk, &booking.reference, "Führungszeugnis").await;
    assert!(done.contains("13,00 €"), "{done}");

    // The invoice's title and description in Leichte Sprache, the service by its easy name.
    let invoice_message = invoice(&emu, jonas.id, before).await;
    let invoice = invoice_message.invoice.clone().expect("an invoice");
    assert_eq!(invoice.total_amount, 1300, "{invoice:#?}");
    assert_eq!(invoice.title, "Bezahlen: Führungs-Zeugnis", "{invoice:#?}");
    assert!(
        invoice
            .description
            .starts_with("Führungs-Zeugnis. Zahlungs-Nummer: "),
        "{invoice:#?}"
    );
    let payment_ref = references(&invoice.description)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a payment reference in {invoice:#?}"));

    // A tampered pre-checkout is refused in Leichte Sprache.
    let q = emu.pre_checkout_with(&jonas, "EUR", 130, &invoice.payload);
    let (ok, error, _) = emu.wait_pre_checkout_answer(&q).await;
    assert!(!ok, "a tenth of the fee must be refused");
    assert!(
        error
            .unwrap_or_default()
            .contains(&easy_first_line("payment-refused-amount")),
        "the refusal in Leichte Sprache"
    );

    let q = emu.pre_checkout(&jonas, &invoice_message);
    let (ok, error, _) = emu.wait_pre_checkout_answer(&q).await;
    assert!(ok, "{error:?}");
    let before = emu.last_id(jonas.id);
    emu.pay(&jonas, &invoice_message);
    let receipt = emu
        .wait_text(jonas.id, before, &easy_first_line("payment-receipt"))
        .await;
    for needle in [
        "Wir haben Ihr Geld bekommen.",
        "Das Geld ist für: Führungs-Zeugnis",
        "Betrag: 13,00 €",
        "Datum: Dienstag, 2. Februar 2027",
        payment_ref.as_str(),
    ] {
        assert!(receipt.text.contains(needle), "{needle:?} in {receipt:#?}");
    }
    desk.wait_for("Zahlung eingegangen").await;
    assert_eq!(payment(&db, &payment_ref).await.state, PaymentState::Paid);
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stripe_link_in_leichte_sprache_in_the_terminal() {
    let i18n = I18n::builtin();
    let t = |id: &str| i18n.text(Lang::DeXls, id);
    let db = TestDb::postgres().await;
    let fake = StripeFake::start().await;
    let base = stripe_env(&db, &fake);

    // Booked in the terminal in Leichte Sprache, by the easy labels.
    let mut env = base.clone();
    env.push(("SCHALTER_CLOCK_START", MORNING.to_owned()));
    let (mut chat, menu) = Chat::start_with(&db.url, "ida", Some("de-x-ls"), &refs(&env)).await;
    let services = chat
        .send(&menu.number_of(&t("menu-book")).to_string())
        .await;
    let checklist = chat
        .send(
            &services
                .number_of(&t("service-meldebescheinigung"))
                .to_string(),
        )
        .await;
    let days = chat
        .send(
            &checklist
                .number_of(&t("option-continue-to-dates"))
                .to_string(),
        )
        .await;
    let times = chat.send(&days.number_of("Dienstag").to_string()).await;
    let held = chat.send(&times.number_of("08:30").to_string()).await;
    let booked = chat
        .send(&held.number_of(&t("option-confirm")).to_string())
        .await;
    assert!(
        booked
            .text
            .contains("Dienstag, 2. Februar 2027, um 08:30 Uhr"),
        "{booked:#?}"
    );
    let reference = booked
        .references()
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a booking reference in {booked:#?}"));
    assert!(chat.finish().await.success());

    let office = Office::new(CHECK_IN);
    let serve = Serve::start(&refs(&office.env(&base))).await;
    fake.set_webhook(&format!("{}/payments/stripe", serve.http));
    let mut chat = terminal_check_in(&db, "ida", &office.env(&base)).await;
    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;
    call_and_finish(&mut desk, &reference, "Meldebescheinigung").await;

    // The request in Leichte Sprache with the link; Stripe's page in German.
    let request = chat.wait_for_notice("https://checkout.stripe.com/").await;
    for needle in [
        easy_first_line("payment-request"),
        "Das Geld ist für: Melde-Bescheinigung".to_owned(),
        "Betrag: 10,00 €".to_owned(),
        t("payment-how-online"),
        t("payment-link-label"),
    ] {
        assert!(request.text.contains(&needle), "{needle:?} in {request:#?}");
    }
    let url = checkout_url(&request);
    let sessions = fake.sessions();
    assert_eq!(sessions.len(), 1, "{sessions:#?}");
    assert_eq!(sessions[0]["url"], url.as_str());
    assert_eq!(sessions[0]["locale"], "de", "Stripe has no Leichte Sprache");
    let session_id = sessions[0]["id"].as_str().expect("session id").to_owned();

    assert_eq!(fake.pay(&session_id).await, 200);
    let receipt = chat
        .wait_for_notice(&easy_first_line("payment-receipt"))
        .await;
    for needle in [
        "Wir haben Ihr Geld bekommen.",
        "Das Geld ist für: Melde-Bescheinigung",
        "Betrag: 10,00 €",
    ] {
        assert!(receipt.text.contains(needle), "{needle:?} in {receipt:#?}");
    }
    let payment_ref = references_in(&receipt.text);
    assert_eq!(
        payment(&db, &payment_ref).await.state,
        PaymentState::Paid,
        "{receipt:#?}"
    );
    drop(chat);
    drop(desk);
    db.drop_db().await;
}

/// The payment reference of a receipt: the reference that is not the booking's.
fn references_in(text: &str) -> String {
    let line = text
        .lines()
        .find(|l| l.contains("Zahlungs-Nummer:"))
        .unwrap_or_else(|| panic!("a payment number in {text}"));
    references(line)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a reference in {line}"))
}
