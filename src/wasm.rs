//! The WebAssembly surface used by the extension. Errors become JavaScript exceptions with a
//! readable message; a panic (a bug) is logged to the console by console_error_panic_hook.
//!
//! Settings are read from the JavaScript object field by field ([`config_from_js`]), and
//! findings are built as plain objects the same way ([`findings_to_js`]), rather than through
//! serde-wasm-bindgen: its deserialiser, error messages (which format floats) and serialiser
//! cost about 40 KB of the shipped wasm, for two small fixed shapes.
use crate::{
    phrase_hash, Category, CheckOptions, Checker as CoreChecker, Config, Finding, Profession,
    Severity,
};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
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
    /// Errors name the setting at fault, never its value (see [`crate::ConfigError`]).
    #[wasm_bindgen(constructor)]
    pub fn new(config: JsValue) -> Result<Checker, JsError> {
        let config = config_from_js(&config)
            .map_err(|e| JsError::new(&format!("invalid SafePost configuration: {e}")))?;
        let inner = CoreChecker::new(config).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Checker { inner })
    }

    /// Findings for `text` as plain objects (see DESIGN.md "Contracts"), offsets in UTF-16.
    /// `options`: `{mediaAttached: boolean}` or undefined.
    pub fn check(&self, text: &str, options: JsValue) -> Result<JsValue, JsError> {
        let media_attached = match field(&options, "mediaAttached") {
            Ok(None) => false,
            Ok(Some(v)) => v.as_bool().ok_or_else(|| {
                JsError::new("invalid check options: mediaAttached must be a boolean")
            })?,
            Err(e) => return Err(JsError::new(&format!("invalid check options: {e}"))),
        };
        let report = self
            .inner
            .check_with(text, &CheckOptions { media_attached });
        Ok(findings_to_js(&report.findings))
    }

    /// One slice of the core's lazy compilation (a few patterns or word lists); false when
    /// nothing is left. The extension calls it in idle time after start-up (`step` = 0, 1,
    /// 2... until false), so no keystroke pays for compiling in one long task.
    #[wasm_bindgen(js_name = warmUpStep)]
    pub fn warm_up_step(&self, step: usize) -> bool {
        self.inner.warm_up_step(step)
    }
}

/// Every problem the core finds in `config` (the same object `new Checker` takes), as messages
/// that name the setting and its position but never its value; empty when the core accepts
/// it. The extension's options page and settings import call this before saving, so they
/// and the core apply one validator ([`crate::Config::problems`]).
#[wasm_bindgen(js_name = configProblems)]
pub fn config_problems(config: JsValue) -> Array {
    let out = Array::new();
    match config_from_js(&config) {
        Err(e) => {
            out.push(&JsValue::from_str(&format!(
                "invalid SafePost configuration: {e}"
            )));
        }
        Ok(config) => {
            for problem in config.problems() {
                out.push(&JsValue::from_str(&problem.to_string()));
            }
        }
    }
    out
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

/// `obj[key]`, or `None` when `obj` is undefined/null or the field is undefined/null (every
/// field is optional, as in the extension's settings JSON). Errors when `obj` is not an object.
fn field(obj: &JsValue, key: &str) -> Result<Option<JsValue>, String> {
    if obj.is_undefined() || obj.is_null() {
        return Ok(None);
    }
    if !obj.is_object() || Array::is_array(obj) {
        return Err("expected an object".to_string());
    }
    let v = Reflect::get(obj, &JsValue::from_str(key)).map_err(|_| format!("cannot read {key}"))?;
    Ok((!v.is_undefined() && !v.is_null()).then_some(v))
}

fn string_field(obj: &JsValue, key: &str) -> Result<Option<String>, String> {
    match field(obj, key)? {
        None => Ok(None),
        Some(v) => v
            .as_string()
            .map(Some)
            .ok_or_else(|| format!("{key} must be a string")),
    }
}

fn strings_field(obj: &JsValue, key: &str) -> Result<Option<Vec<String>>, String> {
    let Some(v) = field(obj, key)? else {
        return Ok(None);
    };
    if !Array::is_array(&v) {
        return Err(format!("{key} must be an array of strings"));
    }
    Array::from(&v)
        .iter()
        .map(|item| {
            item.as_string()
                .ok_or_else(|| format!("{key} must be an array of strings"))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// The extension's camelCase settings object (see [`Config`]); `undefined` or `null` means
/// defaults, unknown fields are ignored, as with the CLI's JSON.
fn config_from_js(obj: &JsValue) -> Result<Config, String> {
    let mut config = Config::default();
    if let Some(id) = string_field(obj, "profession")? {
        config.profession =
            Profession::from_id(&id).ok_or_else(|| "unknown profession".to_string())?;
    }
    if let Some(ids) = strings_field(obj, "enabledCategories")? {
        let categories = ids
            .iter()
            .map(|id| Category::from_id(id).ok_or_else(|| "unknown category".to_string()))
            .collect::<Result<Vec<_>, _>>()?;
        config.enabled_categories = Some(categories);
    }
    if let Some(id) = string_field(obj, "minSeverity")? {
        config.min_severity =
            Severity::from_id(&id).ok_or_else(|| "unknown severity".to_string())?;
    }
    if let Some(terms) = strings_field(obj, "workplaceTerms")? {
        config.workplace_terms = terms;
    }
    if let Some(hashes) = strings_field(obj, "ignoredHashes")? {
        config.ignored_hashes = hashes;
    }
    if let Some(salt) = string_field(obj, "ignoreSalt")? {
        config.ignore_salt = salt;
    }
    if let Some(ids) = strings_field(obj, "disabledRules")? {
        config.disabled_rules = ids;
    }
    Ok(config)
}

/// Property names of a finding, made into JavaScript strings once (index = [`Key`]).
const KEYS: [&str; 12] = [
    "rule",
    "category",
    "severity",
    "start",
    "end",
    "text",
    "message",
    "guidance",
    "source",
    "title",
    "section",
    "suggestion",
];

#[derive(Clone, Copy)]
enum Key {
    Rule,
    Category,
    Severity,
    Start,
    End,
    Text,
    Message,
    Guidance,
    Source,
    Title,
    Section,
    Suggestion,
}

thread_local! {
    static KEY_VALUES: Vec<JsValue> = KEYS.iter().map(|k| JsValue::from_str(k)).collect();
}

#[wasm_bindgen]
extern "C" {
    /// A plain object written with `obj[key] = value` (no `Reflect.set` and its try/catch
    /// wrapper: this is on the per-keystroke path).
    #[wasm_bindgen(extends = Object)]
    type PlainObject;
    #[wasm_bindgen(method, indexing_setter)]
    fn put(this: &PlainObject, key: &JsValue, value: &JsValue);
}

fn new_object() -> PlainObject {
    Object::new().unchecked_into()
}

fn set(obj: &PlainObject, keys: &[JsValue], key: Key, value: &JsValue) {
    obj.put(&keys[key as usize], value);
}

/// Findings as plain objects, exactly the JSON of DESIGN.md "Contracts" (the CLI's `--format
/// json`): `{rule, category, severity, start, end, text, message, guidance: [{source, title,
/// section}], suggestion?}`, `suggestion` absent when there is none.
fn findings_to_js(findings: &[Finding]) -> JsValue {
    KEY_VALUES.with(|keys| {
        let out = Array::new();
        for f in findings {
            let o = new_object();
            set(&o, keys, Key::Rule, &JsValue::from_str(&f.rule));
            set(&o, keys, Key::Category, &JsValue::from_str(f.category.id()));
            set(&o, keys, Key::Severity, &JsValue::from_str(f.severity.id()));
            set(&o, keys, Key::Start, &JsValue::from_f64(f.start as f64));
            set(&o, keys, Key::End, &JsValue::from_f64(f.end as f64));
            set(&o, keys, Key::Text, &JsValue::from_str(&f.text));
            set(&o, keys, Key::Message, &JsValue::from_str(&f.message));
            let guidance = Array::new();
            for g in &f.guidance {
                let r = new_object();
                set(&r, keys, Key::Source, &JsValue::from_str(&g.source));
                set(&r, keys, Key::Title, &JsValue::from_str(&g.title));
                set(&r, keys, Key::Section, &JsValue::from_str(&g.section));
                guidance.push(&r);
            }
            set(&o, keys, Key::Guidance, &guidance);
            if let Some(s) = &f.suggestion {
                set(&o, keys, Key::Suggestion, &JsValue::from_str(s));
            }
            out.push(&o);
        }
        out.into()
    })
}
