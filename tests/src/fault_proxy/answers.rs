//! The answers the proxy gives instead of the homeserver's: fault answers and error pages.

use super::HttpFault;

/// The answer for a fault, or `None` for [`HttpFault::Reset`], which has none.
pub(super) fn fault_answer(fault: &HttpFault) -> Option<Vec<u8>> {
    match fault {
        HttpFault::Html(status) => Some(html_answer(*status)),
        HttpFault::Matrix {
            status,
            errcode,
            error,
            retry_after_ms,
        } => {
            let mut body = serde_json::json!({ "errcode": errcode, "error": error });
            let mut extra = String::new();
            if let Some(ms) = retry_after_ms {
                body["retry_after_ms"] = (*ms).into();
                extra = format!("Retry-After: {}\r\n", ms.div_ceil(1000));
            }
            Some(answer(
                *status,
                "application/json",
                &extra,
                &body.to_string(),
            ))
        }
        HttpFault::Reset => None,
    }
}

/// An error page as nginx, the usual reverse proxy before Synapse, writes it.
pub(super) fn html_answer(status: u16) -> Vec<u8> {
    let title = format!("{status} {}", reason(status));
    let body = format!(
        "<html>\r\n<head><title>{title}</title></head>\r\n<body>\r\n\
         <center><h1>{title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n"
    );
    answer(status, "text/html", "", &body)
}

fn answer(status: u16, content_type: &str, extra_headers: &str, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\
         {extra_headers}Connection: close\r\n\r\n{body}",
        reason(status),
        body.len()
    )
    .into_bytes()
}

fn reason(status: u16) -> &'static str {
    axum::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error")
}
