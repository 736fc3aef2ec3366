//! Both HTML pages in a real browser: headless Chromium loads each page
//! with a probe script appended, which clicks what a reader clicks and
//! writes what it saw into the DOM that `--dump-dom` prints. It checks the
//! highlights inside the side-by-side columns, the status filters, and that
//! every summary link lands on its row or claim, folded sections opened.
//!
//! The browser is `CLAIMDIFF_CHROMIUM`, else `chromium`, `chromium-browser`
//! or `google-chrome` on PATH. Without one the tests are skipped with a
//! note, unless `CLAIMDIFF_REQUIRE_BROWSER=1` (`.ci/run` installs Chromium
//! and sets it).

use crate::util::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn browser() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CLAIMDIFF_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        for dir in std::env::split_paths(&path) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// The browser, or `None` after a note (a failure when one is required).
fn browser_or_skip() -> Option<PathBuf> {
    let b = browser();
    if b.is_none() {
        assert!(
            std::env::var("CLAIMDIFF_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "CLAIMDIFF_REQUIRE_BROWSER=1 but no Chromium found (set CLAIMDIFF_CHROMIUM)"
        );
        eprintln!("note: no Chromium on PATH; browser tests skipped");
    }
    b
}

/// Loads `page` with `probe` appended in headless Chromium and returns the
/// JSON object the probe wrote into `<pre id="cd-probe">`.
fn probe(browser: &Path, page: &Path, probe: &str) -> serde_json::Value {
    let html = std::fs::read_to_string(page).unwrap();
    assert_eq!(html.matches("</body>").count(), 1);
    let script = format!(
        "<script>(function () {{ var r = {{}}; try {{ {probe} }} catch (e) {{ r.error = String(e); }}\n\
         var pre = document.createElement('pre'); pre.id = 'cd-probe'; pre.textContent = JSON.stringify(r);\n\
         document.body.appendChild(pre); }})();</script></body>"
    );
    let probed = page.with_extension("probe.html");
    std::fs::write(&probed, html.replace("</body>", &script)).unwrap();
    let out = Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--window-size=1200,900", "--dump-dom"])
        .arg(format!("file://{}", probed.display()))
        .output()
        .expect("run chromium");
    let dom = String::from_utf8_lossy(&out.stdout);
    let start = dom
        .find("<pre id=\"cd-probe\">")
        .unwrap_or_else(|| panic!("no probe output; stderr:\n{}", String::from_utf8_lossy(&out.stderr)))
        + "<pre id=\"cd-probe\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let json = dom[start..end].replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(v.get("error").is_none(), "probe failed: {v}");
    v
}

fn render(dir: &Path, name: &str, args: &[&str]) -> PathBuf {
    let path = dir.join(name);
    let out = claimdiff().args(["compare", "--format", "html", "-o"]).arg(&path).args(args).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    path
}

/// Every summary link: clicked, its target must exist, be rendered (not
/// inside a closed `<details>` or a hidden row) and sit at the top of the
/// window.
const LINKS: &str = r##"
  var links = Array.prototype.slice.call(document.querySelectorAll(".highlights a[href^='#']"));
  r.links = links.length; r.landed = 0; r.missed = [];
  links.forEach(function (a) {
    window.scrollTo(0, 0);
    a.click();
    var t = document.getElementById(a.getAttribute("href").slice(1));
    var box = t && t.getBoundingClientRect();
    var shown = t && t.getClientRects().length > 0;
    // At the top of the window, or in view when the page is scrolled to
    // its end (a target near the bottom cannot reach the top).
    var end = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    var inView = shown && (Math.abs(box.top) < 2 || (end && box.top >= 0 && box.top < window.innerHeight));
    if (inView && location.hash === a.getAttribute("href")) r.landed++;
    else r.missed.push(a.getAttribute("href") + (t ? (shown ? " top " + box.top : " not rendered") : " missing"));
  });
"##;

#[test]
fn pairwise_page_works_in_a_browser() {
    let Some(browser) = browser_or_skip() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = render(dir.path(), "pair.html", &[HERALD, LEDGER]);
    let v = probe(
        &browser,
        &page,
        &format!(
            r##"
  // Highlights inside the columns: changed words and flag evidence.
  var a = document.querySelector("#row-1 td:nth-child(3)"), b = document.querySelector("#row-1 td:nth-child(4)");
  r.a_flag = Array.prototype.map.call(a.querySelectorAll("mark.ev"), function (m) {{ return m.textContent + "|" + m.title; }});
  r.b_flag = Array.prototype.map.call(b.querySelectorAll("mark.ev"), function (m) {{ return m.textContent + "|" + m.title; }});
  r.a_del = a.querySelectorAll("del").length; r.b_ins = b.querySelectorAll("ins").length;
  r.a_ins = a.querySelectorAll("ins").length; r.b_del = b.querySelectorAll("del").length;
  r.marked_rows = document.querySelectorAll("tbody.row mark.ev").length;
  // Filters: shown, pressed state, rows hidden and back.
  var box = document.querySelector(".filters");
  r.filters_shown = !box.hidden && box.getClientRects().length > 0;
  var same = box.querySelector("button[data-status='same']");
  var rows = function (st) {{ return document.querySelectorAll("tbody.row[data-status='" + st + "']"); }};
  var visible = function (st) {{ return Array.prototype.filter.call(rows(st), function (t) {{ return t.getClientRects().length > 0; }}).length; }};
  r.same_rows = rows("same").length;
  r.pressed_before = same.getAttribute("aria-pressed");
  same.click();
  r.pressed_off = same.getAttribute("aria-pressed");
  r.same_visible_off = visible("same"); r.reworded_visible_off = visible("reworded"); r.reworded_rows = rows("reworded").length;
  same.click();
  r.same_visible_on = visible("same");
  // A summary link to a row its filter hides turns the filter back on.
  var only = Array.prototype.filter.call(document.querySelectorAll(".highlights a[href^='#row-']"), function (l) {{
    return document.getElementById(l.getAttribute("href").slice(1)).dataset.status === "only_b"; }})[0];
  var ob = box.querySelector("button[data-status='only_b']");
  if (only) {{ ob.click(); r.hidden_target_off = ob.getAttribute("aria-pressed"); only.click();
    r.hidden_target_pressed = ob.getAttribute("aria-pressed");
    r.hidden_target_shown = document.getElementById(only.getAttribute("href").slice(1)).getClientRects().length > 0; }}
  {LINKS}
"##
        ),
    );
    // Row 1 is the 1,200/1,500 sentence: the numbers are marked as the
    // flag's evidence, on their own side, inside the changed words.
    assert_eq!(v["a_flag"], serde_json::json!(["1,200|number_changed"]), "{v}");
    assert_eq!(v["b_flag"], serde_json::json!(["1,500|number_changed"]), "{v}");
    assert!(v["a_del"].as_u64() > Some(0) && v["b_ins"].as_u64() > Some(0), "{v}");
    assert_eq!((v["a_ins"].as_u64(), v["b_del"].as_u64()), (Some(0), Some(0)), "{v}");
    assert!(v["marked_rows"].as_u64() >= Some(5), "{v}");
    // Filters.
    assert_eq!(v["filters_shown"], true, "{v}");
    assert!(v["same_rows"].as_u64() > Some(0), "{v}");
    assert_eq!((v["pressed_before"].as_str(), v["pressed_off"].as_str()), (Some("true"), Some("false")), "{v}");
    assert_eq!(v["same_visible_off"], 0, "{v}");
    assert_eq!(v["reworded_visible_off"], v["reworded_rows"], "{v}");
    assert_eq!(v["same_visible_on"], v["same_rows"], "{v}");
    assert_eq!(v["hidden_target_off"], "false", "{v}");
    assert_eq!(
        (v["hidden_target_pressed"].as_str(), &v["hidden_target_shown"]),
        (Some("true"), &serde_json::json!(true)),
        "{v}"
    );
    // Every summary link lands.
    assert!(v["links"].as_u64() >= Some(5), "{v}");
    assert_eq!(v["landed"], v["links"], "{v}");
}

#[test]
fn claims_page_works_in_a_browser() {
    let Some(browser) = browser_or_skip() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = render(dir.path(), "claims.html", &[DIR]);
    let v = probe(
        &browser,
        &page,
        &format!(
            r##"
  r.folded_before = document.querySelectorAll("details:not([open])").length;
  {LINKS}
  // The rumour one outlet adds is in the summary and lands on its claim.
  var rumour = Array.prototype.filter.call(document.querySelectorAll(".highlights li"), function (li) {{ return li.textContent.indexOf("bankrolled") >= 0; }});
  r.rumour_rank = rumour.length ? Array.prototype.indexOf.call(rumour[0].parentNode.children, rumour[0]) + 1 : 0;
  var m = document.querySelector(".matrix-scroll, .matrix");
  r.matrix_scrolls = m ? getComputedStyle(m).overflowX : "none";
  r.page_wider = document.documentElement.scrollWidth > window.innerWidth + 1;
"##
        ),
    );
    // The one-outlet list is folded (21 on the sample), and links into it
    // still land, opening it.
    assert!(v["folded_before"].as_u64() >= Some(1), "{v}");
    assert!(v["links"].as_u64() >= Some(5), "{v}");
    assert_eq!(v["landed"], v["links"], "{v}");
    assert!((1..=5).contains(&v["rumour_rank"].as_u64().unwrap()), "{v}");
    // The coverage matrix scrolls in its box; the page itself does not
    // overflow sideways.
    assert_eq!(v["page_wider"], false, "{v}");
}
