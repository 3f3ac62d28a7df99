//! Steps that meet at one moment: two inputs of one citizen, two clerks picking, a clerk
//! ending the call while the citizen presses something.

use schalter_core::store::{Finish, Pick};
use schalter_core::{Input, Lang};

use crate::world::{Checked, World, short};

impl World<'_> {
    /// Two inputs of one citizen at once: both answered, each reply readable and in one of
    /// the languages the conversation had, and the options stored are one reply's.
    pub(crate) async fn together(&mut self, conv: usize, a: Input, b: Input) -> Checked {
        let id = self.citizens[conv].id;
        let hint = self.citizens[conv].hint;
        let before = self.conv_lang(conv).await?;
        if let Some(lang) = before {
            self.lang_grace = Some((id, lang));
        }
        self.keys += 2;
        self.stats.inputs += 2;
        self.citizens[conv].spoke = true;
        let (ka, kb) = (format!("k{}a", self.keys), format!("k{}b", self.keys));
        let conversation = schalter_tests::conv(id);
        let (ra, rb) = tokio::join!(
            self.engine
                .dialogue()
                .handle_keyed(&conversation, Some(&ka), hint, a.clone()),
            self.engine
                .dialogue()
                .handle_keyed(&conversation, Some(&kb), hint, b.clone()),
        );
        let ra = ra.map_err(|e| format!("engine error for {a:?} (together): {e}"))?;
        let rb = rb.map_err(|e| format!("engine error for {b:?} (together): {e}"))?;
        let after = self.conv_lang(conv).await?;
        for r in [&ra.reply, &rb.reply] {
            self.note(format!("  -> {} [{}]", r.lang, short(&r.text)));
            self.readable(r)?;
            let langs = [before, after].map(|l| l.unwrap_or(Lang::REFERENCE));
            let picker = r.options.iter().all(|c| c.id.starts_with("lang:"));
            if !picker && !langs.contains(&r.lang) {
                return Err(format!("a reply in {} to a citizen of {langs:?}", r.lang));
            }
        }
        if !ra.forgotten && !rb.forgotten {
            let offered = self.offered(conv).await?;
            if offered != ra.reply.options && offered != rb.reply.options {
                return Err(format!(
                    "the stored options are neither reply's: {offered:?}"
                ));
            }
        }
        self.citizens[conv].last = None;
        Ok(())
    }

    /// Two clerks pick at once: never the same citizen.
    pub(crate) async fn race(&mut self, a: usize, b: usize) -> Checked {
        self.stats.clerk_actions += 2;
        self.clerks[a].online = true;
        self.clerks[b].online = true;
        let (ca, cb) = (self.clerks[a].id, self.clerks[b].id);
        let (pa, pb) = tokio::join!(
            self.engine.desk().pick_next(ca, None, None),
            self.engine.desk().pick_next(cb, None, None),
        );
        let pa = pa.map_err(|e| format!("pick failed: {e}"))?;
        let pb = pb.map_err(|e| format!("pick failed: {e}"))?;
        self.note(format!("  -> {pa:?} / {pb:?}").chars().take(300).collect());
        if let (Pick::Picked(x), Pick::Picked(y)) = (&pa, &pb)
            && x.id == y.id
        {
            return Err(format!(
                "two clerks got the same citizen {}",
                schalter_tests::stored(&x.conversation_id)
            ));
        }
        for p in [&pa, &pb] {
            if matches!(p, Pick::Picked(_)) {
                self.stats.visits += 1;
            }
        }
        Ok(())
    }

    /// A clerk ends the call while the citizen presses something: both succeed, and the reply
    /// reads well.
    pub(crate) async fn meanwhile(
        &mut self,
        conv: usize,
        input: Input,
        clerk: usize,
        how: u8,
    ) -> Checked {
        let id = self.citizens[conv].id;
        let hint = self.citizens[conv].hint;
        // The desk's message is written in the language the citizen has when the desk reads
        // it; a switch at that very moment may come just after.
        if let Some(lang) = self.conv_lang(conv).await? {
            self.lang_grace = Some((id, lang));
        }
        self.keys += 1;
        self.stats.inputs += 1;
        self.stats.clerk_actions += 1;
        self.citizens[conv].spoke = true;
        self.clerks[clerk].online = true;
        let key = format!("k{}", self.keys);
        let how = match how {
            0 => Finish::Done { note: None },
            1 => Finish::NoShow,
            _ => Finish::Back,
        };
        let conversation = schalter_tests::conv(id);
        let (reply, finished) = tokio::join!(
            self.engine
                .dialogue()
                .handle_keyed(&conversation, Some(&key), hint, input.clone()),
            self.engine.desk().finish_call(self.clerks[clerk].id, how),
        );
        let reply = reply.map_err(|e| format!("engine error for {input:?} (meanwhile): {e}"))?;
        finished.map_err(|e| format!("desk failed (meanwhile): {e}"))?;
        self.note(format!(
            "  -> {} [{}]",
            reply.reply.lang,
            short(&reply.reply.text)
        ));
        self.readable(&reply.reply)?;
        self.citizens[conv].last = None;
        Ok(())
    }
}
