//! What an element's class and id say: furniture (navigation, sharing,
//! related stories, comments, advertisements...), a known article-body
//! container and its rank, an author or byline, and a Readability-style
//! weight, read from the words of each class and id token
//! (`relatedArticles` is `related articles`). A leaf.

/// What an element's class and id names say.
#[derive(Clone, Copy)]
pub(super) struct Names {
    pub(super) furniture: bool,
    /// Names an author or a byline.
    pub(super) byline: bool,
    pub(super) tier: u8,
    pub(super) weight: i8,
}

impl Names {
    /// Reads the class and id tokens; `scratch` is a buffer to reuse.
    pub(super) fn read(class: &str, id: &str, scratch: &mut String) -> Names {
        let mut n = Names { furniture: false, byline: false, tier: 0, weight: 0 };
        if class.is_empty() && id.is_empty() {
            return n;
        }
        let mut positive = false;
        let mut negative = false;
        let mut bounds = [(0usize, 0usize); MAX_WORDS];
        for token in class.split_ascii_whitespace().chain(id.split_ascii_whitespace()) {
            let count = split_words(token, scratch, &mut bounds);
            let mut words = [""; MAX_WORDS];
            for (w, &(from, to)) in words.iter_mut().zip(&bounds[..count]) {
                *w = &scratch[from..to];
            }
            let words = &words[..count];
            if let Some(t) = body_tier(words) {
                n.tier = if n.tier == 0 { t } else { n.tier.min(t) };
            }
            // Hidden by a class of its own (not `field-label-hidden`, a
            // field whose label is hidden, nor `hidden-xs`, hidden on
            // phones only).
            let hidden = matches!(
                token.to_ascii_lowercase().as_str(),
                "hidden"
                    | "hide"
                    | "is-hidden"
                    | "d-none"
                    | "visually-hidden"
                    | "sr-only"
                    | "screen-reader-text"
                    | "screenreader-only"
                    | "invisible"
            );
            if hidden || furniture_words(words) {
                n.furniture = true;
            }
            for w in words {
                if matches!(*w, "author" | "byline" | "authors") {
                    n.byline = true;
                }
                if matches!(
                    *w,
                    "article" | "body" | "content" | "entry" | "main" | "page" | "post" | "text" | "blog" | "story"
                ) {
                    positive = true;
                }
                if matches!(
                    *w,
                    "comment"
                        | "comments"
                        | "meta"
                        | "footer"
                        | "footnote"
                        | "sidebar"
                        | "share"
                        | "social"
                        | "related"
                        | "widget"
                        | "sponsor"
                        | "ad"
                        | "ads"
                        | "promo"
                        | "combx"
                        | "masthead"
                        | "media"
                        | "shoutbox"
                        | "scroll"
                        | "pagination"
                        | "pager"
                        | "popup"
                        | "tags"
                        | "author"
                        | "byline"
                ) {
                    negative = true;
                }
            }
        }
        n.weight = if positive { 25 } else { 0 } - if negative { 25 } else { 0 };
        if n.tier > 0 {
            // A body container is no furniture, whatever else it is called.
            n.furniture = false;
        }
        n
    }
}

/// The most words of one class or id token that are read.
const MAX_WORDS: usize = 12;

/// Splits a class or id token into lower-case words, written to `out` with
/// their spans in `bounds`: split at non-alphanumerics and where a
/// lower-case letter meets a capital (`relatedArticles`); the words after
/// the first [`MAX_WORDS`] are left out. Returns the count.
fn split_words(token: &str, out: &mut String, bounds: &mut [(usize, usize); MAX_WORDS]) -> usize {
    out.clear();
    let mut count = 0;
    let mut start: Option<usize> = None;
    let mut prev_lower = false;
    for ch in token.chars() {
        let boundary = !ch.is_alphanumeric() || (ch.is_uppercase() && prev_lower);
        if boundary {
            if let Some(from) = start.take() {
                if count == MAX_WORDS {
                    return count;
                }
                bounds[count] = (from, out.len());
                count += 1;
            }
        }
        if !ch.is_alphanumeric() {
            prev_lower = false;
            continue;
        }
        start.get_or_insert(out.len());
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
        if ch.is_ascii() {
            out.push(ch.to_ascii_lowercase());
        } else {
            out.extend(ch.to_lowercase());
        }
    }
    if let Some(from) = start {
        if count < MAX_WORDS {
            bounds[count] = (from, out.len());
            count += 1;
        }
    }
    count
}

/// The body-container rank a token's words name: 1 `article-body` and its
/// kin, 3 `story`-like, 4 `main-content`-like.
fn body_tier(words: &[&str]) -> Option<u8> {
    const ONE: &[&str] = &[
        "articlebody",
        "articlecontent",
        "articletext",
        "entrycontent",
        "postcontent",
        "postbody",
        "posttext",
        "postentry",
        "storybody",
        "storycontent",
        "storytext",
        "bodytext",
        "articlecontainer",
    ];
    let concat_is = |target: &str| {
        let mut rest = target;
        for w in words {
            match rest.strip_prefix(w) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        rest.is_empty()
    };
    if ONE.iter().any(|t| concat_is(t)) {
        return Some(1);
    }
    if let [one] = words {
        match *one {
            "fulltext" => return Some(3),
            "post" | "entry" | "story" | "article" | "text" | "postarea" => return Some(3),
            "content" | "maincontent" | "primary" => return Some(4),
            _ => {}
        }
    }
    // Pairs of words in a row: article-body, article__content, post_content, entry-content.
    for pair in words.windows(2) {
        match (pair[0], pair[1]) {
            ("article" | "art" | "entry" | "post" | "story" | "news", "body" | "content" | "text" | "copy")
            | ("body", "text" | "copy") => return Some(1),
            ("main" | "single" | "page" | "blog" | "section" | "theme", "content")
            | ("content", "main" | "body")
            | ("main", "column") => return Some(4),
            _ => {}
        }
    }
    if words.iter().any(|w| *w == "fulltext" || *w == "storybody") {
        return Some(3);
    }
    None
}

/// Whether a token's words name furniture.
fn furniture_words(words: &[&str]) -> bool {
    // An embedded post (a tweet in a `social-embed`) is quoted content.
    let embed = words.iter().any(|w| matches!(*w, "embed" | "embedded" | "tweet"));
    // Links to the next story (`next-post`, `next-prev`).
    if words.len() > 1 && words[..words.len() - 1].contains(&"next") {
        return true;
    }
    words.iter().any(|w| {
        if embed && (w.starts_with("social") || w.starts_with("share")) {
            return false;
        }
        matches!(
            *w,
            "nav"
                | "prev"
                | "previous"
                | "navbar"
                | "navigation"
                | "menu"
                | "submenu"
                | "footer"
                | "sidebar"
                | "breadcrumb"
                | "breadcrumbs"
                | "share"
                | "shares"
                | "sharing"
                | "sharebar"
                | "social"
                | "comment"
                | "comments"
                | "related"
                | "newsletter"
                | "cookie"
                | "cookies"
                | "consent"
                | "gdpr"
                | "promo"
                | "promos"
                | "ad"
                | "ads"
                | "advert"
                | "adverts"
                | "advertisement"
                | "advertising"
                | "adsbygoogle"
                | "sponsor"
                | "sponsored"
                | "outbrain"
                | "taboola"
                | "subscribe"
                | "subscription"
                | "signup"
                | "popup"
                | "modal"
                | "banner"
                | "tags"
                | "byline"
                | "author"
                | "masthead"
                | "toolbar"
                | "recommended"
                | "trending"
                | "popular"
                | "pagination"
                | "header"
                | "caption"
                | "credit"
                | "disqus"
                | "date"
                | "timestamp"
                | "dateline"
        ) || (w.starts_with("related") && w.len() > 7)
            || (w.starts_with("comment") && !w.starts_with("commentary"))
            || w.starts_with("newsletter")
            || w.starts_with("breadcrumb")
            || w.starts_with("sidebar")
            || w.starts_with("advert")
            || w.starts_with("social")
    })
}

/// A fast hash for short strings (rustc's Fx): a word at a time, rotated,
/// mixed and multiplied.
#[derive(Default)]
pub(super) struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
}
