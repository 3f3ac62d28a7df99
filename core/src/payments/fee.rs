//! Setting a call's fee and sending the request to the citizen, during the call or after it.

use crate::channel::ConversationId;
use chrono::Duration;

use crate::error::EngineError;
use crate::i18n::Lang;
use crate::store::{Item, NewPayment, Payment, PaymentState, QueueEntry};

use super::{CURRENCY, Payments};

/// How long after a call the clerk may still set its fee.
const AFTER_CALL: Duration = Duration::hours(12);

/// What `fee` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fee {
    /// The clerk has no call now and none that just ended.
    NoCall,
    /// The request is paid already; it cannot change.
    AlreadyPaid(Box<Payment>),
    /// The request as it stands now, and whether it went to the citizen.
    Set { payment: Box<Payment>, sent: bool },
}

impl Payments {
    /// The language the citizen speaks now, if they chose one.
    async fn citizen_lang(
        &self,
        conversation: &ConversationId,
    ) -> Result<Option<Lang>, EngineError> {
        Ok(self
            .store
            .conversations()
            .cached_conversation(conversation)
            .await?
            .and_then(|row| row.lang.as_deref().and_then(Lang::from_tag)))
    }

    /// `fee [AMOUNT] [reason]` for the clerk's current call, or the one they just finished:
    /// without an amount the service's fee; an amount alone replaces the service's fee; an
    /// amount with a reason adds an item.
    pub async fn set_fee(
        &self,
        clerk: &str,
        amount: Option<i64>,
        reason: Option<String>,
    ) -> Result<Fee, EngineError> {
        let now = self.office.now();
        let (entry, finished) = match self.store.queue().clerk_entry(clerk).await? {
            Some(e) => (e, false),
            None => match self
                .store
                .queue()
                .clerk_last_done(clerk, now - AFTER_CALL)
                .await?
            {
                Some(e) => (e, true),
                None => return Ok(Fee::NoCall),
            },
        };
        // A citizen who had themselves forgotten has nobody left to pay.
        let Some(citizen) = entry.conversation_id.clone() else {
            return Ok(Fee::NoCall);
        };
        let payment = self.request_for(&entry, &citizen, clerk).await?;
        if !matches!(payment.state, PaymentState::Draft | PaymentState::Open) {
            return Ok(Fee::AlreadyPaid(Box::new(payment)));
        }
        let mut items = payment.items.clone();
        match (amount, reason) {
            (None, _) => {}
            (Some(cents), None) => match items.first_mut() {
                Some(base) => base.cents = cents,
                None => items.push(self.visit_item(&payment.lang, entry.service.as_deref(), cents)),
            },
            (Some(cents), Some(label)) => items.push(Item {
                label,
                cents,
                visit: false,
            }),
        }
        items.retain(|i| i.cents > 0);
        if !self
            .store
            .payments()
            .set_payment_items(&payment.id, &items, now)
            .await?
        {
            let paid = self
                .store
                .payments()
                .payment(&payment.id)
                .await?
                .unwrap_or(payment);
            return Ok(Fee::AlreadyPaid(Box::new(paid)));
        }
        let payment = self
            .store
            .payments()
            .payment(&payment.id)
            .await?
            .ok_or_else(|| crate::store::StoreError::Corrupt("payment vanished".into()))?;
        // During the call the request waits for `done`; after it, it goes now (again, if
        // it was sent before with another amount).
        let sent = (finished || payment.state == PaymentState::Open)
            && self.send_payment(&payment).await?;
        Ok(Fee::Set {
            payment: Box::new(payment),
            sent,
        })
    }

    /// At `done`: the call's draft request goes to the citizen; a `pay_after_call` service
    /// gets its request without a word from the clerk.
    pub(crate) async fn fee_after_call(
        &self,
        entry: &QueueEntry,
        clerk: &str,
    ) -> Result<Option<Payment>, EngineError> {
        let draft = match self.store.payments().payment_of_entry(&entry.id).await? {
            Some(p) => Some(p),
            None => {
                let automatic = entry
                    .service
                    .as_deref()
                    .and_then(|s| self.office.catalog().service(s).cloned())
                    .is_some_and(|s| s.pay_after_call && s.fee_cents > 0);
                if let (true, Some(citizen)) = (automatic, &entry.conversation_id) {
                    Some(self.request_for(entry, citizen, clerk).await?)
                } else {
                    None
                }
            }
        };
        let Some(p) = draft.filter(|p| p.state == PaymentState::Draft && p.amount_cents > 0) else {
            return Ok(None);
        };
        self.send_payment(&p).await?;
        Ok(Some(p))
    }

    /// The call's request, created with the service's fee if it has none.
    async fn request_for(
        &self,
        entry: &QueueEntry,
        citizen: &ConversationId,
        clerk: &str,
    ) -> Result<Payment, EngineError> {
        let fee = entry
            .service
            .as_deref()
            .and_then(|s| self.office.catalog().service(s).map(|s| s.fee_cents))
            .unwrap_or(0);
        // Found by tests/tests/properties.rs (a_fee_after_the_call_follows_a_language_switch):
        // a fee set after `done` went out in the language of the call, not the one the
        // citizen had switched to since (a finished call's entry keeps its language).
        let lang = match self.citizen_lang(citizen).await? {
            Some(lang) => lang.code().to_owned(),
            None => entry.lang.clone(),
        };
        let items = if fee > 0 {
            vec![self.visit_item(&lang, entry.service.as_deref(), i64::from(fee))]
        } else {
            Vec::new()
        };
        let now = self.office.now();
        let new = NewPayment {
            entry_id: &entry.id,
            conversation_id: citizen,
            visit_reference: entry.reference.as_deref(),
            service: entry.service.as_deref(),
            lang: &lang,
            items: &items,
            currency: CURRENCY,
            clerk,
        };
        // A payment reference taken already is drawn again.
        for _ in 0..3 {
            if let Ok(p) = self.store.payments().payment_for_entry(&new, now).await {
                return Ok(p);
            }
        }
        Ok(self.store.payments().payment_for_entry(&new, now).await?)
    }

    /// The fee's line for the visit itself, labelled in `lang` as written (it is labelled
    /// again in the citizen's language whenever it is sent).
    fn visit_item(&self, lang: &str, service: Option<&str>, cents: i64) -> Item {
        let lang = Lang::from_tag(lang).unwrap_or(Lang::REFERENCE);
        Item {
            label: self.fee_for(lang, service),
            cents,
            visit: true,
        }
    }

    /// Queues the request's message for the citizen (a new version replaces an older one).
    async fn send_payment(&self, p: &Payment) -> Result<bool, EngineError> {
        let Some(citizen) = &p.conversation_id else {
            return Ok(false);
        };
        if p.amount_cents <= 0 {
            return Ok(false);
        }
        let body = self.payment_message(p);
        Ok(self
            .store
            .payments()
            .open_payment(
                &p.id,
                citizen,
                &format!("payment:{}", p.id),
                &body,
                self.office.now(),
            )
            .await?)
    }

    /// Sends an open request again (e.g. for a fresh payment link); `false` if it is not
    /// open or not this conversation's.
    pub async fn resend_payment(
        &self,
        conversation: &ConversationId,
        payment_id: &str,
    ) -> Result<bool, EngineError> {
        match self.store.payments().payment(payment_id).await? {
            Some(p)
                if p.conversation_id.as_ref() == Some(conversation)
                    && p.state == PaymentState::Open =>
            {
                self.send_payment(&p).await
            }
            _ => Ok(false),
        }
    }
}
