//! The one parse: html5ever, through dom_query's tree, fed a slice at a
//! time with the nesting followed as elements are inserted, so that a page
//! nested past the bound stops the parse soon after.

use super::TooDeep;
use dom_query::{Document, NodeId};
use std::borrow::Cow;

/// Bytes of the page fed to the parser at a time: the depth is checked
/// between feeds.
const FEED: usize = 16 * 1024;

/// Parses the page, fed to html5ever a slice at a time, refusing it when
/// its elements nest more than `max_depth` deep. The parser's tree
/// building costs time in proportion to the depth for every tag (it scans
/// its stack of open elements), so 100,000 nested `<div>`s take half a
/// minute: the depth is followed as elements are inserted ([`Guarded`]),
/// and parsing stops at the end of the first slice that passes the bound.
pub(super) fn parse(text: &str, max_depth: usize) -> Result<Document, TooDeep> {
    use html5ever::tendril::{StrTendril, TendrilSink};
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts { scripting_enabled: false, ..Default::default() },
        ..Default::default()
    };
    let sink = Guarded {
        depth: std::cell::RefCell::new(std::collections::HashMap::with_capacity_and_hasher(
            text.len() / 40,
            Default::default(),
        )),
        ..Default::default()
    };
    let mut parser = html5ever::parse_document(sink, opts);
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(FEED);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        if parser.tokenizer.sink.sink.deepest.get() as usize > max_depth {
            return Err(TooDeep);
        }
    }
    let guarded = parser.finish();
    if guarded.deepest.get() as usize > max_depth {
        return Err(TooDeep);
    }
    Ok(guarded.doc)
}

/// dom_query's tree sink, with each element's depth noted as it is
/// inserted (a child one below its parent, a node inserted before a sibling
/// at the sibling's depth). Children moved by the adoption agency keep the
/// depth they were inserted at.
#[derive(Default)]
struct Guarded {
    doc: Document,
    depth: std::cell::RefCell<std::collections::HashMap<NodeId, u32, std::hash::BuildHasherDefault<IdHasher>>>,
    deepest: std::cell::Cell<u32>,
}

/// A node id's hash: the id (a number) times a large odd constant, which
/// spreads consecutive ids over the table.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

impl Guarded {
    fn depth_of(&self, id: &NodeId) -> u32 {
        self.depth.borrow().get(id).copied().unwrap_or(0)
    }

    fn note(&self, node: &html5ever::tree_builder::NodeOrText<NodeId>, depth: u32) {
        if let html5ever::tree_builder::NodeOrText::AppendNode(id) = node {
            self.depth.borrow_mut().insert(*id, depth);
            if depth > self.deepest.get() {
                self.deepest.set(depth);
            }
        }
    }
}

impl html5ever::tree_builder::TreeSink for Guarded {
    type Handle = NodeId;
    type Output = Self;
    type ElemName<'a> = std::cell::Ref<'a, html5ever::QualName>;

    fn finish(self) -> Self {
        self
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> NodeId {
        self.doc.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.doc.elem_name(target)
    }
    fn create_element(
        &self,
        name: html5ever::QualName,
        attrs: Vec<html5ever::Attribute>,
        flags: html5ever::tree_builder::ElementFlags,
    ) -> NodeId {
        self.doc.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: html5ever::tendril::StrTendril) -> NodeId {
        self.doc.create_comment(text)
    }
    fn create_pi(&self, target: html5ever::tendril::StrTendril, data: html5ever::tendril::StrTendril) -> NodeId {
        self.doc.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: html5ever::tree_builder::NodeOrText<NodeId>) {
        self.note(&child, self.depth_of(parent) + 1);
        self.doc.append(parent, child);
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: html5ever::tree_builder::NodeOrText<NodeId>,
    ) {
        // Before `element` when it has a parent, else in `prev_element`:
        // the deeper of the two is noted.
        self.note(&child, self.depth_of(element).max(self.depth_of(prev_element) + 1));
        self.doc.append_based_on_parent_node(element, prev_element, child);
    }
    fn append_doctype_to_document(
        &self,
        name: html5ever::tendril::StrTendril,
        public_id: html5ever::tendril::StrTendril,
        system_id: html5ever::tendril::StrTendril,
    ) {
        self.doc.append_doctype_to_document(name, public_id, system_id);
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        let contents = self.doc.get_template_contents(target);
        let depth = self.depth_of(target) + 1;
        self.depth.borrow_mut().insert(contents, depth);
        contents
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }
    fn set_quirks_mode(&self, mode: html5ever::tree_builder::QuirksMode) {
        self.doc.set_quirks_mode(mode);
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: html5ever::tree_builder::NodeOrText<NodeId>) {
        self.note(&new_node, self.depth_of(sibling));
        self.doc.append_before_sibling(sibling, new_node);
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<html5ever::Attribute>) {
        self.doc.add_attrs_if_missing(target, attrs);
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.doc.remove_from_parent(target);
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.doc.reparent_children(node, new_parent);
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.doc.is_mathml_annotation_xml_integration_point(handle)
    }
}
