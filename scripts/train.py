"""Trains SafePost's classifier (src/model/weights.bin) from `safepost features` output.

One logistic regression per category (scikit-learn, liblinear: deterministic) over the hashed
features of the whole post, each feature scaled by its naive Bayes log-count ratio for the
category (NB-SVM, Wang and Manning 2012: on held-out posts here it found more risky posts at
the same false-alarm rate than plain logistic regression); the ratio is folded into the
stored weights, so the core scores a plain linear model. Thresholds are set on held-out predictions: 5-fold cross-validated
margins, taken like the core does as the best of the post's windows, so that at most a chosen
share of safe posts passes each category. Weights are stored as i8 with a scale per category.

usage: python3 scripts/train.py FEATURES.jsonl OUT.bin [REPORT.json]
"""
import json
import struct
import sys

import numpy as np
from joblib import Parallel, delayed
from scipy.sparse import csr_matrix, diags
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold

BUCKETS = 1 << 15
CATEGORIES = [
    "patient-identifier", "clinical-encounter", "patient-image", "derogatory-patient",
    "discrimination", "offensive-language", "boundaries", "individual-advice",
    "workplace-dispute", "defamation", "legal-proceedings", "health-claims",
    "undisclosed-interest", "misinformation", "impairment", "personal-security", "copyright",
    "heated-tone",
]
# Categories whose findings are advisory (low) unless the model is confident.
LOW = {"personal-security", "copyright", "heated-tone"}
# Share of safe posts allowed over each threshold (held-out): a finding, a confident one.
# Thresholds are shares of safe posts over them (held-out). FLAG_RATE is scaled by the largest
# factor that keeps the share of safe posts with a medium-or-higher finding, rules included,
# within SAFE_MEDIUM_TARGET.
NUDGE_RATE = 0.01
FLAG_RATE = {c: (0.01 if c in LOW else 0.0015) for c in CATEGORIES}
CONFIDENT_RATE = 0.001
SAFE_MEDIUM_TARGET = 0.013
FLAG_SCALES = [0.25, 0.35, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0]
C = 10.0
NB_ALPHA = 1.0
FOLDS = 5


def matrix(rows):
    """Bucket lists to a CSR matrix of counts / sqrt(total count), as the core scores."""
    indptr, indices, data = [0], [], []
    for buckets in rows:
        counts = {}
        for b in buckets:
            counts[b] = counts.get(b, 0) + 1
        norm = 1.0 / max(len(buckets), 1) ** 0.5
        for b in sorted(counts):
            indices.append(b)
            data.append(counts[b] * norm)
        indptr.append(len(indices))
    return csr_matrix((np.array(data), np.array(indices), np.array(indptr)),
                      shape=(len(rows), BUCKETS))


def fit(x, y):
    """Weights and bias of NB-weighted logistic regression, as one linear model over x."""
    present = (x > 0).astype(np.float64)
    pos = NB_ALPHA + np.asarray(present[y == 1].sum(axis=0)).ravel()
    neg = NB_ALPHA + np.asarray(present[y == 0].sum(axis=0)).ravel()
    ratio = np.log((pos / pos.sum()) / (neg / neg.sum()))
    model = LogisticRegression(solver="liblinear", C=C, class_weight="balanced",
                               random_state=0, max_iter=1000)
    model.fit(x @ diags(ratio), y)
    return model.coef_[0] * ratio, model.intercept_[0]


def best_window(margins, owner, n):
    best = np.full(n, -np.inf)
    np.maximum.at(best, owner, margins)
    return best


def threshold(safe_margins, rate):
    """The smallest margin that at most `rate` of safe posts reach."""
    if len(safe_margins) == 0:
        return 0.0
    s = np.sort(safe_margins)[::-1]
    k = int(np.floor(rate * len(s)))
    # Strictly above the (k+1)-th highest safe margin.
    return float(np.nextafter(np.float32(s[k]), np.float32(np.inf)))


SEVERITIES = ["low", "medium", "high", "critical"]
DEFAULT = {c: "critical" for c in ("patient-identifier", "patient-image", "discrimination",
                                   "misinformation")}
DEFAULT.update({c: "medium" for c in ("offensive-language", "individual-advice",
                                      "workplace-dispute")})
DEFAULT.update({c: "low" for c in LOW})
EXACT_RULES = {"nhs-number", "chi-number", "national-insurance-number", "us-ssn", "phone-number",
               "email-address", "postcode", "hospital-number", "date-of-birth", "door-code",
               "registration-number", "workplace-term"}
CONTEXT_RULES = {"phone-number", "email-address", "postcode", "date-of-birth"}
IDENTIFYING_RULES = {"patient-name", "bed-location", "patient-image", "clinical-encounter",
                     "celebrity-patient"}
NAME_RULES = {"patient-name", "bed-location"}
BELOW, NUDGE, FLAG, CONFIDENT = range(4)


def model_severity(category, level):
    """Mirror of model::severity."""
    default = DEFAULT.get(category, "high")
    if level <= NUDGE:
        return "low"
    if default == "critical":
        return "high"
    if default == "low" and level == CONFIDENT:
        return "medium"
    return default


def rule_severity(rule, severity, level, patient):
    """Mirror of model::rule_severity."""
    least = lambda a, b: min(a, b, key=SEVERITIES.index)
    if rule in EXACT_RULES:
        kept = severity
    elif level == NUDGE and rule in NAME_RULES:
        kept = least(severity, "medium")
    elif level <= NUDGE:
        kept = "low"
    elif level == FLAG:
        kept = least(severity, "high")
    else:
        kept = severity
    if rule in CONTEXT_RULES and not patient:
        return "low"
    allowed = patient if rule in EXACT_RULES else (rule in IDENTIFYING_RULES and level == CONFIDENT)
    return "high" if kept == "critical" and not allowed else kept


def simulate(posts, levels):
    """What the checker would report, from held-out levels: per post (categories, worst)."""
    out = []
    for p, lv in zip(posts, levels):
        found = {}
        patient = max(lv[0], lv[1]) >= NUDGE
        for rule, category, severity in p["rules"]:
            sev = rule_severity(rule, severity, lv[CATEGORIES.index(category)], patient)
            found[category] = max(found.get(category, "low"), sev, key=SEVERITIES.index)
        for c, name in enumerate(CATEGORIES):
            if lv[c] >= NUDGE and name not in found:
                found[name] = model_severity(name, lv[c])
        worst = max(found.values(), key=SEVERITIES.index, default=None)
        out.append((set(found), worst))
    return out


def summary(posts, results):
    safe = [r for p, r in zip(posts, results) if not p["expect"]]
    risky = [r for p, r in zip(posts, results) if p["expect"]]
    at_least = lambda w, s: w is not None and SEVERITIES.index(w) >= SEVERITIES.index(s)
    recall = {}
    for name in CATEGORIES:
        pos = [r for p, r in zip(posts, results) if name in p["expect"]]
        if pos:
            recall[name] = sum(name in cats for cats, _ in pos) / len(pos)
    return {
        "recall": recall,
        "safe_medium": sum(at_least(w, "medium") for _, w in safe) / max(len(safe), 1),
        "safe_critical": sum(at_least(w, "critical") for _, w in safe),
        "risky_medium": sum(at_least(w, "medium") for _, w in risky) / max(len(risky), 1),
    }


def main():
    features, out_path = sys.argv[1], sys.argv[2]
    report_path = sys.argv[3] if len(sys.argv) > 3 else None
    posts = [json.loads(line) for line in open(features, encoding="utf-8") if line.strip()]
    n = len(posts)
    y = np.array([[c in p["expect"] for c in CATEGORIES] for p in posts], dtype=int)
    safe = ~y.any(axis=1)
    whole = matrix([p["windows"][0] for p in posts])
    window_rows, owner = [], []
    for i, p in enumerate(posts):
        for w in p["windows"]:
            window_rows.append(w)
            owner.append(i)
    windows = matrix(window_rows)
    owner = np.array(owner)

    folds = list(KFold(FOLDS, shuffle=True, random_state=0).split(np.arange(n)))
    def one_category(c):
        """Held-out best-window margins of category c, then the weights fitted on all posts."""
        yc = y[:, c]
        if yc.sum() < 5:
            return None
        held_out = np.full(n, -np.inf)
        for train_idx, test_idx in folds:
            coef, bias = fit(whole[train_idx], yc[train_idx])
            in_test = np.isin(owner, test_idx)
            m = windows[in_test] @ coef + bias
            held_out = np.maximum(held_out, best_window(m, owner[in_test], n))
        return held_out, fit(whole, yc)

    # Categories are independent fits: two at a time (the result does not depend on it).
    fitted = Parallel(n_jobs=2)(delayed(one_category)(c) for c in range(len(CATEGORIES)))
    heads, weights, report, trained = [], [], {}, []
    held_out_all = np.full((n, len(CATEGORIES)), -np.inf)
    for c, name in enumerate(CATEGORIES):
        if fitted[c] is None:
            heads.append([1.0, 0.0, float("inf"), float("inf"), float("inf")])
            weights.append(np.zeros(BUCKETS))
            report[name] = {"positives": int(y[:, c].sum()), "trained": False}
            trained.append(False)
            continue
        trained.append(True)
        held_out, (coef, bias) = fitted[c]
        held_out_all[:, c] = held_out
        scale = float(np.abs(coef).max() / 127.0) or 1.0
        heads.append([scale, float(bias)])
        weights.append(np.clip(np.round(coef / scale), -127, 127))

    def thresholds(c, name, k):
        ho = held_out_all[safe, c]
        flag = threshold(ho, FLAG_RATE[name] * k)
        return (min(flag, threshold(ho, NUDGE_RATE)), flag,
                max(flag, threshold(ho, CONFIDENT_RATE)))

    def levels_for(k):
        levels = np.zeros((n, len(CATEGORIES)), dtype=int)
        for c, name in enumerate(CATEGORIES):
            if not trained[c]:
                continue
            for level, t in zip((NUDGE, FLAG, CONFIDENT), thresholds(c, name, k)):
                levels[held_out_all[:, c] >= t, c] = level
        return levels

    chosen = FLAG_SCALES[0]
    for k in FLAG_SCALES:
        if summary(posts, simulate(posts, levels_for(k)))["safe_medium"] <= SAFE_MEDIUM_TARGET:
            chosen = k
    for c, name in enumerate(CATEGORIES):
        if not trained[c]:
            continue
        nudge, flag, confident = thresholds(c, name, chosen)
        heads[c] += [nudge, flag, confident]
        pos = y[:, c] == 1
        held_out = held_out_all[:, c]
        report[name] = {
            "positives": int(pos.sum()),
            "held_out_recall": float((held_out[pos] >= flag).mean()),
            "held_out_safe_rate": float((held_out[safe] >= flag).mean()),
            "nudge": nudge,
            "flag": flag,
            "confident": confident,
        }
    print(f"flag rate scale {chosen}")

    simulated = summary(posts, simulate(posts, levels_for(chosen)))
    print("held-out, rules and model together:")
    for name, r in simulated["recall"].items():
        print(f"  {name:<22} recall {r:.3f}")
    print(f"  safe with medium+ {simulated['safe_medium']:.4f}, safe with a critical "
          f"{simulated['safe_critical']}, risky with medium+ {simulated['risky_medium']:.3f}")

    w = np.stack(weights, axis=1).astype(np.int8)  # [bucket][category]
    with open(out_path, "wb") as f:
        f.write(b"SPM1")
        f.write(struct.pack("<II", BUCKETS, len(CATEGORIES)))
        for head in heads:
            f.write(struct.pack("<fffff", *head))
        f.write(w.tobytes())
    if report_path:
        with open(report_path, "w", encoding="utf-8") as f:
            json.dump({"posts": n, "safe": int(safe.sum()), "categories": report,
                       "held_out_combined": simulated}, f, indent=1)
    for name, r in report.items():
        if r.get("trained", True):
            print(f"{name:<22} positives {r['positives']:>5}  held-out recall "
                  f"{r['held_out_recall']:.3f}  safe over threshold {r['held_out_safe_rate']:.4f}")


if __name__ == "__main__":
    main()
