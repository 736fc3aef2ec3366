//! What an element is, for reading: its kind ([`Tag`]), the flags reading
//! sets on it, the attributes reading looks at, and whether an inline style
//! hides it. A leaf.

use dom_query::local_name;

/// What an element is, for reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Tag {
    #[default]
    Root,
    Text,
    Br,
    A,
    Inline,
    P,
    Heading(u8),
    Li,
    List,
    Dt,
    Dd,
    Quote,
    Pre,
    Table,
    Tr,
    Cell,
    Div,
    Section,
    Article,
    Main,
    Header,
    Footer,
    Nav,
    Aside,
    Form,
    Figure,
    Block,
    Title,
    LdJson,
}

impl Tag {
    pub(super) fn is_block(self) -> bool {
        !matches!(self, Tag::Root | Tag::Text | Tag::Br | Tag::A | Tag::Inline | Tag::Cell)
    }
}

/// Set aside as furniture (by tag, name or role).
pub(super) const FURNITURE: u8 = 1;
/// Hidden (`hidden`, `display:none`).
pub(super) const HIDDEN: u8 = 2;
/// A link (`<a href>`).
pub(super) const LINK: u8 = 4;
/// Never text (a `<title>` or a JSON-LD script kept for metadata).
pub(super) const NO_TEXT: u8 = 8;
/// A furniture flag lifted: the element holds most of the page's text.
pub(super) const KEPT: u8 = 16;

/// The attributes of an element that reading looks at.
#[derive(Default)]
pub(super) struct Attrs<'a> {
    pub(super) class: Option<&'a str>,
    pub(super) id: Option<&'a str>,
    pub(super) href: Option<&'a str>,
    pub(super) rel: Option<&'a str>,
    pub(super) kind: Option<&'a str>,
    pub(super) hidden: Option<&'a str>,
    pub(super) aria_hidden: Option<&'a str>,
    pub(super) style: Option<&'a str>,
    pub(super) itemprop: Option<&'a str>,
    pub(super) role: Option<&'a str>,
    pub(super) datetime: Option<&'a str>,
    pub(super) content: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    pub(super) fn read(el: &'a dom_query::Element) -> Attrs<'a> {
        let mut at = Attrs::default();
        for a in &el.attrs {
            let n = &a.name.local;
            let slot = if *n == local_name!("class") {
                &mut at.class
            } else if *n == local_name!("id") {
                &mut at.id
            } else if *n == local_name!("href") {
                &mut at.href
            } else if *n == local_name!("style") {
                &mut at.style
            } else if *n == local_name!("itemprop") {
                &mut at.itemprop
            } else if *n == local_name!("role") {
                &mut at.role
            } else if *n == local_name!("rel") {
                &mut at.rel
            } else if *n == local_name!("type") {
                &mut at.kind
            } else if *n == local_name!("hidden") {
                &mut at.hidden
            } else if *n == local_name!("aria-hidden") {
                &mut at.aria_hidden
            } else if *n == local_name!("datetime") {
                &mut at.datetime
            } else if *n == local_name!("content") {
                &mut at.content
            } else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(&a.value);
            }
        }
        at
    }
}

/// Whether an inline style hides its element (`display: none`,
/// `visibility: hidden`).
pub(super) fn hidden_style(style: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((prop, value)) = decl.split_once(':') else { return false };
        let (prop, value) = (prop.trim(), value.trim_start());
        let starts = |v: &str, w: &str| v.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w));
        (prop.eq_ignore_ascii_case("display") && starts(value, "none"))
            || (prop.eq_ignore_ascii_case("visibility") && starts(value, "hidden"))
    })
}
