//! Who may work the queue: the Matrix ids in SCHALTER_MATRIX_CLERKS, for the Matrix desk room
//! and the terminal desk alike. Nobody, if none are configured.

use crate::config::Config;

pub fn is_clerk(config: &Config, id: &str) -> bool {
    config.matrix_clerks.iter().any(|c| c == id)
}

/// A link to a fresh video conference with an unguessable (128-bit) name, if a video
/// service is configured. Matrix video rooms (issue 5) replace this for the Matrix desk.
pub fn video_link(config: &Config) -> Option<String> {
    let base = config.video_base_url.as_deref()?.trim_end_matches('/');
    Some(format!(
        "{base}/schalter-{}",
        schalter_core::reference::secret_token()
    ))
}
