//! Tables: a row is one block with its cells (and their spans), its inlines the cells in a
//! line for consumers that ignore cells.

use super::super::tree::Node;
use super::Conv;
use crate::inline::InlineBuilder;
use crate::model::{Block, BlockKind, Cell, Inline};

impl Conv<'_> {
    pub(super) fn table(&mut self, e: &Node<'_>, level: u8) {
        let bordered = e.attr("rend").filter(|r| !r.is_empty()).map(str::to_string);
        for child in e.elements() {
            match child.name {
                "row" => {
                    let mut cells = Vec::new();
                    let mut flat = InlineBuilder::new();
                    for cell in child.elements().filter(|c| c.is("cell")) {
                        let inl = self.inlines_of(cell);
                        // The row's own inlines: the cells in a line, markers included.
                        flat.text(" ");
                        for i in &inl {
                            match i {
                                Inline::Text(t) => flat.text(t),
                                other => flat.push(other.clone()),
                            }
                        }
                        cells.push(Cell {
                            inlines: inl,
                            role: cell.attr("role").map(str::to_string),
                            rows: span(cell.attr("rows")),
                            cols: span(cell.attr("cols")),
                        });
                    }
                    for pb in child.elements().filter(|c| c.is("pb")) {
                        self.page_between(pb);
                    }
                    let mut b = Block::new(BlockKind::TableRow, flat.finish());
                    b.level = level;
                    b.cells = cells;
                    b.rend = bordered.clone();
                    self.push(b);
                }
                "head" => {
                    let inl = self.inlines_of(child);
                    self.block(BlockKind::Heading, inl, level, None);
                }
                "pb" => self.page_between(child),
                _ => self.block_element(child, level, None),
            }
        }
    }
}

fn span(v: Option<&str>) -> u16 {
    v.and_then(|v| v.trim().parse::<u16>().ok())
        .filter(|&n| n >= 1)
        .unwrap_or(1)
        .min(64)
}
