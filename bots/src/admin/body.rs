//! Request bodies: a JSON object, for every endpoint that takes one.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::error::AdminError;

/// A JSON object as a request body. Refused, with the reason as JSON (axum's own through
/// [`super::error::json_refusals`]): not JSON (400), another content type (415), past the
/// limit (413), not an object or not the fields wanted (422). Serde alone would read an array
/// as the fields in order (`["Hallo"]` as `{"value": "Hallo"}`).
pub struct JsonObject<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonObject<T> {
    type Rejection = AdminError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AdminError> {
        let Json(value) = Json::<Value>::from_request(request, state).await?;
        if !value.is_object() {
            return Err(AdminError::NotAnObject);
        }
        serde_json::from_value(value)
            .map(Self)
            .map_err(AdminError::BodyDoesNotFit)
    }
}

/// A [`JsonObject`] whose fields are all optional: no body at all counts as `{}`, so that
/// `curl -X POST …/confirm` works. A body that is there must be one.
pub struct OptionalJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Default> FromRequest<S> for OptionalJson<T> {
    type Rejection = AdminError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AdminError> {
        let (parts, body) = request.into_parts();
        let bytes = Bytes::from_request(Request::from_parts(parts.clone(), body), state).await?;
        if bytes.is_empty() {
            return Ok(Self(T::default()));
        }
        let request = Request::from_parts(parts, axum::body::Body::from(bytes));
        let JsonObject(value) = JsonObject::from_request(request, state).await?;
        Ok(Self(value))
    }
}
