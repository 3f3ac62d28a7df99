//! What citizens do: the text they type, the options they press, and each input through
//! the engine as the inbound path hands it over.

use schalter_core::{Choice, Input, Lang, Reply};

use crate::case::{Pressed, RefSource, Style, Typed};
use crate::oracle::plain;
use crate::world::{Checked, World, pick, services, short};

fn styled(text: &str, style: Style) -> String {
    match style {
        Style::Plain => text.to_owned(),
        Style::Lower => text.to_lowercase(),
        Style::Upper => text.to_uppercase(),
        Style::Spaced => format!("  {}  ", text.replace(' ', "   ")),
    }
}

/// The option ids that move a citizen along, in order of preference, for a few goals.
const PROGRESS: [&[&str]; 4] = [
    // Book an appointment.
    &[
        "confirm",
        "time:",
        "day:",
        "go:dates",
        "go:book",
        "svc:",
        "menu:book",
        "lang:",
        "checkin:",
        "skip",
        "nav:menu",
    ],
    // Visit: check in, wait, be called, give feedback; or walk in.
    &[
        "checkin:",
        "feedback:",
        "queue:refresh",
        "menu:walkin",
        "confirm",
        "time:",
        "day:",
        "go:dates",
        "svc:",
        "menu:book",
        "lang:",
        "nav:menu",
    ],
    // Move or cancel a booking.
    &[
        "yes-cancel",
        "reschedule",
        "cancel",
        "appt:",
        "menu:appointments",
        "confirm",
        "time:",
        "day:",
        "lang:",
        "nav:menu",
    ],
    // Leave and come back, change the language, tick documents.
    &[
        "tick:",
        "untick:",
        "queue:leave",
        "abort",
        "other-time",
        "days:more",
        "times:more",
        "menu:language",
        "lang:",
        "nav:back",
        "forget:yes",
    ],
];

const COMMANDS: [&str; 14] = [
    "/start",
    "/help",
    "/language",
    "/cancel",
    "/appointments",
    "/privacy",
    "/mydata",
    "/forget",
    "/back",
    "/menu",
    "/restart",
    "/lang",
    "/frobnicate",
    "/",
];

/// The questions' keywords, those about a service first.
pub(crate) const QUESTIONS: [&str; 10] = [
    "question-cost-keywords",
    "question-duration-keywords",
    "question-documents-keywords",
    "question-proxy-keywords",
    "question-greeting-keywords",
    "question-thanks-keywords",
    "question-hours-keywords",
    "question-address-keywords",
    "question-payment-keywords",
    "question-call-keywords",
];

const KEYWORDS: [&str; 7] = [
    "keywords-menu",
    "keywords-help",
    "keywords-language",
    "keywords-back",
    "keywords-privacy",
    "keywords-mydata",
    "keywords-forget",
];

impl World<'_> {
    /// The options stored with the conversation: what the citizen has in front of them.
    /// A question typed at whatever step the citizen is on. An answered question leaves the
    /// step as it was; only these may move on: a comment or a language being typed (not a
    /// question there), the words of an option offered at that step, a service named at a
    /// step where services are chosen by name (the service wins), a hold that ran out, a step
    /// about a service an admin took out of the catalogue, a time step whose day has nothing
    /// free any more, and a conversation without a
    /// language (at the language picker, whatever is stored).
    pub(crate) async fn question(&mut self, conv: usize, text: String) -> Checked {
        let state = |row: Option<schalter_core::store::ConversationRow>| {
            row.map(|r| r.state).unwrap_or_default()
        };
        let id = schalter_tests::conv(self.citizens[conv].id);
        let store = self.store.clone();
        let conversations = store.conversations();
        let before = state(
            conversations
                .load_conversation(&id)
                .await
                .map_err(|e| format!("load conversation: {e}"))?,
        );
        // Without a language the conversation is at the language picker, whatever is stored.
        let no_language = self.conv_lang(conv).await?.is_none();
        let label = self
            .offered(conv)
            .await?
            .iter()
            .any(|c| schalter_core::matching::same_words(&text, &c.label));
        let reply = self.input(conv, Input::Text(text.clone()), false).await?;
        let after = state(
            conversations
                .load_conversation(&id)
                .await
                .map_err(|e| format!("load conversation: {e}"))?,
        );
        let step = |s: &str| {
            serde_json::from_str::<serde_json::Value>(s)
                .ok()
                .and_then(|v| v.get("step").and_then(|s| s.as_str()).map(str::to_owned))
                .unwrap_or_default()
        };
        // A step about a service that left the catalogue (an admin replaced it) cannot be
        // shown any more: any input moves it on, to the menu.
        let service_gone = serde_json::from_str::<serde_json::Value>(&before)
            .ok()
            .and_then(|v| v["draft"]["service"].as_str().map(str::to_owned))
            .is_some_and(|s| self.engine.office().catalog().service(&s).is_none());
        // A time step whose day has nothing free any more (the day passed, or others booked
        // its times) cannot be shown either: it goes back to the days and says why.
        let day_gone = step(&before) == "pick_time"
            && step(&after) == "pick_day"
            && reply.text.contains(
                self.engine
                    .office()
                    .i18n()
                    .text(reply.lang, "day-full")
                    .as_str(),
            );
        let may_move = label
            || no_language
            || service_gone
            || day_gone
            || matches!(
                step(&before).as_str(),
                "pick_language" | "feedback_comment" | "confirm" | ""
            )
            || matches!(
                step(&before).as_str(),
                "menu" | "help" | "pick_service" | "checklist"
            ) && matches!(step(&after).as_str(), "checklist" | "pick_service");
        if !may_move && before != after {
            return Err(format!(
                "the question {text:?} moved the step from {before} to {after}: {reply:#?}"
            ));
        }
        self.stats.questions += 1;
        Ok(())
    }

    pub(crate) async fn offered(&self, conv: usize) -> Result<Vec<Choice>, String> {
        let row = self
            .store
            .conversations()
            .load_conversation(&schalter_tests::conv(self.citizens[conv].id))
            .await
            .map_err(|e| format!("load conversation: {e}"))?;
        Ok(row
            .and_then(|r| serde_json::from_str(&r.offered).ok())
            .unwrap_or_default())
    }

    pub(crate) async fn conv_lang(&self, conv: usize) -> Result<Option<Lang>, String> {
        Ok(self
            .store
            .conversations()
            .load_conversation(&schalter_tests::conv(self.citizens[conv].id))
            .await
            .map_err(|e| format!("load conversation: {e}"))?
            .and_then(|r| r.lang)
            .and_then(|l| Lang::from_tag(&l)))
    }

    pub(crate) async fn typed(
        &mut self,
        conv: usize,
        typed: &Typed,
    ) -> Result<Option<String>, String> {
        let i18n = self.engine.office().i18n();
        let lang_at = |l: u8| Lang::ALL[usize::from(l) % Lang::ALL.len()];
        Ok(Some(match typed {
            Typed::Label { idx, style } => {
                let offered = self.offered(conv).await?;
                let Some(c) = pick(&offered, *idx) else {
                    return Ok(Some("?".into()));
                };
                styled(&c.label, *style)
            }
            Typed::Number { n, persian, suffix } => {
                let mut text = match n {
                    0 => "0".to_owned(),
                    13 => "99999999999999999999999".to_owned(),
                    n => n.to_string(),
                };
                if *persian {
                    text = Lang::Fa.digits(&text);
                }
                match suffix {
                    1 => text.push('.'),
                    2 => text.push(')'),
                    3 => text = format!(" {text} "),
                    _ => {}
                }
                text
            }
            Typed::Keyword { lang, which } => {
                let list = i18n.text(
                    lang_at(*lang),
                    KEYWORDS[usize::from(*which) % KEYWORDS.len()],
                );
                list.split(',').next().unwrap_or_default().trim().to_owned()
            }
            Typed::Service { lang, which, name } => {
                let all = services();
                let service = &all[usize::from(*which) % all.len()];
                if *name {
                    i18n.text(lang_at(*lang), &format!("service-{service}"))
                } else {
                    i18n.text(lang_at(*lang), &format!("service-{service}-keywords"))
                        .split(',')
                        .next()
                        .unwrap_or_default()
                        .trim()
                        .to_owned()
                }
            }
            Typed::Command {
                which,
                style,
                suffix,
            } => {
                let mut text = styled(COMMANDS[usize::from(*which) % COMMANDS.len()], *style);
                match suffix {
                    1 => text.push_str("@SchalterBot"),
                    2 => text.push_str(" now please"),
                    _ => {}
                }
                text
            }
            Typed::Reference {
                source,
                marks,
                style,
            } => {
                let Some(reference) = self.reference(conv, *source).await? else {
                    return Ok(Some("ABCD-EFGH".into()));
                };
                let reference = match marks {
                    1 => format!("\u{2068}{reference}\u{2069}"),
                    2 => format!("\u{200F}{reference}"),
                    3 => format!("\u{200F}\u{2068}{reference}\u{2069}\u{200F}"),
                    4 => reference.replace('-', " "),
                    5 => reference.replace('-', ""),
                    _ => reference,
                };
                styled(&reference, *style)
            }
            Typed::Time { h, m, form } => match form {
                0 => format!("{h}:{m:02}"),
                1 => format!("{h:02}{m:02}"),
                2 => format!("{h}.{m:02} Uhr"),
                _ => format!("{h}h"),
            },
            Typed::LangName { lang, code } => {
                let l = lang_at(*lang);
                if *code {
                    l.code().to_owned()
                } else {
                    i18n.text(l, "lang-name")
                }
            }
            Typed::Question {
                lang,
                which,
                service,
            } => {
                let l = lang_at(*lang);
                let which = usize::from(*which) % QUESTIONS.len();
                let phrase = i18n
                    .text(l, QUESTIONS[which])
                    .split(',')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned();
                // Only the first four are about a service.
                match service.filter(|_| which < 4) {
                    Some(s) => {
                        let all = services();
                        let service = &all[usize::from(s) % all.len()];
                        format!("{phrase} {}", i18n.text(l, &format!("service-{service}")))
                    }
                    None => phrase,
                }
            }
            Typed::Free(text) => text.clone(),
        }))
    }

    /// A reference as a citizen or clerk would have it.
    pub(crate) async fn reference(
        &self,
        conv: usize,
        source: RefSource,
    ) -> Result<Option<String>, String> {
        let db = |e: sqlx::Error| format!("references: {e}");
        let refs: Vec<String> = match source {
            RefSource::Own(_) => sqlx::query_scalar(
                "SELECT reference FROM bookings WHERE conversation_id = $1 ORDER BY starts_at, id",
            )
            .bind(self.citizens[conv].id)
            .fetch_all(self.store.pool())
            .await
            .map_err(db)?,
            RefSource::Any(_) => {
                sqlx::query_scalar("SELECT reference FROM bookings ORDER BY starts_at, id")
                    .fetch_all(self.store.pool())
                    .await
                    .map_err(db)?
            }
            RefSource::Queue(_) => sqlx::query_scalar(
                "SELECT reference FROM queue_entries WHERE reference IS NOT NULL \
                 ORDER BY joined_at, id",
            )
            .fetch_all(self.store.pool())
            .await
            .map_err(db)?,
            RefSource::Random => return Ok(Some("7KQ2-M9XD".into())),
            RefSource::Invalid => return Ok(Some("UUUU-!!!!".into())),
        };
        let idx = match source {
            RefSource::Own(i) | RefSource::Any(i) | RefSource::Queue(i) => i,
            _ => 0,
        };
        Ok(pick(&refs, idx))
    }

    /// The option id to press, and whether it is one of the current step's.
    pub(crate) async fn pressed(
        &mut self,
        conv: usize,
        press: Pressed,
    ) -> Result<(Option<String>, bool), String> {
        Ok(match press {
            Pressed::Offered(i) => (pick(&self.offered(conv).await?, i).map(|c| c.id), true),
            Pressed::Progress(i) => {
                let offered = self.offered(conv).await?;
                let prefs = PROGRESS[usize::from(i) % PROGRESS.len()];
                let chosen = prefs.iter().find_map(|p| {
                    let matching: Vec<&Choice> =
                        offered.iter().filter(|c| c.id.starts_with(p)).collect();
                    (!matching.is_empty())
                        .then(|| matching[usize::from(i / 4) % matching.len()].id.clone())
                });
                (chosen.or_else(|| pick(&offered, i).map(|c| c.id)), true)
            }
            Pressed::Stale(i) => (pick(&self.citizens[conv].seen, i).map(|c| c.id), false),
            Pressed::OtherConv(c, i) => {
                let other = usize::from(c) % self.citizens.len();
                (pick(&self.offered(other).await?, i).map(|c| c.id), false)
            }
            Pressed::Notified(i) => (pick(&self.citizens[conv].notified, i).map(|c| c.id), false),
            Pressed::Forged(k, a) => {
                let booking: Option<String> = sqlx::query_scalar(
                    "SELECT id FROM bookings ORDER BY starts_at, id LIMIT 1 OFFSET $1",
                )
                .bind(i64::from(a % 4))
                .fetch_optional(self.store.pool())
                .await
                .map_err(|e| format!("forge: {e}"))?;
                let booking = booking.unwrap_or_else(|| "nobooking".into());
                let forged = match k % 22 {
                    0 => "svc:nonexistent".to_owned(),
                    1 => "time:0".into(),
                    2 => "time:-99999999999".into(),
                    3 => format!("time:{}", self.now().timestamp() + 3600),
                    4 => "day:2099-13-45".into(),
                    5 => format!("day:{}", self.now().date_naive()),
                    6 => "lang:xx".into(),
                    7 => "appt:ZZZZ-ZZZZ".into(),
                    8 => format!("checkin:{booking}"),
                    9 => "queue:leave".into(),
                    10 => "queue:refresh".into(),
                    11 => "pay:nothing".into(),
                    12 => "confirm".into(),
                    13 => "forget:yes".into(),
                    14 => "feedback:9".into(),
                    15 => "tick:../../etc".into(),
                    16 => "x".repeat(65),
                    17 => String::new(),
                    18 => "nav:back".into(),
                    19 => "menu:walkin".into(),
                    20 => "yes-cancel".into(),
                    _ => ":::".into(),
                };
                (Some(forged), false)
            }
        })
    }

    /// One input through the engine as the inbound path hands it over (keyed), with every
    /// check on its reply.
    pub(crate) async fn input(
        &mut self,
        conv: usize,
        input: Input,
        current: bool,
    ) -> Result<Reply, String> {
        self.keys += 1;
        self.stats.inputs += 1;
        self.citizens[conv].spoke = true;
        let key = format!("k{}", self.keys);
        let id = self.citizens[conv].id;
        let hint = self.citizens[conv].hint;
        let lang_before = self.conv_lang(conv).await?;
        let keyed = self
            .engine
            .dialogue()
            .handle_keyed(&schalter_tests::conv(id), Some(&key), hint, input.clone())
            .await
            .map_err(|e| format!("engine error for {input:?} in {id}: {e}"))?;
        if keyed.sent {
            return Err(format!("a new input ({key}) was answered as a repeat"));
        }
        if !keyed.forgotten {
            self.store
                .conversations()
                .mark_reply_sent(&schalter_tests::conv(id), &key)
                .await
                .map_err(|e| format!("mark sent: {e}"))?;
        }
        let reply = keyed.reply.clone();
        self.note(format!(
            "  -> {} [{}] {:?}",
            reply.lang,
            short(&reply.text),
            reply
                .options
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
        ));
        self.check_reply(conv, &reply, keyed.forgotten, lang_before)
            .await?;
        if current {
            // An option of the step the citizen was shown must still work.
            let lang = lang_before.unwrap_or(Lang::REFERENCE);
            let expired = plain(&self.engine.office().i18n().text(lang, "option-expired"));
            if plain(&reply.text).contains(&expired) {
                return Err(format!(
                    "an offered option ({input:?}) was answered as expired: {}",
                    reply.text
                ));
            }
        }
        let citizen = &mut self.citizens[conv];
        citizen.seen.extend(reply.options.iter().cloned());
        if citizen.seen.len() > 64 {
            let extra = citizen.seen.len() - 64;
            citizen.seen.drain(..extra);
        }
        citizen.last = (!keyed.forgotten).then(|| (key, input, reply.clone()));
        Ok(reply)
    }

    /// A file sent at whatever step the citizen is, as the inbound path hands it over after
    /// fetching it (see [`Other::File`](crate::case::Other::File)).
    pub(crate) async fn file(&mut self, conv: usize, kind: u8) -> Checked {
        use schalter_core::dialogue::Fetched;
        use schalter_tests::documents;
        self.keys += 1;
        self.stats.inputs += 1;
        self.citizens[conv].spoke = true;
        let key = format!("k{}", self.keys);
        let id = self.citizens[conv].id;
        let lang_before = self.conv_lang(conv).await?;
        let fetched = match kind % 6 {
            0 => Fetched::Bytes(documents::pdf(&key)),
            1 => Fetched::Bytes(documents::executable()),
            2 => Fetched::Bytes(documents::photo_with_gps(self.keys as u8 % 200)),
            3 => Fetched::Bytes(documents::pdf("the same file")),
            4 => Fetched::TooLarge,
            _ => Fetched::Gone,
        };
        let keyed = self
            .engine
            .dialogue()
            .handle_file(
                &schalter_tests::conv(id),
                &key,
                self.citizens[conv].hint,
                fetched,
            )
            .await
            .map_err(|e| format!("engine error for a file ({kind}) in {id}: {e}"))?;
        if keyed.sent {
            return Err(format!("a new file ({key}) was answered as a repeat"));
        }
        if !keyed.forgotten {
            self.store
                .conversations()
                .mark_reply_sent(&schalter_tests::conv(id), &key)
                .await
                .map_err(|e| format!("mark sent: {e}"))?;
        }
        self.note(format!(
            "  file {kind} -> [{}] {:?}",
            short(&keyed.reply.text),
            keyed
                .reply
                .options
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
        ));
        self.check_reply(conv, &keyed.reply, keyed.forgotten, lang_before)
            .await?;
        let kept = self
            .store
            .documents()
            .by_input(&key)
            .await
            .map_err(|e| format!("documents: {e}"))?;
        self.stats.documents += u64::from(kept.is_some());
        let citizen = &mut self.citizens[conv];
        citizen.seen.extend(keyed.reply.options.iter().cloned());
        // A redelivery replays typed input; a file's is covered by its input key.
        citizen.last = None;
        Ok(())
    }

    pub(crate) async fn open(&mut self, conv: usize) -> Checked {
        self.stats.inputs += 1;
        self.citizens[conv].spoke = true;
        let id = self.citizens[conv].id;
        let lang_before = self.conv_lang(conv).await?;
        let reply = self
            .engine
            .dialogue()
            .open(&schalter_tests::conv(id), self.citizens[conv].hint)
            .await
            .map_err(|e| format!("engine error opening {id}: {e}"))?;
        self.check_reply(conv, &reply, false, lang_before).await
    }

    /// The same input again under its key: the stored reply, nothing done twice.
    pub(crate) async fn redeliver(&mut self, conv: usize) -> Checked {
        let id = self.citizens[conv].id;
        let Some((key, input, reply)) = self.citizens[conv].last.clone() else {
            return Ok(());
        };
        // Only while the conversation still carries that key (a notification that changed
        // the step, e.g. the feedback question, stores no key).
        let row = self
            .store
            .conversations()
            .load_conversation(&schalter_tests::conv(id))
            .await
            .map_err(|e| format!("load: {e}"))?;
        if row.as_ref().and_then(|r| r.last_key.as_deref()) != Some(key.as_str()) {
            return Ok(());
        }
        let state_before = row.map(|r| r.state);
        let again = self
            .engine
            .dialogue()
            .handle_keyed(
                &schalter_tests::conv(id),
                Some(&key),
                self.citizens[conv].hint,
                input,
            )
            .await
            .map_err(|e| format!("engine error on a redelivery: {e}"))?;
        if !again.sent || again.reply != reply {
            return Err(format!(
                "a redelivered input was not answered with its stored reply: {again:?}"
            ));
        }
        let state_after = self
            .store
            .conversations()
            .load_conversation(&schalter_tests::conv(id))
            .await
            .map_err(|e| format!("load: {e}"))?
            .map(|r| r.state);
        if state_after != state_before {
            return Err("a redelivered input changed the conversation".into());
        }
        Ok(())
    }
}
