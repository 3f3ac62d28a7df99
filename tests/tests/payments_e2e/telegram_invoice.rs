//! Telegram's native invoice: paid once with one receipt, and the receipt survives a kill.

use std::time::{Duration, Instant};

use schalter_core::store::PaymentState;
use schalter_tests::telegram_emulator::{Emulator, TgUser};
use schalter_tests::terminal::Desk;
use schalter_tests::{Serve, TestDb, conv};

use crate::office::{Office, call_and_finish, refs, telegram_env};
use crate::records::{admin_lists_one, metrics_count_one, payment, receipt_rows, wait_state};
use crate::telegram::{invoice, receipts, references, telegram_booking, telegram_check_in};
use crate::{CHECK_IN, CLERK};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn telegram_invoice_paid_once_with_receipt_and_desk_line() {
    let db = TestDb::sqlite().await;
    let emu = Emulator::start().await;
    let hanna = TgUser::new(6101, "Hanna", Some("de"));
    let booking = telegram_booking(&db, hanna.id, "fuehrungszeugnis").await;
    let base = telegram_env(&db, &emu);
    let office = Office::new(CHECK_IN);
    let serve = Serve::start(&refs(&office.env(&base))).await;
    telegram_check_in(&emu, &hanna, &booking).await;

    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;
    let before = emu.last_id(hanna.id);
    let done = call_and_finish(&mut desk, &booking.reference, "Führungszeugnis").await;
    assert!(
        done.contains("13,00 €") && done.contains("Zahlungsaufforderung ist verschickt"),
        "the fee went out with done: {done}"
    );

    // The invoice: 13,00 € in euros, our payment reference in its description.
    let invoice_message = invoice(&emu, hanna.id, before).await;
    let invoice = invoice_message.invoice.clone().expect("an invoice");
    assert_eq!(invoice.total_amount, 1300, "{invoice:#?}");
    assert_eq!(invoice.currency, "EUR", "{invoice:#?}");
    assert!(invoice.title.contains("Führungszeugnis"), "{invoice:#?}");
    let payment_ref = references(&invoice.description)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("a payment reference in {invoice:#?}"));
    let open = payment(&db, &payment_ref).await;
    assert_eq!(open.state, PaymentState::Open);
    assert_eq!(
        open.visit_reference.as_deref(),
        Some(booking.reference.as_str())
    );
    assert_eq!(invoice.payload, open.id, "the payload is the payment's id");
    let state = desk
        .command(&format!("paid {}", booking.reference), "Zahlungsreferenz")
        .await;
    assert!(
        state.contains("offen") && state.contains(&payment_ref),
        "{state}"
    );

    // Tampered pre-checkouts are refused with the reason, in German.
    for (currency, amount, payload) in [
        ("EUR", 130, invoice.payload.as_str()),
        ("USD", 1300, invoice.payload.as_str()),
    ] {
        let q = emu.pre_checkout_with(&hanna, currency, amount, payload);
        let (ok, error, _) = emu.wait_pre_checkout_answer(&q).await;
        assert!(!ok, "{currency} {amount} must be refused");
        let error = error.unwrap_or_default();
        assert!(
            error.contains("Dieser Betrag passt nicht zur offenen Gebühr"),
            "{currency} {amount}: {error:?}"
        );
    }
    let q = emu.pre_checkout_with(&hanna, "EUR", 1300, "no-such-payment");
    let (ok, error, _) = emu.wait_pre_checkout_answer(&q).await;
    assert!(!ok);
    assert!(
        error.unwrap_or_default().contains("kennen wir nicht"),
        "unknown payload"
    );

    // The real one is accepted well within Telegram's 10 s.
    let q = emu.pre_checkout(&hanna, &invoice_message);
    let (ok, error, took) = emu.wait_pre_checkout_answer(&q).await;
    assert!(ok, "the right invoice is accepted: {error:?}");
    assert!(took < Duration::from_secs(10), "answered after {took:?}");

    // Paid: one receipt with the reference, one line at the desk.
    let before = emu.last_id(hanna.id);
    let paid_update = emu.pay(&hanna, &invoice_message);
    let receipt = emu
        .wait_text(hanna.id, before, "Zahlung ist eingegangen")
        .await;
    for needle in [
        payment_ref.as_str(),
        "13,00 €",
        "Führungszeugnis",
        "Zahlungs-ID: prov_",
    ] {
        assert!(receipt.text.contains(needle), "{needle:?} in {receipt:#?}");
    }
    let line = desk.wait_for("Zahlung eingegangen").await;
    assert!(
        line.contains(&booking.reference)
            && line.contains("13,00 €")
            && line.contains(&payment_ref),
        "the desk's line: {line}"
    );
    let paid = payment(&db, &payment_ref).await;
    assert_eq!(paid.state, PaymentState::Paid);
    assert_eq!(paid.provider.as_deref(), Some("telegram"));
    assert!(paid.telegram_charge_id.is_some(), "{paid:#?}");

    // The same payment again (Telegram redelivers): no second receipt, no second line.
    emu.pay_again(&hanna, paid_update);
    let more = desk.blocks_within(Duration::from_secs(3)).await;
    assert!(
        !more.iter().any(|b| b.contains("Zahlung eingegangen")),
        "a second desk line: {more:#?}"
    );
    assert_eq!(
        receipts(&emu, hanna.id).len(),
        1,
        "one receipt: {:#?}",
        emu.messages(hanna.id)
    );
    assert_eq!(
        receipt_rows(&db, &paid).await,
        (1, 1),
        "receipt written once"
    );
    assert!(
        db.store
            .outbox()
            .pending_for(&conv("desk:payments"), 10)
            .await
            .expect("outbox")
            .is_empty(),
        "the desk's line was delivered"
    );

    // Paying again is refused before it starts.
    let q = emu.pre_checkout(&hanna, &invoice_message);
    let (ok, error, took) = emu.wait_pre_checkout_answer(&q).await;
    assert!(!ok, "a paid invoice is not taken twice");
    assert!(took < Duration::from_secs(10), "answered after {took:?}");
    assert!(
        error.unwrap_or_default().contains("bereits bezahlt"),
        "payment-refused-closed"
    );

    // The desk: paid, and a Telegram payment is refunded at the provider.
    let state = desk
        .command(&format!("paid {}", booking.reference), "Zahlungsreferenz")
        .await;
    assert!(
        state.contains("bezahlt") && state.contains("13,00 €") && state.contains(&payment_ref),
        "{state}"
    );
    let by_payment_ref = desk
        .command(
            &format!("paid {}", payment_ref.to_lowercase()),
            "Zahlungsreferenz",
        )
        .await;
    assert!(by_payment_ref.contains("bezahlt"), "{by_payment_ref}");
    let refund = desk
        .command(&format!("refund {}", booking.reference), "rstatt")
        .await;
    assert!(
        refund.contains("beim Zahlungsanbieter")
            && refund.contains(paid.telegram_charge_id.as_deref().unwrap_or("?")),
        "desk-refund-at-provider: {refund}"
    );
    assert_eq!(payment(&db, &payment_ref).await.state, PaymentState::Paid);

    admin_lists_one(&serve, "paid", &payment_ref, 1300, 1300, "telegram").await;
    if let Err(e) = metrics_count_one(&serve, "paid", 1300).await {
        panic!("{e}");
    }

    assert!(desk.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn receipt_survives_a_kill_between_payment_and_receipt() {
    let db = TestDb::postgres().await;
    let emu = Emulator::start().await;
    let karl = TgUser::new(6104, "Karl", Some("de"));
    let booking = telegram_booking(&db, karl.id, "fuehrungszeugnis").await;
    let base = telegram_env(&db, &emu);
    let office = Office::new(CHECK_IN);
    let serve = Serve::start(&refs(&office.env(&base))).await;
    telegram_check_in(&emu, &karl, &booking).await;
    let (mut desk, _) = Desk::start(&db.url, CLERK, &refs(&office.env(&base))).await;
    let before = emu.last_id(karl.id);
    call_and_finish(&mut desk, &booking.reference, "Führungszeugnis").await;
    let invoice_message = invoice(&emu, karl.id, before).await;
    let payment_ref = references(
        &invoice_message
            .invoice
            .as_ref()
            .expect("invoice")
            .description,
    )[0]
    .clone();
    let q = emu.pre_checkout(&karl, &invoice_message);
    let (ok, error, _) = emu.wait_pre_checkout_answer(&q).await;
    assert!(ok, "{error:?}");
    // Everything before the payment is out (the feedback question comes after the invoice).
    let conversation = format!("telegram:{}", karl.id);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !db
        .store
        .outbox()
        .pending_for(&conv(&conversation), 10)
        .await
        .expect("outbox")
        .is_empty()
    {
        assert!(Instant::now() < deadline, "outbox not drained");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The receipt's first attempt fails (Telegram's front end answers 502), so that the
    // process is surely killed after the payment is recorded and before the receipt went.
    emu.fail_next_sends(1);
    let paid_update = emu.pay(&karl, &invoice_message);
    let paid = wait_state(&db, &payment_ref, PaymentState::Paid).await;
    serve.kill().await;
    let gateways = emu.bad_gateways();
    assert!(
        receipts(&emu, karl.id).is_empty(),
        "no receipt before the restart: {:#?}",
        emu.messages(karl.id)
    );
    eprintln!("killed after the payment was recorded; 502s so far: {gateways}");

    // A new process on the same database: the receipt comes, once.
    let serve = Serve::start(&refs(&office.env(&base))).await;
    let receipt = emu.wait_text(karl.id, 0, "Zahlung ist eingegangen").await;
    assert!(receipt.text.contains(&payment_ref), "{receipt:#?}");
    // Telegram delivers the payment once more: still one receipt.
    emu.pay_again(&karl, paid_update);
    let line = desk.wait_for("Zahlung eingegangen").await;
    assert!(line.contains(&booking.reference), "{line}");
    let more = desk.blocks_within(Duration::from_secs(3)).await;
    assert!(
        !more.iter().any(|b| b.contains("Zahlung eingegangen")),
        "a second desk line: {more:#?}"
    );
    assert_eq!(
        receipts(&emu, karl.id).len(),
        1,
        "exactly one receipt: {:#?}",
        emu.messages(karl.id)
    );
    assert_eq!(
        receipt_rows(&db, &paid).await,
        (1, 1),
        "receipt written once"
    );
    assert_eq!(payment(&db, &payment_ref).await.state, PaymentState::Paid);

    assert!(desk.finish().await.success());
    serve.kill().await;
    db.drop_db().await;
}
