//! The texts of a payment: the request as the citizen reads it, the receipt, the desk's line.

use crate::fargs;
use crate::format;
use crate::i18n::Lang;
use crate::message::{Message, PaymentAsk};
use crate::store::{Item, Payment};

use super::Payments;

impl Payments {
    /// The service's name in `lang`, or "your request" for a visit without one.
    pub(super) fn fee_for(&self, lang: Lang, service: Option<&str>) -> String {
        match service {
            Some(s) => self.office.service_name(lang, s),
            None => self.office.i18n().text(lang, "payment-service-other"),
        }
    }

    /// The request as the citizen reads it, with what any channel needs to take it.
    pub(super) fn payment_message(&self, p: &Payment) -> String {
        let lang = Lang::from_tag(&p.lang).unwrap_or(Lang::REFERENCE);
        let i18n = self.office.i18n();
        let service = self.fee_for(lang, p.service.as_deref());
        // The visit's own line in the language the citizen speaks now.
        let items: Vec<Item> = p
            .items
            .iter()
            .map(|item| match item.visit {
                true => Item {
                    label: service.clone(),
                    ..item.clone()
                },
                false => item.clone(),
            })
            .collect();
        let amount = self.office.amount_text(lang, p.amount_cents);
        let mut lines = vec![i18n.msg(
            lang,
            "payment-request",
            &fargs![
                "service" => service.clone(),
                "amount" => amount.clone(),
                "reference" => p.reference.clone(),
            ],
        )];
        if items.len() > 1 {
            for item in &items {
                lines.push(i18n.msg(
                    lang,
                    "payment-item",
                    &fargs!["label" => item.label.clone(), "amount" => self.office.amount_text(lang, item.cents)],
                ));
            }
        }
        let title: String = i18n
            .msg(
                lang,
                "payment-invoice-title",
                &fargs!["service" => service.clone()],
            )
            .chars()
            .take(32)
            .collect();
        let description: String = i18n
            .msg(
                lang,
                "payment-invoice-description",
                &fargs!["service" => service, "reference" => p.reference.clone()],
            )
            .chars()
            .take(255)
            .collect();
        let (text, options) = crate::message::directed(lang, lines.join("\n"), Vec::new());
        (Message {
            text,
            options,
            link: None,
            attachment: None,
            // The channel that delivers it knows whether it can take the payment: it adds
            // the way to pay, or the hint to pay as agreed.
            payment: Some(PaymentAsk {
                payment_id: p.id.clone(),
                title,
                description,
                items,
                amount_cents: p.amount_cents,
                currency: p.currency.clone(),
                link_label: i18n.text(lang, "payment-link-label"),
                online_hint: i18n.text(lang, "payment-how-online"),
                offline_hint: i18n.text(lang, "payment-how-office"),
                unavailable: i18n.text(lang, "payment-link-unavailable"),
            }),
        })
        .to_json()
    }

    pub(super) fn receipt_message(
        &self,
        p: &Payment,
        now: chrono::DateTime<chrono::Utc>,
    ) -> String {
        let lang = Lang::from_tag(&p.lang).unwrap_or(Lang::REFERENCE);
        let i18n = self.office.i18n();
        let service = self.fee_for(lang, p.service.as_deref());
        let text = i18n.msg(
            lang,
            "payment-receipt",
            &fargs![
                "service" => service,
                "amount" => self.office.amount_text(lang, p.amount_cents),
                "date" => format::date(i18n, lang, now.with_timezone(&self.office.tz()).date_naive()),
                "reference" => p.reference.clone(),
                "payment" => p
                    .provider_charge_id
                    .clone()
                    .or_else(|| p.telegram_charge_id.clone())
                    .unwrap_or_else(|| p.id.clone()),
            ],
        );
        self.office.message_json(lang, text, Vec::new())
    }

    pub(super) fn desk_paid_message(&self, p: &Payment) -> String {
        let lang = Lang::REFERENCE;
        let i18n = self.office.i18n();
        let text = i18n.msg(
            lang,
            "desk-paid-line",
            &fargs![
                "reference" => p.visit_reference.clone().unwrap_or_else(|| p.reference.clone()),
                "amount" => self.office.amount_text(lang, p.amount_cents),
                "payment" => p.reference.clone(),
            ],
        );
        (Message {
            text,
            ..Default::default()
        })
        .to_json()
    }
}
