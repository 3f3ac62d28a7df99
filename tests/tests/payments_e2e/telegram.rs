//! The Telegram citizen's steps: a booking, check-in, the invoice, the receipts.

use schalter_core::store::{Booking, HoldRequest};
use schalter_tests::telegram_emulator::{BotMessage, Emulator, TgUser};
use schalter_tests::terminal::Printed;
use schalter_tests::{TestDb, conv};

use crate::office::at;
use crate::{MORNING, SLOT};

/// Booking (`XXXX-XXXX`) and payment references in `text`, in order.
pub(crate) fn references(text: &str) -> Vec<String> {
    Printed {
        text: text.to_owned(),
        ..Default::default()
    }
    .references()
}

/// An 08:30 booking of `service` for a Telegram chat, made earlier in the morning, and the
/// conversation started in German.
pub(crate) async fn telegram_booking(db: &TestDb, chat: i64, service: &str) -> Booking {
    telegram_booking_in(db, chat, service, "de").await
}

/// The same with the conversation in `lang`.
pub(crate) async fn telegram_booking_in(
    db: &TestDb,
    chat: i64,
    service: &str,
    lang: &str,
) -> Booking {
    let conversation = format!("telegram:{chat}");
    let (engine, _) = schalter_tests::engine(&db.store, at(MORNING));
    let start = at(SLOT);
    let have = Vec::new();
    let held = db
        .store
        .bookings()
        .hold(
            &HoldRequest {
                conversation_id: &conv(&conversation),
                service,
                lang,
                starts_at: start,
                ends_at: start + chrono::Duration::minutes(10),
                unit: chrono::Duration::minutes(10),
                desks: 3,
                checklist: &have,
                hold_until: at(MORNING) + chrono::Duration::minutes(5),
            },
            at(MORNING),
        )
        .await
        .expect("hold")
        .expect("slot free");
    let booking = db
        .store
        .bookings()
        .confirm(&held.id, at(MORNING))
        .await
        .expect("confirm")
        .expect("confirmed");
    engine
        .dialogue()
        .handle_keyed(
            &conv(&conversation),
            Some("1"),
            Some(lang),
            schalter_core::Input::Text("/start".into()),
        )
        .await
        .expect("conversation started");
    booking
}

/// Types `text` on Telegram and returns the bot's next message.
pub(crate) async fn say(emu: &Emulator, user: &TgUser, text: &str) -> BotMessage {
    let before = emu.last_id(user.id);
    emu.send_text(user, text);
    emu.wait_message(user.id, before, |_| true).await
}

/// The Telegram citizen checks in for their booking.
pub(crate) async fn telegram_check_in(emu: &Emulator, user: &TgUser, booking: &Booking) {
    let menu = say(emu, user, "/start").await;
    let checkin = format!("checkin:{}", booking.id);
    assert_eq!(menu.buttons()[0].1, checkin, "check-in offered: {menu:#?}");
    let before = emu.last_id(user.id);
    emu.press(user, &menu, &checkin);
    emu.wait_text(user.id, before, "Ihr Platz in der Reihe: 1")
        .await;
}

/// The invoice sent to a Telegram chat after message `after`.
pub(crate) async fn invoice(emu: &Emulator, chat: i64, after: i64) -> BotMessage {
    emu.wait_message(chat, after, |m| m.invoice.is_some()).await
}

pub(crate) fn receipts(emu: &Emulator, chat: i64) -> Vec<BotMessage> {
    emu.messages(chat)
        .into_iter()
        .filter(|m| m.text.contains("Zahlung ist eingegangen"))
        .collect()
}
