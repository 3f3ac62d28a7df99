//! The strategies that generate cases: which steps, how often, with what in them.

use proptest::prelude::*;

use crate::case::{
    AdminOp, Advance, CLERKS, CONVERSATIONS, Case, ClerkAct, HINTS, Op, Other, Pressed, RefSource,
    STARTS, Style, Typed,
};

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        3 => Just(Style::Plain),
        1 => Just(Style::Lower),
        1 => Just(Style::Upper),
        1 => Just(Style::Spaced),
    ]
}

fn ref_source() -> impl Strategy<Value = RefSource> {
    prop_oneof![
        3 => any::<u8>().prop_map(RefSource::Own),
        1 => any::<u8>().prop_map(RefSource::Any),
        1 => any::<u8>().prop_map(RefSource::Queue),
        1 => Just(RefSource::Random),
        1 => Just(RefSource::Invalid),
    ]
}

fn free_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[a-zA-Z0-9 äöüßÄÖÜçğışéèàñ.,!?:;()\\-]{0,30}",
        2 => "[a-z ]{0,12}[абвгдеёжзийклмнопрстуфхцчшщьюяіїєґ ]{0,20}",
        2 => "[ابتثجحخدذرزسشصضطظعغفقكلمنهوي ]{0,20}[0-9۰-۹٠-٩ ]{0,6}",
        1 => "[\u{200E}\u{200F}\u{2066}-\u{2069}\u{061C} a-z0-9]{0,12}",
        1 => "[\u{1F600}-\u{1F64F}\u{1F680}-\u{1F6FF}\u{200D}\u{FE0F} ]{0,8}",
        1 => "[\u{0000}-\u{001F}\u{007F}a ]{1,6}",
        1 => prop::sample::select(vec![
            String::new(),
            "   ".to_owned(),
            "\n\n\t".to_owned(),
            "\u{200F}".to_owned(),
            "e\u{301}".repeat(1500),
            "a".repeat(4096),
            "a".repeat(4097),
            "🙂".repeat(2049),
            "ab ".repeat(1400),
            "<b>hi</b> &amp;".to_owned(),
            "'; DROP TABLE bookings; --".to_owned(),
            "null".to_owned(),
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ｆｕｌｌｗｉｄｔｈ".to_owned(),
            "مرحبا ABCD-EFGH ١٢٣".to_owned(),
            "Anmeldung Ummeldung".to_owned(),
            "register".to_owned(),
            "kayıt".to_owned(),
            "реєстрація".to_owned(),
            "https://example.org/x?y=z".to_owned(),
        ]),
    ]
}

fn typed() -> impl Strategy<Value = Typed> {
    prop_oneof![
        5 => (any::<u8>(), style()).prop_map(|(idx, style)| Typed::Label { idx, style }),
        5 => (0u8..14, any::<bool>(), 0u8..4).prop_map(|(n, persian, suffix)| Typed::Number {
            n,
            persian,
            suffix
        }),
        2 => (0u8..12, 0u8..7).prop_map(|(lang, which)| Typed::Keyword { lang, which }),
        3 => (0u8..12, 0u8..10, prop::option::of(0u8..8)).prop_map(|(lang, which, service)| {
            Typed::Question { lang, which, service }
        }),
        3 => (0u8..12, 0u8..8, any::<bool>()).prop_map(|(lang, which, name)| Typed::Service {
            lang,
            which,
            name
        }),
        3 => (0u8..14, style(), 0u8..3).prop_map(|(which, style, suffix)| Typed::Command {
            which,
            style,
            suffix
        }),
        2 => (ref_source(), 0u8..6, style()).prop_map(|(source, marks, style)| {
            Typed::Reference { source, marks, style }
        }),
        1 => (6u8..19, prop::sample::select(vec![0u8, 10, 20, 30, 40, 50, 55]), 0u8..4)
            .prop_map(|(h, m, form)| Typed::Time { h, m, form }),
        1 => (0u8..12, any::<bool>()).prop_map(|(lang, code)| Typed::LangName { lang, code }),
        2 => free_text().prop_map(Typed::Free),
    ]
}

fn pressed() -> impl Strategy<Value = Pressed> {
    prop_oneof![
        6 => any::<u8>().prop_map(Pressed::Offered),
        8 => any::<u8>().prop_map(Pressed::Progress),
        2 => any::<u8>().prop_map(Pressed::Stale),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(c, i)| Pressed::OtherConv(c, i)),
        2 => any::<u8>().prop_map(Pressed::Notified),
        1 => (any::<u8>(), any::<u8>()).prop_map(|(k, a)| Pressed::Forged(k, a)),
    ]
}

fn advance() -> impl Strategy<Value = Advance> {
    prop_oneof![
        4 => (1u16..600).prop_map(Advance::Seconds),
        4 => (1u16..240).prop_map(Advance::Minutes),
        1 => (1u8..72).prop_map(Advance::Hours),
        1 => (1u8..40).prop_map(Advance::Days),
        5 => (any::<u8>(), -12i8..25).prop_map(|(booking, offset)| Advance::ToCheckIn {
            booking,
            offset
        }),
        3 => (-5i8..40).prop_map(|offset| Advance::ToOpening { offset }),
        1 => (-3i8..4).prop_map(|offset| Advance::ToMidnight { offset }),
        2 => Just(Advance::PastHold),
    ]
}

fn clerk_act() -> impl Strategy<Value = ClerkAct> {
    prop_oneof![
        10 => any::<bool>().prop_map(|video| ClerkAct::Next { video }),
        2 => ref_source().prop_map(ClerkAct::Take),
        3 => any::<bool>().prop_map(|note| ClerkAct::Done { note }),
        1 => Just(ClerkAct::NoShow),
        1 => Just(ClerkAct::Back),
        1 => Just(ClerkAct::Away),
        1 => Just(ClerkAct::Available),
        1 => Just(ClerkAct::Heartbeat),
        1 => Just(ClerkAct::Disconnect),
        1 => any::<u8>().prop_map(ClerkAct::Say),
        1 => (any::<u8>(), any::<bool>()).prop_map(|(amount, reason)| ClerkAct::Fee {
            amount,
            reason
        }),
    ]
}

fn admin_op() -> impl Strategy<Value = AdminOp> {
    prop_oneof![
        3 => (0u8..12, any::<u8>(), prop::bool::weighted(0.7)).prop_map(|(lang, msg, valid)| {
            AdminOp::Translate { lang, msg, valid }
        }),
        3 => (0u8..8).prop_map(AdminOp::RemoveService),
        2 => (0u8..5, prop::sample::select(vec![0u8, 9, 10, 11])).prop_map(|(day, until)| {
            AdminOp::ShortenHours { day, until }
        }),
        1 => Just(AdminOp::RestoreCatalog),
    ]
}

/// Conversations 0 and 1 get most of the inputs, so that their flows get somewhere.
fn conv() -> impl Strategy<Value = usize> {
    prop_oneof![3 => 0usize..2, 1 => 0usize..CONVERSATIONS.len()]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        10 => (conv(), typed()).prop_map(|(conv, text)| Op::Type { conv, text }),
        12 => (conv(), pressed()).prop_map(|(conv, press)| Op::Press { conv, press }),
        // Half of the walks book (goal 0 of PROGRESS), the rest go anywhere.
        12 => (conv(), prop_oneof![any::<u8>(), (0u8..64).prop_map(|g| g * 4)], 1u8..12)
            .prop_map(|(conv, goal, steps)| Op::Go {
            conv,
            goal,
            steps
        }),
        1 => (conv(), prop_oneof![Just(Other::Media), Just(Other::Edited), Just(Other::Undecryptable)])
            .prop_map(|(conv, input)| Op::Other { conv, input }),
        3 => (conv(), 0u8..6).prop_map(|(conv, kind)| Op::Other { conv, input: Other::File(kind) }),
        1 => conv().prop_map(|conv| Op::Open { conv }),
        1 => conv().prop_map(|conv| Op::Redeliver { conv }),
        6 => advance().prop_map(Op::Advance),
        1 => Just(Op::Tick),
        8 => (0usize..CLERKS.len(), clerk_act()).prop_map(|(clerk, act)| Op::Clerk { clerk, act }),
        2 => admin_op().prop_map(Op::Admin),
        2 => (conv(), any::<u8>()).prop_map(|(conv, pick)| Op::CheckBookings { conv, pick }),
        1 => (conv(), any::<u8>()).prop_map(|(conv, pick)| Op::RemoveBooked { conv, pick }),
        1 => (conv(), pressed(), typed()).prop_map(|(conv, press, text)| Op::Together {
            conv,
            press,
            text
        }),
        1 => (0usize..CLERKS.len(), 0usize..CLERKS.len()).prop_map(|(a, b)| Op::Race { a, b }),
        1 => (conv(), pressed(), 0usize..CLERKS.len(), 0u8..3).prop_map(
            |(conv, press, clerk, how)| Op::Meanwhile {
                conv,
                press,
                clerk,
                how
            }
        ),
    ]
}

pub(crate) fn case(max_ops: usize) -> impl Strategy<Value = Case> {
    (
        0..STARTS.len(),
        prop::collection::vec(
            prop::option::weighted(0.5, 0..HINTS.len()),
            CONVERSATIONS.len(),
        ),
        prop::collection::vec(op(), 1..=max_ops),
    )
        .prop_map(|(start, hints, ops)| Case { start, hints, ops })
}
