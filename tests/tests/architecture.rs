//! The boundaries ARCHITECTURE.md promises, checked on the source itself:
//!
//! - **No import cycle** in `core/` or `bots/`. Modules that share a parent may depend on each
//!   other one way only: for every module, the graph of its child modules (an edge from one
//!   child to another when any file below the first names anything below the second, through
//!   `crate::…`, `super::…` or `self::…` paths in code or `use` lines) must be acyclic.
//!   A child naming its parent, or a parent its child, is no cycle.
//! - **Channels never touch the store**: no file of `bots/` calls `.store()` or names the
//!   store's module or its `Store` type, except the composition root (`bots/src/app.rs`), which
//!   opens it and hands it to the engine; what a channel, desk or admin endpoint needs is a
//!   method of a core service. Test code (`#[cfg(test)]`) may reach anywhere.
//!
//! Why a check of our own rather than `cargo modules dependencies --acyclic`: that tool builds
//! the crates with rust-analyzer's libraries (several minutes on CI's two cores for every fresh
//! clone) and reports item-level cycles including parent/child ones, which Rust's module
//! system makes normal; what we promise is the module-level picture above, and reading the
//! `use` lines gives it in milliseconds. It reads paths textually, so it knows nothing of
//! macros that build paths; none of ours do.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path below the crate root (`["dialogue", "steps"]`; empty for the root).
type Module = Vec<String>;

/// Every `.rs` file of a crate's `src/`, by the module it is.
fn modules(src: &Path) -> BTreeMap<Module, PathBuf> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read source dir") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().and_then(|e| e.to_str()) != Some("rs") {
                continue;
            }
            let rel = path.strip_prefix(src).expect("below src");
            let mut module: Module = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                module.pop();
            }
            out.insert(module, path);
        }
    }
    out
}

/// Modules declared `#[cfg(test)] mod name;` in another file: test code, which may reach
/// anywhere in its crate.
fn test_only(files: &BTreeMap<Module, PathBuf>) -> BTreeSet<Module> {
    let mut out = BTreeSet::new();
    for (module, path) in files {
        let text = std::fs::read_to_string(path).expect("read source");
        let mut cfg_test = false;
        for line in text.lines().map(str::trim) {
            if line.starts_with("#[cfg(test)]") {
                cfg_test = true;
                continue;
            }
            if cfg_test
                && let Some(name) = line
                    .strip_prefix("mod ")
                    .or_else(|| line.strip_prefix("pub(crate) mod "))
                    .and_then(|rest| rest.strip_suffix(';'))
            {
                let mut child = module.clone();
                child.push(name.trim().to_owned());
                out.insert(child);
            }
            cfg_test = false;
        }
    }
    out
}

/// The code of a file without comments (doc links name modules without depending on them)
/// and without `#[cfg(test)]` modules (tests may reach anywhere in their crate).
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut skip_depth: Option<i32> = None;
    let mut depth = 0i32;
    let mut pending_cfg_test = false;
    for line in text.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        let line = match line.find("//") {
            // A trailing comment, unless the `//` is inside a string (`https://…`).
            Some(i) if line[..i].matches('"').count() % 2 == 0 => &line[..i],
            _ => line,
        };
        if trimmed.starts_with("#[cfg(test)]") {
            pending_cfg_test = true;
            continue;
        }
        let opens = i32::try_from(line.matches('{').count()).unwrap_or(0);
        let closes = i32::try_from(line.matches('}').count()).unwrap_or(0);
        // `mod tests`, or one whose fixtures other test modules use (`pub(super) mod tests`).
        let is_mod = trimmed.starts_with("mod ")
            || (trimmed.starts_with("pub") && trimmed.contains(" mod "));
        if pending_cfg_test && skip_depth.is_none() && is_mod {
            pending_cfg_test = false;
            if trimmed.ends_with(';') {
                continue;
            }
            skip_depth = Some(depth);
            depth += opens - closes;
            continue;
        }
        pending_cfg_test = false;
        depth += opens - closes;
        if let Some(d) = skip_depth {
            if depth <= d {
                skip_depth = None;
            }
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The paths a file names: `crate::a::b`, `super::x`, `self::y`, with `use` groups expanded
/// one level (`use super::{a, b::c}` names `super::a` and `super::b`).
fn named_paths(code: &str) -> Vec<Vec<String>> {
    let mut paths = Vec::new();
    let bytes = code.as_bytes();
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            from = at + start.len();
            // A whole word: not `my_crate::`.
            if at > 0 && (bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_') {
                continue;
            }
            let rest = &code[at..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let head = rest[..end].trim_end_matches(':');
            let segments: Vec<String> = head.split("::").map(str::to_owned).collect();
            if rest[end..].starts_with('{') && rest[..end].ends_with("::") {
                let group = &rest[end + 1..];
                let mut level = 0;
                let mut item = String::new();
                for c in group.chars() {
                    match c {
                        '{' => level += 1,
                        '}' if level == 0 => break,
                        '}' => level -= 1,
                        ',' if level == 0 => {
                            push_item(&mut paths, &segments, &item);
                            item.clear();
                            continue;
                        }
                        _ => {}
                    }
                    item.push(c);
                }
                push_item(&mut paths, &segments, &item);
            } else {
                paths.push(segments);
            }
        }
    }
    paths
}

fn push_item(paths: &mut Vec<Vec<String>>, prefix: &[String], item: &str) {
    let first = item
        .trim()
        .split("::")
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned();
    if first.is_empty() || first == "self" {
        paths.push(prefix.to_vec());
        return;
    }
    let mut p = prefix.to_vec();
    p.push(first);
    paths.push(p);
}

/// `path` as named in `module`, resolved to the module it lands in (the longest known prefix).
fn resolve(
    module: &Module,
    is_dir_module: bool,
    path: &[String],
    known: &BTreeSet<Module>,
) -> Module {
    let mut base: Module = Vec::new();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => rest = &path[1..],
        Some("self" | "super") => {
            // A file `a/b.rs` is module a::b: `self` is a::b, `super` is a. The same for
            // `a/b/mod.rs`.
            let _ = is_dir_module;
            base = module.clone();
            while let Some(s) = rest.first() {
                match s.as_str() {
                    "self" => rest = &rest[1..],
                    "super" => {
                        base.pop();
                        rest = &rest[1..];
                    }
                    _ => break,
                }
            }
        }
        _ => return module.clone(),
    }
    let mut target = base;
    for s in rest {
        let mut next = target.clone();
        next.push(s.clone());
        if known.contains(&next) {
            target = next;
        } else {
            break;
        }
    }
    target
}

/// For every module, the cycles among its children.
fn cycles(src: &Path) -> Vec<String> {
    let files = modules(src);
    let tests = test_only(&files);
    let known: BTreeSet<Module> = files.keys().cloned().collect();
    // parent -> (child -> children it depends on)
    let mut graphs: BTreeMap<Module, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    let mut why: BTreeMap<(Module, String, String), String> = BTreeMap::new();
    for (module, path) in &files {
        if tests.iter().any(|t| module.starts_with(t)) {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read source");
        let is_dir = path.file_name().is_some_and(|n| n == "mod.rs");
        for named in named_paths(&code(&text)) {
            let target = resolve(module, is_dir, &named, &known);
            // The deepest common ancestor, and the children of it on each side.
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common == module.len() || common == target.len() {
                continue; // ancestor or descendant
            }
            let parent: Module = module[..common].to_vec();
            let (from, to) = (module[common].clone(), target[common].clone());
            graphs
                .entry(parent.clone())
                .or_default()
                .entry(from.clone())
                .or_default()
                .insert(to.clone());
            why.entry((parent, from, to))
                .or_insert_with(|| format!("{} names {}", path.display(), named.join("::")));
        }
    }
    let mut found = Vec::new();
    for (parent, graph) in &graphs {
        for cycle in graph_cycles(graph) {
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|w| {
                    why.get(&(parent.clone(), w[0].clone(), w[1].clone()))
                        .cloned()
                        .unwrap_or_default()
                })
                .collect();
            found.push(format!(
                "in {}: {} ({})",
                if parent.is_empty() {
                    "the crate root".to_owned()
                } else {
                    parent.join("::")
                },
                cycle.join(" → "),
                steps.join("; ")
            ));
        }
    }
    found
}

/// One cycle through each strongly connected group of more than one node, as a closed walk.
fn graph_cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let nodes: BTreeSet<&String> = graph
        .keys()
        .chain(graph.values().flat_map(|s| s.iter()))
        .collect();
    let reaches = |from: &String, to: &String| -> Option<Vec<String>> {
        // A shortest path from `from` to `to` (breadth first).
        let mut prev: BTreeMap<String, String> = BTreeMap::new();
        let mut queue = std::collections::VecDeque::from([from.clone()]);
        let mut seen = BTreeSet::from([from.clone()]);
        while let Some(n) = queue.pop_front() {
            for m in graph.get(&n).into_iter().flatten() {
                if m == to {
                    let mut path = vec![to.clone(), n.clone()];
                    let mut at = n.clone();
                    while let Some(p) = prev.get(&at) {
                        path.push(p.clone());
                        at = p.clone();
                    }
                    path.reverse();
                    return Some(path);
                }
                if seen.insert(m.clone()) {
                    prev.insert(m.clone(), n.clone());
                    queue.push_back(m.clone());
                }
            }
        }
        None
    };
    let mut reported: BTreeSet<BTreeSet<String>> = BTreeSet::new();
    let mut out = Vec::new();
    for n in nodes {
        if let Some(cycle) = reaches(n, n) {
            let members: BTreeSet<String> = cycle.iter().cloned().collect();
            if reported.insert(members) {
                out.push(cycle);
            }
        }
    }
    out
}

fn src(krate: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(krate)
        .join("src")
}

#[test]
fn no_import_cycle_in_core() {
    let found = cycles(&src("core"));
    assert!(
        found.is_empty(),
        "import cycles in core/:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_import_cycle_in_bots() {
    let found = cycles(&src("bots"));
    assert!(
        found.is_empty(),
        "import cycles in bots/:\n{}",
        found.join("\n")
    );
}

#[test]
fn channels_never_touch_the_store() {
    let root = src("bots");
    let files = modules(&root);
    let tests = test_only(&files);
    let mut found = Vec::new();
    for (module, path) in &files {
        if tests.iter().any(|t| module.starts_with(t)) {
            continue;
        }
        // The composition root opens the store and hands it to the engine; nothing else.
        let wiring = *path == root.join("app.rs");
        let text = std::fs::read_to_string(path).expect("read source");
        for line in code(&text).lines() {
            let names_store_type = line
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|word| word == "Store");
            if line.contains(".store()")
                || line.contains("schalter_core::store")
                || (names_store_type && !wiring)
            {
                found.push(format!("{}: {}", path.display(), line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "bots/ reaches past the core into the store ({} places):\n{}",
        found.len(),
        found.join("\n")
    );
}

/// The checker finds what it must: a cycle between siblings, through `super::` and `crate::`,
/// and not a parent naming its child or a child its parent.
#[test]
fn the_checker_sees_a_cycle_and_nothing_else() {
    let dir = std::env::temp_dir().join(format!("schalter-arch-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).unwrap();
    std::fs::write(dir.join("lib.rs"), "mod a;\nmod b;\nuse crate::a::x;\n").unwrap();
    std::fs::write(
        dir.join("a/mod.rs"),
        "mod c;\nmod d;\npub use c::X;\nuse super::b::Y; // crate::b in a comment\n",
    )
    .unwrap();
    std::fs::write(dir.join("a/c.rs"), "use super::{d::Z, X};\n").unwrap();
    std::fs::write(dir.join("a/d.rs"), "fn f() { crate::a::c::g(); }\n").unwrap();
    std::fs::write(
        dir.join("b.rs"),
        "pub struct Y;\n#[cfg(test)]\nmod tests {\n    use crate::a::X;\n}\n\
         #[cfg(test)]\npub(super) mod fixtures {\n    use crate::a::X;\n}\n",
    )
    .unwrap();
    let found = cycles(&dir);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("in a: "), "{found:#?}");
    // b → a closes a cycle with a → b.
    std::fs::write(dir.join("b.rs"), "fn g() { crate::a::x(); }\n").unwrap();
    let found = cycles(&dir);
    assert_eq!(found.len(), 2, "{found:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn channels_never_import_each_other() {
    const CHANNELS: [&str; 4] = ["telegram", "matrix", "terminal", "web"];
    let root = src("bots");
    let files = modules(&root);
    let tests = test_only(&files);
    let mut found = Vec::new();
    for (module, path) in &files {
        let Some(own) = module.first().filter(|m| CHANNELS.contains(&m.as_str())) else {
            continue;
        };
        if tests.iter().any(|t| module.starts_with(t)) {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read source");
        let known: BTreeSet<Module> = files.keys().cloned().collect();
        let is_dir = path.file_name().is_some_and(|n| n == "mod.rs");
        for named in named_paths(&code(&text)) {
            let target = resolve(module, is_dir, &named, &known);
            if let Some(other) = target.first()
                && other != own
                && CHANNELS.contains(&other.as_str())
            {
                found.push(format!("{} names {}", path.display(), named.join("::")));
            }
        }
    }
    assert!(
        found.is_empty(),
        "a channel imports another:\n{}",
        found.join("\n")
    );
}
