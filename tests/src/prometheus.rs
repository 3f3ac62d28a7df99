//! Reading `/metrics` in tests: Prometheus' text format, summed over label sets.

use crate::Serve;

/// The body of `GET /metrics` of a running `schalter serve`.
pub async fn scrape(serve: &Serve) -> String {
    reqwest::Client::new()
        .get(format!("{}/metrics", serve.http))
        .send()
        .await
        .expect("GET /metrics")
        .text()
        .await
        .expect("metrics body")
}

/// The sum of a metric's samples (`name value` or `name{labels} value`) whose labels contain
/// every one of `labels` (`platform="telegram"`); `None` if there is none.
pub fn sum(body: &str, name: &str, labels: &[&str]) -> Option<f64> {
    let mut sum = None;
    for line in body.lines() {
        let Some(rest) = line.strip_prefix(name) else {
            continue;
        };
        let (set, rest) = match rest.strip_prefix('{') {
            Some(rest) => match rest.rfind('}') {
                Some(end) => (&rest[..end], &rest[end + 1..]),
                None => continue,
            },
            None if rest.starts_with(' ') => ("", rest),
            None => continue,
        };
        if !labels.iter().all(|l| set.split(',').any(|s| s == *l)) {
            continue;
        }
        let Some(Ok(value)) = rest.split_whitespace().next().map(str::parse::<f64>) else {
            continue;
        };
        sum = Some(sum.unwrap_or(0.0) + value);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::sum;

    #[test]
    fn samples_are_summed_over_matching_label_sets() {
        let body = "# HELP x y\n# TYPE x counter\nx_total 3\n\
                    f_total{platform=\"telegram\",kind=\"network\"} 2\n\
                    f_total{platform=\"telegram\",kind=\"server_error\"} 5\n\
                    f_total{platform=\"matrix\",kind=\"network\"} 7\n";
        assert_eq!(sum(body, "x_total", &[]), Some(3.0));
        assert_eq!(sum(body, "f_total", &[]), Some(14.0));
        assert_eq!(sum(body, "f_total", &["platform=\"telegram\""]), Some(7.0));
        assert_eq!(
            sum(
                body,
                "f_total",
                &["platform=\"matrix\"", "kind=\"network\""]
            ),
            Some(7.0)
        );
        assert_eq!(sum(body, "f_total", &["kind=\"refused\""]), None);
        assert_eq!(sum(body, "f", &[]), None);
    }
}
