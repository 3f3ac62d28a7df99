//! CPU time of one `Dialogue::handle` for free text, up to the longest input a citizen may send
//! (4,096 characters), at the main menu and at the service choice, on SQLite; and the time of
//! the free-text matching alone for the longest inputs.
//!
//! `cargo bench -p schalter-tests --bench free_text`. Not a test: it prints figures.
//!
//! CPU time is the thread's own (`CLOCK_THREAD_CPUTIME_ID` through the `cpu-time` crate) on a
//! current-thread runtime, so it is the engine's work on the runtime thread; SQLite runs its
//! statements on a worker thread of its own, which shows in the process CPU and wall columns.

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use cpu_time::{ProcessTime, ThreadTime};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use schalter_core::dialogue::MAX_INPUT_CHARS;
use schalter_core::{Engine, I18n, Input, Lang, matching};
use schalter_tests::{TestDb, conv};

/// Timed inputs per kind and step; each goes to a fresh conversation, so that every input
/// meets the same step.
const RUNS: usize = 200;
const WARM_UP: usize = 10;
/// Repetitions of the matching alone per script.
const MATCHING_RUNS: usize = 200;

const SENTENCE: &str = "Guten Tag, ich bin letzten Monat umgezogen und möchte meine neue \
    Wohnung anmelden, was muss ich mitbringen?";

const GERMAN: &str = "ich habe eine Frage zu meinem Antrag und der die das weil meine Familie seit \
    drei Jahren in Heidelberg wohnt Vermieter hat mir gesagt dass ich das Formular nicht \
    rechtzeitig abgegeben habe Arbeitgeber braucht bis nächste Woche Unterlagen Kinder \
    Schule Kindergarten Versicherung Krankenkasse Rechnung bezahlt leider wieder \
    zurückgeschickt Briefkasten Nachbarn Termin verschoben Telefon niemand erreicht \
    schon mehrmals versucht Bürgeramt Öffnungszeiten Samstag Vormittag geschlossen \
    Entschuldigung freundlichen Grüßen Straße Hausnummer Postleitzahl Übersetzung \
    beglaubigt Geburtsurkunde Heiratsurkunde Staatsangehörigkeit Aufenthalt";

const ARABIC: &str = "أنا أريد أن في من على هذا الذي مع كان لقد بعد قبل اليوم غدا مكتب شكرا مرحبا \
    عائلتي أطفالي المدرسة العمل الحكومة ورقة رسالة سؤال مشكلة وقت طويل صعب جدا لأن لكن ثم هناك \
    كيف ماذا متى لماذا زوجتي أخي الطبيب المستشفى الجامعة الترجمة الوثائق المحامي الشرطة \
    الإيجار صاحب البيت الجيران الهاتف البريد الإلكتروني الأسبوع القادم الماضي السنة \
    الشهر ساعة دقيقة مساعدة من فضلك لا أعرف يجب ممكن مستحيل تَسْجِيل إِقَامَة \
    السلام عليكم";

const MIXED: &str = "Hallo ich bin neu hier أنا جديد هنا Здравствуйте я переехал Merhaba yeni \
    taşındım Привіт документи Wohnung شقة квартира ev 😀 🙏 2024 12.03. № https://example.org/a?b=c \
    e-mail@example.org Führerschein паспорт kimlik هوية Personalausweis ?! ... — (bitte) \
    Straße улица sokak شارع Kinder дети çocuklar أطفال Termin запись randevu موعد \
    schnell быстро hızlı بسرعة danke спасибо teşekkürler شكرا İstanbul Київ Москва دمشق \
    ß ё ı ٱ ـــ";

/// `MAX_INPUT_CHARS` characters of words from `vocabulary` (separated by spaces), with commas
/// and full stops.
fn long_text(vocabulary: &str, seed: u64) -> String {
    let vocabulary: Vec<&str> = vocabulary.split_whitespace().collect();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut out = String::new();
    while out.chars().count() < MAX_INPUT_CHARS {
        out.push_str(vocabulary[rng.random_range(0..vocabulary.len())]);
        out.push_str(match rng.random_range(0..12) {
            0 => ", ",
            1 => ". ",
            _ => " ",
        });
    }
    let mut text: String = out.chars().take(MAX_INPUT_CHARS - 1).collect();
    text.push('.');
    text
}

#[derive(Clone, Copy)]
enum Kind {
    Keyword,
    Sentence,
    German,
    Arabic,
    Mixed,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Keyword,
        Kind::Sentence,
        Kind::German,
        Kind::Arabic,
        Kind::Mixed,
    ];

    fn name(self) -> &'static str {
        match self {
            Kind::Keyword => "keyword \"anmelden\"",
            Kind::Sentence => "one sentence",
            Kind::German => "4,096 chars German",
            Kind::Arabic => "4,096 chars Arabic",
            Kind::Mixed => "4,096 chars mixed",
        }
    }

    /// The `n`th input of this kind; long texts differ from run to run.
    fn input(self, n: usize) -> String {
        match self {
            Kind::Keyword => "anmelden".to_owned(),
            Kind::Sentence => SENTENCE.to_owned(),
            Kind::German => long_text(GERMAN, n as u64),
            Kind::Arabic => long_text(ARABIC, n as u64),
            Kind::Mixed => long_text(MIXED, n as u64),
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Menu,
    ServiceChoice,
}

impl Step {
    fn name(self) -> &'static str {
        match self {
            Step::Menu => "main menu",
            Step::ServiceChoice => "service choice",
        }
    }
}

#[derive(Default)]
struct Samples {
    thread: Vec<Duration>,
    process: Vec<Duration>,
    wall: Vec<Duration>,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

/// p50 / p99 / max in milliseconds.
fn spread(samples: &mut [Duration]) -> String {
    samples.sort();
    format!(
        "{} / {} / {}",
        ms(percentile(samples, 0.5)),
        ms(percentile(samples, 0.99)),
        ms(*samples.last().expect("samples"))
    )
}

/// One input of `kind` at `step`, in a fresh Telegram conversation; only `handle` is timed.
async fn one(engine: &Engine, id: &str, kind: Kind, step: Step, n: usize) -> [Duration; 3] {
    engine
        .dialogue()
        .open(&conv(id), Some("de"))
        .await
        .expect("open");
    if step == Step::ServiceChoice {
        engine
            .dialogue()
            .handle(&conv(id), Input::Choice("menu:book".into()))
            .await
            .expect("to the service choice");
    }
    let text = kind.input(n);
    let (thread, process, wall) = (ThreadTime::now(), ProcessTime::now(), Instant::now());
    let reply = engine
        .dialogue()
        .handle(&conv(id), Input::Text(text))
        .await
        .expect("handle");
    let took = [thread.elapsed(), process.elapsed(), wall.elapsed()];
    assert!(!reply.text.is_empty());
    took
}

/// What `find_services` does with one input: the text normalized once, then every service's
/// keywords and name in every language (normalized when the translations were loaded).
fn find_services(engine: &Engine, text: &str) -> usize {
    let input = matching::Text::new(text);
    let catalog = engine.office().catalog();
    let i18n: &I18n = engine.office().i18n();
    catalog
        .services
        .iter()
        .filter(|s| {
            let ids = [s.keywords_id(), s.name_id()];
            Lang::ALL.iter().any(|l| {
                ids.iter()
                    .any(|id| i18n.keywords(*l, id).score(&input).is_some())
            })
        })
        .count()
}

/// The words that work at any step, as `Dialogue::handle` checks them before free text.
fn commands(engine: &Engine, text: &str) -> bool {
    Lang::ALL.iter().any(|l| {
        [
            "keywords-menu",
            "keywords-help",
            "keywords-language",
            "keywords-back",
            "keywords-privacy",
            "keywords-mydata",
            "keywords-forget",
        ]
        .iter()
        .any(|id| matching::is_keyword(text, &engine.office().i18n().text(*l, id)))
    })
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let db = TestDb::sqlite().await;
        let now = DateTime::parse_from_rfc3339("2027-02-02T09:00:00+01:00")
            .unwrap()
            .with_timezone(&Utc);
        let (engine, _clock) = schalter_tests::engine(&db.store, now);

        println!(
            "Dialogue::handle on SQLite, {RUNS} inputs per row, each in a fresh conversation; \
             milliseconds p50 / p99 / max"
        );
        println!("| input | step | thread CPU | process CPU | wall |\n|---|---|---|---|---|");
        let mut conversation = 0u64;
        for step in [Step::Menu, Step::ServiceChoice] {
            for kind in Kind::ALL {
                let mut samples = Samples::default();
                for n in 0..WARM_UP + RUNS {
                    conversation += 1;
                    let id = format!("telegram:{}", 100_000_000 + conversation);
                    let [thread, process, wall] = one(&engine, &id, kind, step, n).await;
                    if n >= WARM_UP {
                        samples.thread.push(thread);
                        samples.process.push(process);
                        samples.wall.push(wall);
                    }
                }
                println!(
                    "| {} | {} | {} | {} | {} |",
                    kind.name(),
                    step.name(),
                    spread(&mut samples.thread),
                    spread(&mut samples.process),
                    spread(&mut samples.wall),
                );
            }
        }

        println!(
            "\nMatching alone, {MATCHING_RUNS} texts of 4,096 characters per row; thread CPU \
             milliseconds p50 / p99 / max"
        );
        println!("| input | services found | find_services | command words |\n|---|---|---|---|");
        for kind in [Kind::German, Kind::Arabic, Kind::Mixed] {
            let (mut services, mut words) = (Vec::new(), Vec::new());
            let mut found = 0;
            for n in 0..MATCHING_RUNS {
                let text = kind.input(n);
                let t = ThreadTime::now();
                found += find_services(&engine, &text);
                services.push(t.elapsed());
                let t = ThreadTime::now();
                std::hint::black_box(commands(&engine, &text));
                words.push(t.elapsed());
            }
            println!(
                "| {} | {:.1} per text | {} | {} |",
                kind.name(),
                found as f64 / MATCHING_RUNS as f64,
                spread(&mut services),
                spread(&mut words),
            );
        }

        // The keywords are normalized on their first use after a load of the translations:
        // that one input pays for it.
        let files = schalter_core::i18n::source::builtin();
        let mut first = Vec::new();
        for n in 0..20 {
            engine
                .office()
                .i18n()
                .reload(&files)
                .expect("reload the translations");
            let text = Kind::German.input(n);
            let t = ThreadTime::now();
            find_services(&engine, &text);
            first.push(t.elapsed());
        }
        println!(
            "\nfind_services on the first input after a reload of the translations (normalizes \
             every keyword list once), 20 reloads: thread CPU ms p50 / p99 / max {}",
            spread(&mut first)
        );
        db.drop_db().await;
    });
}
