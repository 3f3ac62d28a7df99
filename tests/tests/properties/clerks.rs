//! What clerks do, through the same core calls as the desk.

use schalter_core::store::{Finish, Pick};

use crate::case::ClerkAct;
use crate::world::{Checked, World};

impl World<'_> {
    pub(crate) async fn clerk(&mut self, c: usize, act: ClerkAct) -> Checked {
        self.stats.clerk_actions += 1;
        let clerk = self.clerks[c].id;
        self.clerks[c].online = !matches!(act, ClerkAct::Disconnect);
        let err = |e: schalter_core::dialogue::EngineError| format!("desk `{act:?}` failed: {e}");
        let busy_before = self
            .store
            .queue()
            .clerk_entry(clerk)
            .await
            .map_err(|e| format!("clerk entry: {e}"))?;
        let video = format!("https://meet.example.org/schalter{}", self.keys);
        let picked = match act {
            ClerkAct::Next { video: v } => Some(
                self.engine
                    .desk()
                    .pick_next(clerk, None, v.then_some(video.as_str()))
                    .await
                    .map_err(err)?,
            ),
            ClerkAct::Take(source) => {
                let typed = self.reference(0, source).await?.unwrap_or_default();
                // The desk reads the reference as typed; one that cannot be one is refused
                // there without asking the core.
                match schalter_core::reference::parse_reference(&typed) {
                    Some(r) => Some(
                        self.engine
                            .desk()
                            .pick_next(clerk, Some(&r), Some(&video))
                            .await
                            .map_err(err)?,
                    ),
                    None => None,
                }
            }
            ClerkAct::Done { note } => {
                let note = note.then(|| "documents checked".to_owned());
                self.engine
                    .desk()
                    .finish_call(clerk, Finish::Done { note })
                    .await
                    .map_err(err)?;
                None
            }
            ClerkAct::NoShow => {
                self.engine
                    .desk()
                    .finish_call(clerk, Finish::NoShow)
                    .await
                    .map_err(err)?;
                None
            }
            ClerkAct::Back => {
                self.engine
                    .desk()
                    .finish_call(clerk, Finish::Back)
                    .await
                    .map_err(err)?;
                None
            }
            ClerkAct::Away | ClerkAct::Available => {
                self.engine
                    .desk()
                    .set_presence(clerk, matches!(act, ClerkAct::Available))
                    .await
                    .map_err(err)?;
                None
            }
            ClerkAct::Heartbeat => {
                self.engine.desk().keep_alive(clerk).await.map_err(err)?;
                None
            }
            ClerkAct::Disconnect => None,
            ClerkAct::Say(k) => {
                let keys = schalter_core::desk::SAY_KEYS;
                let key = keys
                    .get(usize::from(k) % (keys.len() + 1))
                    .unwrap_or(&"dance");
                self.engine.desk().say(clerk, key).await.map_err(err)?;
                None
            }
            ClerkAct::Fee { amount, reason } => {
                // As the desk reads `fee 12,50 copies`: no amount, or one in euros and cents.
                let cents = (amount % 4 != 0).then(|| i64::from(amount) * 50);
                let reason = reason.then(|| "Kopien".to_owned());
                self.engine
                    .payments()
                    .set_fee(clerk, cents, reason)
                    .await
                    .map_err(err)?;
                None
            }
        };
        match (&busy_before, &picked) {
            (Some(_), Some(Pick::Picked(e))) => {
                return Err(format!(
                    "a clerk in a call was given a second citizen ({})",
                    schalter_tests::stored(&e.conversation_id)
                ));
            }
            (_, Some(Pick::Picked(_))) => self.stats.visits += 1,
            _ => {}
        }
        self.note(format!("  -> {picked:?}").chars().take(200).collect());
        Ok(())
    }
}
