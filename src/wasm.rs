//! The WebAssembly surface used by the extension. Errors become JavaScript exceptions with a
//! readable message; a panic (a bug) is logged to the console by console_error_panic_hook.
use crate::{phrase_hash, CheckOptions, Checker as CoreChecker, Config};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct JsCheckOptions {
    media_attached: bool,
}

/// A configured checker; construct once per settings change, call `check` per keystroke.
#[wasm_bindgen]
pub struct Checker {
    inner: CoreChecker,
}

#[wasm_bindgen]
impl Checker {
    /// `config`: a plain object like `{profession: "doctor", minSeverity: "low"}`; `undefined`
    /// or `null` means defaults.
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Checker, JsError> {
        let config: Config = if config.is_undefined() || config.is_null() {
            Config::default()
        } else {
            serde_wasm_bindgen::from_value(config)
                .map_err(|e| JsError::new(&format!("invalid SafePost configuration: {e}")))?
        };
        let inner = CoreChecker::new(config).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Checker { inner })
    }

    /// Findings for `text` as plain objects (see DESIGN.md "Contracts"), offsets in UTF-16.
    /// `options`: `{mediaAttached: boolean}` or undefined.
    pub fn check(&self, text: &str, options: JsValue) -> Result<JsValue, JsError> {
        let options: JsCheckOptions = if options.is_undefined() || options.is_null() {
            JsCheckOptions::default()
        } else {
            serde_wasm_bindgen::from_value(options)
                .map_err(|e| JsError::new(&format!("invalid check options: {e}")))?
        };
        let report = self.inner.check_with(
            text,
            &CheckOptions {
                media_attached: options.media_attached,
            },
        );
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        serde::Serialize::serialize(&report.findings, &serializer)
            .map_err(|e| JsError::new(&format!("could not return findings: {e}")))
    }
}

/// The salted hash stored for "always ignore this phrase".
#[wasm_bindgen(js_name = phraseHash)]
pub fn phrase_hash_js(salt: &str, phrase: &str) -> String {
    phrase_hash(salt, phrase)
}

#[wasm_bindgen(js_name = coreVersion)]
pub fn core_version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
