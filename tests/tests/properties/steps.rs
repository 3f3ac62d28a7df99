//! A case step by step: each step done as `serve` meets it, and the rules checked after it.

use chrono_tz::Europe::Berlin;
use schalter_core::Input;

use crate::admins::remove_service;
use crate::case::{Op, Other, Pressed, Typed};
use crate::world::{Checked, World, pick_of};

impl World<'_> {
    pub(crate) async fn run(&mut self, ops: &[Op]) -> Checked {
        for (i, op) in ops.iter().enumerate() {
            let at = self.now().with_timezone(&Berlin).format("%a %F %T %Z");
            self.note(format!("#{i} [{at}] {op:?}"));
            self.step(op).await?;
            self.check_store().await?;
            self.check_outbox().await?;
            self.lang_grace = None;
        }
        Ok(())
    }

    async fn step(&mut self, op: &Op) -> Checked {
        match op {
            Op::Type { conv, text: typed } => {
                let conv = *conv % self.citizens.len();
                // An option's label or number, typed, uses the option as a press does.
                let offered = self.offered(conv).await?.len();
                let current = match typed {
                    Typed::Label { .. } => offered > 0,
                    Typed::Number { n, .. } => (1..=offered).contains(&usize::from(*n)),
                    _ => false,
                };
                let Some(text) = self.typed(conv, typed).await? else {
                    return Ok(());
                };
                if let Typed::Question { .. } = typed {
                    return self.question(conv, text).await;
                }
                self.input(conv, Input::Text(text), current).await.map(drop)
            }
            Op::Press { conv, press } => {
                let conv = *conv % self.citizens.len();
                let (id, current) = self.pressed(conv, *press).await?;
                match id {
                    Some(id) => self.input(conv, Input::Choice(id), current).await.map(drop),
                    None => Ok(()),
                }
            }
            Op::Go { conv, goal, steps } => {
                let conv = *conv % self.citizens.len();
                for _ in 0..*steps {
                    let (id, current) = self.pressed(conv, Pressed::Progress(*goal)).await?;
                    let Some(id) = id else {
                        return Ok(());
                    };
                    self.input(conv, Input::Choice(id), current).await?;
                }
                Ok(())
            }
            Op::Other {
                conv,
                input: Other::File(kind),
            } => self.file(*conv % self.citizens.len(), *kind).await,
            Op::Other { conv, input } => {
                let input = match input {
                    Other::Media => Input::Media,
                    Other::Edited => Input::Edited,
                    Other::Undecryptable => Input::Undecryptable,
                    Other::File(_) => unreachable!("handled above"),
                };
                self.input(*conv % self.citizens.len(), input, false)
                    .await
                    .map(drop)
            }
            Op::Open { conv } => self.open(*conv % self.citizens.len()).await,
            Op::Redeliver { conv } => self.redeliver(*conv % self.citizens.len()).await,
            Op::Advance(a) => {
                let target = self.target(*a).await?;
                self.advance_to(target).await
            }
            Op::Tick => self.timers().await,
            Op::Clerk { clerk, act } => self.clerk(*clerk % self.clerks.len(), *act).await,
            Op::Admin(a) => self.admin(*a).await,
            Op::CheckBookings { conv, pick } => {
                self.check_bookings(*conv % self.citizens.len(), *pick)
                    .await
            }
            Op::RemoveBooked { conv, pick } => {
                let conv = *conv % self.citizens.len();
                let upcoming = self
                    .store
                    .bookings()
                    .upcoming_bookings(&schalter_tests::conv(self.citizens[conv].id), self.now())
                    .await
                    .map_err(|e| format!("upcoming: {e}"))?;
                if let Some(b) = pick_of(&upcoming, *pick) {
                    self.stats.admin_changes += 1;
                    let text = remove_service(&self.catalog_text, &b.service);
                    if self.put_catalog(text).await? {
                        self.removed.insert(b.service.clone());
                    }
                }
                self.check_bookings(conv, *pick).await
            }
            Op::Together { conv, press, text } => {
                let conv = *conv % self.citizens.len();
                let first = self.pressed(conv, *press).await?.0.map(Input::Choice);
                let second = self.typed(conv, text).await?.map(Input::Text);
                match (first, second) {
                    (Some(a), Some(b)) => self.together(conv, a, b).await,
                    _ => Ok(()),
                }
            }
            Op::Race { a, b } => {
                let (a, b) = (*a % self.clerks.len(), *b % self.clerks.len());
                self.race(a, b).await
            }
            Op::Meanwhile {
                conv,
                press,
                clerk,
                how,
            } => {
                let conv = *conv % self.citizens.len();
                let clerk = *clerk % self.clerks.len();
                let Some(id) = self.pressed(conv, *press).await?.0 else {
                    return Ok(());
                };
                self.meanwhile(conv, Input::Choice(id), clerk, *how).await
            }
        }
    }
}
