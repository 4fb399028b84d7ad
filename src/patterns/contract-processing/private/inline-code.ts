// The Python code of the InlineCode nodes of the default contract-processing flow. Each node gets its
// input as the Python variable `completion` (a model completion, a String); the value of the last
// line is the node's `response`. Bedrock runs the code with Python 3.12, without internet access.

/**
 * Reads `{ contractType, language, sourceLanguage }` from the classification completion: the first
 * JSON object with a known key. A missing or malformed language becomes `unknown`, and its
 * `sourceLanguage` `auto` (Amazon Translate detects the language).
 */
export const PARSE_CLASSIFICATION_CODE = String.raw`import json
import re

LANGUAGE_NAMES = {
    "english": "en", "german": "de", "deutsch": "de", "french": "fr", "spanish": "es", "italian": "it",
    "portuguese": "pt", "dutch": "nl", "japanese": "ja", "chinese": "zh", "korean": "ko", "arabic": "ar",
    "russian": "ru", "polish": "pl", "swedish": "sv", "danish": "da", "norwegian": "no", "finnish": "fi",
    "turkish": "tr", "hindi": "hi",
}


def first_json_object(text, keys):
    decoder = json.JSONDecoder()
    start = text.find("{")
    while start != -1:
        try:
            value, _ = decoder.raw_decode(text, start)
            if isinstance(value, dict) and any(key in value for key in keys):
                return value
        except ValueError:
            pass
        start = text.find("{", start + 1)
    return {}


def first_string(data, names):
    for name in names:
        value = data.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def classify(completion):
    text = completion if isinstance(completion, str) else json.dumps(completion)
    type_keys = ["contractType", "contract_type", "type"]
    language_keys = ["language", "languageCode", "language_code", "lang"]
    data = first_json_object(text, type_keys + language_keys)
    contract_type = first_string(data, type_keys) or "unknown"
    language = first_string(data, language_keys).lower()
    language = LANGUAGE_NAMES.get(language, language).replace("_", "-").split("-")[0]
    if not re.fullmatch(r"[a-z]{2,3}", language):
        language = "unknown"
    return {
        "contractType": contract_type[:100],
        "language": language,
        "sourceLanguage": "auto" if language == "unknown" else language,
    }


classify(completion)`;

/**
 * Reads the quality score (0-10, a Number) from the quality-check completion: the `score` field of
 * the first JSON object that has one, else the first number after the word "score", else the first
 * number; 0 (send to review) when there is none.
 */
export const PARSE_SCORE_CODE = String.raw`import json
import re


def clamp(value):
    score = float(value)
    if score != score:
        raise ValueError("not a number")
    return max(0.0, min(10.0, score))


def parse_score(completion):
    text = completion if isinstance(completion, str) else json.dumps(completion)
    decoder = json.JSONDecoder()
    start = text.find("{")
    while start != -1:
        try:
            value, _ = decoder.raw_decode(text, start)
            if isinstance(value, dict) and "score" in value:
                return clamp(value["score"])
        except (ValueError, TypeError):
            pass
        start = text.find("{", start + 1)
    match = re.search(r"score\D{0,20}?(\d+(?:\.\d+)?)", text, re.IGNORECASE) or re.search(r"(\d+(?:\.\d+)?)", text)
    return clamp(match.group(1)) if match else 0.0


parse_score(completion)`;
