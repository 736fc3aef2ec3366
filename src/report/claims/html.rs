//! HTML renderer for many-outlet reports: the sources, one-outlet claims
//! first, then shared claims with each outlet's variant, provenance and
//! copying hints, the coverage matrix as a table, and each outlet's
//! consistency summary. One self-contained page, styled and escaped by the
//! helpers of the pairwise page ([`crate::report::html`]).

use crate::findings::claims::{ClaimEntry, ClaimStatus, ClaimsReport};
use crate::report::html::{escape, write_diff, write_flags, write_foot, write_head, write_highlights, LINK_SCRIPT};
use std::io::{self, Write};

/// Writes the report as one HTML page.
pub fn write<W: Write>(report: &ClaimsReport, mut out: W) -> io::Result<()> {
    let title = format!("claimdiff: {} outlets, {} claims", report.sources.len(), report.claims.len());
    write_head(&mut out, &title)?;
    writeln!(out, "<header>\n<h1>{}</h1>", escape(&title))?;
    write_sources(&mut out, report)?;
    let (shared, unique) = report.counts();
    writeln!(
        out,
        "<p class=\"counts\"><span class=\"badge st-shared\">shared</span> {shared} \
         <span class=\"badge st-unique\">unique</span> {unique} (carried by one outlet only)</p>"
    )?;
    writeln!(out, "</header>\n<main>")?;
    write_highlights(&mut out, &report.highlights, |h| format!("claim-{}", report.claims[h.row].id))?;
    writeln!(
        out,
        "<section aria-labelledby=\"shared-h\">\n<h2 id=\"shared-h\">Shared claims the outlets word differently</h2>"
    )?;
    for c in report.claims.iter().filter(|c| c.status == ClaimStatus::Shared && c.differs()) {
        write_shared(&mut out, report, c)?;
    }
    writeln!(out, "</section>")?;
    write_unique(&mut out, report)?;
    // Claims every carrier words alike matter least: folded away.
    let alike: Vec<&ClaimEntry> =
        report.claims.iter().filter(|c| c.status == ClaimStatus::Shared && !c.differs()).collect();
    if !alike.is_empty() {
        writeln!(
            out,
            "<section aria-labelledby=\"alike-h\">\n<details>\n<summary><h2 id=\"alike-h\">Shared claims worded alike ({})</h2></summary>",
            alike.len()
        )?;
        for c in alike {
            write_shared(&mut out, report, c)?;
        }
        writeln!(out, "</details>\n</section>")?;
    }
    write_matrix(&mut out, report)?;
    write_outlets(&mut out, report)?;
    writeln!(out, "</main>")?;
    write_foot(&mut out, &[LINK_SCRIPT])
}

/// `[k] Outlet`, the way every section names a source (1-based, as in the
/// text report).
fn outlet_label(report: &ClaimsReport, source: usize) -> String {
    format!("[{}] {}", source + 1, report.sources[source].outlet)
}

/// The sources, one row each. URLs are text, never links, for the reason
/// given in the pairwise renderer.
fn write_sources<W: Write>(out: &mut W, report: &ClaimsReport) -> io::Result<()> {
    writeln!(out, "<table class=\"sources\">\n<caption>Sources</caption>\n<thead><tr>")?;
    for h in ["#", "Outlet", "Title", "Date", "URL", "Path", "Sentences"] {
        write!(out, "<th scope=\"col\">{h}</th>")?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for (k, s) in report.sources.iter().enumerate() {
        write!(out, "<tr><td>{}</td><th scope=\"row\">{}</th>", k + 1, escape(&s.outlet))?;
        for v in [&s.title, &s.date, &s.url] {
            match v {
                Some(v) => write!(out, "<td>{}</td>", escape(v))?,
                None => write!(out, "<td><span class=\"none\">unknown</span></td>")?,
            }
        }
        writeln!(out, "<td>{}</td><td class=\"num\">{}</td></tr>", escape(&s.path), s.sentences)?;
    }
    writeln!(out, "</tbody>\n</table>")
}

fn write_unique<W: Write>(out: &mut W, report: &ClaimsReport) -> io::Result<()> {
    let n = report.claims.iter().filter(|c| c.status == ClaimStatus::Unique).count();
    // Past a screenful, the list starts folded (the ranked summary above
    // already names the ones that matter most).
    writeln!(out, "<section aria-labelledby=\"unique-h\">\n<details{}>", if n <= 12 { " open" } else { "" })?;
    writeln!(
        out,
        "<summary><h2 id=\"unique-h\">Claims carried by one outlet only, most salient first ({n})</h2></summary>"
    )?;
    writeln!(out, "<table class=\"unique\">\n<thead><tr>")?;
    for h in ["Claim", "Outlet", "Sentence", "Text", "Salience"] {
        write!(out, "<th scope=\"col\">{h}</th>")?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for c in report.claims.iter().filter(|c| c.status == ClaimStatus::Unique) {
        let v = &c.variants[0];
        writeln!(
            out,
            "<tr id=\"claim-{id}\"><th scope=\"row\"><span class=\"badge st-unique\">{id}</span></th>\
             <td>{}</td><td><span class=\"idx\">#{}</span></td><td>{}</td><td class=\"num\">{:.2}</td></tr>",
            escape(&outlet_label(report, v.source)),
            escape(&v.side.index_label()),
            match &c.clause {
                Some(cl) => format!(
                    "\u{201c}{}\u{201d} <span class=\"note\">(a clause only this outlet adds to \
                     <a href=\"#claim-{}\">{}</a>)</span>",
                    escape(&cl.text),
                    escape(&cl.claim),
                    escape(&cl.claim)
                ),
                None => escape(&v.side.sentence).to_string(),
            },
            c.salience,
            id = escape(&c.id)
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</details>\n</section>")
}

fn write_shared<W: Write>(out: &mut W, report: &ClaimsReport, c: &ClaimEntry) -> io::Result<()> {
    let id = escape(&c.id);
    writeln!(out, "<article class=\"claim\" id=\"claim-{id}\" aria-labelledby=\"claim-{id}-h\">")?;
    write!(
        out,
        "<h3 id=\"claim-{id}-h\"><span class=\"badge st-shared\">{id}</span> carried by {} of {} outlets",
        c.variants.len(),
        report.sources.len()
    )?;
    if let Some(prov) = &c.provenance {
        write!(out, "; earliest {} ({})", escape(&outlet_label(report, prov.earliest)), escape(&prov.date))?;
    }
    writeln!(out, "</h3>\n<ul class=\"variants\">")?;
    for (x, v) in c.variants.iter().enumerate() {
        write!(
            out,
            "<li><strong>{}</strong> <span class=\"idx\">#{}</span> ",
            escape(&outlet_label(report, v.source)),
            escape(&v.side.index_label())
        )?;
        if x == c.representative {
            writeln!(
                out,
                "<span class=\"badge st-same\">representative</span>\n<p class=\"rep\">{}</p></li>",
                escape(&v.side.sentence)
            )?;
            continue;
        }
        writeln!(out, "<span class=\"num\">similarity {:.3}</span>", v.similarity)?;
        write_diff(out, &v.diff)?;
        write_flags(out, &v.flags)?;
        writeln!(out, "</li>")?;
    }
    writeln!(out, "</ul>")?;
    for hint in c.provenance.iter().flat_map(|p| &p.hints) {
        let ahead = match hint.margin {
            Some(m) => format!("{m:.3} ahead of the next earlier outlet"),
            None => "the only earlier outlet".to_owned(),
        };
        writeln!(
            out,
            "<p class=\"hint\"><strong>Hint, not proof:</strong> {} reads closest to {} \
             (similarity {:.3}; {ahead}): possible copying.</p>",
            escape(&outlet_label(report, hint.source)),
            escape(&outlet_label(report, hint.closest)),
            hint.similarity
        )?;
    }
    writeln!(out, "</article>")
}

/// The coverage matrix: claims down, outlets across. A carried claim shows
/// a check mark and the sentence index; an empty cell says "no" to screen
/// readers only, so the table stays easy to scan.
fn write_matrix<W: Write>(out: &mut W, report: &ClaimsReport) -> io::Result<()> {
    writeln!(out, "<section aria-labelledby=\"matrix-h\">\n<h2 id=\"matrix-h\">Coverage matrix</h2>")?;
    // Scrolls in its own box: a story of many claims would run the page
    // long and wide.
    writeln!(out, "<div style=\"overflow:auto;max-height:70vh\">")?;
    writeln!(out, "<table class=\"matrix\">\n<caption>Which outlet carries which claim (sentence index)</caption>")?;
    write!(out, "<thead><tr><th scope=\"col\">Claim</th><th scope=\"col\">Status</th>")?;
    for k in 0..report.sources.len() {
        write!(out, "<th scope=\"col\">{}</th>", escape(&outlet_label(report, k)))?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for (c, row) in report.claims.iter().zip(report.matrix()) {
        let id = escape(&c.id);
        write!(out, "<tr><th scope=\"row\"><a href=\"#claim-{id}\">{id}</a></th><td>{}</td>", c.status.as_str())?;
        for cell in row {
            match cell {
                Some(side) => write!(
                    out,
                    "<td class=\"yes\">&#10003; <span class=\"idx\">#{}</span></td>",
                    escape(&side.index_label())
                )?,
                None => write!(out, "<td class=\"no\"><span class=\"sr\">no</span></td>")?,
            }
        }
        writeln!(out, "</tr>")?;
    }
    writeln!(out, "</tbody>\n</table>\n</div>\n</section>")
}

fn write_outlets<W: Write>(out: &mut W, report: &ClaimsReport) -> io::Result<()> {
    writeln!(out, "<section aria-labelledby=\"outlets-h\">\n<h2 id=\"outlets-h\">Outlet consistency</h2>")?;
    writeln!(out, "<table class=\"outlets\">\n<thead><tr>")?;
    for h in ["Outlet", "Claims", "Shared with a majority", "Alone", "Altered quotes"] {
        write!(out, "<th scope=\"col\">{h}</th>")?;
    }
    writeln!(out, "</tr></thead>\n<tbody>")?;
    for o in &report.outlets {
        writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            escape(&outlet_label(report, o.source)),
            o.claims,
            o.shared_with_majority,
            o.alone,
            o.altered_quotes
        )?;
    }
    writeln!(out, "</tbody>\n</table>\n</section>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::config::MatchConfig;

    const LEAD: &str = "The union said the strike would continue until every crane at the port was inspected.";

    fn article(outlet: &str, date: &str, body: &str) -> Article {
        let text = format!("---\noutlet: {outlet}\ndate: {date}\n---\n\n{body}\n");
        Article::from_text(outlet, &text).unwrap()
    }

    fn render() -> String {
        let articles = vec![
            article(
                "Wire",
                "2025-03-10",
                &format!("About 1,200 workers at the container terminal walked off the job on Wednesday. {LEAD}"),
            ),
            article(
                "Herald",
                "2025-03-11",
                &format!(
                    "About 1,500 workers at the container terminal walked off the job on Wednesday. {LEAD} \
                     Police said <script>alert(1)</script> was painted on the gate overnight."
                ),
            ),
            article("The <Ledger> & Co", "2025-03-12", LEAD),
        ];
        let report = crate::compare_many(articles, &MatchConfig::default(), &|_, _| {});
        let mut buf = Vec::new();
        write(&report, &mut buf).unwrap();
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn page_has_every_section() {
        let html = render();
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{html}");
        for part in [
            "<meta charset=\"utf-8\">",
            "<title>claimdiff: 3 outlets,",
            "<table class=\"sources\">",
            "<h2 id=\"unique-h\">",
            "<h2 id=\"shared-h\">",
            "<table class=\"matrix\">",
            "<h2 id=\"outlets-h\">",
            "<span class=\"badge st-same\">representative</span>",
        ] {
            assert!(html.contains(part), "missing {part}: {html}");
        }
        // One script, the page's own: links that open folded sections.
        assert_eq!(html.matches("<script").count(), 1, "{html}");
    }

    #[test]
    fn findings_come_first_then_differing_shared_claims_then_unique_ones() {
        let html = render();
        let top = html.find("<h2 id=\"top-h\">").unwrap();
        let shared = html.find("<h2 id=\"shared-h\">").unwrap();
        let unique = html.find("<h2 id=\"unique-h\">").unwrap();
        assert!(top < shared && shared < unique, "{html}");
        assert!(html[unique..].contains("painted on the gate"), "{html}");
        // Each summary item links to its claim.
        assert!(html[top..shared].contains("<a href=\"#claim-C"), "{html}");
    }

    #[test]
    fn variants_show_changed_words() {
        let html = render();
        assert!(html.contains("<del>1,200</del>"), "{html}");
        assert!(html.contains("<ins>1,500</ins>"), "{html}");
    }

    #[test]
    fn matrix_marks_carriers_with_one_column_per_outlet() {
        let html = render();
        let matrix = &html[html.find("<table class=\"matrix\">").unwrap()..];
        let matrix = &matrix[..matrix.find("</table>").unwrap()];
        let head = &matrix[..matrix.find("</thead>").unwrap()];
        assert_eq!(head.matches("<th scope=\"col\">").count(), 2 + 3);
        // The lead is carried by all three outlets.
        assert!(matrix.lines().any(|l| l.matches("class=\"yes\"").count() == 3), "{matrix}");
        assert!(matrix.contains("<td class=\"no\">"));
    }

    #[test]
    fn copying_hints_are_labelled_as_hints() {
        let html = render();
        assert!(html.contains("earliest [1] Wire (2025-03-10)"), "{html}");
        assert!(html.contains("<strong>Hint, not proof:</strong>"), "{html}");
    }

    #[test]
    fn article_text_and_outlet_names_are_escaped() {
        let html = render();
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(html.contains("The &lt;Ledger&gt; &amp; Co"), "{html}");
        assert!(!html.contains("<script>alert") && !html.contains("<Ledger>"));
    }
}
