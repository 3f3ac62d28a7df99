//! The strategies that generate requests: paths, queries, tokens, content types, bodies of
//! any kind, and Fluent of every kind.

use proptest::prelude::*;
use proptest::sample::select;
use reqwest::Method;
use serde_json::{Value, json};

use crate::office::{LANGS, MAX_BODY, TOKEN};
use crate::requests::{Body, Req, Token};

/// Percent-encodes every byte but the unreserved ones.
fn pct(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(b) {
                (*b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Strings people and scripts send: plain, any Unicode including controls and NUL, odd
/// ones, long ones.
pub(crate) fn text() -> BoxedStrategy<String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ._-]{0,20}",
        2 => prop::collection::vec(any::<char>(), 0..30).prop_map(String::from_iter),
        2 => select(vec![
            "", " ", "\0", "\u{202e}abc", "مساعدة", "Допомога", "😀👍🏽", "{ $x }", "}", "{",
            "\\", "\"", "\r\n", "%00", "null", "../", "\u{feff}", "ẞ", "İı", "\u{200f}١٢٣",
            "menu-help", "hilfe", "\u{fffd}", "\t", "Ⅻ", "a\u{0301}",
        ])
        .prop_map(String::from),
        1 => (0usize..5000).prop_map(|n| "x".repeat(n)),
    ]
    .boxed()
}

fn json_value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_filter_map("finite", |f| serde_json::Number::from_f64(f)
            .map(Value::Number)),
        select(vec![
            json!(1e308),
            json!(-0.0),
            json!(u64::MAX),
            json!(i64::MIN)
        ]),
        text().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
    .boxed()
}

/// An object with the fields the endpoints read, each of any type or a fitting string.
fn shaped_body() -> BoxedStrategy<Value> {
    let field = prop_oneof![
        3 => fluent_any(),
        2 => json_value().prop_map(|v| v.to_string()),
    ];
    let value = prop_oneof![
        3 => field.prop_map(Value::from),
        1 => json_value(),
    ];
    prop::collection::vec(
        (
            select(vec![
                "value", "author", "to", "id", "args", "toml", "value", "toml", "extra", "name",
                "roles", "days",
            ]),
            value,
        ),
        0..4,
    )
    .prop_map(|kv| {
        Value::Object(
            kv.into_iter()
                .map(|(k, v)| {
                    // `args` mostly as an object of sample variables.
                    let v = match (k, v) {
                        ("args", Value::String(s)) => json!({ "max": s, "n": 1e308 }),
                        (_, v) => v,
                    };
                    (k.to_owned(), v)
                })
                .collect(),
        )
    })
    .boxed()
}

/// Bodies of any kind: shaped and arbitrary JSON, broken JSON, deep nesting, huge numbers,
/// invalid UTF-8, and sizes around the limit.
fn body() -> BoxedStrategy<Body> {
    prop_oneof![
        2 => Just(Body::None),
        6 => shaped_body().prop_map(Body::Json),
        2 => json_value().prop_map(Body::Json),
        1 => (1usize..3000, any::<bool>()).prop_map(|(n, object)| {
            let text = if object {
                format!("{}1{}", r#"{"a":"#.repeat(n), "}".repeat(n))
            } else {
                format!("{}{}", "[".repeat(n), "]".repeat(n))
            };
            Body::Raw(text.into_bytes())
        }),
        1 => select(vec![
            format!("1{}", "0".repeat(500)),
            "1e999999".to_owned(),
            r#"{"value": 1e400}"#.to_owned(),
            r#"{"value": -1e-400, "toml": 1e400}"#.to_owned(),
            r#"{"value": "\u0000", "author": "\ud800"}"#.to_owned(),
            r#"{"value": "a", "value": "b"}"#.to_owned(),
            r#"{"toml": "x", "toml": 3}"#.to_owned(),
            "".to_owned(),
            " ".to_owned(),
            "null".to_owned(),
            "[]".to_owned(),
            "\u{feff}{}".to_owned(),
            "{}".to_owned(),
            r#"{"value": "Hilfe"}garbage"#.to_owned(),
        ])
        .prop_map(|s| Body::Raw(s.into_bytes())),
        1 => prop::collection::vec(any::<u8>(), 0..200).prop_map(Body::Raw),
        1 => (shaped_body(), any::<prop::sample::Index>()).prop_map(|(v, i)| {
            let mut b = serde_json::to_vec(&v).expect("JSON");
            let cut = i.index(b.len().max(1));
            b.truncate(cut);
            Body::Raw(b)
        }),
        1 => (
            select(vec![
                0,
                MAX_BODY - 1,
                MAX_BODY,
                MAX_BODY + 1,
                2 * MAX_BODY,
                1024 * 1024
            ]),
            any::<bool>()
        )
            .prop_map(|(len, json)| Body::Sized { len, json }),
    ]
    .boxed()
}

fn content_type() -> BoxedStrategy<Option<String>> {
    prop_oneof![
        6 => Just(Some("application/json".to_owned())),
        3 => select(vec![
            None,
            Some("application/json; charset=utf-8"),
            Some("APPLICATION/JSON"),
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            Some("multipart/form-data; boundary=x"),
            Some("application/problem+json"),
            Some("application/jsonx"),
            Some(""),
            Some("*/*"),
            Some("application/json; charset=latin1"),
        ])
        .prop_map(|c| c.map(String::from)),
        1 => "[ -~]{0,30}".prop_map(Some),
    ]
    .boxed()
}

fn token() -> BoxedStrategy<Token> {
    prop_oneof![
        4 => Just(Token::Valid),
        5 => (0..crate::office::ROLES.len()).prop_map(Token::Session),
        1 => Just(Token::Missing),
        1 => Just(Token::ForgedSession),
        1 => prop_oneof![
            Just(format!("bearer {TOKEN}")),
            Just(format!("Bearer  {TOKEN}")),
            Just(format!("Bearer {}", &TOKEN[1..])),
            Just(format!("Basic {TOKEN}")),
            Just(TOKEN.to_owned()),
            Just("Bearer ".to_owned()),
            "Bearer [ -~]{0,50}",
        ]
        .prop_map(Token::Header),
    ]
    .boxed()
}

fn method() -> BoxedStrategy<Method> {
    prop_oneof![
        4 => Just(Method::GET),
        3 => Just(Method::PUT),
        3 => Just(Method::POST),
        1 => Just(Method::DELETE),
        1 => select(vec![Method::PATCH, Method::HEAD, Method::OPTIONS]),
    ]
    .boxed()
}

/// A path segment: mostly a real value, else odd characters, percent-encoded bytes (invalid
/// UTF-8 too), dot segments, long ones.
fn segment(real: Vec<String>) -> BoxedStrategy<String> {
    prop_oneof![
        6 => select(real),
        1 => "[a-z-]{0,12}",
        1 => prop::collection::vec(any::<char>(), 0..12)
            .prop_map(|c| pct(String::from_iter(c).as_bytes())),
        1 => prop::collection::vec(any::<u8>(), 0..12).prop_map(|b| pct(&b)),
        1 => select(vec![
            "%FF", "%00", "..", ".", "%2E%2E", "%2F", "a%2Fb", "%20", "menu%20help", "DE",
            "de-DE", "de_DE", "xx", "-brand", "menu-help.title", "%F0%9F%98%80", "%C3%BC",
            "%", "%G1", "telegram:1", "matrix:@a:b", "telegram%3A1", ";", "@",
        ])
        .prop_map(String::from),
        1 => (100usize..4000).prop_map(|n| "m".repeat(n)),
    ]
    .boxed()
}

fn query_value() -> BoxedStrategy<String> {
    prop_oneof![
        2 => text().prop_map(|t| pct(t.as_bytes())),
        1 => prop::collection::vec(any::<u8>(), 0..16).prop_map(|b| pct(&b)),
        2 => select(vec![
            "menu", "hilfe", "to-review", "done", "0", "1", "200", "201", "-1", "1e3",
            "99999999999999999999999", "paid", "open", "refunded", "2027-02-02", "2027-02-30",
            "0000-01-01", "-5000-01-01", "%2B262143-12-31", "%2B262142-12-31", "262143-12-31",
            "9999-12-31", "-262143-01-01", "%FF", "%", "%%", "tr", "ar", "x-klingon",
            "de;q=0.5", "%24max", "%7B", "%E2%82%AC",
        ])
        .prop_map(String::from),
        1 => (190usize..210).prop_map(|n| "a".repeat(n)),
    ]
    .boxed()
}

fn query() -> BoxedStrategy<String> {
    prop_oneof![
        2 => Just(String::new()),
        6 => prop::collection::vec(
            (
                prop_oneof![
                    4 => select(vec!["q", "state", "limit", "day", "lang"]).prop_map(String::from),
                    1 => "[a-z%]{0,5}",
                ],
                query_value(),
            ),
            1..4,
        )
        .prop_map(|kv| {
            let pairs: Vec<String> = kv.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("?{}", pairs.join("&"))
        }),
        1 => select(vec!["?", "?&&", "?q", "?q=&q=", "?=x", "?q=a=b", "?%%%"]).prop_map(String::from),
    ]
    .boxed()
}

/// A path and the method its endpoint takes.
fn path(ids: Vec<String>) -> BoxedStrategy<(Method, String)> {
    let langs: Vec<String> = LANGS.iter().map(|l| (*l).to_owned()).collect();
    (
        0usize..27,
        segment(langs),
        segment(ids),
        segment(vec![
            "telegram:4711".into(),
            "matrix:@ana:example.org".into(),
        ]),
        query(),
    )
        .prop_map(|(n, lang, id, conversation, query)| {
            let message = format!("/admin/api/locales/{lang}/messages/{id}");
            let (method, p) = match n {
                0 => (Method::GET, "/admin/api/locales".to_owned()),
                1 => (Method::GET, format!("/admin/api/locales/{lang}/messages")),
                2 => (Method::GET, message),
                3 => (Method::PUT, message),
                4 => (Method::GET, format!("{message}/history")),
                5 => (Method::POST, format!("{message}/rollback")),
                6 => (Method::POST, format!("{message}/confirm")),
                7 | 8 => (Method::GET, "/admin/api/messages".to_owned()),
                9 => (Method::GET, format!("/admin/api/messages/{id}")),
                10 => (Method::POST, format!("/admin/api/locales/{lang}/preview")),
                11 => (Method::GET, format!("/admin/api/locales/{lang}/export")),
                12 => (Method::PUT, "/admin/api/catalog".to_owned()),
                13 => (Method::GET, "/admin/api/queue".to_owned()),
                14 => (Method::GET, "/admin/api/payments".to_owned()),
                15 => (
                    Method::DELETE,
                    format!("/admin/api/citizens/{conversation}"),
                ),
                16 => (Method::GET, "/admin/api/audit".to_owned()),
                17 => (Method::GET, format!("/admin/api/{id}")),
                18 => (Method::GET, "/admin/".to_owned()),
                19 => (Method::GET, "/metrics".to_owned()),
                20 => (Method::GET, "/admin/api/me".to_owned()),
                21 => (Method::POST, "/admin/api/tokens".to_owned()),
                22 => (Method::GET, "/admin/api/tokens".to_owned()),
                23 => (Method::DELETE, format!("/admin/api/tokens/{id}")),
                24 => (Method::GET, "/admin/api/audit?format=csv".to_owned()),
                25 => (Method::GET, "/admin/api/documents".to_owned()),
                _ => (Method::GET, "/admin/api".to_owned()),
            };
            (method, format!("{p}{query}"))
        })
        .boxed()
}

/// Mostly the method the endpoint takes, else any.
pub(crate) fn request(ids: Vec<String>) -> BoxedStrategy<Req> {
    (
        path(ids),
        prop::option::weighted(0.25, method()),
        token(),
        content_type(),
        body(),
    )
        .prop_map(|((own, path), other, token, content_type, body)| Req {
            method: other.unwrap_or(own),
            path,
            token,
            content_type,
            body,
        })
        .boxed()
}

/// Fluent of every kind for a message that may use `vars`: text in any script, placeables of
/// each kind (known and unknown variables, literals, terms, message references, functions),
/// selectors with and without a default, broken syntax, attributes and second messages, deep
/// nesting, many placeables, and texts around and far past the length limit.
pub(crate) fn fluent(vars: Vec<String>) -> BoxedStrategy<String> {
    let mut names = vars;
    names.push("nope".into());
    let var = select(names);
    let piece = prop_oneof![
        6 => prop_oneof![
            "[a-zA-Z0-9 ,.!?:;'()-]{1,20}",
            select(vec!["Hilfe", "مساعدة", "Допомога", "😀", "ẞ", "\u{202e}", "\u{fffd}", "€ 13,00"])
                .prop_map(String::from),
            prop::collection::vec(any::<char>(), 1..8).prop_map(String::from_iter),
        ],
        4 => var.clone().prop_map(|v| format!("{{ ${v} }}")),
        2 => var.clone().prop_map(|v| format!("{{ NUMBER(${v}) }}")),
        1 => var.clone().prop_map(|v| format!("{{ NUMBER(${v}, minimumFractionDigits: 2) }}")),
        1 => var.clone().prop_map(|v| format!("{{ DATETIME(${v}) }}")),
        2 => var.clone().prop_map(|v| format!("{{ ${v} ->\n    [one] eins\n   *[other] {{ ${v} }} viele\n}}")),
        1 => var.clone().prop_map(|v| format!("{{ ${v} ->\n    [one] eins\n    [other] viele\n}}")),
        1 => var.clone().prop_map(|v| format!("{{ ${v} ->\n   *[other] {{ ${v} ->\n       *[x] tief\n    }}\n}}")),
        3 => select(vec![
            "{ \"literal\" }", "{ 42 }", "{ -3.5 }", "{ \"\\u0041\" }", "{ \"\\U01F600\" }",
            "{ \"\\UFFFFFF\" }", "{ \"\\u0000\" }", "{ \"\\uD800\" }", "{ \"\\\\\" }",
            "{ -brand }", "{ -brand-name }", "{ -term(case: \"x\") }", "{ menu-help }",
            "{ menu-book }", "{ menu-help.title }", "{ no-such-message }", "{ NOPE() }",
            "{ NUMBER(\"x\") }", "{ \"x\" -> *[x] y }", "{ 1 ->\n *[one] y\n}",
            "{", "}", "{ $ }", "{ }", "{ { } }", "[one]", "*[other]", "\\", "{ \"unterminated }",
            "\n.attr = Attribut", "\n# Kommentar", "\nzweite = Nachricht", "\n-term = Begriff",
            "\n    eingerückt", "\n[one] x", "\n*[other] y", "\n}", "\n.", "\0", "\r\n", "\n\n",
            "\u{0}{ $x }",
        ])
        .prop_map(String::from),
        1 => (1usize..2100).prop_map(|n| format!("{}\"x\"{}", "{".repeat(n), "}".repeat(n))),
        1 => (1usize..700).prop_map(|n| format!("{}1{}", "{ ".repeat(n), " }".repeat(n))),
        1 => (90usize..130).prop_map(|n| "{ \"a\" }".repeat(n)),
        1 => select(vec![3999usize, 4000, 4001, 10_000]).prop_map(|n| "ü".repeat(n)),
    ];
    prop::collection::vec(piece, 1..5)
        .prop_map(|p| p.concat())
        .boxed()
}

/// Fluent without knowing the message (for bodies of arbitrary requests).
fn fluent_any() -> BoxedStrategy<String> {
    fluent(vec!["max".into(), "service".into()])
}
