//! How much each kind of flag weighs in the summary: an altered quote or a
//! changed speaker first, house style left out, and how sure a flag is
//! given how closely its two sentences align. [`super::salience`] adds the
//! weight of the flagged words and ranks.

use crate::findings::{Evidence, Flag};

/// How sure a flag is. A loose alignment makes a changed number, name,
/// negation or hedge less certain (the two sentences may not make one
/// claim), but a clause one side adds is a one-source claim either way.
pub(super) fn confidence(f: &Flag, similarity: f32) -> f32 {
    match f.name.as_str() {
        "clause_only_a" | "clause_only_b" | "quote_altered" | "speaker_changed" => 1.0,
        _ => 0.5 + 0.5 * similarity,
    }
}

/// How much a flag kind matters in the summary before the salience of its
/// words, or `None` for flags left out: house style (a name's spelling or
/// hyphenation, or a middle name one outlet gives on first reference, as
/// "LuAnn Marie Johnson" for "Luann Johnson") changes nothing an editor
/// acts on.
pub(super) fn flag_weight(f: &Flag) -> Option<f32> {
    Some(match f.name.as_str() {
        "quote_altered" if slight_quote_change(f) => 5.0,
        "quote_altered" => 20.0,
        "speaker_changed" => 18.0,
        "clause_only_a" | "clause_only_b" => 8.0,
        "number_changed" | "negation_changed" => 8.0,
        "hedge_changed" => 5.0,
        "name_changed" if f.rule == "name:variant" => 3.0,
        _ => return None,
    })
}

/// Whether a quotation's words differ only in function words ("has",
/// "the" for "this": a transcription, not words put in a mouth) or in an
/// abbreviation spelled out ("IE" / "Internet Explorer"). It stays in the
/// claim's detail and ranks with hedges.
fn slight_quote_change(f: &Flag) -> bool {
    let words = |e: &[Evidence]| -> Vec<String> {
        e.iter()
            .flat_map(|e| e.text.split(|c: char| !c.is_alphanumeric() && c != '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let (wa, wb) = (words(&f.a), words(&f.b));
    let content = |w: &String| w.chars().count() > 2 && !crate::normalize::is_stop_word(&w.to_lowercase());
    if !wa.iter().chain(&wb).any(content) {
        return true;
    }
    let initials = |ws: &[String]| ws.iter().filter_map(|w| w.chars().next()).collect::<String>().to_uppercase();
    let acronym = |x: &[String], y: &[String]| {
        x.len() == 1 && y.len() > 1 && x[0].chars().all(|c| c.is_ascii_uppercase()) && x[0] == initials(y)
    };
    acronym(&wa, &wb) || acronym(&wb, &wa)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_changed_in_function_words_or_an_abbreviation_ranks_low() {
        let flag = |a: &[&str], b: &[&str]| {
            let ev =
                |t: &[&str]| t.iter().map(|t| Evidence { start: 0, end: t.len(), text: (*t).to_owned() }).collect();
            Flag {
                name: "quote_altered".to_owned(),
                rule: "quote:words-differ".to_owned(),
                explanation: String::new(),
                a: ev(a),
                b: ev(b),
            }
        };
        for (a, b) in [(&[][..], &["has"][..]), (&["this"], &["the"]), (&["IE"], &["Internet Explorer"])] {
            assert_eq!(flag_weight(&flag(a, b)), Some(5.0), "{a:?} {b:?}");
        }
        for (a, b) in [(&["sustained"][..], &["suffered"][..]), (&["port authority"], &["minister"])] {
            assert_eq!(flag_weight(&flag(a, b)), Some(20.0), "{a:?} {b:?}");
        }
    }

    #[test]
    fn house_style_names_stay_out_of_the_summary() {
        let flag = |rule: &str| Flag {
            name: "name_changed".to_owned(),
            rule: rule.to_owned(),
            explanation: String::new(),
            a: Vec::new(),
            b: Vec::new(),
        };
        for rule in ["name:spelling", "name:hyphenation", "name:middle"] {
            assert_eq!(flag_weight(&flag(rule)), None, "{rule}");
        }
        assert!(flag_weight(&flag("name:variant")).is_some());
    }
}
